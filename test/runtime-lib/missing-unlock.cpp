// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=0 -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=1 -Xclang -verify %s
//
// lockcheck-missing-unlock against the lockcheck runtime library. No function
// here only releases a lock (that would make the file's leaks look like
// acquire wrappers), except Pool's annotated pair, whose lock leaks nowhere.
// UniqueLock::release() leaving the mutex locked is a gap:
// gap-unique-lock-release.cpp.
#include "lockcheck/runtime.h"

#include <chrono>

using namespace std::chrono_literals;

void work() noexcept;
bool cond() noexcept;

lockcheck::Mutex Mu;
lockcheck::TimedMutex TMu;
lockcheck::SharedMutex SMu;
lockcheck::RecursiveMutex RMu;

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: lock() and no unlock().
void p1_forgot() noexcept {
  Mu.lock(); // expected-note {{mutex 'Mu' acquired here}}
  work();
} // expected-warning {{mutex 'Mu' is still held at the end of 'p1_forgot' [lockcheck-missing-unlock]}}

// P2: an early return skips the unlock.
int p2_early_return(int x) noexcept {
  Mu.lock(); // expected-note {{mutex 'Mu' acquired here}}
  if (x < 0)
    return -1; // expected-warning {{mutex 'Mu' is still held when 'p2_early_return' returns [lockcheck-missing-unlock]}}
  Mu.unlock();
  return x;
}

// P3: a successful timed try-lock never released.
void p3_timed() noexcept {
  if (TMu.try_lock_for(1ms)) // expected-note {{mutex 'TMu' acquired here}}
    work();
} // expected-warning {{mutex 'TMu' may still be held at the end of 'p3_timed' [lockcheck-missing-unlock]}}

// P4: lock_shared() without unlock_shared().
void p4_shared() noexcept {
  SMu.lock_shared(); // expected-note {{mutex 'SMu' acquired here}}
  work();
} // expected-warning {{mutex 'SMu' is still held at the end of 'p4_shared' [lockcheck-missing-unlock]}}

// P5: a RecursiveMutex locked twice, unlocked once.
void p5_recursive_unbalanced() noexcept {
  RMu.lock(); // expected-note {{recursive mutex 'RMu' acquired here}}
  RMu.lock();
  RMu.unlock();
} // expected-warning {{recursive mutex 'RMu' is still held at the end of 'p5_recursive_unbalanced' [lockcheck-missing-unlock]}}

// P6: a mutex parameter locked and kept.
void p6_param(lockcheck::Mutex &m) noexcept {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  if (cond())
    m.unlock();
} // expected-warning {{mutex 'm' may still be held at the end of 'p6_param' [lockcheck-missing-unlock]}}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: guards release at scope exit.
void n1_guards() noexcept {
  lockcheck::LockGuard G(Mu);
  lockcheck::SharedLock R(SMu);
  if (cond())
    return;
  work();
}

// N2: every path unlocks.
int n2_all_paths(int x) noexcept {
  Mu.lock();
  if (x < 0) {
    Mu.unlock();
    return -1;
  }
  Mu.unlock();
  return x;
}

// N3: a function annotated to acquire (LOCKCHECK_ACQUIRE) returns holding it.
class Pool {
public:
  void acquire() LOCKCHECK_ACQUIRE(PMu) { PMu.lock(); }
  void release() LOCKCHECK_RELEASE(PMu) { PMu.unlock(); }
  void use() {
    acquire();
    work();
    release();
  }

private:
  lockcheck::Mutex PMu;
};

// N4: a UniqueLock moved out to the caller.
lockcheck::UniqueLock<lockcheck::Mutex> n4_handoff() noexcept {
  lockcheck::UniqueLock L(Mu);
  return L;
}

// N5: a try-lock released on its success branch.
void n5_try() noexcept {
  if (TMu.try_lock_for(1ms)) {
    work();
    TMu.unlock();
  }
}

// N6: a RecursiveMutex balanced.
void n6_recursive_balanced() noexcept {
  lockcheck::LockGuard G(RMu);
  RMu.lock();
  RMu.unlock();
}

// N7: a ScopedLock of three mutexes.
lockcheck::Mutex X, Y, Z;
void n7_scoped_three() noexcept {
  lockcheck::ScopedLock L(X, Y, Z);
  work();
}
