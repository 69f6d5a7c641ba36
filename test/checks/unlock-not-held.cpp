// RUN: %lockcheck_cxx -Xclang -verify %s
//
// lockcheck-unlock-not-held: releasing a lock that is not held ("that is not
// held" on every path, "that may not be held" on some), unlocking a guard that
// does not own its mutex, and a guard that releases a mutex unlocked by hand
// and not locked again (reported where the guard releases it).
// The note points at the previous release when there is one. A function
// whose first operation on a lock (on every path that touches it) is a
// release is a release wrapper: its caller holds the lock (N29); a mutex
// constructed in the function itself cannot be held by a caller (P1). Every helper is noexcept so lockcheck-exception-leak
// stays silent.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <shared_mutex>

void work() noexcept;
bool cond() noexcept;

std::mutex g_m;
std::mutex g_other;
std::mutex g_handoff; // only released here, by a release wrapper
std::recursive_mutex g_rm;
std::timed_mutex g_tm;
std::shared_mutex g_sm;
std::condition_variable g_cv;
bool g_ready;

struct Account {
  std::mutex m;
  int balance = 0;
};

class Stats {
public:
  void unlock_twice_member();
  void guarded_then_manual_member();
  void different_objects(Stats &other);
  static void static_member_unlock_twice();
  static std::mutex s_mu;

private:
  std::mutex mu_;
  long total_ = 0;
};
std::mutex Stats::s_mu;

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: a local mutex starts unlocked: no caller can hold it (definite, no note).
void un_local_never_locked() {
  std::mutex local;
  work();
  local.unlock(); // expected-warning {{releasing mutex 'local' that is not held [lockcheck-unlock-not-held]}}
}

// P2: unlock twice; the note is the first release.
void un_double_unlock() {
  g_m.lock();
  work();
  g_m.unlock(); // expected-note {{mutex 'g_m' released here}}
  g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that is not held [lockcheck-unlock-not-held]}}
}

// P3: locked on one branch only, unlocked always (possible, no earlier release).
void un_branch_may(bool verbose) {
  if (verbose)
    g_m.lock();
  work();
  g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that may not be held [lockcheck-unlock-not-held]}}
}

// P4: released on one branch, released again after the join.
void un_released_on_branch(int k) {
  g_m.lock();
  if (k > 0)
    g_m.unlock(); // expected-note {{mutex 'g_m' released here}}
  g_m.unlock();   // expected-warning {{releasing mutex 'g_m' that may not be held}}
}

// P5: a lock_guard owns the mutex and releases it again in its destructor.
void un_manual_unlock_of_lock_guard() {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{'g' acquired 'g_m' here}}
  work();
  g_m.unlock(); // expected-note {{mutex 'g_m' released here}}
} // expected-warning {{guard 'g' releases mutex 'g_m' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}

// P6: the same for a unique_lock, in a member function.
void Stats::guarded_then_manual_member() {
  std::unique_lock<std::mutex> lk(mu_); // expected-note {{'lk' acquired 'mu_' here}}
  total_ = 0;
  mu_.unlock(); // expected-note {{mutex 'mu_' released here}}
} // expected-warning {{guard 'lk' releases mutex 'mu_' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}

// P7: one of the mutexes of a scoped_lock.
void un_scoped_lock_member(std::mutex &a, std::mutex &b) {
  std::scoped_lock sl(a, b); // expected-note {{'sl' acquired 'b' here}}
  b.unlock(); // expected-note {{mutex 'b' released here}}
} // expected-warning {{guard 'sl' releases mutex 'b' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}

// P8: unlock_shared() of a mutex a shared_lock owns.
void un_shared_lock_manual() {
  std::shared_lock<std::shared_mutex> r(g_sm); // expected-note {{'r' acquired 'g_sm' here}}
  g_sm.unlock_shared(); // expected-note {{mutex 'g_sm' released here}}
} // expected-warning {{guard 'r' releases mutex 'g_sm' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}

// P9: an adopting guard owns the mutex from its declaration on.
void un_adopted_then_manual() {
  g_m.lock();
  std::lock_guard<std::mutex> g(g_m, std::adopt_lock); // expected-note {{'g' acquired 'g_m' here}}
  g_m.unlock(); // expected-note {{mutex 'g_m' released here}}
} // expected-warning {{guard 'g' releases mutex 'g_m' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}

// P10: unique_lock::unlock() twice.
void un_guard_unlock_twice() {
  std::unique_lock<std::mutex> lk(g_m);
  lk.unlock(); // expected-note {{'lk' released 'g_m' here}}
  work();
  lk.unlock(); // expected-warning {{unlocking 'lk' that does not own a mutex [lockcheck-unlock-not-held]}}
}

// P11: a deferred unique_lock that was never locked.
void un_guard_deferred() {
  std::unique_lock<std::mutex> lk(g_m, std::defer_lock);
  work();
  lk.unlock(); // expected-warning {{unlocking 'lk' that does not own a mutex}}
}

// P12: a try_to_lock unique_lock unlocked without checking owns_lock().
void un_guard_try_unchecked() {
  std::unique_lock<std::mutex> lk(g_m, std::try_to_lock);
  work();
  lk.unlock(); // expected-warning {{unlocking 'lk' that may not own a mutex}}
}

// P13: a moved-from unique_lock owns nothing.
void un_guard_moved_from() {
  std::unique_lock<std::mutex> lk(g_m);
  std::unique_lock<std::mutex> other(std::move(lk));
  lk.unlock(); // expected-warning {{unlocking 'lk' that does not own a mutex}}
}

// P14: the failure branch of try_lock holds nothing.
void un_try_lock_failure_branch() {
  if (!g_m.try_lock()) {
    g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that is not held}}
    return;
  }
  g_m.unlock();
}

// P15: the result of try_lock ignored.
void un_try_lock_ignored() {
  g_m.try_lock();
  work();
  g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that may not be held}}
}

// P16: `bool ok = m.try_lock();` and the wrong branch unlocks.
void un_try_lock_flag_wrong_branch() {
  bool ok = g_m.try_lock();
  if (ok) {
    work();
    g_m.unlock();
  } else {
    g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that is not held}}
  }
}

// P17: the unlock is inside the loop, the lock before it (and when the loop
// runs zero times the lock is still held at the end).
void un_loop_unlock_each_iteration(int n) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  for (int i = 0; i < n; ++i) {
    work();
    g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that may not be held}} expected-note {{mutex 'g_m' released here}}
  }
} // expected-warning {{mutex 'g_m' may still be held at the end of 'un_loop_unlock_each_iteration'}}

// P18: 'break' leaves the loop holding the lock, the other exit does not.
void un_while_break() {
  while (cond()) {
    g_m.lock();
    if (cond())
      break;
    g_m.unlock(); // expected-note {{mutex 'g_m' released here}}
  }
  g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that may not be held}}
}

// P19: a goto that jumps over the acquisition to the cleanup label.
void un_goto_over_lock(bool skip) {
  if (skip)
    goto out;
  g_m.lock();
  work();
out:
  g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that may not be held}}
}

// P20: only one switch case locks.
void un_switch(int k) {
  switch (k) {
  case 0:
    g_m.lock();
    break;
  case 1:
    work();
    break;
  }
  g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that may not be held}}
}

// P21: an early-return path that unlocks what it never locked.
int un_early_return(int k) {
  if (k < 0) {
    g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that is not held}}
    return -1;
  }
  std::lock_guard<std::mutex> g(g_m);
  return k;
}

// P22: a recursive mutex released more often than acquired.
void un_recursive_unbalanced() {
  g_rm.lock();
  g_rm.lock();
  g_rm.unlock();
  g_rm.unlock(); // expected-note {{mutex 'g_rm' released here}}
  g_rm.unlock(); // expected-warning {{releasing mutex 'g_rm' that is not held}}
}

// P23: inside a lambda body.
void un_lambda() {
  auto fn = [] {
    g_m.lock();
    g_m.unlock(); // expected-note {{mutex 'g_m' released here}}
    g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that is not held}}
  };
  fn();
}

// P24: a function template instantiated twice reports once.
template <class M> void un_template(M &mu) {
  mu.lock();
  mu.unlock(); // expected-note {{mutex 'mu' released here}}
  mu.unlock(); // expected-warning {{releasing mutex 'mu' that is not held}}
}
template void un_template<std::mutex>(std::mutex &);
template void un_template<std::recursive_mutex>(std::recursive_mutex &);

// P25: a member mutex.
void Stats::unlock_twice_member() {
  mu_.lock();
  ++total_;
  mu_.unlock(); // expected-note {{mutex 'mu_' released here}}
  mu_.unlock(); // expected-warning {{releasing mutex 'mu_' that is not held [lockcheck-unlock-not-held]}}
}

// P26: a static member.
void Stats::static_member_unlock_twice() {
  s_mu.lock();
  s_mu.unlock(); // expected-note {{mutex 'Stats::s_mu' released here}}
  s_mu.unlock(); // expected-warning {{releasing mutex 'Stats::s_mu' that is not held}}
}

// P27: through a pointer parameter.
void un_pointer(Account *p) {
  p->m.lock();
  p->balance = 0;
  p->m.unlock(); // expected-note {{mutex 'p->m' released here}}
  p->m.unlock(); // expected-warning {{releasing mutex 'p->m' that is not held}}
}

// P28: unlock_shared twice.
void un_shared_twice() {
  g_sm.lock_shared();
  g_sm.unlock_shared(); // expected-note {{mutex 'g_sm' released here}}
  g_sm.unlock_shared(); // expected-warning {{releasing mutex 'g_sm' that is not held}}
}

// P29: a manual unlock after the guard already unlocked.
void un_after_guard_unlock() {
  std::unique_lock<std::mutex> lk(g_m);
  lk.unlock(); // expected-note {{mutex 'g_m' released here}}
  g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that is not held}}
}

// P30: the condition changes between the lock and the unlock, so the two
// branches are not correlated.
void un_condition_changed(bool c) {
  if (c)
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  c = cond();
  if (c)
    g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that may not be held}}
} // expected-warning {{mutex 'g_m' may still be held at the end of 'un_condition_changed' [lockcheck-missing-unlock]}}

// P31: two different conditions.
void un_different_conditions(bool a, bool b) {
  if (a)
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  work();
  if (b)
    g_m.unlock(); // expected-warning {{releasing mutex 'g_m' that may not be held}}
} // expected-warning {{mutex 'g_m' may still be held at the end of 'un_different_conditions'}}

//===----------------------------------------------------------------------===//
// Negative cases: no diagnostic expected.
//===----------------------------------------------------------------------===//

// N1: plain lock and unlock.
void ok_basic() {
  g_m.lock();
  work();
  g_m.unlock();
}

// N2: the correlated condition on a parameter (the classic false positive).
void ok_correlated_param(bool c) {
  if (c)
    g_m.lock();
  work();
  if (c)
    g_m.unlock();
}

// N3: correlated on a negated condition.
void ok_correlated_negated(bool quiet) {
  if (!quiet)
    g_m.lock();
  work();
  if (!quiet)
    g_m.unlock();
}

// N4: correlated with else branches on both sides, and a negation swap.
void ok_correlated_else(bool c) {
  if (c)
    g_m.lock();
  else
    work();
  work();
  if (!c)
    work();
  else
    g_m.unlock();
}

// N5: correlated on an unchanged local computed once.
void ok_correlated_local() {
  const bool locked = cond();
  if (locked)
    g_m.lock();
  for (int i = 0; i < 3; ++i)
    work();
  if (locked)
    g_m.unlock();
}

// N6: unique_lock unlocked early releases nothing at scope end.
void ok_unique_early_unlock() {
  std::unique_lock<std::mutex> lk(g_m);
  work();
  lk.unlock();
  work();
}

// N7: unlock, lock again, unlock again through the guard.
void ok_unique_unlock_lock_unlock() {
  std::unique_lock<std::mutex> lk(g_m);
  lk.unlock();
  lk.lock();
  lk.unlock();
}

// N8: release() leaves the unlock to the caller.
void ok_release_then_manual() {
  std::unique_lock<std::mutex> lk(g_m);
  lk.release();
  work();
  g_m.unlock();
}

// N9: try_lock success branch unlocks.
void ok_try_lock() {
  if (g_m.try_lock()) {
    work();
    g_m.unlock();
  }
}

// N10: early return on try_lock failure.
void ok_try_lock_return() {
  if (!g_m.try_lock())
    return;
  work();
  g_m.unlock();
}

// N11: `bool ok = m.try_lock(); if (ok)`.
void ok_try_lock_flag() {
  bool ok = g_m.try_lock();
  if (ok) {
    work();
    g_m.unlock();
  }
}

// N12: `if (lk)` and owns_lock() on a try_to_lock unique_lock.
void ok_try_to_lock_checked() {
  std::unique_lock<std::mutex> lk(g_m, std::try_to_lock);
  if (lk)
    lk.unlock();
  std::unique_lock<std::mutex> lk2(g_other, std::try_to_lock);
  if (lk2.owns_lock())
    lk2.unlock();
}

// N13: try_lock_for on a timed mutex.
void ok_try_lock_for() {
  if (g_tm.try_lock_for(std::chrono::milliseconds(5))) {
    work();
    g_tm.unlock();
  }
}

// N14: a spin on try_lock holds the lock after the loop.
void ok_spin_try_lock() {
  while (!g_m.try_lock())
    work();
  g_m.unlock();
}

// N15: a loop whose every path unlocks, with break and continue.
void ok_loop(int n) {
  for (int i = 0; i < n; ++i) {
    g_m.lock();
    if (i % 2) {
      g_m.unlock();
      continue;
    }
    if (i > 10) {
      g_m.unlock();
      break;
    }
    g_m.unlock();
  }
}

// N16: the goto-cleanup idiom.
int ok_goto_cleanup(int k) {
  int rc = 0;
  g_m.lock();
  if (k < 0) {
    rc = -1;
    goto out;
  }
  work();
out:
  g_m.unlock();
  return rc;
}

// N17: each switch case locks; one unlock after.
void ok_switch(int k) {
  switch (k) {
  case 0:
    g_m.lock();
    break;
  default:
    work();
    g_m.lock();
    break;
  }
  g_m.unlock();
}

// N18: a recursive mutex released as often as acquired.
void ok_recursive_balanced() {
  g_rm.lock();
  g_rm.lock();
  g_rm.unlock();
  g_rm.unlock();
}

// N19: shared lock and unlock.
void ok_shared() {
  g_sm.lock_shared();
  work();
  g_sm.unlock_shared();
}

// N20: a lambda that balances.
void ok_lambda() {
  auto fn = [] {
    g_m.lock();
    g_m.unlock();
  };
  fn();
}

// N21: a balanced template instantiated twice.
template <class M> void ok_template(M &mu) {
  mu.lock();
  mu.unlock();
}
template void ok_template<std::mutex>(std::mutex &);
template void ok_template<std::shared_mutex>(std::shared_mutex &);

// N22: std::lock, then both unlocked.
void ok_std_lock() {
  std::lock(g_m, g_other);
  work();
  g_other.unlock();
  g_m.unlock();
}

// N23: std::try_lock returns -1 when it took every lock.
void ok_std_try_lock() {
  if (std::try_lock(g_m, g_other) == -1) {
    work();
    g_m.unlock();
    g_other.unlock();
  }
}

// N24: a moved unique_lock unlocked through its new owner.
void ok_moved_then_unlock() {
  std::unique_lock<std::mutex> lk(g_m);
  std::unique_lock<std::mutex> other(std::move(lk));
  other.unlock();
}

// N25: unlocking one object's lock does not touch another object's.
void Stats::different_objects(Stats &other) {
  mu_.lock();
  other.mu_.lock(); // expected-warning {{acquiring 'other.mu_' while holding 'mu_', both 'Stats::mu_' locks of unrelated objects; potential deadlock}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}} expected-note@-1 {{mutex 'mu_' acquired here}}
  other.total_ += total_;
  other.mu_.unlock();
  mu_.unlock();
}

// N26: condition_variable::wait with a predicate, then an early unlock.
void ok_condition_wait() {
  std::unique_lock<std::mutex> lk(g_m);
  g_cv.wait(lk, [] { return g_ready; });
  lk.unlock();
  g_cv.notify_one();
}

// N27: unlock on both branches of an if/else.
void ok_both_branches(int k) {
  g_m.lock();
  if (k > 0) {
    work();
    g_m.unlock();
  } else {
    g_m.unlock();
  }
}

// N28: a deferred unique_lock locked before it is unlocked.
void ok_deferred_lock_unlock() {
  std::unique_lock<std::mutex> lk(g_m, std::defer_lock);
  lk.lock();
  work();
  lk.unlock();
}

// N29: the first operation on 'g_handoff' is a release: a release wrapper
// (the caller locked it), not a release of a lock that is not held.
void ok_release_wrapper() {
  work();
  g_handoff.unlock();
}

// N30: a BasicLockable-style wrapper class.
class Lockable {
public:
  void lock() { m_.lock(); }
  void unlock() { m_.unlock(); }

private:
  std::mutex m_;
};
