// XFAIL: *
// Gap (issue 3, "constructors and destructors (also implicit ones)"): calls
// to constructors are not summarised. A constructor that takes a lock, run
// while the caller holds that lock, is a self-deadlock at the construction.
// The exact callee name in the message ('Resource') is a proposal.
// RUN: %lockcheck_cxx -Xclang -verify %s
#include <mutex>

std::mutex g_m;

struct Resource {
  Resource() noexcept {
    std::lock_guard<std::mutex> g(g_m); // expected-note 2 {{'Resource' acquires 'g_m' here}}
  }
};

// An explicit construction.
void construct_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  Resource r; // expected-warning {{calling 'Resource' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// A new-expression.
Resource *allocate_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  return new Resource; // expected-warning {{calling 'Resource' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}
