// RUN: %lockcheck_cxx -Xclang -verify %s
//
// lockcheck-exception-leak: a manually acquired lock (not owned by a guard)
// that stays held when an exception leaves the function. One warning per lock
// region, at the first point in source order whose exception can leave the
// function: a call ("stays locked if 'f' throws", f as written, a method by its
// own name) or a throw expression ("stays locked when this exception leaves
// 'g'", g the enclosing function; also for `throw;` in a handler). The note is
// at the acquisition with the guard hint.
// Only exceptions known to be possible count: a `throw` in a body the TU has
// (through calls), and standard library calls documented to throw (.at(),
// std::stoi, ...). Handlers are matched by type. Calls without a body and
// allocation failure count only when configured; what else never throws, and
// the handler matching in detail: exception-leak-model.cpp. The old model (any
// call may throw) under the options: exception-leak-options.cpp.
// -fno-exceptions: see exception-leak-noexcept.cpp.
#include <cstdio>
#include <cstring>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <vector>

// An error that is not a std::exception.
struct Failure {};
bool g_fail;

// Defined here and able to throw.
void may_throw() {
  if (g_fail)
    throw Failure();
}
void process(int x) {
  if (x < 0)
    throw Failure();
}
void log_line(const char *) noexcept;
void legacy() throw();
__attribute__((nothrow)) void quiet();
extern "C" void c_log(const char *);
void declared_only(); // no body: not known to throw

void validate(int x) {
  if (x < 0)
    throw std::invalid_argument("negative");
}
// Defined here; throws through a callee.
void step() { may_throw(); }
// Defined here; cannot throw.
int add(int a, int b) { return a + b; }
int add3(int a, int b, int c) { return add(add(a, b), c); }

std::mutex g_m;
std::mutex g_other;
std::recursive_mutex g_rm;
std::shared_mutex g_sm;
pthread_mutex_t g_pm = PTHREAD_MUTEX_INITIALIZER;
std::vector<int> g_items;

struct Account {
  std::mutex m;
  int balance = 0;
};

class Orders {
public:
  void place(const std::string &item);
  void place_guarded(const std::string &item);

private:
  std::mutex mu_;
  std::vector<std::string> items_;
};

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: a call to a function that may throw, between lock() and unlock().
void el_call() {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  may_throw(); // expected-warning {{mutex 'g_m' stays locked if 'may_throw' throws 'Failure' [lockcheck-exception-leak]}}
  g_m.unlock();
}

// P2: a standard library member call documented to throw; named by the
// method name.
void Orders::place(const std::string &item) {
  mu_.lock(); // expected-note {{mutex 'mu_' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  items_.push_back(item.substr(1)); // expected-warning {{mutex 'mu_' stays locked if 'substr' throws 'std::out_of_range' [lockcheck-exception-leak]}}
  mu_.unlock();
}

// P3: a throw expression inside the lock region.
void el_throw(int k) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  if (k < 0)
    throw std::runtime_error("negative"); // expected-warning {{mutex 'g_m' stays locked when this exception leaves 'el_throw' [lockcheck-exception-leak]}}
  g_m.unlock();
}

// P4: throwing a scalar.
void el_throw_int(int k) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  if (k == 0)
    throw 42; // expected-warning {{mutex 'g_m' stays locked when this exception leaves 'el_throw_int'}}
  g_m.unlock();
}

// P5: several throwing calls in one region: only the first is reported.
void el_first_call_only() {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  process(1); // expected-warning {{mutex 'g_m' stays locked if 'process' throws}}
  process(2);
  may_throw();
  g_m.unlock();
}

// P6: two lock regions in one function: one warning each.
void el_two_regions() {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  process(1); // expected-warning {{mutex 'g_m' stays locked if 'process' throws}}
  g_m.unlock();
  log_line("between");
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  may_throw(); // expected-warning {{mutex 'g_m' stays locked if 'may_throw' throws}}
  g_m.unlock();
}

// P7: a handler for std::exception does not catch what a user function
// throws (Failure is no std::exception).
void el_std_handler_user_call() {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  try {
    may_throw(); // expected-warning {{mutex 'g_m' stays locked if 'may_throw' throws}}
  } catch (const std::exception &) {
    g_m.unlock();
    throw;
  }
  g_m.unlock();
}

// P8: a catch-all handler that rethrows without unlocking: the rethrow is
// where the exception leaves.
void el_handler_rethrows() {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  try {
    may_throw();
  } catch (...) {
    log_line("failed");
    throw; // expected-warning {{mutex 'g_m' stays locked when this exception leaves 'el_handler_rethrows'}}
  }
  g_m.unlock();
}

// P9: a handler for another standard exception does not catch
// std::out_of_range.
void el_narrow_handler() {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  try {
    g_items.at(1) = 2; // expected-warning {{mutex 'g_m' stays locked if 'at' throws}}
  } catch (const std::length_error &) {
    g_m.unlock();
    throw;
  }
  g_m.unlock();
}

// P10: after unique_lock::release() the lock is manual again.
void el_after_release() {
  std::unique_lock<std::mutex> lk(g_m); // expected-note {{mutex 'g_m' acquired here}}
  lk.release();
  may_throw(); // expected-warning {{mutex 'g_m' stays locked if 'may_throw' throws}}
  g_m.unlock();
}

// P11: the success branch of try_lock.
void el_try_lock() {
  if (g_m.try_lock()) { // expected-note {{mutex 'g_m' acquired here}}
    process(3); // expected-warning {{mutex 'g_m' stays locked if 'process' throws}}
    g_m.unlock();
  }
}

// P12: a lock region in a loop body (one region, one warning).
void el_loop(const std::vector<int> &v) {
  for (int x : v) {
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
    process(x); // expected-warning {{mutex 'g_m' stays locked if 'process' throws}}
    g_m.unlock();
  }
}

// P13: inside a lambda body.
void el_lambda() {
  auto fn = [](int x) {
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
    process(x); // expected-warning {{mutex 'g_m' stays locked if 'process' throws}}
    g_m.unlock();
  };
  fn(1);
}

// P14: a function template instantiated twice reports once.
template <class M> void el_template(M &mu) {
  mu.lock(); // expected-note {{mutex 'mu' acquired here}}
  may_throw(); // expected-warning {{mutex 'mu' stays locked if 'may_throw' throws}}
  mu.unlock();
}
template void el_template<std::mutex>(std::mutex &);
template void el_template<std::recursive_mutex>(std::recursive_mutex &);

// P15: std::lock takes two locks manually: one region each.
void el_std_lock() {
  std::lock(g_m, g_other); // expected-note {{mutex 'g_m' acquired here}} expected-note {{mutex 'g_other' acquired here}}
  may_throw(); // expected-warning {{mutex 'g_m' stays locked if 'may_throw' throws}} expected-warning {{mutex 'g_other' stays locked if 'may_throw' throws}}
  g_other.unlock();
  g_m.unlock();
}

// P16: a pthread mutex in C++ code.
void el_pthread() {
  pthread_mutex_lock(&g_pm); // expected-note {{mutex 'g_pm' acquired here}}
  may_throw(); // expected-warning {{mutex 'g_pm' stays locked if 'may_throw' throws}}
  pthread_mutex_unlock(&g_pm);
}

// P17: a function defined in this TU that throws.
void el_defined_thrower(int x) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  validate(x); // expected-warning {{mutex 'g_m' stays locked if 'validate' throws}}
  g_m.unlock();
}

// P18: a function defined in this TU that throws through its callee.
void el_defined_transitive() {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  step(); // expected-warning {{mutex 'g_m' stays locked if 'step' throws}}
  g_m.unlock();
}

// P19: a shared lock.
int el_shared(const std::vector<int> &v) {
  g_sm.lock_shared(); // expected-note {{mutex 'g_sm' acquired here}}
  int first = v.at(0); // expected-warning {{mutex 'g_sm' stays locked if 'at' throws}}
  g_sm.unlock_shared();
  return first;
}

// P20: a mutex through a pointer parameter.
void el_pointer(Account *p, int amount) {
  p->m.lock(); // expected-note {{mutex 'p->m' acquired here}}
  validate(p->balance - amount); // expected-warning {{mutex 'p->m' stays locked if 'validate' throws 'std::invalid_argument' [lockcheck-exception-leak]}}
  p->balance -= amount;
  p->m.unlock();
}

// P21: a recursive mutex.
void el_recursive() {
  g_rm.lock(); // expected-note {{mutex 'g_rm' acquired here}}
  may_throw(); // expected-warning {{mutex 'g_rm' stays locked if 'may_throw' throws}}
  g_rm.unlock();
}

// P22: inside a switch case.
void el_switch(int k) {
  switch (k) {
  case 0:
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
    process(k); // expected-warning {{mutex 'g_m' stays locked if 'process' throws}}
    g_m.unlock();
    break;
  default:
    break;
  }
}

// P23: a goto that jumps over part of the region does not end it.
void el_goto(bool fast) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  if (fast)
    goto out;
  may_throw(); // expected-warning {{mutex 'g_m' stays locked if 'may_throw' throws}}
out:
  g_m.unlock();
}

// P24: a call through a pointer to a function that throws... is not known to
// throw (which function it is, is not known); a direct call of it is.
void el_callback(void (*cb)(int)) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  cb(1);
  process(1); // expected-warning {{mutex 'g_m' stays locked if 'process' throws}}
  g_m.unlock();
}

// P25: a try block whose handler unlocks covers only the try block; the
// region goes on after it.
void el_after_try_block() {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  try {
    may_throw();
  } catch (...) {
    g_m.unlock();
    throw;
  }
  process(0); // expected-warning {{mutex 'g_m' stays locked if 'process' throws}}
  g_m.unlock();
}

// P26: a manual region after a guarded region.
void el_after_guard_region() {
  {
    std::lock_guard<std::mutex> g(g_m);
    may_throw();
  }
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  may_throw(); // expected-warning {{mutex 'g_m' stays locked if 'may_throw' throws}}
  g_m.unlock();
}

//===----------------------------------------------------------------------===//
// Negative cases: no diagnostic expected.
//===----------------------------------------------------------------------===//

// N1: a lock_guard releases during unwinding.
void ok_lock_guard() {
  std::lock_guard<std::mutex> g(g_m);
  may_throw();
}

// N2: a unique_lock, also after unlock()/lock().
void ok_unique_lock() {
  std::unique_lock<std::mutex> lk(g_m);
  may_throw();
  lk.unlock();
  may_throw();
  lk.lock();
  may_throw();
}

// N3: a scoped_lock over two mutexes.
void ok_scoped_lock() {
  std::scoped_lock both(g_m, g_other);
  may_throw();
}

// N4: a shared_lock.
int ok_shared_lock(const std::vector<int> &v) {
  std::shared_lock<std::shared_mutex> r(g_sm);
  return v.at(0);
}

// N5: a guard throwing explicitly.
void Orders::place_guarded(const std::string &item) {
  std::lock_guard<std::mutex> g(mu_);
  if (item.empty())
    throw std::invalid_argument("empty item");
  items_.push_back(item);
}

// N6: noexcept callees.
void ok_noexcept_callee(const std::vector<int> &v) {
  g_m.lock();
  log_line("x");
  int n = static_cast<int>(v.size());
  (void)n;
  g_m.unlock();
}

// N7: a function declared extern "C" in this file.
void ok_extern_c() {
  g_m.lock();
  c_log("x");
  g_m.unlock();
}

// N7b: a function with no body to read, and standard library calls that can
// only fail to allocate (see exception-leak-options.cpp for both).
void ok_not_known_to_throw(const std::string &s) {
  g_m.lock();
  declared_only();
  g_items.push_back(static_cast<int>(s.size()));
  std::string copy = s + "!";
  g_m.unlock();
}

// N8: C library functions.
void ok_c_library(char *dst, const char *src) {
  g_m.lock();
  std::memcpy(dst, src, std::strlen(src) + 1);
  std::printf("%s\n", dst);
  g_m.unlock();
}

// N9: functions defined here that cannot throw (directly and transitively).
int ok_defined_nothrow(int a) {
  g_m.lock();
  int r = add(a, 1) + add3(a, 2, 3);
  g_m.unlock();
  return r;
}

// N10: a catch-all handler that unlocks and rethrows.
void ok_catch_all_rethrow() {
  g_m.lock();
  try {
    may_throw();
    process(1);
  } catch (...) {
    g_m.unlock();
    throw;
  }
  g_m.unlock();
}

// N11: a catch-all handler that unlocks and returns.
bool ok_catch_all_return() {
  g_m.lock();
  try {
    may_throw();
  } catch (...) {
    g_m.unlock();
    return false;
  }
  g_m.unlock();
  return true;
}

// N12: a std::exception handler covers standard library calls.
void ok_std_handler_std_call(const std::string &s) {
  g_m.lock();
  try {
    g_items.push_back(std::stoi(s));
  } catch (const std::exception &) {
    g_m.unlock();
    throw;
  }
  g_m.unlock();
}

// N13: a catch-all that swallows the exception; unlocked after.
void ok_swallow() {
  g_m.lock();
  try {
    may_throw();
  } catch (...) {
    log_line("ignored");
  }
  g_m.unlock();
}

// N14: a noexcept function: an exception cannot leave it.
void ok_noexcept_function() noexcept {
  g_m.lock();
  may_throw();
  g_m.unlock();
}

// N15: throw() and nothrow callees.
void ok_throw_spec() {
  g_m.lock();
  legacy();
  quiet();
  g_m.unlock();
}

// N16: lock primitives inside the region.
void ok_lock_primitives() {
  g_m.lock();
  g_other.lock();
  g_other.unlock();
  if (g_other.try_lock())
    g_other.unlock();
  g_m.unlock();
}

// N17: throwing calls before the lock and after the unlock.
void ok_outside_region() {
  may_throw();
  g_m.lock();
  log_line("inside");
  g_m.unlock();
  may_throw();
}

// N18: a manual lock adopted by a guard before the call.
void ok_adopted() {
  g_m.lock();
  std::lock_guard<std::mutex> g(g_m, std::adopt_lock);
  may_throw();
}

// N19: std::lock followed by adopting guards.
void ok_std_lock_adopted() {
  std::lock(g_m, g_other);
  std::lock_guard<std::mutex> a(g_m, std::adopt_lock);
  std::lock_guard<std::mutex> b(g_other, std::adopt_lock);
  may_throw();
}

// N20: a noexcept lambda called inside the region.
void ok_noexcept_lambda() {
  auto fn = []() noexcept { return 1; };
  g_m.lock();
  int x = fn();
  (void)x;
  g_m.unlock();
}

// N21: nested try blocks: the inner catch-all unlocks and rethrows.
void ok_nested_try() {
  try {
    g_m.lock();
    try {
      may_throw();
    } catch (...) {
      g_m.unlock();
      throw;
    }
    g_m.unlock();
  } catch (const std::exception &) {
    log_line("outer");
  }
}

// N22: an exception thrown and caught inside the region.
void ok_caught_locally(int k) {
  g_m.lock();
  try {
    if (k < 0)
      throw 1;
  } catch (int) {
    log_line("negative");
  }
  g_m.unlock();
}

// N23: a destructor is noexcept: nothing leaves it.
struct Flusher {
  ~Flusher() {
    g_m.lock();
    may_throw();
    g_m.unlock();
  }
};

// N24: the correlated condition with non-throwing calls.
void ok_correlated(bool c) {
  if (c)
    g_m.lock();
  log_line("work");
  if (c)
    g_m.unlock();
}

// N25: a pthread mutex with only C calls inside.
void ok_pthread_c_calls() {
  pthread_mutex_lock(&g_pm);
  std::puts("x");
  pthread_mutex_unlock(&g_pm);
}

// N26: a recursive guard around a throwing call.
void ok_recursive_guard() {
  std::lock_guard<std::recursive_mutex> g(g_rm);
  may_throw();
}
