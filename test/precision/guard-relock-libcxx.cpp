// REQUIRES: libcxx
// RUN: %lockcheck_cxx %libcxx -Xclang -verify %s
//
// guard-relock.cpp's core cases against libc++'s guards.
#include <mutex>

void slow() noexcept;
std::mutex m;

void n_lock_guard() {
  std::lock_guard<std::mutex> g(m);
  m.unlock();
  slow();
  m.lock();
}

void n_unique_lock() {
  std::unique_lock<std::mutex> lk(m);
  m.unlock();
  slow();
  m.lock();
}

void p_not_relocked() {
  std::lock_guard<std::mutex> g(m); // expected-note {{'g' acquired 'm' here}}
  m.unlock(); // expected-note {{mutex 'm' released here}}
  slow();
} // expected-warning {{guard 'g' releases mutex 'm' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}
