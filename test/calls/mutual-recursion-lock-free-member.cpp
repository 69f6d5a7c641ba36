// In a recursive call-graph component, a member that mentions no lock itself
// still gets a summary: ping() has no lock of its own but reaches pong(),
// which takes g_m; caller() holds g_m and calls ping(). The order edge
// g_other -> g_m through ping() counts too.
// RUN: %lockcheck_cxx -Xclang -verify %s
#include <mutex>

std::mutex g_m;
std::mutex g_other;
void work() noexcept;

void ping(int n) noexcept;
void pong(int n) noexcept {
  {
    std::lock_guard<std::mutex> g(g_m); // expected-note 2 {{'pong' acquires 'g_m' here}}
    work();
  }
  if (n > 0)
    ping(n - 1);
}
void ping(int n) noexcept {
  if (n > 0)
    pong(n - 1); // expected-note 2 {{'ping' calls 'pong' here}}
}

// Self-deadlock through the lock-free member.
void caller() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  ping(3); // expected-warning {{calling 'ping' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// The order edge g_other -> g_m through ping().
void order_forward() noexcept {
  std::lock_guard<std::mutex> g(g_other);
  ping(2); // expected-note {{'g_m' acquired while holding 'g_other' here}} expected-note {{'order_forward' calls 'ping' here}}
}
void order_backward() noexcept {
  std::lock_guard<std::mutex> g(g_m);
  std::lock_guard<std::mutex> h(g_other); // expected-warning {{acquiring mutex 'g_other' while holding 'g_m' inverts the order 'g_other' -> 'g_m' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}
