// Declared orders are followed through locks the TU never acquires: L3
// before L2 and L2 before L1 are declared, L2 is never acquired here, and
// taking L3 while holding L1 closes a cycle with the two declarations.
// The configuration's chains skip entries that name no lock of the TU the
// same way (declared-order-config.cpp).
// RUN: %lockcheck_cxx -Xclang -verify %s
struct __attribute__((capability("mutex"))) Mu {
  void lock() noexcept __attribute__((acquire_capability()));
  void unlock() noexcept __attribute__((release_capability()));
};

Mu L3;
Mu L2 __attribute__((acquired_after(L3))); // expected-note {{'L3' is declared to be acquired before 'L2' here}}
Mu L1 __attribute__((acquired_after(L2))); // expected-note {{'L2' is declared to be acquired before 'L1' here}}

void violate() noexcept {
  L1.lock();
  L3.lock(); // expected-warning {{acquiring mutex 'L3' while holding 'L1' closes the lock-order cycle 'L1' -> 'L3' -> 'L2' -> 'L1'; potential deadlock [lockcheck-lock-order]}}
  L3.unlock();
  L1.unlock();
}

