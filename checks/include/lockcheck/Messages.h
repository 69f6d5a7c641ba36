//===- Messages.h - the texts of lockcheck's diagnostics --------*- C++ -*-===//
//
// Every message in one place, so the front ends and docs/diagnostics.md stay
// in step. `Kind` is "mutex", "rwlock", ...; `L` the lock as displayed.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_MESSAGES_H
#define LOCKCHECK_MESSAGES_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace lockcheck::msg {
using llvm::StringRef;

/// A name in quotes: `'m'`; a lock private to another file keeps its file
/// outside them: `'big_lock' (in locks.c)` (see ForeignGlobal.h).
std::string quoted(StringRef Name);

std::string doubleLock(StringRef Kind, StringRef L, bool Definite);
std::string upgrade(StringRef Kind, StringRef L);
std::string unlockNotHeld(StringRef Kind, StringRef L, bool Definite);
std::string guardNotOwning(StringRef G, StringRef Kind, bool Definite);
/// A guard ends (or unlocks) owning a lock that was unlocked by hand and not
/// locked again.
std::string guardReleasesUnheld(StringRef G, StringRef Kind, StringRef L, bool Definite);
std::string wrongModeRelease(StringRef Kind, StringRef L, bool HeldShared);
std::string missingUnlock(StringRef Kind, StringRef L, StringRef F, bool AtReturn,
                          bool Definite);
/// A lock an acquire wrapper's call left held, at a root's exit.
std::string missingUnlockViaCall(StringRef Kind, StringRef L, StringRef Callee, StringRef F,
                                 bool AtReturn, bool Definite);
/// "... if 'F' throws 'T' (from 'G' in 'H') or others": \p Type empty when
/// no type can be named; \p Thrower (a library function, `new`) and \p In
/// (the function it is called in) empty when the callee throws it itself.
std::string leakOnCall(StringRef Kind, StringRef L, StringRef Callee, StringRef Type = {},
                       StringRef Thrower = {}, StringRef In = {}, bool Others = false);
std::string leakOnThrow(StringRef Kind, StringRef L, StringRef F);
std::string temporaryGuard(StringRef Kind, StringRef L);
std::string vexingGuard(StringRef G);
std::string callDoubleLock(StringRef F, StringRef Kind, StringRef L, bool Definite);
/// `t.join()` while holding a lock the thread's function acquires.
std::string joinWhileHolding(StringRef Thread, StringRef Kind, StringRef L, bool Definite,
                             bool AtScopeEnd);
/// A call whose arguments make two locks of the callee one.
std::string callAcquiresTwice(StringRef F, StringRef Kind, StringRef L);
std::string callReleaseNotHeld(StringRef F, StringRef Kind, StringRef L, bool Definite);
std::string orderInversion(StringRef Kind, StringRef B, StringRef A);
std::string orderCycle(StringRef Kind, StringRef B, StringRef A, StringRef Cycle);
std::string sameClassNesting(StringRef B, StringRef A, StringRef Class);

std::string acquiredHere(StringRef Kind, StringRef L);
std::string releasedHere(StringRef Kind, StringRef L);
std::string guardReleasedHere(StringRef G, StringRef L);
std::string guardAcquiredHere(StringRef G, StringRef L);
std::string acquiredHereUseGuard(StringRef Kind, StringRef L);
std::string chainCalls(StringRef F, StringRef G);
std::string chainAcquires(StringRef F, StringRef L);
std::string orderEdge(StringRef B, StringRef A);
std::string declaredOrder(StringRef A, StringRef B);
std::string useScopedLock(bool CPlusPlus);

} // namespace lockcheck::msg

#endif
