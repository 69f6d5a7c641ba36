// Wrong code against the library: clang -Wthread-safety must warn exactly
// where the annotations below say (checked with clang -Xclang -verify).
#include "lockcheck/runtime.h"

#include <chrono>

using namespace std::chrono_literals;

lockcheck::Mutex Mu;
int Value LOCKCHECK_GUARDED_BY(Mu) = 0;

void unguarded() {
  Value = 1; // expected-warning {{writing variable 'Value' requires holding mutex 'Mu' exclusively}}
}

void doubleLock() {
  Mu.lock(); // expected-note {{mutex acquired here}}
  Mu.lock(); // expected-warning {{acquiring mutex 'Mu' that is already held}}
  Mu.unlock(); // expected-note {{mutex released here}}
  Mu.unlock(); // expected-warning {{releasing mutex 'Mu' that was not held}}
}

void missingUnlock() {
  Mu.lock(); // expected-note {{mutex acquired here}}
} // expected-warning {{mutex 'Mu' is still held at the end of function}}

void guardThenManualLock() {
  lockcheck::LockGuard G(Mu); // expected-note {{mutex acquired here}}
  Mu.lock(); // expected-warning {{acquiring mutex 'Mu' that is already held}}
  Mu.unlock();
}

// The result decides whether the lock is held; ignoring it protects nothing.
void tryLockIgnored() {
  (void)Mu.try_lock();
  Value = 2; // expected-warning {{writing variable 'Value' requires holding mutex 'Mu' exclusively}}
}

void needsLock() LOCKCHECK_REQUIRES(Mu) { Value = 3; }
void callWithout() {
  needsLock(); // expected-warning {{calling function 'needsLock' requires holding mutex 'Mu' exclusively}}
}

void excluded() LOCKCHECK_EXCLUDES(Mu) {}
void callWhileHeld() {
  lockcheck::LockGuard G(Mu);
  excluded(); // expected-warning {{cannot call function 'excluded' while mutex 'Mu' is held}}
}

lockcheck::RecursiveMutex RMu;
int RValue LOCKCHECK_GUARDED_BY(RMu) = 0;
void recursiveNotHeld() {
  RValue = 1; // expected-warning {{writing variable 'RValue' requires holding recursive mutex 'RMu' exclusively}}
}

lockcheck::TimedMutex TMu;
int TValue LOCKCHECK_GUARDED_BY(TMu) = 0;
void timedWithoutCheck() {
  (void)TMu.try_lock_for(1ms);
  TValue = 1; // expected-warning {{writing variable 'TValue' requires holding mutex 'TMu' exclusively}}
}

lockcheck::SharedMutex SMu;
int SValue LOCKCHECK_GUARDED_BY(SMu) = 0;
void writeUnderReaderLock() {
  lockcheck::SharedLock R(SMu);
  SValue = 1; // expected-warning {{writing variable 'SValue' requires holding mutex 'SMu' exclusively}}
}
void wrongUnlockMode() {
  SMu.lock_shared(); // expected-note {{mutex acquired here}}
  SMu.unlock(); // expected-warning {{releasing mutex 'SMu' using exclusive access, expected shared access}}
}

void uniqueLockDoubleUnlock() {
  lockcheck::UniqueLock L(Mu);
  L.unlock(); // expected-note {{mutex released here}}
  L.unlock(); // expected-warning {{releasing mutex 'Mu' that was not held}}
}

lockcheck::Mutex A, B;
int AB LOCKCHECK_GUARDED_BY(A) LOCKCHECK_GUARDED_BY(B) = 0;
void scopedLockOnlyOne() {
  lockcheck::ScopedLock L(A);
  AB = 1; // expected-warning {{writing variable 'AB' requires holding mutex 'B' exclusively}}
}

lockcheck::Mutex Early;
lockcheck::Mutex Late LOCKCHECK_ACQUIRED_AFTER(Early);
void wrongOrder() {
  lockcheck::LockGuard L(Late);
  lockcheck::LockGuard E(Early); // expected-warning {{mutex 'Early' must be acquired before 'Late'}}
}

