//===- Summary.h - what a call does to the caller's locks -------*- C++ -*-===//
//
// Summaries let the analysis see through calls: which locks a function
// acquires at some point (for self-deadlocks through call chains and for the
// lock order), which it returns holding (acquire wrappers such as begin(),
// or conditional ones that hold it only when they return success), and which
// it releases for its caller (release wrappers such as end()).
// Locks are written relative to the callee (`this`, parameters, globals) and
// mapped onto the caller's arguments at each call site.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_SUMMARY_H
#define LOCKCHECK_SUMMARY_H

#include "lockcheck/LockModel.h"
#include "lockcheck/LockPath.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang {
class FunctionDecl;
class Type;
}

namespace lockcheck {

/// One step of a call chain, shown as a note.
struct ChainStep {
  clang::SourceLocation Loc;
  std::string Message; // "'deposit' calls 'update_balance' here", ...
};

struct SummaryLock {
  LockPath Path; // relative to the callee
  LockTraits Traits;
  bool Shared = false;
  std::string Display; // as the callee spells it
  const clang::Type *LockType = nullptr; // canonical
  llvm::SmallVector<ChainStep, 2> Chain; // from the callee down to the acquisition
};

/// The function acquires \c Acquired while it holds \c Held, two locks of one
/// type: harmless while they are different objects, a self-deadlock at a call
/// whose arguments make them one (`transfer(a, a)`, a callback that takes the
/// lock the template function holds around it).
struct NestedAcquire {
  SummaryLock Held, Acquired;
};

/// The function returns holding \c Lock exactly when its result is
/// \c Success (`return SQLITE_OK` with the lock held, error codes without):
/// at a call it acts as a try-lock. Inferred for C's error-code convention
/// (success 0); the summary and facts can carry "true" as well.
struct ConditionalAcquire {
  SummaryLock Lock;
  SuccessValue Success = SuccessValue::Zero;
};

/// One lock a scoped guard class holds for its object's lifetime.
struct GuardLock {
  /// In terms of the constructor's parameters (`mu, deref, m_`): a caller
  /// substitutes its arguments.
  SummaryLock Lock;
  /// The same lock through the object's member (`this, mu_, deref, m_`): what
  /// the destructor and member functions such as Unlock() work on.
  SummaryLock Member;
};

/// A constructor of a class inferred to be a scoped guard: it leaves a lock
/// held that it reaches through a member initialised from one of its
/// parameters (a scoped unlocker: releases it), and the class's destructor
/// releases (re-acquires) that member's lock. Objects built by it hold (do
/// not hold) the argument's lock for their scope, like std::lock_guard's.
/// The destructor is checked where the guard is used (GuardClasses.h).
struct GuardConstructor {
  bool Unlocker = false;
  llvm::SmallVector<GuardLock, 1> Locks;
  bool empty() const { return Locks.empty(); }
};

struct FunctionSummary {
  /// Locks acquired (blocking) at some point during the call.
  llvm::SmallVector<SummaryLock, 2> Acquires;
  /// Locks the function returns holding that it did not hold on entry.
  llvm::SmallVector<SummaryLock, 1> NetAcquired;
  /// Locks held on entry that the function releases for its caller.
  llvm::SmallVector<SummaryLock, 1> NetReleased;
  llvm::SmallVector<NestedAcquire, 1> Nested;
  /// Locks it returns holding on success only (not in NetAcquired).
  llvm::SmallVector<ConditionalAcquire, 1> NetAcquiredIf;
  /// Member functions only: locks held on entry that some path releases
  /// and another does not (`if (owns_) mu_->Unlock();`), not in NetReleased.
  llvm::SmallVector<SummaryLock, 1> MayRelease;
  /// Constructors of scoped guard classes (see GuardConstructor).
  GuardConstructor Guard;
  bool empty() const {
    return Acquires.empty() && NetAcquired.empty() && NetReleased.empty() && Nested.empty() &&
           NetAcquiredIf.empty() && MayRelease.empty() && Guard.empty();
  }
};

using SummaryTable = llvm::DenseMap<const clang::FunctionDecl *, FunctionSummary>;

/// Chains longer than this are cut (the notes would not help).
constexpr unsigned MaxChainSteps = 8;

} // namespace lockcheck

#endif
