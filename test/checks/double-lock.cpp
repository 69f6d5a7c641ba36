// RUN: %lockcheck_cxx -Xclang -verify %s
//
// lockcheck-double-lock: acquiring a non-recursive lock that this thread
// already holds. The warning is on the second acquisition, the note on the
// earlier one. "already held" when it is held on every path reaching the
// acquisition, "may already be held" when only on some. try_lock on a held
// mutex is never reported (it just fails). After a reported double lock the
// lock counts as held once, and a guard's implicit destructor is never the
// place of a report, so the cases below produce exactly one finding each.
// Every helper is noexcept so that lockcheck-exception-leak stays silent.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <shared_mutex>

void work() noexcept;
bool cond() noexcept;
int pick() noexcept;

std::mutex g_m;
std::mutex g_other;
std::recursive_mutex g_rm;
std::timed_mutex g_tm;
std::shared_mutex g_sm;
std::condition_variable g_cv;
bool g_ready;

struct Account {
  std::mutex m;
  int balance = 0;
};

class Registry {
public:
  void twice_member();
  void explicit_this_then_implicit();
  void static_member_twice();
  void different_objects(Registry &other);
  void lambda_in_guarded_method();

  static std::mutex s_mu;

private:
  std::mutex m_;
  int n_ = 0;
};
std::mutex Registry::s_mu;

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: lock() twice on a global, no unlock in between (definite).
void dl_manual_twice() {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  g_m.lock(); // expected-warning {{acquiring mutex 'g_m' that is already held [lockcheck-double-lock]}}
  g_m.unlock();
}

// P2: a member mutex locked twice in a method; shown without 'this->'.
void Registry::twice_member() {
  m_.lock(); // expected-note {{mutex 'm_' acquired here}}
  ++n_;
  m_.lock(); // expected-warning {{acquiring mutex 'm_' that is already held [lockcheck-double-lock]}}
  m_.unlock();
}

// P3: 'this->m_' and 'm_' are the same lock.
void Registry::explicit_this_then_implicit() {
  this->m_.lock(); // expected-note {{acquired here}}
  m_.lock();       // expected-warning {{acquiring mutex 'm_' that is already held}}
  m_.unlock();
}

// P4: a lock_guard in an inner scope on a mutex an outer lock_guard owns.
void dl_guard_guard() {
  std::lock_guard<std::mutex> outer(g_m); // expected-note {{mutex 'g_m' acquired here}}
  {
    std::lock_guard<std::mutex> inner(g_m); // expected-warning {{acquiring mutex 'g_m' that is already held [lockcheck-double-lock]}}
    work();
  }
}

// P5: calling lock() while a guard owns the mutex.
void dl_guard_then_manual() {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  work();
  g_m.lock(); // expected-warning {{acquiring mutex 'g_m' that is already held}}
}

// P6: a deferred unique_lock locked while the mutex is already held manually.
void dl_defer_then_lock() {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  std::unique_lock<std::mutex> lk(g_m, std::defer_lock);
  lk.lock(); // expected-warning {{acquiring mutex 'g_m' that is already held}}
  work();
  lk.unlock();
}

// P7: scoped_lock over two mutexes, one of which is already owned.
void dl_scoped_lock_overlap() {
  std::lock_guard<std::mutex> first(g_m); // expected-note {{mutex 'g_m' acquired here}}
  std::scoped_lock both(g_m, g_other);    // expected-warning {{acquiring mutex 'g_m' that is already held}}
  work();
}

// P8: a lock taken on only one branch, then taken unconditionally (possible).
void dl_branch_may(bool verbose) {
  if (verbose)
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  g_m.lock();   // expected-warning {{acquiring mutex 'g_m' that may already be held [lockcheck-double-lock]}}
  g_m.unlock();
}

// P9: a for loop whose 'continue' skips the unlock; the next iteration
// locks again (the note is the same acquisition, from the previous
// iteration), and the lock may still be held after the loop.
void dl_for_continue(int n) {
  for (int i = 0; i < n; ++i) {
    g_m.lock(); // expected-warning {{acquiring mutex 'g_m' that may already be held}} expected-note 2 {{mutex 'g_m' acquired here}}
    if (i == 3)
      continue;
    work();
    g_m.unlock();
  }
} // expected-warning {{mutex 'g_m' may still be held at the end of 'dl_for_continue' [lockcheck-missing-unlock]}}

// P10: a do/while loop that locks on every iteration and unlocks after it.
void dl_do_while() {
  do {
    g_m.lock(); // expected-warning {{acquiring mutex 'g_m' that may already be held}} expected-note {{mutex 'g_m' acquired here}}
    work();
  } while (cond());
  g_m.unlock();
}

// P11: a backward goto that retries the acquisition without unlocking.
void dl_goto_retry() {
retry:
  g_m.lock(); // expected-warning {{acquiring mutex 'g_m' that may already be held}} expected-note {{mutex 'g_m' acquired here}}
  if (!cond())
    goto retry;
  g_m.unlock();
}

// P12: switch fall-through from a case that already locked.
void dl_switch_fallthrough(int k) {
  switch (k) {
  case 0:
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
    [[fallthrough]];
  case 1:
    g_m.lock(); // expected-warning {{acquiring mutex 'g_m' that may already be held}}
    break;
  default:
    g_m.lock();
    break;
  }
  g_m.unlock();
}

// P13: the bug is inside a lambda body.
void dl_lambda() {
  auto fn = [] {
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
    g_m.lock(); // expected-warning {{acquiring mutex 'g_m' that is already held}}
    g_m.unlock();
  };
  fn();
}

// P14: a function template instantiated twice reports once.
template <class M> void dl_template(M &mu) {
  mu.lock(); // expected-note {{mutex 'mu' acquired here}}
  mu.lock(); // expected-warning {{acquiring mutex 'mu' that is already held}}
  mu.unlock();
}
template void dl_template<std::mutex>(std::mutex &);
template void dl_template<std::timed_mutex>(std::timed_mutex &);

// P15: a parameter passed by reference.
void dl_param(std::mutex &pm) {
  pm.lock(); // expected-note {{mutex 'pm' acquired here}}
  work();
  pm.lock(); // expected-warning {{acquiring mutex 'pm' that is already held}}
  pm.unlock();
}

// P16: a mutex reached through a pointer parameter.
void dl_pointer(Account *p) {
  p->m.lock(); // expected-note {{mutex 'p->m' acquired here}}
  p->balance += 1;
  p->m.lock(); // expected-warning {{acquiring mutex 'p->m' that is already held}}
  p->m.unlock();
}

// P17: a mutex of a reference parameter, taken by lock_guard then unique_lock.
void dl_member_of_ref(Account &a) {
  std::lock_guard<std::mutex> g1(a.m);  // expected-note {{mutex 'a.m' acquired here}}
  std::unique_lock<std::mutex> g2(a.m); // expected-warning {{acquiring mutex 'a.m' that is already held}}
  a.balance = 0;
}

// P18: a static data member, spelled two ways.
void Registry::static_member_twice() {
  std::lock_guard<std::mutex> g1(s_mu);           // expected-note {{acquired here}}
  std::lock_guard<std::mutex> g2(Registry::s_mu); // expected-warning {{acquiring mutex 'Registry::s_mu' that is already held}}
}

// P19: locking on the success branch of try_lock_for: held there for sure.
void dl_after_try_lock_for() {
  if (g_tm.try_lock_for(std::chrono::milliseconds(10))) { // expected-note {{mutex 'g_tm' acquired here}}
    g_tm.lock(); // expected-warning {{acquiring mutex 'g_tm' that is already held}}
    g_tm.unlock();
  }
}

// P20: `bool ok = m.try_lock(); if (ok)` then a second lock.
void dl_after_try_lock_flag() {
  bool ok = g_m.try_lock(); // expected-note {{mutex 'g_m' acquired here}}
  if (ok) {
    g_m.lock(); // expected-warning {{acquiring mutex 'g_m' that is already held}}
    g_m.unlock();
  }
}

// P21: a guard on the success branch of a try_to_lock unique_lock (`if (lk)`).
void dl_try_to_lock_then_guard() {
  std::unique_lock<std::mutex> lk(g_m, std::try_to_lock); // expected-note {{mutex 'g_m' acquired here}}
  if (lk) {
    std::lock_guard<std::mutex> g(g_m); // expected-warning {{acquiring mutex 'g_m' that is already held}}
    work();
  }
}

// P22: owns_lock() decides as well.
void dl_owns_lock_then_guard() {
  std::unique_lock<std::mutex> lk(g_m, std::try_to_lock); // expected-note {{mutex 'g_m' acquired here}}
  if (lk.owns_lock()) {
    std::lock_guard<std::mutex> g(g_m); // expected-warning {{acquiring mutex 'g_m' that is already held}}
  }
}

// P23: ownership moved to another unique_lock is still ownership.
void dl_after_move() {
  std::unique_lock<std::mutex> a(g_m); // expected-note {{mutex 'g_m' acquired here}}
  std::unique_lock<std::mutex> b(std::move(a));
  std::lock_guard<std::mutex> c(g_m); // expected-warning {{acquiring mutex 'g_m' that is already held}}
}

// P24: shared then exclusive on a shared_mutex: an upgrade deadlocks.
void dl_upgrade_guards() {
  std::shared_lock<std::shared_mutex> reader(g_sm); // expected-note {{mutex 'g_sm' acquired here}}
  work();
  std::unique_lock<std::shared_mutex> writer(g_sm); // expected-warning {{acquiring mutex 'g_sm' exclusively while it is held shared; upgrading a lock deadlocks [lockcheck-double-lock]}}
}

// P25: the same upgrade on a shared_timed_mutex parameter.
void dl_upgrade_timed(std::shared_timed_mutex &stm) {
  std::shared_lock<std::shared_timed_mutex> reader(stm); // expected-note {{mutex 'stm' acquired here}}
  std::lock_guard<std::shared_timed_mutex> writer(stm);  // expected-warning {{acquiring mutex 'stm' exclusively while it is held shared; upgrading a lock deadlocks}}
}

// P26: exclusive, then shared: the plain double-lock text.
void dl_exclusive_then_shared() {
  std::unique_lock<std::shared_mutex> writer(g_sm);  // expected-note {{mutex 'g_sm' acquired here}}
  std::shared_lock<std::shared_mutex> reader(g_sm);  // expected-warning {{acquiring mutex 'g_sm' that is already held}}
}

// P27: shared twice on a std::shared_mutex is undefined (and can deadlock
// behind a waiting writer).
void dl_shared_twice() {
  std::shared_lock<std::shared_mutex> r1(g_sm); // expected-note {{mutex 'g_sm' acquired here}}
  std::shared_lock<std::shared_mutex> r2(g_sm); // expected-warning {{acquiring mutex 'g_sm' that is already held}}
}

// P28: both branches keep the lock, so after the join it is held on every
// path: the definite text.
void dl_join_definite(int k) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  if (k < 0)
    work();
  else
    ++k;
  std::lock_guard<std::mutex> g(g_m); // expected-warning {{acquiring mutex 'g_m' that is already held}}
}

//===----------------------------------------------------------------------===//
// Negative cases: no diagnostic expected.
//===----------------------------------------------------------------------===//

// N1: lock, unlock, lock again, unlock.
void ok_sequential() {
  g_m.lock();
  work();
  g_m.unlock();
  g_m.lock();
  g_m.unlock();
}

// N2: recursive_mutex may be locked again by its owner.
void ok_recursive_manual() {
  g_rm.lock();
  g_rm.lock();
  work();
  g_rm.unlock();
  g_rm.unlock();
}

// N3: nested guards on a recursive_mutex.
void ok_recursive_guards() {
  std::lock_guard<std::recursive_mutex> outer(g_rm);
  std::lock_guard<std::recursive_mutex> inner(g_rm);
  work();
}

// N4: the same member of two different objects is two different locks.
void ok_two_objects(Account &a, Account &b) {
  std::lock_guard<std::mutex> ga(a.m);
  std::lock_guard<std::mutex> gb(b.m); // expected-warning {{acquiring 'b.m' while holding 'a.m', both 'Account::m' locks of unrelated objects; potential deadlock}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}} expected-note@-1 {{mutex 'a.m' acquired here}}
  a.balance -= 1;
  b.balance += 1;
}

// N5: two pointers' locks are different locks as well.
void ok_two_pointers(Account *p, Account *q) {
  p->m.lock();
  q->m.lock(); // expected-warning {{acquiring 'q->m' while holding 'p->m', both 'Account::m' locks of unrelated objects; potential deadlock}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}} expected-note@-1 {{mutex 'p->m' acquired here}}
  q->m.unlock();
  p->m.unlock();
}

// N6: this->m_ and other.m_ are different locks.
void Registry::different_objects(Registry &other) {
  std::lock_guard<std::mutex> mine(m_);
  std::lock_guard<std::mutex> theirs(other.m_); // expected-warning {{acquiring 'other.m_' while holding 'm_', both 'Registry::m_' locks of unrelated objects; potential deadlock}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}} expected-note@-1 {{mutex 'm_' acquired here}}
  n_ += other.n_;
}

// N7: two different globals.
void ok_two_globals() {
  std::lock_guard<std::mutex> a(g_m);
  std::lock_guard<std::mutex> b(g_other);
}

// N8: a loop that unlocks before 'continue' and before 'break'.
void ok_loop_continue_break(int n) {
  for (int i = 0; i < n; ++i) {
    g_m.lock();
    if (i == 3) {
      g_m.unlock();
      continue;
    }
    if (i == 7) {
      g_m.unlock();
      break;
    }
    work();
    g_m.unlock();
  }
}

// N9: a guard scoped to the loop body, with break and continue.
void ok_loop_guard(int n) {
  while (n-- > 0) {
    std::lock_guard<std::mutex> g(g_m);
    if (n == 5)
      continue;
    if (n == 2)
      break;
    work();
  }
}

// N10: unique_lock unlocked early, then locked again through the guard.
void ok_unique_relock() {
  std::unique_lock<std::mutex> lk(g_m);
  work();
  lk.unlock();
  work();
  lk.lock();
}

// N11: a deferred unique_lock locks once.
void ok_defer_lock() {
  std::unique_lock<std::mutex> lk(g_m, std::defer_lock);
  work();
  lk.lock();
}

// N12: try_lock on a held mutex just fails; nothing is reported.
void ok_try_lock_while_held() {
  g_m.lock();
  if (g_m.try_lock())
    work();
  g_m.unlock();
}

// N13: the classic correlated condition; afterwards the mutex is free on
// every path, so locking it again is fine.
void ok_correlated(bool c) {
  if (c)
    g_m.lock();
  work();
  if (c)
    g_m.unlock();
  g_m.lock();
  g_m.unlock();
}

// N14: correlated on a negated condition, with else branches.
void ok_correlated_negated(bool quiet) {
  if (!quiet)
    g_m.lock();
  else
    work();
  work();
  if (!quiet)
    g_m.unlock();
  else
    work();
  std::lock_guard<std::mutex> g(g_m);
}

// N15: a lambda body is its own function: the guard inside it does not
// double-lock the guard of the enclosing method.
void Registry::lambda_in_guarded_method() {
  std::lock_guard<std::mutex> g(m_);
  auto later = [this] {
    std::lock_guard<std::mutex> inner(m_);
    ++n_;
  };
  (void)later;
}

// N16: a template instantiated only with a recursive mutex.
template <class M> void relock_template(M &mu) {
  std::lock_guard<M> a(mu);
  std::lock_guard<M> b(mu);
}
template void relock_template<std::recursive_mutex>(std::recursive_mutex &);
template void relock_template<std::recursive_timed_mutex>(std::recursive_timed_mutex &);

// N17: shared, released, then exclusive.
void ok_shared_then_exclusive_after_release() {
  {
    std::shared_lock<std::shared_mutex> r(g_sm);
    work();
  }
  std::unique_lock<std::shared_mutex> w(g_sm);
}

// N18: a goto that jumps over the second acquisition.
void ok_goto_skips(bool fast) {
  g_m.lock();
  if (fast)
    goto done;
  g_m.unlock();
  g_m.lock();
done:
  g_m.unlock();
}

// N19: every switch case locks once; one unlock after the switch.
void ok_switch(int k) {
  switch (k) {
  case 0:
    g_m.lock();
    break;
  case 1:
    work();
    g_m.lock();
    break;
  default:
    return;
  }
  g_m.unlock();
}

// N20: an early return after unlocking, then a lock on the other path.
void ok_early_return(int k) {
  g_m.lock();
  if (k < 0) {
    g_m.unlock();
    return;
  }
  g_m.unlock();
  std::lock_guard<std::mutex> g(g_m);
}

// N21: a moved-from, unlocked unique_lock owns nothing.
void ok_move_after_unlock() {
  std::unique_lock<std::mutex> a(g_m);
  a.unlock();
  std::unique_lock<std::mutex> b(std::move(a));
  std::lock_guard<std::mutex> g(g_m);
}

// N22: release() hands the mutex to the caller's manual unlock.
void ok_release_then_relock() {
  std::unique_lock<std::mutex> lk(g_m);
  lk.release();
  g_m.unlock();
  g_m.lock();
  g_m.unlock();
}

// N23: adopt_lock takes over an acquisition; it does not acquire again.
void ok_adopt_lock() {
  g_m.lock();
  std::lock_guard<std::mutex> g(g_m, std::adopt_lock);
  work();
}

// N24: lock() on the failure branch of try_lock only.
void ok_lock_after_failed_try() {
  if (!g_m.try_lock())
    g_m.lock();
  work();
  g_m.unlock();
}

// N25: the same with try_lock_for on a timed mutex.
void ok_lock_after_failed_try_for() {
  if (!g_tm.try_lock_for(std::chrono::milliseconds(1)))
    g_tm.lock();
  g_tm.unlock();
}

// N26: condition_variable::wait releases and re-acquires internally.
void ok_condition_wait() {
  std::unique_lock<std::mutex> lk(g_m);
  while (!g_ready)
    g_cv.wait(lk);
  work();
}

// N27: std::lock takes both without double-locking either.
void ok_std_lock() {
  std::lock(g_m, g_other);
  std::lock_guard<std::mutex> a(g_m, std::adopt_lock);
  std::lock_guard<std::mutex> b(g_other, std::adopt_lock);
}

// N28: a do/while that unlocks on every iteration.
void ok_do_while() {
  do {
    g_m.lock();
    work();
    g_m.unlock();
  } while (cond());
}
