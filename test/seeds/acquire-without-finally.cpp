// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Seeds 02-thread-locks-basics.txt ("it's a good practice to use a
// try-finally block to ensure that the lock is released, even if an exception
// occurs") and 01-locks-and-rlock.md ("If a lock isn't released properly due
// to an error ... threads wait indefinitely") (BAD): the acquire/release
// pattern without the finally; try-finally-release.cpp is the fixed version.
#include <mutex>
#include <stdexcept>

std::mutex lock;
int balance;
int resource[4];
int slot;

// The shared resource rejects a bad slot with an exception.
void access_shared_resource() {
  if (slot < 0 || slot >= 4)
    throw std::out_of_range("slot");
  ++resource[slot];
}

// An exception from the critical section leaves the lock held.
void critical_section() {
  lock.lock(); // expected-note {{mutex 'lock' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  access_shared_resource(); // expected-warning {{mutex 'lock' stays locked if 'access_shared_resource' throws 'std::out_of_range' [lockcheck-exception-leak]}}
  lock.unlock();
}

// The withdraw() of bank_thread_safe.py written with acquire()/release():
// raising ValueError skips the release.
void withdraw(int amount) {
  lock.lock(); // expected-note {{mutex 'lock' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  if (balance < amount)
    throw std::invalid_argument("Insufficient balance"); // expected-warning {{mutex 'lock' stays locked when this exception leaves 'withdraw' [lockcheck-exception-leak]}}
  balance -= amount;
  lock.unlock();
}
