// REQUIRES: libcxx
// RUN: %lockcheck_cxx %libcxx -Wno-unused-value -Wno-vexing-parse -Xclang -verify %s
// RUN: %lockcheck_cxx %libcxx -Wno-unused-value -Wno-vexing-parse -D_LIBCPP_ENABLE_THREAD_SAFETY_ANNOTATIONS -Xclang -verify %s
//
// The guards and locks against libc++'s headers, where they differ from
// libstdc++: everything lives in the inline namespace std::__1; lock_guard and
// unique_lock come from <__mutex/*.h> with out-of-line members; scoped_lock has
// separate specialisations for zero, one and several mutexes; guard
// constructors are [[nodiscard]] (hence -Wno-unused-value: Clang's own warning
// is not under test). The second RUN line turns on libc++'s thread-safety
// annotations (std::mutex becomes a 'capability', lock_guard 'scoped_lockable'):
// the findings must be exactly the same, not doubled.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <vector>

void work() noexcept;
bool cond() noexcept;
void may_throw();

std::mutex g_m;
std::mutex g_other;
std::recursive_mutex g_rm;
std::timed_mutex g_tm;
std::shared_mutex g_sm;
std::condition_variable_any g_cva;
std::vector<int> g_items;
bool g_ready;

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: two lock_guards on one mutex.
void lx_lock_guard_twice() {
  std::lock_guard<std::mutex> a(g_m); // expected-note {{mutex 'g_m' acquired here}}
  std::lock_guard<std::mutex> b(g_m); // expected-warning {{acquiring mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P2: the one-mutex scoped_lock specialisation, twice.
void lx_scoped_lock_single_twice() {
  std::scoped_lock a(g_m); // expected-note {{mutex 'g_m' acquired here}}
  std::scoped_lock b(g_m); // expected-warning {{acquiring mutex 'g_m' that is already held}}
}

// P3: the variadic scoped_lock, then a guard on one of its mutexes.
void lx_scoped_lock_variadic_overlap() {
  std::scoped_lock both(g_m, g_other);    // expected-note {{mutex 'g_other' acquired here}}
  std::lock_guard<std::mutex> g(g_other); // expected-warning {{acquiring mutex 'g_other' that is already held}}
}

// P4: an upgrade from shared_lock to unique_lock.
void lx_upgrade() {
  std::shared_lock<std::shared_mutex> r(g_sm); // expected-note {{mutex 'g_sm' acquired here}}
  std::unique_lock<std::shared_mutex> w(g_sm); // expected-warning {{acquiring mutex 'g_sm' exclusively while it is held shared; upgrading a lock deadlocks}}
}

// P5: a guard on the success branch of a try_to_lock unique_lock.
void lx_try_to_lock_then_guard() {
  std::unique_lock<std::mutex> lk(g_m, std::try_to_lock); // expected-note {{mutex 'g_m' acquired here}}
  if (lk.owns_lock()) {
    std::lock_guard<std::mutex> g(g_m); // expected-warning {{acquiring mutex 'g_m' that is already held}}
  }
}

// P6: ownership moved by move assignment is still ownership.
void lx_move_assigned_then_guard() {
  std::unique_lock<std::mutex> a(g_m); // expected-note {{mutex 'g_m' acquired here}}
  std::unique_lock<std::mutex> b;
  b = std::move(a);
  std::lock_guard<std::mutex> c(g_m); // expected-warning {{acquiring mutex 'g_m' that is already held}}
}

// P7: a manual unlock of a mutex a lock_guard owns, not locked again.
void lx_unlock_guarded() {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{'g' acquired 'g_m' here}}
  g_m.unlock(); // expected-note {{mutex 'g_m' released here}}
} // expected-warning {{guard 'g' releases mutex 'g_m' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}

// P8: the same for the one-mutex scoped_lock.
void lx_unlock_scoped() {
  std::scoped_lock sl(g_m); // expected-note {{'sl' acquired 'g_m' here}}
  g_m.unlock(); // expected-note {{mutex 'g_m' released here}}
} // expected-warning {{guard 'sl' releases mutex 'g_m' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}

// P9: unique_lock::unlock() twice.
void lx_unique_unlock_twice() {
  std::unique_lock<std::mutex> lk(g_m);
  lk.unlock(); // expected-note {{'lk' released 'g_m' here}}
  lk.unlock(); // expected-warning {{unlocking 'lk' that does not own a mutex}}
}

// P10: shared_lock::unlock() twice.
void lx_shared_unlock_twice() {
  std::shared_lock<std::shared_mutex> r(g_sm);
  r.unlock(); // expected-note {{'r' released 'g_sm' here}}
  r.unlock(); // expected-warning {{unlocking 'r' that does not own a mutex}}
}

// P11: unique_lock::release() leaves the mutex locked.
void lx_unique_release() {
  std::unique_lock<std::mutex> lk(g_m); // expected-note {{mutex 'g_m' acquired here}}
  lk.release();
} // expected-warning {{mutex 'g_m' is still held at the end of 'lx_unique_release' [lockcheck-missing-unlock]}}

// P12: shared_lock::release() leaves the shared lock held.
void lx_shared_release() {
  std::shared_lock<std::shared_mutex> r(g_sm); // expected-note {{mutex 'g_sm' acquired here}}
  r.release();
} // expected-warning {{mutex 'g_sm' is still held at the end of 'lx_shared_release'}}

// P13: an early return that skips the unlock.
int lx_early_return(int k) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  if (k)
    return k; // expected-warning {{mutex 'g_m' is still held when 'lx_early_return' returns}}
  g_m.unlock();
  return 0;
}

// P14: a standard library call documented to throw (std::out_of_range) in a
// manual region.
int lx_at(unsigned i) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  int v = g_items.at(i); // expected-warning {{mutex 'g_m' stays locked if 'at' throws 'std::out_of_range' [lockcheck-exception-leak]}}
  g_m.unlock();
  return v;
}

// N14: push_back can only fail to allocate, which is not reported by default.
void lx_push_back(int x) {
  g_m.lock();
  g_items.push_back(x);
  g_m.unlock();
}

// P15: a throw expression in a manual region.
void lx_throw(int x) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  if (x < 0)
    throw std::invalid_argument("x"); // expected-warning {{mutex 'g_m' stays locked when this exception leaves 'lx_throw'}}
  g_m.unlock();
}

// P16: a braced lock_guard temporary.
void lx_temporary_lock_guard() {
  std::lock_guard<std::mutex>{g_m}; // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]}}
  work();
}

// P17: a braced one-mutex scoped_lock temporary.
void lx_temporary_scoped_lock() {
  std::scoped_lock{g_m}; // expected-warning {{guard of mutex 'g_m' is a temporary destroyed at the end of this statement}}
  work();
}

// P18: the vexing parse with unique_lock.
void lx_vexing() {
  std::unique_lock<std::mutex>(g_m); // expected-warning {{'g_m' declares a new guard that locks nothing; did you mean to lock 'g_m'?}}
  work();
}

// P19: a shared_lock that tried and succeeded, then an exclusive guard.
void lx_shared_try_then_upgrade() {
  std::shared_lock<std::shared_mutex> r(g_sm, std::try_to_lock); // expected-note {{mutex 'g_sm' acquired here}}
  if (r) {
    std::lock_guard<std::shared_mutex> w(g_sm); // expected-warning {{acquiring mutex 'g_sm' exclusively while it is held shared; upgrading a lock deadlocks}}
  }
}

//===----------------------------------------------------------------------===//
// Negative cases: no diagnostic expected.
//===----------------------------------------------------------------------===//

// N1: a lock_guard around a throwing call.
void ok_lock_guard() {
  std::lock_guard<std::mutex> g(g_m);
  may_throw();
}

// N2: a deferred unique_lock, locked and unlocked.
void ok_defer() {
  std::unique_lock<std::mutex> lk(g_m, std::defer_lock);
  lk.lock();
  work();
  lk.unlock();
}

// N3: try_to_lock checked with `if (lk)`.
void ok_try_to_lock() {
  std::unique_lock<std::mutex> lk(g_m, std::try_to_lock);
  if (lk)
    lk.unlock();
}

// N4: a move-constructed unique_lock unlocks through the new owner.
void ok_move_constructed() {
  std::unique_lock<std::mutex> a(g_m);
  std::unique_lock<std::mutex> b(std::move(a));
  b.unlock();
}

// N5: a move-assigned unique_lock releases once.
void ok_move_assigned() {
  std::unique_lock<std::mutex> a(g_m);
  std::unique_lock<std::mutex> b;
  b = std::move(a);
  may_throw();
}

// N6: the zero-mutex scoped_lock specialisation locks nothing.
void ok_scoped_lock_empty() {
  std::scoped_lock<> none;
  (void)none;
  g_m.lock();
  g_m.unlock();
}

// N7: the one-mutex scoped_lock with early returns.
int ok_scoped_lock_single(int k) {
  std::scoped_lock sl(g_m);
  if (k)
    return 1;
  may_throw();
  return 0;
}

// N8: scoped_lock adopting two mutexes taken by std::lock.
void ok_scoped_lock_adopt() {
  std::lock(g_m, g_other);
  std::scoped_lock both(std::adopt_lock, g_m, g_other);
  may_throw();
}

// N9: shared_lock unlocked and locked again.
void ok_shared_relock() {
  std::shared_lock<std::shared_mutex> r(g_sm);
  r.unlock();
  work();
  r.lock();
}

// N10: a deferred shared_lock.
void ok_shared_defer() {
  std::shared_lock<std::shared_mutex> r(g_sm, std::defer_lock);
  if (cond())
    r.lock();
}

// N11: a unique_lock returned to the caller.
std::unique_lock<std::mutex> ok_return_guard() {
  std::unique_lock<std::mutex> lk(g_m);
  return lk;
}

// N12: nested guards on a recursive mutex.
void ok_recursive() {
  std::lock_guard<std::recursive_mutex> a(g_rm);
  std::unique_lock<std::recursive_mutex> b(g_rm);
}

// N13: a timed unique_lock constructed with a timeout (a try-lock).
void ok_timed_unique_lock() {
  std::unique_lock<std::timed_mutex> lk(g_tm, std::chrono::milliseconds(5));
  if (lk.owns_lock())
    lk.unlock();
}

// N14: condition_variable_any waits on a unique_lock.
void ok_condition_variable_any() {
  std::unique_lock<std::mutex> lk(g_m);
  g_cva.wait(lk, [] { return g_ready; });
}

// N15: the correlated condition.
void ok_correlated(bool c) {
  if (c)
    g_m.lock();
  work();
  if (c)
    g_m.unlock();
}

// N16: release() and then a manual unlock.
void ok_release_then_unlock() {
  std::unique_lock<std::mutex> lk(g_m);
  lk.release();
  g_m.unlock();
}

// N17: a lock_guard adopting a manual lock.
void ok_adopt() {
  g_m.lock();
  std::lock_guard<std::mutex> g(g_m, std::adopt_lock);
  may_throw();
}

// N18: a catch-all handler that unlocks and rethrows.
void ok_catch_all() {
  g_m.lock();
  try {
    g_items.push_back(1);
  } catch (...) {
    g_m.unlock();
    throw;
  }
  g_m.unlock();
}

// N19: named guards of every kind.
void ok_named_guards() {
  std::lock_guard<std::mutex> a(g_m);
  std::unique_lock<std::mutex> b(g_other);
  std::shared_lock<std::shared_mutex> c(g_sm);
}
