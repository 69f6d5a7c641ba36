// RUN: %lockcheck_cxx -Xclang -verify %s
// RUN: %lockcheck_cxx %libcxx -Xclang -verify %s
//
// Lambdas are functions of their own. Called directly, or handed to a
// template function of the TU that calls them, what they acquire counts at
// the call (captured variables are the same objects there). Handed to
// std::thread they run on another thread: locks the spawning thread holds
// are not held there, but their order still counts.
#include <mutex>
#include <thread>

std::mutex g_m;
std::mutex g_other;
void work() noexcept;

// P1: a lambda called directly, taking a captured local mutex.
void direct_local() noexcept {
  std::mutex m;
  auto touch = [&] { std::lock_guard<std::mutex> g(m); }; // expected-note {{'lambda' acquires 'm' here}}
  std::lock_guard<std::mutex> g(m); // expected-note {{mutex 'm' acquired here}}
  touch(); // expected-warning {{calling 'lambda' acquires mutex 'm' that is already held [lockcheck-double-lock]}}
}

// P2: a lambda taking a global, called under it.
void direct_global() noexcept {
  auto touch = [] { std::lock_guard<std::mutex> g(g_m); }; // expected-note {{'lambda' acquires 'g_m' here}}
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  touch(); // expected-warning {{calling 'lambda' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
  g_m.unlock();
}

// P3: a template function holds its lock around the callback, and the
// callback takes the same lock.
template <typename F> void with_lock(std::mutex &m, F f) {
  std::lock_guard<std::mutex> g(m); // expected-note 2 {{'with_lock' acquires 'm' here}}
  f(); // expected-note 3 {{'with_lock' calls 'lambda' here}}
}
void callback_relocks() noexcept {
  with_lock(g_m, [] { std::lock_guard<std::mutex> g(g_m); }); // expected-warning {{calling 'with_lock' acquires mutex 'g_m' again while the call already holds it [lockcheck-double-lock]}} expected-note {{'lambda' acquires 'g_m' here}}
}

// P4: the same with a captured parameter.
void callback_relocks_param(std::mutex &mu) noexcept {
  with_lock(mu, [&mu] { mu.lock(); mu.unlock(); }); // expected-warning {{calling 'with_lock' acquires mutex 'mu' again while the call already holds it [lockcheck-double-lock]}} expected-note {{'lambda' acquires 'mu' here}}
}

// P5: a callback's acquisition is a lock-order edge of the template function's lock.
void order_forward() noexcept {
  with_lock(g_other, [] { std::lock_guard<std::mutex> g(g_m); }); // expected-note {{'lambda' acquires 'g_m' here}} expected-note {{'g_m' acquired while holding 'g_other' here}} expected-note {{'order_forward' calls 'with_lock' here}}
}
void order_backward() noexcept {
  std::lock_guard<std::mutex> g(g_m);
  std::lock_guard<std::mutex> h(g_other); // expected-warning {{acquiring mutex 'g_other' while holding 'g_m' inverts the order}}
}

// P6: a thread's body takes B then A; this thread takes A then B.
std::mutex g_a, g_b;
void spawn_inverse() {
  std::thread t([] {
    std::lock_guard<std::mutex> b(g_b);
    std::lock_guard<std::mutex> a(g_a); // expected-note {{'g_a' acquired while holding 'g_b' here}}
  });
  {
    std::lock_guard<std::mutex> a(g_a);
    std::lock_guard<std::mutex> b(g_b); // expected-warning {{acquiring mutex 'g_b' while holding 'g_a' inverts the order 'g_b' -> 'g_a' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  }
  t.join();
}

// N1: the callback takes another lock.
void callback_other_lock() noexcept {
  with_lock(g_m, [] { work(); });
}

// N2: a lambda defined but never called under the lock.
void defined_not_called() noexcept {
  auto touch = [] { std::lock_guard<std::mutex> g(g_m); };
  {
    std::lock_guard<std::mutex> g(g_m);
    work();
  }
  touch();
}

// N3: a thread started while holding the lock the thread's body takes: the
// thread waits for it, which is no self-deadlock.
void spawn_under_lock() {
  std::lock_guard<std::mutex> g(g_m);
  std::thread t([] { std::lock_guard<std::mutex> h(g_m); });
  t.detach();
}

// N4: a lambda that locks its own parameter, called with another mutex.
void param_lambda() noexcept {
  auto touch = [](std::mutex &x) { std::lock_guard<std::mutex> g(x); };
  std::lock_guard<std::mutex> g(g_m);
  touch(g_other);
}

// N5: a recursive mutex taken again through a callback.
std::recursive_mutex g_rm;
template <typename F> void with_recursive(F f) {
  std::lock_guard<std::recursive_mutex> g(g_rm);
  f();
}
void recursive_callback() noexcept {
  with_recursive([] { std::lock_guard<std::recursive_mutex> g(g_rm); });
}
