// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Seed 02-thread-locks-basics.txt (BAD): "If you acquire a lock and then exit
// the function without releasing the lock, the lock will remain locked,
// preventing other threads from accessing the shared resource."
#include <mutex>

std::mutex lock;
int total;

// Forgot the release entirely.
void update_total(int amount) {
  lock.lock(); // expected-note {{mutex 'lock' acquired here}}
  total += amount;
} // expected-warning {{mutex 'lock' is still held at the end of 'update_total' [lockcheck-missing-unlock]}}

// Released on the main path only: the early exit forgets it.
int update_total_checked(int amount) {
  lock.lock(); // expected-note {{mutex 'lock' acquired here}}
  if (amount < 0)
    return -1; // expected-warning {{mutex 'lock' is still held when 'update_total_checked' returns [lockcheck-missing-unlock]}}
  total += amount;
  lock.unlock();
  return total;
}
