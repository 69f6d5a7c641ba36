//===- StmtWalk.h - every statement below a root, without recursion -*- C++ -*-===//
//
// Bodies can nest deeper than the stack allows a recursive visitor (a
// generated chain of thousands of `else if`), so walks over a body use an
// explicit stack. The order is the stack's: a statement, then its children
// from the last to the first.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_STMTWALK_H
#define LOCKCHECK_STMTWALK_H

#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace lockcheck {

/// Calls \p Visit on \p Root and every statement below it until \p Visit
/// returns true (found: stop).
inline void forEachStmt(const clang::Stmt *Root,
                        llvm::function_ref<bool(const clang::Stmt *)> Visit) {
  llvm::SmallVector<const clang::Stmt *, 64> Work{Root};
  while (!Work.empty()) {
    const clang::Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    for (const clang::Stmt *C : S->children())
      Work.push_back(C);
    if (Visit(S))
      return;
  }
}

} // namespace lockcheck

#endif
