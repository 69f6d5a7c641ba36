// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Seeds 04-synchronization-and-deadlocks.txt ("Avoid: Re-locking regular
// locks from same thread"), 01-locks-and-rlock.md ("Nested Lock Acquisition:
// A deadlock can occur if a thread attempts to acquire a lock it already
// holds") and 05-lock-and-rlock-cookbook.md ("If the state is locked, a call
// to acquire() blocks until another thread calls release()") (BAD): the
// nested() example of seed 04 with a plain Lock instead of an RLock.
#include <cstdio>
#include <mutex>

std::mutex lock;

void nested() {
  std::lock_guard<std::mutex> outer(lock); // expected-note {{mutex 'lock' acquired here}}
  std::puts("Outer lock acquired");
  {
    std::lock_guard<std::mutex> inner(lock); // expected-warning {{acquiring mutex 'lock' that is already held [lockcheck-double-lock]}}
    std::puts("Inner lock acquired");
  }
}

// The same with acquire()/release().
void nested_manual() {
  lock.lock(); // expected-note {{mutex 'lock' acquired here}}
  std::puts("Outer lock acquired");
  lock.lock(); // expected-warning {{acquiring mutex 'lock' that is already held [lockcheck-double-lock]}}
  std::puts("Inner lock acquired");
  lock.unlock();
}

int main() { nested(); }
