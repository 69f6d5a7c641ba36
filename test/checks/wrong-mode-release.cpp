// lockcheck-unlock-not-held: a lock released in the other mode than it was
// acquired (shared vs exclusive) is not released as the code expects.
// RUN: %lockcheck_cxx -Xclang -verify %s
#include <mutex>
#include <shared_mutex>

std::shared_mutex sm;

void shared_then_exclusive_unlock() {
  sm.lock_shared(); // expected-note {{mutex 'sm' acquired here}}
  sm.unlock(); // expected-warning {{releasing mutex 'sm' held shared with an exclusive unlock [lockcheck-unlock-not-held]}}
}

void exclusive_then_shared_unlock() {
  sm.lock(); // expected-note {{mutex 'sm' acquired here}}
  sm.unlock_shared(); // expected-warning {{releasing mutex 'sm' held exclusively with a shared unlock}}
}

// Negative: matching modes, and guards that pick the right one.
void ok_shared() {
  sm.lock_shared();
  sm.unlock_shared();
}
void ok_exclusive() {
  sm.lock();
  sm.unlock();
}
void ok_guards() {
  { std::shared_lock<std::shared_mutex> r(sm); }
  { std::unique_lock<std::shared_mutex> w(sm); }
}
