//===- Roots.h - where obligations stop -------------------------*- C++ -*-===//
//
// Acquire and release wrappers hand obligations to their callers ("returns
// holding L", "needs L held on entry"). A root is a function no call of the
// program reaches: main, the functions threads start with
// (std::thread/std::jthread, pthread_create, thrd_create, std::async), and
// functions with internal linkage that nothing in the TU names (a `static`
// function with no call, no address taken, no entry in a table), unless it
// is a shared helper (below). At a root the obligations are checked instead
// of passed on.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_ROOTS_H
#define LOCKCHECK_ROOTS_H

#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace clang {
class FunctionDecl;
}

namespace lockcheck {

/// A function (not a method) of internal linkage that nothing in the TU
/// names and that is meant to be shared (`static inline`, or defined in a
/// header): the TUs that include it and call it analyse it, as a wrapper
/// like any other; here it is neither a root nor analysed.
bool isUnusedSharedHelper(const clang::FunctionDecl *FD);

/// The roots among \p Fns (canonical declarations).
llvm::DenseSet<const clang::FunctionDecl *>
findRoots(const std::vector<const clang::FunctionDecl *> &Fns);

} // namespace lockcheck

#endif
