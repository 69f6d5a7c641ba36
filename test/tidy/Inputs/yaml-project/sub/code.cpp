// yaml-config.test: the nearest .lockcheck.yaml (one folder up) declares the
// lock functions and turns lockcheck-missing-unlock off, for both front ends.
// RUN: %lockcheck_cxx -Xclang -verify %s
#include <mutex>

std::mutex g;
void acquire_it(std::mutex *m) noexcept;
void release_it(std::mutex *m) noexcept;

void twice() {
  acquire_it(&g); // expected-note {{mutex 'g' acquired here}}
  acquire_it(&g); // expected-warning {{acquiring mutex 'g' that is already held [lockcheck-double-lock]}}
  release_it(&g);
}

void leaks() {
  acquire_it(&g);
} // no lockcheck-missing-unlock: the file turns it off

void plain_leak() {
  g.lock();
} // reported only when the file is ignored (yaml-config.test)
