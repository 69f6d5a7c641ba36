//===- GuardClasses.h - the project's own scoped guards ---------*- C++ -*-===//
//
// Real code rarely locks with std::lock_guard: it has its own RAII class
// (`MutexLock l(&mu_);`, `scoped_lock_t l(sync);`) over its own mutex class,
// without thread-safety attributes. Such a class is recognised from its
// bodies' summaries: a constructor that leaves held a lock it reaches through
// a member initialised from one of its parameters (GuardConstructor in
// Summary.h, computed where the constructor is analysed or read from another
// TU's facts), and a destructor that releases that member's lock. A scoped
// unlocker is the mirror image (released in the constructor, re-acquired in
// the destructor). Objects of a guard class are then guards like
// std::lock_guard's, and member functions that release or re-acquire the
// member's lock (Unlock(), Release(), Lock()) act like std::unique_lock's.
//
// The answers come from summaries, so they are asked for only once the
// class's special members have been analysed: every function that uses a
// guard calls its constructor and destructor, which the call graph orders
// first.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_GUARDCLASSES_H
#define LOCKCHECK_GUARDCLASSES_H

#include "lockcheck/LockModel.h"
#include "lockcheck/Summary.h"
#include <optional>

namespace clang {
class CXXConstructorDecl;
class CXXMethodDecl;
class CXXRecordDecl;
} // namespace clang

namespace lockcheck {

class ImportResolver;

/// What a member function of a guard class does to the guard object.
struct GuardMethod {
  OpKind Kind = OpKind::GuardUnlock; // GuardLock, GuardUnlock or GuardTryLock
  /// Releases only what the guard owns, silently otherwise
  /// (`if (owned_) mu_->Unlock();`).
  bool IfOwned = false;
  SuccessValue Success = SuccessValue::True;
};

class GuardClassTable {
public:
  GuardClassTable(const SummaryTable &Local, ImportResolver &Imports)
      : Local(Local), Imports(Imports) {}

  /// The guard \p Ctor builds, when its class's destructor agrees; null for
  /// any other constructor.
  const GuardConstructor *constructor(const clang::CXXConstructorDecl *Ctor);
  /// A class with at least one guard constructor.
  bool isGuardClass(const clang::CXXRecordDecl *RD);
  /// What \p MD does to an object of its guard class, if it is one of the
  /// members that release or re-acquire the guard's lock.
  std::optional<GuardMethod> method(const clang::CXXMethodDecl *MD);

private:
  /// A user-written destructor and a constructor taking a pointer or
  /// reference: cheap to tell, and most classes fail it.
  bool mayBeGuard(const clang::CXXRecordDecl *RD);
  const FunctionSummary *summaryOf(const clang::FunctionDecl *FD);

  const SummaryTable &Local;
  ImportResolver &Imports;
  llvm::DenseMap<const clang::CXXRecordDecl *, bool> Shape;
};

/// The first lock an inferred guard's construction \p CE takes, in the
/// caller's terms (empty if it cannot be named).
LockPath inferredGuardLock(const LockModel &Model, const clang::CXXConstructExpr *CE,
                           const LockPathBuilder &Paths);

} // namespace lockcheck

#endif
