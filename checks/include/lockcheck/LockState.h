//===- LockState.h - the dataflow lattice -----------------------*- C++ -*-===//
//
// The state at a program point is a small set of Disjuncts, each a concrete
// lockset (which locks are held, how often, by whom), the guards alive and
// what they own, and boolean facts about unchanged conditions. Keeping
// disjuncts apart where their locksets differ is what lets
//   if (c) m.lock(); work(); if (c) m.unlock();
// pass: the disjunct holding `m` also knows `c` is true.
// Disjuncts with the same lockset merge, keeping only the facts they share,
// so the set stays as small as the number of distinct locksets.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LOCKSTATE_H
#define LOCKCHECK_LOCKSTATE_H

#include "lockcheck/LockModel.h"
#include "lockcheck/LockPath.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include <deque>
#include <string>
#include <type_traits>
#include <vector>

namespace clang {
class NamedDecl;
class Type;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace lockcheck {

using LockId = unsigned;

struct LockInfo {
  LockPath Path;
  std::string Display;
  LockTraits Traits;
  /// What locks of "the same kind" share across functions: the field or
  /// global a lock is, else its type (for parameters and locals).
  const void *ClassKey = nullptr;
  const clang::NamedDecl *ClassDecl = nullptr; // null when keyed by type
  const clang::Type *LockType = nullptr;       // canonical
};

/// "Account::m" for a field or global, the type for parameters and locals.
std::string lockClassName(const LockInfo &LI);

/// Interns lock paths so that locksets compare small integers.
class LockTable {
public:
  /// \p Display: P.display() when the caller already has it (a callee's
  /// summary names the same path), else empty.
  LockId intern(const LockPath &P, const LockTraits &Traits, const void *ClassKey,
                const clang::NamedDecl *ClassDecl, const clang::Type *LockType,
                llvm::StringRef Display = {});
  const LockInfo &info(LockId Id) const { return Infos[Id]; }
  unsigned size() const { return Infos.size(); }

private:
  /// A deque: growing never moves (copies) the paths and names already here,
  /// and a function calling a chain interns up to 64 locks per call.
  std::deque<LockInfo> Infos;
  llvm::StringMap<LockId> ByKey;
};

struct HeldLock {
  LockId Id;
  uint16_t Count = 1;  // acquisitions outstanding (recursive locks count)
  uint16_t Manual = 0; // how many of them are manual (not a guard's)
  bool Shared = false;
  const clang::VarDecl *Guard = nullptr;  // the guard owning the others
  const clang::Stmt *Site = nullptr;      // first acquisition; null = on entry
  const clang::Stmt *ManualSite = nullptr; // first manual acquisition
  bool operator==(const HeldLock &O) const {
    return Id == O.Id && Count == O.Count && Manual == O.Manual &&
           Shared == O.Shared && Guard == O.Guard && Site == O.Site &&
           ManualSite == O.ManualSite;
  }
};

struct GuardEntry {
  const clang::VarDecl *Var = nullptr;
  llvm::SmallVector<LockId, 2> Locks;
  bool Owns = false;
  bool Shared = false;
  const clang::Stmt *Site = nullptr;        // where it last acquired
  const clang::Stmt *ReleaseSite = nullptr; // where it last released
  /// A scoped unlocker (owns nothing): re-acquires Locks when it ends, for
  /// RestoreTo (the guard that owned them) or by hand (null).
  bool Unlocker = false;
  const clang::VarDecl *RestoreTo = nullptr;
  bool operator==(const GuardEntry &O) const {
    return Var == O.Var && Locks == O.Locks && Owns == O.Owns &&
           Shared == O.Shared && Site == O.Site && ReleaseSite == O.ReleaseSite &&
           Unlocker == O.Unlocker && RestoreTo == O.RestoreTo;
  }
};

/// A fact about a condition key: a try-lock result (IsTry, Value = success)
/// or the truth of a variable/pure expression (Value = truthy).
struct Fact {
  const void *Key;
  bool IsTry = false;
  SuccessValue Enc = SuccessValue::True;
  bool Value = false;
  /// A variable that holds a known constant (`int i = 0;`), for tests such
  /// as `i < n` on a loop's first iteration.
  bool HasExact = false;
  int64_t Exact = 0;
  /// The variables and fields the key reads (a write to one ends the fact).
  /// Interned by the ConditionModel, which outlives every state of its
  /// function: a Fact is a few words, copied as such on every edge.
  llvm::ArrayRef<const clang::ValueDecl *> Deps;
  bool operator==(const Fact &O) const {
    return Key == O.Key && IsTry == O.IsTry && Enc == O.Enc && Value == O.Value &&
           HasExact == O.HasExact && Exact == O.Exact;
  }
};

// Every edge copies each path's facts: they must stay plain words.
static_assert(std::is_trivially_copyable_v<Fact>, "a Fact is copied as memory");

struct Disjunct {
  llvm::SmallVector<HeldLock, 4> Held;   // sorted by Id
  llvm::SmallVector<GuardEntry, 2> Guards; // sorted by Var
  llvm::SmallVector<Fact, 2> Facts;      // sorted by Key
  /// The last release of each lock on this path (for notes, and to tell a
  /// lock this path never touched).
  llvm::SmallVector<std::pair<LockId, const clang::Stmt *>, 2> Released;
  /// Which entry path of a function with a mode flag this is (0: no mode, 1:
  /// the caller holds the mode's locks, 2: it does not; ModeSwitch.cpp).
  /// Paths of different modes never merge.
  uint8_t Mode = 0;

  HeldLock *held(LockId Id);
  const HeldLock *held(LockId Id) const;
  void setHeld(const HeldLock &H);
  void dropHeld(LockId Id);
  /// One more acquisition, by \p Guard or (when null) by hand.
  void acquireLock(LockId Id, bool Shared, const clang::VarDecl *Guard,
                   const clang::Stmt *Site);
  /// One acquisition fewer, by a guard / by hand.
  void releaseByGuard(LockId Id);
  void releaseManual(LockId Id);
  /// The caller held this lock on entry.
  void holdOnEntry(LockId Id);
  GuardEntry *guard(const clang::VarDecl *V);
  GuardEntry &addGuard(const clang::VarDecl *V);
  void dropGuard(const clang::VarDecl *V);
  const Fact *fact(const void *Key) const;
  void setFact(Fact F);
  void dropFactsAbout(const clang::ValueDecl *D);
  const clang::Stmt *lastRelease(LockId Id) const;
  void noteRelease(LockId Id, const clang::Stmt *S);

  bool sameShape(const Disjunct &O) const {
    return Held == O.Held && Guards == O.Guards && Mode == O.Mode;
  }
  bool operator==(const Disjunct &O) const {
    return sameShape(O) && Facts == O.Facts && Released == O.Released;
  }
};

/// A set of disjuncts; empty means the point is unreachable.
struct State {
  llvm::SmallVector<Disjunct, 2> Ds;
  bool reachable() const { return !Ds.empty(); }
  /// Adds \p O's disjuncts and re-normalises. Returns false if the bound on
  /// disjuncts forced dropping paths.
  bool joinWith(const State &O);
  /// joinWith for two normalised states (the edges into a block), taking
  /// \p O's disjuncts rather than copying them. \p Changed, if given, says
  /// whether this state is no longer what it was.
  bool joinNormalized(State &&O, bool *Changed = nullptr);
  /// Merges same-shape disjuncts (intersecting facts) and enforces the bound.
  bool normalize();
  /// Enforces the bound on disjuncts; false if paths were dropped.
  bool bound();
  bool operator==(const State &O) const;
};

} // namespace lockcheck

#endif
