//===- RecursiveInit.h - locks made recursive when they are set up -*- C++ -*-===//
//
// A pthread mutex is recursive or not by how it was initialised, not by its
// type. Wrapper classes over pthread (`class Mutex { pthread_mutex_t m_; ... }`)
// often make theirs recursive in the constructor:
//
//   pthread_mutexattr_settype(&attr_, PTHREAD_MUTEX_RECURSIVE);
//   pthread_mutex_init(&m_, &attr_);
//
// and re-locking such a mutex is not a deadlock.
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_RECURSIVEINIT_H
#define LOCKCHECK_RECURSIVEINIT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"

namespace clang {
class ASTContext;
class FunctionDecl;
class ValueDecl;
class FieldDecl;
class SourceManager;
class LangOptions;
class Expr;
} // namespace clang

namespace lockcheck {

/// Is the mutex field \p FD made recursive where its class sets it up: by
/// its in-class or constructor initializer (`PTHREAD_RECURSIVE_MUTEX_
/// INITIALIZER_NP`), or by `pthread_mutex_init(&FD, &A)` in a constructor
/// whose attribute object A gets a recursive type there?
bool fieldInitializedRecursive(const clang::FieldDecl *FD, const clang::SourceManager &SM,
                               const clang::LangOptions &LO);

/// The mutexes (fields, by class; globals) that some function of \p Fns
/// initialises with an attribute object it gives a recursive type: C code
/// sets its locks up in an init function (`foo_init(struct foo *f)`), not a
/// constructor. Empty when the TU never calls pthread_mutexattr_settype.
llvm::DenseSet<const clang::ValueDecl *>
mutexesSetUpRecursive(clang::ASTContext &Ctx, llvm::ArrayRef<const clang::FunctionDecl *> Fns);

/// Is \p E spelled with a macro or names an enumerator whose name says
/// RECURSIVE (`PTHREAD_MUTEX_RECURSIVE`, `PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP`)?
bool spelledRecursive(const clang::Expr *E, const clang::SourceManager &SM,
                      const clang::LangOptions &LO);

} // namespace lockcheck

#endif
