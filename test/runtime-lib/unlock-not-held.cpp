// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=0 -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=1 -Xclang -verify %s
//
// lockcheck-unlock-not-held against the lockcheck runtime library. A function
// whose first operation on a lock is a release is taken as a release wrapper
// (its caller holds the lock), so each positive case acquires first.
// Wrong-mode release (lock_shared() then unlock()) on lockcheck::SharedMutex
// is a gap: gap-wrong-mode-annotated.cpp.
#include "lockcheck/runtime.h"

void work() noexcept;
bool cond() noexcept;

lockcheck::Mutex Mu;
lockcheck::SharedMutex SMu;
lockcheck::RecursiveMutex RMu;

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: unlock() twice.
void p1_unlock_twice() noexcept {
  Mu.lock();
  Mu.unlock(); // expected-note {{mutex 'Mu' released here}}
  Mu.unlock(); // expected-warning {{releasing mutex 'Mu' that is not held [lockcheck-unlock-not-held]}}
}

// P2: a manual unlock of a mutex a LockGuard owns, not locked again before
// the guard ends.
void p2_guarded() noexcept {
  lockcheck::LockGuard G(Mu); // expected-note {{'G' acquired 'Mu' here}}
  Mu.unlock(); // expected-note {{mutex 'Mu' released here}}
} // expected-warning {{guard 'G' releases mutex 'Mu' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}

// P3: a UniqueLock unlocked twice.
void p3_unique_twice() noexcept {
  lockcheck::UniqueLock L(Mu);
  L.unlock(); // expected-note {{'L' released 'Mu' here}}
  L.unlock(); // expected-warning {{unlocking 'L' that does not own a mutex [lockcheck-unlock-not-held]}}
}

// P4: a deferred UniqueLock unlocked without being locked.
void p4_unique_deferred() noexcept {
  lockcheck::UniqueLock L(Mu, std::defer_lock);
  L.unlock(); // expected-warning {{unlocking 'L' that does not own a mutex [lockcheck-unlock-not-held]}}
}

// P5: unlock_shared() twice on a SharedMutex.
void p5_shared_twice() noexcept {
  SMu.lock_shared();
  SMu.unlock_shared(); // expected-note {{mutex 'SMu' released here}}
  SMu.unlock_shared(); // expected-warning {{releasing mutex 'SMu' that is not held [lockcheck-unlock-not-held]}}
}

// P6: released on one path, released again after the join: "may".
void p6_maybe() noexcept {
  Mu.lock();
  if (cond())
    Mu.unlock(); // expected-note {{mutex 'Mu' released here}}
  Mu.unlock(); // expected-warning {{releasing mutex 'Mu' that may not be held [lockcheck-unlock-not-held]}}
}

// P7: a LOCKCHECK_RELEASE function called once too often.
class Pool {
public:
  void acquire() LOCKCHECK_ACQUIRE(PMu) { PMu.lock(); }
  void release() LOCKCHECK_RELEASE(PMu) { PMu.unlock(); }
  void extra() {
    acquire();
    release(); // expected-note {{mutex 'PMu' released here}}
    release(); // expected-warning {{releasing mutex 'PMu' that is not held [lockcheck-unlock-not-held]}}
  }
  // N6: used correctly.
  void balanced() {
    acquire();
    work();
    release();
  }

private:
  lockcheck::Mutex PMu;
};

// P8: a SharedLock unlocked twice.
void p8_shared_lock_twice() noexcept {
  lockcheck::SharedLock R(SMu);
  R.unlock(); // expected-note {{'R' released 'SMu' here}}
  R.unlock(); // expected-warning {{unlocking 'R' that does not own a mutex [lockcheck-unlock-not-held]}}
}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: balanced lock()/unlock().
void n1_balanced() noexcept {
  Mu.lock();
  work();
  Mu.unlock();
}

// N2: a UniqueLock unlocked once; its destructor knows it owns nothing.
void n2_unique_once() noexcept {
  lockcheck::UniqueLock L(Mu);
  work();
  L.unlock();
}

// N3: a UniqueLock's mutex taken over by release() and unlocked by hand.
void n3_release_then_unlock() noexcept {
  lockcheck::UniqueLock L(Mu);
  lockcheck::Mutex *M = L.release();
  M->unlock();
}

// N4: unlock only after a successful try_lock.
void n4_try() noexcept {
  if (Mu.try_lock()) {
    work();
    Mu.unlock();
  }
}

// N5: a RecursiveMutex locked twice, unlocked twice.
void n5_recursive() noexcept {
  RMu.lock();
  RMu.lock();
  RMu.unlock();
  RMu.unlock();
}

// N7: a release wrapper: its caller holds the lock.
void unlockShared() noexcept { SMu.unlock_shared(); }
void n7_release_wrapper_user() noexcept {
  SMu.lock_shared();
  unlockShared();
}

// N8: an adopting guard releases the mutex once.
void n8_adopt() noexcept {
  Mu.lock();
  lockcheck::LockGuard G(Mu, std::adopt_lock);
}
