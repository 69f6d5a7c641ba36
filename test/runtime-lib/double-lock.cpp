// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=0 -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=1 -Xclang -verify %s
//
// lockcheck-double-lock on code written against the lockcheck runtime
// library: the library's capability annotations alone (no configuration)
// let the analyzer see every acquisition, with the validator off and on.
// The headers are included as system headers: with -I the analyzer also
// reports a false positive inside Mutex.h (gap-header-wrong-mode.cpp).
#include "lockcheck/runtime.h"

#include <chrono>

using namespace std::chrono_literals;

void work() noexcept;
bool cond() noexcept;

lockcheck::Mutex Mu;
lockcheck::Mutex A, B;
lockcheck::TimedMutex TMu;
lockcheck::SharedMutex SMu;
lockcheck::RecursiveMutex RMu;
lockcheck::RecursiveTimedMutex RTMu;

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: lock() twice.
void p1_twice() noexcept {
  Mu.lock(); // expected-note {{mutex 'Mu' acquired here}}
  Mu.lock(); // expected-warning {{acquiring mutex 'Mu' that is already held [lockcheck-double-lock]}}
  Mu.unlock();
}

// P2: a LockGuard, then lock() on its mutex.
void p2_guard_then_lock() noexcept {
  lockcheck::LockGuard G(Mu); // expected-note {{mutex 'Mu' acquired here}}
  Mu.lock(); // expected-warning {{acquiring mutex 'Mu' that is already held [lockcheck-double-lock]}}
}

// P3: a UniqueLock relocked while it owns the mutex.
void p3_unique_relock() noexcept {
  lockcheck::UniqueLock L(Mu); // expected-note {{mutex 'Mu' acquired here}}
  L.lock(); // expected-warning {{acquiring mutex 'Mu' that is already held [lockcheck-double-lock]}}
}

// P4: a successful timed try-lock, then a blocking lock.
void p4_timed() noexcept {
  if (TMu.try_lock_for(1ms)) { // expected-note {{mutex 'TMu' acquired here}}
    TMu.lock(); // expected-warning {{acquiring mutex 'TMu' that is already held [lockcheck-double-lock]}}
    TMu.unlock();
  }
}

// P5: a ScopedLock of two mutexes holds both.
void p5_scoped_lock() noexcept {
  lockcheck::ScopedLock L(A, B); // expected-note {{mutex 'B' acquired here}}
  lockcheck::LockGuard G(B); // expected-warning {{acquiring mutex 'B' that is already held [lockcheck-double-lock]}}
}

// P6: held on one path only: "may already be held".
void p6_maybe() noexcept {
  bool c = cond();
  if (c)
    Mu.lock(); // expected-note {{mutex 'Mu' acquired here}}
  Mu.lock(); // expected-warning {{acquiring mutex 'Mu' that may already be held [lockcheck-double-lock]}}
  Mu.unlock();
}

// P7: SharedMutex is not re-entrant: lock_shared() twice.
void p7_shared_twice() noexcept {
  SMu.lock_shared(); // expected-note {{mutex 'SMu' acquired here}}
  SMu.lock_shared(); // expected-warning {{acquiring mutex 'SMu' that is already held [lockcheck-double-lock]}}
  SMu.unlock_shared();
}

// P8: a reader guard, then a writer guard: an upgrade deadlocks.
void p8_upgrade() noexcept {
  lockcheck::SharedLock R(SMu); // expected-note {{mutex 'SMu' acquired here}}
  lockcheck::LockGuard W(SMu); // expected-warning {{acquiring mutex 'SMu' exclusively while it is held shared; upgrading a lock deadlocks [lockcheck-double-lock]}}
}

// P9: a user function annotated with LOCKCHECK_ACQUIRE, called twice.
class Pool {
public:
  void acquire() LOCKCHECK_ACQUIRE(PMu) { PMu.lock(); }
  void release() LOCKCHECK_RELEASE(PMu) { PMu.unlock(); }
  void twice() {
    acquire(); // expected-note {{mutex 'PMu' acquired here}}
    acquire(); // expected-warning {{acquiring mutex 'PMu' that is already held [lockcheck-double-lock]}}
    release();
  }
  // N12: used correctly.
  void once() {
    acquire();
    work();
    release();
  }

private:
  lockcheck::Mutex PMu;
};

// P10: a mutex passed by reference and locked twice.
void p10_param(lockcheck::Mutex &m) noexcept {
  lockcheck::LockGuard G(m); // expected-note {{mutex 'm' acquired here}}
  lockcheck::UniqueLock L(m); // expected-warning {{acquiring mutex 'm' that is already held [lockcheck-double-lock]}}
}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: a RecursiveMutex nested by guards.
void n1_recursive_guards() noexcept {
  lockcheck::LockGuard G(RMu);
  lockcheck::LockGuard H(RMu);
  work();
}

// N2: a RecursiveMutex locked twice by hand.
void n2_recursive_manual() noexcept {
  RMu.lock();
  RMu.lock();
  RMu.unlock();
  RMu.unlock();
}

// N3: a RecursiveTimedMutex, blocking and timed.
void n3_recursive_timed() noexcept {
  lockcheck::LockGuard G(RTMu);
  if (RTMu.try_lock_for(1ms))
    RTMu.unlock();
}

// N4: try_lock on a held mutex fails; it does not block.
void n4_try_on_held() noexcept {
  lockcheck::LockGuard G(Mu);
  if (Mu.try_lock())
    Mu.unlock();
}

// N5: one after the other.
void n5_sequential() noexcept {
  {
    lockcheck::LockGuard G(Mu);
    work();
  }
  lockcheck::LockGuard H(Mu);
}

// N6: a UniqueLock unlocked, then locked again.
void n6_unique_relock() noexcept {
  lockcheck::UniqueLock L(Mu);
  L.unlock();
  work();
  L.lock();
}

// N7: a deferred UniqueLock does not hold its mutex.
void n7_deferred() noexcept {
  lockcheck::UniqueLock L(Mu, std::defer_lock);
  Mu.lock();
  Mu.unlock();
  L.lock();
}

// N8: adopt_lock takes over a held mutex; it does not lock it again.
void n8_adopt() noexcept {
  Mu.lock();
  lockcheck::LockGuard G(Mu, std::adopt_lock);
}

// N9: two readers one after the other, and a ScopedLock after its guard.
void n9_shared_sequential() noexcept {
  {
    lockcheck::SharedLock R(SMu);
  }
  lockcheck::SharedLock R2(SMu);
}

// N10: different mutexes.
void n10_different() noexcept {
  lockcheck::LockGuard G(A);
  lockcheck::LockGuard H(B);
}

// N11: a Semaphore is not a lock: acquiring it twice is fine.
void n11_semaphore() {
  static lockcheck::Semaphore S(2);
  S.acquire();
  S.acquire();
  S.release(2);
}

// N13: a failed try-lock branch, then a blocking lock.
void n13_try_failed() noexcept {
  if (!Mu.try_lock()) {
    Mu.lock();
  }
  Mu.unlock();
}
