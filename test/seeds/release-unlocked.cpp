// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Seeds 05-lock-and-rlock-cookbook.md ("If the state is unlocked, a call to
// release() raises a RuntimeError exception") and 01-locks-and-rlock.md
// (".release() should only be called in the locked state") (BAD). For
// std::mutex it is undefined behaviour rather than an exception.
#include <mutex>

std::mutex lock;
int total;

// A fresh lock is unlocked: releasing it is wrong.
void release_fresh_lock() {
  std::mutex local_lock;
  local_lock.unlock(); // expected-warning {{releasing mutex 'local_lock' that is not held [lockcheck-unlock-not-held]}}
}

// Released twice.
void release_twice(int amount) {
  lock.lock();
  total += amount;
  lock.unlock(); // expected-note {{mutex 'lock' released here}}
  lock.unlock(); // expected-warning {{releasing mutex 'lock' that is not held [lockcheck-unlock-not-held]}}
}

// A reentrant lock must be released exactly as often as it was acquired
// ("It needs to be released the same number of times").
std::recursive_mutex rlock;
void release_rlock_too_often() {
  rlock.lock();
  rlock.lock();
  rlock.unlock();
  rlock.unlock(); // expected-note {{mutex 'rlock' released here}}
  rlock.unlock(); // expected-warning {{releasing mutex 'rlock' that is not held}}
}
