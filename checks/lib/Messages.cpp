//===- Messages.cpp - the texts of lockcheck's diagnostics ----------------===//
#include "lockcheck/Messages.h"

namespace lockcheck::msg {

std::string quoted(StringRef Name) {
  // Lock names hold no " (in " of their own: identifiers have no spaces.
  size_t In = Name.find(" (in ");
  if (In == StringRef::npos || !Name.ends_with(")"))
    return "'" + Name.str() + "'";
  return "'" + Name.take_front(In).str() + "'" + Name.drop_front(In).str();
}
static std::string q(StringRef S) { return quoted(S); }

std::string doubleLock(StringRef Kind, StringRef L, bool Definite) {
  return "acquiring " + Kind.str() + " " + q(L) +
         (Definite ? " that is already held" : " that may already be held");
}
std::string upgrade(StringRef Kind, StringRef L) {
  return "acquiring " + Kind.str() + " " + q(L) +
         " exclusively while it is held shared; upgrading a lock deadlocks";
}
std::string unlockNotHeld(StringRef Kind, StringRef L, bool Definite) {
  return "releasing " + Kind.str() + " " + q(L) +
         (Definite ? " that is not held" : " that may not be held");
}
std::string guardNotOwning(StringRef G, StringRef Kind, bool Definite) {
  return "unlocking " + q(G) + (Definite ? " that does not own a " : " that may not own a ") +
         Kind.str();
}
std::string guardReleasesUnheld(StringRef G, StringRef Kind, StringRef L, bool Definite) {
  return "guard " + q(G) + " releases " + Kind.str() + " " + q(L) +
         (Definite ? " that was unlocked by hand and not locked again"
                   : " that may have been unlocked by hand and not locked again");
}
std::string wrongModeRelease(StringRef Kind, StringRef L, bool HeldShared) {
  return "releasing " + Kind.str() + " " + q(L) +
         (HeldShared ? " held shared with an exclusive unlock"
                     : " held exclusively with a shared unlock");
}
std::string missingUnlock(StringRef Kind, StringRef L, StringRef F, bool AtReturn,
                          bool Definite) {
  return Kind.str() + " " + q(L) + (Definite ? " is still held" : " may still be held") +
         (AtReturn ? " when " + q(F) + " returns" : " at the end of " + q(F));
}
std::string missingUnlockViaCall(StringRef Kind, StringRef L, StringRef Callee, StringRef F,
                                 bool AtReturn, bool Definite) {
  return Kind.str() + " " + q(L) + " acquired by calling " + q(Callee) +
         (Definite ? " is still held" : " may still be held") +
         (AtReturn ? " when " + q(F) + " returns" : " at the end of " + q(F));
}
std::string leakOnCall(StringRef Kind, StringRef L, StringRef Callee, StringRef Type,
                       StringRef Thrower, StringRef In, bool Others) {
  std::string S = Kind.str() + " " + q(L) + " stays locked if " + q(Callee) + " throws";
  if (Type.empty())
    return S;
  S += " " + q(Type);
  if (!Thrower.empty() && !In.empty())
    S += " (from " + q(Thrower) + " in " + q(In) + ")";
  else if (!Thrower.empty() || !In.empty())
    S += " (from " + q(Thrower.empty() ? In : Thrower) + ")";
  if (Others)
    S += " or others";
  return S;
}
std::string leakOnThrow(StringRef Kind, StringRef L, StringRef F) {
  return Kind.str() + " " + q(L) + " stays locked when this exception leaves " + q(F);
}
std::string temporaryGuard(StringRef Kind, StringRef L) {
  return "guard of " + Kind.str() + " " + q(L) +
         " is a temporary destroyed at the end of this statement; did you mean "
         "to name it?";
}
std::string vexingGuard(StringRef G) {
  return q(G) + " declares a new guard that locks nothing; did you mean to lock " +
         q(G) + "?";
}

std::string callDoubleLock(StringRef F, StringRef Kind, StringRef L, bool Definite) {
  return "calling " + q(F) + " acquires " + Kind.str() + " " + q(L) +
         (Definite ? " that is already held" : " that may already be held");
}
std::string joinWhileHolding(StringRef Thread, StringRef Kind, StringRef L, bool Definite,
                             bool AtScopeEnd) {
  return (AtScopeEnd ? "leaving the scope of " + q(Thread) + " joins its thread" : "joining thread " + q(Thread)) +
         ", which acquires " + Kind.str() + " " + q(L) + ", while " +
         (Definite ? "holding it" : "possibly holding it") + "; the two threads deadlock";
}
std::string callAcquiresTwice(StringRef F, StringRef Kind, StringRef L) {
  return "calling " + q(F) + " acquires " + Kind.str() + " " + q(L) +
         " again while the call already holds it";
}
std::string callReleaseNotHeld(StringRef F, StringRef Kind, StringRef L, bool Definite) {
  return "calling " + q(F) + " releases " + Kind.str() + " " + q(L) +
         (Definite ? " that is not held" : " that may not be held");
}
std::string orderInversion(StringRef Kind, StringRef B, StringRef A) {
  return "acquiring " + Kind.str() + " " + q(B) + " while holding " + q(A) +
         " inverts the order " + q(B) + " -> " + q(A) + " used elsewhere; potential deadlock";
}
std::string orderCycle(StringRef Kind, StringRef B, StringRef A, StringRef Cycle) {
  return "acquiring " + Kind.str() + " " + q(B) + " while holding " + q(A) +
         " closes the lock-order cycle " + Cycle.str() + "; potential deadlock";
}
std::string sameClassNesting(StringRef B, StringRef A, StringRef Class) {
  return "acquiring " + q(B) + " while holding " + q(A) + ", both " + q(Class) +
         " locks of unrelated objects; potential deadlock";
}

std::string acquiredHere(StringRef Kind, StringRef L) {
  return Kind.str() + " " + q(L) + " acquired here";
}
std::string releasedHere(StringRef Kind, StringRef L) {
  return Kind.str() + " " + q(L) + " released here";
}
std::string guardReleasedHere(StringRef G, StringRef L) {
  return q(G) + " released " + q(L) + " here";
}
std::string guardAcquiredHere(StringRef G, StringRef L) {
  return q(G) + " acquired " + q(L) + " here";
}
std::string acquiredHereUseGuard(StringRef Kind, StringRef L) {
  return acquiredHere(Kind, L) +
         "; a lock guard (std::lock_guard, std::scoped_lock) would release it "
         "during unwinding";
}

std::string chainCalls(StringRef F, StringRef G) {
  return q(F) + " calls " + q(G) + " here";
}
std::string chainAcquires(StringRef F, StringRef L) {
  return q(F) + " acquires " + q(L) + " here";
}
std::string orderEdge(StringRef B, StringRef A) {
  return q(B) + " acquired while holding " + q(A) + " here";
}
std::string declaredOrder(StringRef A, StringRef B) {
  return q(A) + " is declared to be acquired before " + q(B) + " here";
}
std::string useScopedLock(bool CPlusPlus) {
  if (!CPlusPlus)
    return "always take the two locks in one global order (for example by address)";
  return "take both at once with std::scoped_lock (or std::lock) so that no "
         "order is imposed";
}

} // namespace lockcheck::msg
