// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Every distinct bug is reported: two calls under one held lock that each
// take it again (and give it back) are two findings. A call that returns
// holding the lock again ends the path there, as a direct double lock does,
// so that one bug does not cascade into "releasing a lock not held".
#include <mutex>

std::mutex m;
void a() noexcept { std::lock_guard<std::mutex> g(m); } // expected-note {{'a' acquires 'm' here}}
void b() noexcept { std::lock_guard<std::mutex> g(m); } // expected-note {{'b' acquires 'm' here}}
void lock_m() noexcept { m.lock(); } // expected-note {{'lock_m' acquires 'm' here}}
void unlock_m() noexcept { m.unlock(); }

void both() noexcept {
  std::lock_guard<std::mutex> g(m); // expected-note 2 {{mutex 'm' acquired here}}
  a(); // expected-warning {{calling 'a' acquires mutex 'm' that is already held}}
  b(); // expected-warning {{calling 'b' acquires mutex 'm' that is already held}}
}

// An acquire wrapper called twice: one finding, nothing on top of it.
void wrapper_twice() noexcept {
  lock_m(); // expected-note {{mutex 'm' acquired here}}
  lock_m(); // expected-warning {{calling 'lock_m' acquires mutex 'm' that is already held}}
  unlock_m();
}

// Negative: the same calls one after the other, each outside the lock.
void sequential() noexcept {
  a();
  b();
  lock_m();
  unlock_m();
  lock_m();
  unlock_m();
}
