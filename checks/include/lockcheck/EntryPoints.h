//===- EntryPoints.h - obligations at functions nothing calls ----*- C++ -*-===//
//
// A function that returns holding a lock, or releases one it did not take,
// hands an obligation to its callers; a root has none to hand it to, so the
// obligation is checked there (Roots.cpp: main, thread functions, a file's
// own functions nothing names). Across a whole program one more kind of
// function is a root: one with external linkage that no TU calls or names.
// One TU cannot know that, so each TU analyses its candidates once more as
// roots and writes what that finds into its facts (`ifUncalled`), with the
// functions it names but does not define (`named`); the whole-project step
// keeps the findings of the functions nobody named.
//
// Off unless asked for (`lockcheck -p --entry-points=uncalled`): in a
// library, a function nothing calls is part of its interface, and an
// acquire/release pair there is its users' obligation, not a bug.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_ENTRYPOINTS_H
#define LOCKCHECK_ENTRYPOINTS_H

#include "lockcheck/Facts.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace lockcheck {

/// Could \p FD be an entry point of the program that only a whole-program
/// view tells? External linkage, a free function (a method may be reached
/// through a base class or a constructor), not inline (defined alike in
/// every TU), not `main`, and not named anywhere in its own TU.
bool mayBeUncalledEntry(const clang::FunctionDecl *FD);

/// USRs (sorted, unique) of the functions outside system headers that the
/// TU calls or names (`&f`, an initializer `{.read = f}`) and for which
/// \p DefinedHere is false.
std::vector<std::string>
namedFunctions(clang::ASTContext &Ctx,
               llvm::function_ref<bool(const clang::FunctionDecl *)> DefinedHere);

/// Per TU, the `ifUncalled` findings of functions that no TU names, minus
/// those the TU reports anyway (same check and place).
std::vector<std::vector<FactFinding>> uncalledEntryFindings(llvm::ArrayRef<const TUFacts *> TUs);

} // namespace lockcheck

#endif
