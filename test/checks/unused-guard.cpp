// RUN: %lockcheck_cxx -Wno-vexing-parse -Xclang -verify %s
// RUN: %lockcheck_cxx -Wno-vexing-parse -fdiagnostics-parseable-fixits %s 2>&1 | %FileCheck --implicit-check-not=fix-it: %s
//
// lockcheck-unused-guard: a guard created as a temporary locks and unlocks
// within one statement and protects nothing after it. The fix-it (inserting
// " lock" after the type) is offered only where the temporary is the whole
// statement (not under a cast or a comma); the second RUN line checks every
// fix-it and that there are no others. The vexing parse `std::unique_lock<std::mutex>(m);` declares a
// new default-constructed guard named 'm' that shadows the mutex.
// -Wno-vexing-parse silences Clang's own (generic) warning for that form.
#include <condition_variable>
#include <mutex>
#include <shared_mutex>
#include <utility>
#include <vector>

void work() noexcept;
bool cond() noexcept;

std::mutex g_m;
std::mutex g_other;
std::recursive_mutex g_rm;
std::shared_mutex g_sm;
std::condition_variable g_cv;
int g_counter;

struct Account {
  std::mutex m;
  int balance = 0;
};

class Counter {
public:
  void bump_temporary();
  void bump_vexing();
  void bump_named();

private:
  std::mutex m_;
  int n_ = 0;
};

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: a braced lock_guard temporary.
void ug_lock_guard_braced() {
  std::lock_guard<std::mutex>{g_m}; // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:30-[[@LINE-1]]:30}:" lock"
  ++g_counter;
}

// P2: a braced unique_lock temporary.
void ug_unique_lock_braced() {
  std::unique_lock<std::mutex>{g_m}; // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement; did you mean to name it?}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:31-[[@LINE-1]]:31}:" lock"
  ++g_counter;
}

// P3: a braced scoped_lock temporary (class template argument deduction).
void ug_scoped_lock_braced() {
  std::scoped_lock{g_m}; // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:19-[[@LINE-1]]:19}:" lock"
  ++g_counter;
}

// P4: a braced lock_guard temporary with deduced arguments.
void ug_lock_guard_ctad() {
  std::lock_guard{g_m}; // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:18-[[@LINE-1]]:18}:" lock"
  ++g_counter;
}

// P5: a braced shared_lock temporary.
int ug_shared_lock_braced() {
  std::shared_lock<std::shared_mutex>{g_sm}; // expected-warning {{guard of mutex 'g_sm' is a temporary destroyed at the end of this statement}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:38-[[@LINE-1]]:38}:" lock"
  return g_counter;
}

// P6: a braced scoped_lock with explicit template arguments.
void ug_scoped_lock_explicit() {
  std::scoped_lock<std::mutex>{g_m}; // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:31-[[@LINE-1]]:31}:" lock"
  ++g_counter;
}

// P7: a guard type spelled through an alias.
using Guard = std::lock_guard<std::mutex>;
void ug_alias() {
  Guard{g_m}; // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:8-[[@LINE-1]]:8}:" lock"
  ++g_counter;
}

// P8: a member mutex, shown without 'this->'.
void Counter::bump_temporary() {
  std::lock_guard<std::mutex>{m_}; // expected-warning {{guard of mutex 'm_' is a temporary destroyed at the end of this statement}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:30-[[@LINE-1]]:30}:" lock"
  ++n_;
}

// P9: a mutex reached through a pointer parameter.
void ug_pointer(Account *p) {
  std::lock_guard<std::mutex>{p->m}; // expected-warning {{guard of mutex 'p->m' is a temporary destroyed at the end of this statement}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:30-[[@LINE-1]]:30}:" lock"
  p->balance += 1;
}

// P10: a mutex of a reference parameter; a recursive mutex is still 'mutex'.
void ug_reference(Account &a) {
  std::lock_guard<std::mutex>{a.m}; // expected-warning {{guard of mutex 'a.m' is a temporary destroyed at the end of this statement}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:30-[[@LINE-1]]:30}:" lock"
  std::lock_guard<std::recursive_mutex>{g_rm}; // expected-warning {{guard of mutex 'g_rm' is a temporary destroyed at the end of this statement}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:40-[[@LINE-1]]:40}:" lock"
  a.balance += 1;
}

// P11: a parenthesised temporary cast to void (no fix-it: not a plain
// statement).
void ug_void_cast() {
  (void)std::lock_guard<std::mutex>(g_m); // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement}}
  ++g_counter;
}

// P12: a temporary as the left operand of a comma (no fix-it).
void ug_comma() {
  std::lock_guard<std::mutex>(g_m), ++g_counter; // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement}}
  work();
}

// P13: a parenthesised two-argument temporary: a whole statement, so naming
// it is safe too.
void ug_try_to_lock_temporary() {
  std::unique_lock<std::mutex>(g_m, std::try_to_lock); // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:31-[[@LINE-1]]:31}:" lock"
  ++g_counter;
}

// P14: the vexing parse: a new unique_lock named 'g_m' shadows the mutex.
void ug_vexing_unique_lock() {
  std::unique_lock<std::mutex>(g_m); // expected-warning {{'g_m' declares a new guard that locks nothing; did you mean to lock 'g_m'? [lockcheck-unused-guard]}}
  ++g_counter;
}

// P15: the vexing parse with a shared_lock.
void ug_vexing_shared_lock() {
  std::shared_lock<std::shared_mutex>(g_sm); // expected-warning {{'g_sm' declares a new guard that locks nothing; did you mean to lock 'g_sm'?}}
  ++g_counter;
}

// P16: the vexing parse shadowing a member mutex.
void Counter::bump_vexing() {
  std::unique_lock<std::mutex>(m_); // expected-warning {{'m_' declares a new guard that locks nothing; did you mean to lock 'm_'?}}
  ++n_;
}

// P17: inside a lambda body.
void ug_lambda() {
  auto fn = [] {
    std::lock_guard<std::mutex>{g_m}; // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement}}
    // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:32-[[@LINE-1]]:32}:" lock"
    ++g_counter;
  };
  fn();
}

// P18: a function template instantiated twice reports (and fixes) once.
template <class M> void ug_template(M &mu) {
  std::lock_guard<M>{mu}; // expected-warning {{guard of mutex 'mu' is a temporary destroyed at the end of this statement}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:21-[[@LINE-1]]:21}:" lock"
  ++g_counter;
}
template void ug_template<std::mutex>(std::mutex &);
template void ug_template<std::recursive_mutex>(std::recursive_mutex &);

// P19: in a loop body.
void ug_loop(int n) {
  for (int i = 0; i < n; ++i) {
    std::unique_lock<std::mutex>{g_m}; // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement}}
    // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:33-[[@LINE-1]]:33}:" lock"
    ++g_counter;
  }
}

// P20: in a switch case.
void ug_switch(int k) {
  switch (k) {
  case 0: {
    std::lock_guard<std::mutex>{g_other}; // expected-warning {{guard of mutex 'g_other' is a temporary destroyed at the end of this statement}}
    // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:32-[[@LINE-1]]:32}:" lock"
    ++g_counter;
    break;
  }
  default:
    break;
  }
}

//===----------------------------------------------------------------------===//
// Negative cases: no diagnostic expected.
//===----------------------------------------------------------------------===//

std::unique_lock<std::mutex> make_guard() { return std::unique_lock<std::mutex>(g_m); }
void consume(std::unique_lock<std::mutex> lk) { work(); }
struct Holder {
  std::unique_lock<std::mutex> lk;
};
struct Logger {
  explicit Logger(std::mutex &m);
};

// N1: a named lock_guard with parentheses.
void ok_named_parens() {
  std::lock_guard<std::mutex> g(g_m);
  ++g_counter;
}

// N2: a named lock_guard with braces.
void ok_named_braces() {
  std::lock_guard<std::mutex> g{g_m};
  ++g_counter;
}

// N3: `auto g = std::unique_lock<std::mutex>(m);`.
void ok_auto_copy_init() {
  auto g = std::unique_lock<std::mutex>(g_m);
  ++g_counter;
}

// N4: a named deferred unique_lock.
void ok_deferred() {
  std::unique_lock<std::mutex> lk(g_m, std::defer_lock);
  lk.lock();
  ++g_counter;
}

// N5: a named scoped_lock over two mutexes.
void ok_scoped_lock_named() {
  std::scoped_lock both(g_m, g_other);
  ++g_counter;
}

// N6: a named shared_lock.
int ok_shared_named() {
  std::shared_lock<std::shared_mutex> r(g_sm);
  return g_counter;
}

// N7: a guard returned from a function (make_guard above), kept by name.
void ok_guard_from_function() {
  auto g = make_guard();
  ++g_counter;
}

// N8: a guard passed as an argument.
void ok_guard_as_argument() {
  consume(std::unique_lock<std::mutex>(g_m));
}

// N9: a temporary guard moved into a container.
void ok_guard_into_vector(std::vector<std::unique_lock<std::mutex>> &held) {
  held.push_back(std::unique_lock<std::mutex>(g_m));
}

// N10: a temporary bound to a const reference lives to the end of the scope.
void ok_lifetime_extended() {
  const auto &g = std::lock_guard<std::mutex>(g_m);
  (void)g;
  ++g_counter;
}

// N11: a temporary guard initialising an aggregate member.
void ok_aggregate_member() {
  Holder h{std::unique_lock<std::mutex>(g_m)};
  ++g_counter;
}

// N12: an if statement with an initialiser.
void ok_if_init() {
  if (std::unique_lock<std::mutex> lk{g_m, std::try_to_lock}; lk)
    ++g_counter;
}

// N13: a default-constructed unique_lock with its own name, assigned later.
void ok_default_then_assign() {
  std::unique_lock<std::mutex> lk;
  if (cond())
    lk = std::unique_lock<std::mutex>(g_m);
  ++g_counter;
}

// N14: a temporary of a non-guard type constructed from a mutex.
void ok_not_a_guard() {
  Logger{g_m};
  ++g_counter;
}

// N15: a named guard used with a condition variable.
void ok_condition_variable() {
  std::unique_lock<std::mutex> lk(g_m);
  g_cv.wait(lk, [] { return g_counter > 0; });
}

// N16: a named guard in a member function.
void Counter::bump_named() {
  std::lock_guard<std::mutex> lock{m_};
  ++n_;
}

// N17: a guard returned directly.
std::unique_lock<std::mutex> ok_return_temporary() {
  return std::unique_lock<std::mutex>{g_m};
}

// N18: adopting a manual lock in a named guard.
void ok_adopt() {
  g_m.lock();
  std::lock_guard<std::mutex> g(g_m, std::adopt_lock);
  ++g_counter;
}

// N19: a named guard in a lambda and in a template.
template <class M> void ok_template(M &mu) {
  std::lock_guard<M> g{mu};
  auto fn = [&mu] { std::lock_guard<M> inner(mu); };
  (void)fn;
}
template void ok_template<std::recursive_mutex>(std::recursive_mutex &);

// N20: a unique_lock temporary moved into a named one.
void ok_move_from_temporary() {
  std::unique_lock<std::mutex> lk = std::move(std::unique_lock<std::mutex>(g_m));
  ++g_counter;
}
