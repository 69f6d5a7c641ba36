// XFAIL: *
// Gap (issue 3, "constructors and destructors (also implicit ones)"): calls
// to destructors are not summarised. A destructor that takes a lock, run
// while the caller still holds it (an inner scope ends, or delete), is a
// self-deadlock. The callee name ('~Handle') is a proposal; each case keeps
// the object's whole lifetime on one line so the expected location is clear.
// RUN: %lockcheck_cxx -Xclang -verify %s
#include <mutex>

std::mutex g_m;
void work() noexcept;

struct Handle {
  ~Handle() {
    std::lock_guard<std::mutex> g(g_m); // expected-note 2 {{'~Handle' acquires 'g_m' here}}
  }
};

// The implicit destructor at the end of an inner scope.
void scope_end_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  { Handle h; work(); } // expected-warning {{calling '~Handle' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// A delete-expression.
void delete_under_lock(Handle *h) noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  delete h; // expected-warning {{calling '~Handle' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}
