//===- ForeignGlobal.h - a lock another file keeps to itself -----*- C++ -*-===//
//
// A wrapper pair over a `static` mutex (`static pthread_mutex_t big_lock;
// void big_lock_acquire(void) {...}` in locks.c) names a lock that no other
// file can declare. Another TU that imports the wrappers' summaries still
// needs a declaration to name it by, so one is made up: an implicit
// VarDecl that belongs to no DeclContext (the compiler never sees it),
// carrying the lock's USR and its file. Lock paths display it as
// `big_lock (in locks.c)` and facts write it under its real USR, so the
// lock is the same one in every TU that imports it.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_FOREIGNGLOBAL_H
#define LOCKCHECK_FOREIGNGLOBAL_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class Decl;
class VarDecl;
} // namespace clang

namespace lockcheck {

struct ForeignOrigin {
  std::string Usr;  // the USR the declaring TU gave it
  std::string File; // the file it is private to ("" when not private)
};

/// A made-up declaration of global \p Name, declared in another TU only.
clang::VarDecl *makeForeignGlobal(clang::ASTContext &Ctx, llvm::StringRef Name,
                                  llvm::StringRef Usr, llvm::StringRef File);

/// Where \p D came from, if makeForeignGlobal made it.
std::optional<ForeignOrigin> foreignOrigin(const clang::Decl *D);

/// How a message names a lock private to \p File: `big_lock (in locks.c)`.
std::string withOrigin(llvm::StringRef Name, llvm::StringRef File);

} // namespace lockcheck

#endif
