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

#include "lockcheck/CallChain.h"
#include "lockcheck/LockModel.h"
#include "lockcheck/LockPath.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang {
class FunctionDecl;
class Type;
}

namespace lockcheck {

/// Which lock a summary entry names. Immutable and shared by the entries
/// that name it: a lock passed up a chain of 4,000 calls is listed in 4,000
/// summaries (64 locks each), as one description, not 4,000 copies.
struct LockDesc : llvm::RefCountedBase<LockDesc> {
  LockPath Path; // relative to the callee
  LockTraits Traits;
  std::string Display; // as the callee spells it
  /// Display is Path.display(), not another TU's spelling (imports): a
  /// caller interning the same path takes it instead of printing it again.
  bool DisplayIsPath = true;
  const clang::Type *LockType = nullptr; // canonical
  bool sameAs(const LockDesc &O) const {
    return Path == O.Path && Traits.Recursive == O.Traits.Recursive &&
           Traits.SharedReentrant == O.Traits.SharedReentrant &&
           Traits.KindName == O.Traits.KindName && Display == O.Display &&
           LockType == O.LockType;
  }
};
using LockDescRef = llvm::IntrusiveRefCntPtr<const LockDesc>;

struct SummaryLock {
  SummaryLock() = default;
  SummaryLock(LockDesc D, bool Shared = false, CallChain Chain = CallChain())
      : Desc(new LockDesc(std::move(D))), Shared(Shared), Chain(std::move(Chain)) {}
  SummaryLock(LockDescRef D, bool Shared, CallChain Chain)
      : Desc(std::move(D)), Shared(Shared), Chain(std::move(Chain)) {}

  LockDescRef Desc;
  bool Shared = false;
  CallChain Chain; // from the callee down to the acquisition, shared

  const LockPath &path() const { return Desc->Path; }
  const LockTraits &traits() const { return Desc->Traits; }
  const std::string &display() const { return Desc->Display; }
  const clang::Type *lockType() const { return Desc->LockType; }
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
  llvm::SmallVector<GuardLock, 0> Locks;
  bool empty() const { return Locks.empty(); }
};

/// The lists keep no inline room: the table holds one summary per function
/// and moves them all when it grows (8 lists with room for one or two entries
/// made a summary 500 bytes, most of them empty).
struct FunctionSummary {
  /// Locks acquired (blocking) at some point during the call.
  llvm::SmallVector<SummaryLock, 0> Acquires;
  /// Locks the function returns holding that it did not hold on entry.
  llvm::SmallVector<SummaryLock, 0> NetAcquired;
  /// Locks held on entry that the function releases for its caller.
  llvm::SmallVector<SummaryLock, 0> NetReleased;
  llvm::SmallVector<NestedAcquire, 0> Nested;
  /// Locks it returns holding on success only (not in NetAcquired).
  llvm::SmallVector<ConditionalAcquire, 0> NetAcquiredIf;
  /// Member functions only: locks held on entry that some path releases
  /// and another does not (`if (owns_) mu_->Unlock();`), not in NetReleased.
  llvm::SmallVector<SummaryLock, 0> MayRelease;
  /// Locks it returns holding on some paths and not on others, by no
  /// convention a caller can test (`if (b->lock) lock(b->lock);`): after a
  /// call the caller's state of them is unknown. Not in NetAcquired(If).
  llvm::SmallVector<SummaryLock, 0> MayAcquire;
  /// Constructors of scoped guard classes (see GuardConstructor).
  GuardConstructor Guard;
  /// Locks its caller holds on entry (it releases them, and may take them
  /// back): taking one of them again inside, after its own release, is no
  /// new acquisition for the caller. Not part of empty(): it matters only
  /// when calls into other TUs grow Acquires (CrossTU.cpp).
  llvm::SmallVector<SummaryLock, 0> HeldOnEntry;
  bool empty() const {
    return Acquires.empty() && NetAcquired.empty() && NetReleased.empty() && Nested.empty() &&
           NetAcquiredIf.empty() && MayRelease.empty() && MayAcquire.empty() && Guard.empty();
  }
  /// Capacities down to sizes, for the table that keeps one summary per
  /// function: a list grown to 64 locks has room for 127.
  void shrinkToFit() {
    fit(Acquires), fit(NetAcquired), fit(NetReleased), fit(Nested), fit(NetAcquiredIf),
        fit(MayRelease), fit(MayAcquire), fit(Guard.Locks), fit(HeldOnEntry);
  }

private:
  template <typename T, unsigned N> static void fit(llvm::SmallVector<T, N> &V) {
    if (V.size() <= N || V.size() == V.capacity())
      return;
    llvm::SmallVector<T, N> Tight;
    Tight.reserve(V.size()); // exactly: SmallVector grows to the size asked for
    Tight.append(std::make_move_iterator(V.begin()), std::make_move_iterator(V.end()));
    V = std::move(Tight); // takes Tight's buffer, frees the old one
  }
};

using SummaryTable = llvm::DenseMap<const clang::FunctionDecl *, FunctionSummary>;

} // namespace lockcheck

#endif
