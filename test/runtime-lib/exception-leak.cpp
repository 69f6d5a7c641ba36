// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=0 -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=1 -Xclang -verify %s
//
// lockcheck-exception-leak against the lockcheck runtime library. With the
// validator on, the lock operations themselves are not noexcept (a report
// may throw lockcheck::ValidationError); they are lock primitives all the
// same and never the throwing point of a finding.
#include "lockcheck/runtime.h"

#include <chrono>
#include <stdexcept>

using namespace std::chrono_literals;

void work() noexcept;
bool failing;
// Throws std::runtime_error, which a std::logic_error handler does not catch.
void mayThrow() {
  if (failing)
    throw std::runtime_error("failed");
}
bool cond() noexcept;

lockcheck::Mutex Mu;
lockcheck::Mutex A, B;
lockcheck::TimedMutex TMu;
lockcheck::SharedMutex SMu;

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: a call that may throw between lock() and unlock().
void p1_call() {
  Mu.lock(); // expected-note {{mutex 'Mu' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  mayThrow(); // expected-warning {{mutex 'Mu' stays locked if 'mayThrow' throws 'std::runtime_error' [lockcheck-exception-leak]}}
  Mu.unlock();
}

// P2: a throw while the mutex is held.
void p2_throw(int x) {
  Mu.lock(); // expected-note {{mutex 'Mu' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  if (x < 0)
    throw std::invalid_argument("negative"); // expected-warning {{mutex 'Mu' stays locked when this exception leaves 'p2_throw' [lockcheck-exception-leak]}}
  Mu.unlock();
}

// P3: a reader lock held across a throwing call.
void p3_shared() {
  SMu.lock_shared(); // expected-note {{mutex 'SMu' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  mayThrow(); // expected-warning {{mutex 'SMu' stays locked if 'mayThrow' throws 'std::runtime_error' [lockcheck-exception-leak]}}
  SMu.unlock_shared();
}

// P4: a successful timed try-lock, then a throwing call.
void p4_timed() {
  if (TMu.try_lock_for(1ms)) { // expected-note {{mutex 'TMu' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
    mayThrow(); // expected-warning {{mutex 'TMu' stays locked if 'mayThrow' throws 'std::runtime_error' [lockcheck-exception-leak]}}
    TMu.unlock();
  }
}

// P5: a catch that swallows some exceptions but not all, then leaves.
void p5_partial_catch() {
  Mu.lock(); // expected-note {{mutex 'Mu' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  try {
    mayThrow();
  } catch (const std::logic_error &) {
    work();
  } // expected-warning@-3 {{mutex 'Mu' stays locked if 'mayThrow' throws 'std::runtime_error' [lockcheck-exception-leak]}}
  Mu.unlock();
}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: guards release during unwinding.
void n1_guards() {
  lockcheck::LockGuard G(Mu);
  lockcheck::SharedLock R(SMu);
  mayThrow();
}

// N2: a UniqueLock, also across a throw.
void n2_unique(int x) {
  lockcheck::UniqueLock L(Mu);
  if (x < 0)
    throw std::invalid_argument("negative");
  mayThrow();
}

// N3: a ScopedLock of two mutexes.
void n3_scoped() {
  lockcheck::ScopedLock L(A, B);
  mayThrow();
}

// N4: only noexcept calls while held; the lock operations themselves are
// never the throwing point.
void n4_noexcept_calls() {
  A.lock();
  B.lock();
  work();
  B.unlock();
  A.unlock();
}

// N5: catch-all that unlocks and rethrows.
void n5_rethrow() {
  Mu.lock();
  try {
    mayThrow();
  } catch (...) {
    Mu.unlock();
    throw;
  }
  Mu.unlock();
}

// N6: the throwing call happens after the unlock.
void n6_after_unlock() {
  Mu.lock();
  work();
  Mu.unlock();
  mayThrow();
}

// N7: a noexcept function: an escaping exception terminates.
void n7_noexcept() noexcept {
  Mu.lock();
  mayThrow();
  Mu.unlock();
}
