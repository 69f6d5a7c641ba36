//===- ThrowGuards.h - tests that rule out a library call's exception -*- C++ -*-===//
//
// Many standard exceptions report a precondition the caller can test first:
// `o.value()` throws only for an empty optional, `f()` only for an empty
// std::function, `v.at(i)` only for `i >= v.size()`. Code that tested it on
// the way to the call (`o.has_value() ? o.value() : d`, `if (!f) return;`,
// `for (i = 0; i < v.size(); ++i) v.at(i)`, `assert(!s.empty())`) cannot
// get the exception, and a lock held there cannot leak through it.
//
// The decision is structural, read off the body's syntax: the call must lie
// in the branch of an `if`, `?:`, `&&`, `||` or loop condition that
// establishes the precondition, or after a statement that leaves unless it
// holds (`if (!o) return;`, an assert-like `c ? (void)0 : abort()`), with
// nothing in between that may change the object or the index (assignments,
// non-const members, non-const reference arguments, and, for anything but a
// local, any call the analysis cannot see is harmless). Jumps into the
// region (a `case` label or a `goto` target on the way) void the test.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_THROWGUARDS_H
#define LOCKCHECK_THROWGUARDS_H

#include "lockcheck/StdThrowTable.h"
#include "clang/AST/ParentMap.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
} // namespace clang

namespace lockcheck {

class ThrowGuards {
public:
  explicit ThrowGuards(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// Whether \p Call, in the body of \p In, is reached only where \p P
  /// holds for \p Object (the container, optional or function object) and
  /// \p Arg (the index, position or key; null when \p P needs none).
  bool tested(const clang::CallExpr *Call, const clang::FunctionDecl *In, Precondition P,
              const clang::Expr *Object, const clang::Expr *Arg);

private:
  const clang::ParentMap *parents(const clang::FunctionDecl *In);

  clang::ASTContext &Ctx;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<clang::ParentMap>> Parents;
  llvm::DenseMap<std::pair<const clang::CallExpr *, unsigned>, bool> Memo;
};

} // namespace lockcheck

#endif
