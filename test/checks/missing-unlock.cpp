// RUN: %lockcheck_cxx -Xclang -verify %s
//
// lockcheck-missing-unlock: a lock acquired in a function and still held at a
// normal exit. One warning per acquisition site, at the first exit in source
// order that leaks it: on the 'return' line ("when 'f' returns") or on the
// closing brace ("at the end of 'f'"); "may still be held" when only some
// paths to that exit hold it. The note is the acquisition. Not reported:
// functions declared to acquire (acquire_capability), locks moved into a
// returned unique_lock, exception exits (lockcheck-exception-leak's job), and
// a function that never releases a lock when some function of the TU is a
// release wrapper for that lock's class (a lock()/unlock() wrapper pair, N27;
// no lock below except Lockable::m_ has a release wrapper).
// Every helper is noexcept so lockcheck-exception-leak stays silent.
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <shared_mutex>

void work() noexcept;
bool cond() noexcept;

std::mutex g_m;
std::mutex g_other;
std::recursive_mutex g_rm;
std::timed_mutex g_tm;
std::shared_mutex g_sm;

struct Account {
  std::mutex m;
  int balance = 0;
};

class Registry {
public:
  bool add(int id);
  void forget_member();
  static void forget_static();
  static std::mutex s_mu;

private:
  std::mutex mu_;
  int last_ = 0;
};
std::mutex Registry::s_mu;

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: locked and never unlocked: reported at the closing brace.
void mu_forgot() {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  work();
} // expected-warning {{mutex 'g_m' is still held at the end of 'mu_forgot' [lockcheck-missing-unlock]}}

// P2: an early return skips the unlock.
int mu_early_return(int k) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  if (k < 0)
    return -1; // expected-warning {{mutex 'g_m' is still held when 'mu_early_return' returns [lockcheck-missing-unlock]}}
  g_m.unlock();
  return k;
}

// P3: two leaking returns: only the first one in source order is reported.
int mu_two_leaking_returns(int k) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  if (k == 1)
    return 1; // expected-warning {{mutex 'g_m' is still held when 'mu_two_leaking_returns' returns}}
  if (k == 2)
    return 2;
  g_m.unlock();
  return 0;
}

// P4: two acquisition sites, each leaking at its own first exit.
int mu_two_sites(int k) {
  if (k > 0) {
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
    return 1;   // expected-warning {{mutex 'g_m' is still held when 'mu_two_sites' returns}}
  }
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  return 0;   // expected-warning {{mutex 'g_m' is still held when 'mu_two_sites' returns}}
}

// P5: locked on one branch only (possible).
void mu_branch(bool verbose) {
  if (verbose)
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  work();
} // expected-warning {{mutex 'g_m' may still be held at the end of 'mu_branch' [lockcheck-missing-unlock]}}

// P6: a successful try_lock that is never unlocked.
void mu_try_lock_success_kept() {
  if (g_m.try_lock()) // expected-note {{mutex 'g_m' acquired here}}
    work();
} // expected-warning {{mutex 'g_m' may still be held at the end of 'mu_try_lock_success_kept'}}

// P7: returning on the success branch of try_lock (definite on that return).
bool mu_try_lock_return() {
  if (g_m.try_lock()) // expected-note {{mutex 'g_m' acquired here}}
    return true;      // expected-warning {{mutex 'g_m' is still held when 'mu_try_lock_return' returns}}
  return false;
}

// P8: try_lock_for on a timed mutex, the success path falls off the end.
void mu_try_lock_for() {
  bool ok = g_tm.try_lock_for(std::chrono::milliseconds(1)); // expected-note {{mutex 'g_tm' acquired here}}
  if (ok)
    work();
} // expected-warning {{mutex 'g_tm' may still be held at the end of 'mu_try_lock_for'}}

// P9: unique_lock::release() gives up ownership without unlocking.
void mu_unique_release() {
  std::unique_lock<std::mutex> lk(g_m); // expected-note {{mutex 'g_m' acquired here}}
  work();
  lk.release();
} // expected-warning {{mutex 'g_m' is still held at the end of 'mu_unique_release'}}

// P10: 'break' leaves the loop with the lock held.
void mu_loop_break(int n) {
  for (int i = 0; i < n; ++i) {
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
    if (i == 4)
      break;
    g_m.unlock();
  }
} // expected-warning {{mutex 'g_m' may still be held at the end of 'mu_loop_break'}}

// P11: a goto to a label that skips the unlock; the exit is a 'return'.
void mu_goto(bool fast) {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  if (fast)
    goto done;
  g_m.unlock();
done:
  return; // expected-warning {{mutex 'g_m' may still be held when 'mu_goto' returns}}
}

// P12: one switch case keeps the lock.
void mu_switch(int k) {
  switch (k) {
  case 0:
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
    break;
  default:
    g_m.lock();
    g_m.unlock();
    break;
  }
} // expected-warning {{mutex 'g_m' may still be held at the end of 'mu_switch'}}

// P13: inside a lambda body (the name of a lambda's function is not part
// of the expectation).
void mu_lambda() {
  auto fn = [] {
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
    if (cond())
      return; // expected-warning {{mutex 'g_m' is still held when '}}
    g_m.unlock();
  };
  fn();
}

// P14: a function template instantiated twice reports once.
template <class M> void mu_template(M &mu) {
  mu.lock(); // expected-note {{mutex 'mu' acquired here}}
  work();
} // expected-warning {{mutex 'mu' is still held at the end of 'mu_template}}
template void mu_template<std::mutex>(std::mutex &);
template void mu_template<std::timed_mutex>(std::timed_mutex &);

// P15: a recursive mutex locked once more than unlocked (the guard's own
// acquisition is released by the guard; the manual one leaks).
void mu_recursive_unbalanced() {
  std::lock_guard<std::recursive_mutex> g(g_rm);
  g_rm.lock(); // expected-note {{mutex 'g_rm' acquired here}}
  work();
} // expected-warning {{mutex 'g_rm' is still held at the end of 'mu_recursive_unbalanced'}}

// P16: a shared lock that leaks on an early return.
int mu_shared(int k) {
  g_sm.lock_shared(); // expected-note {{mutex 'g_sm' acquired here}}
  if (k)
    return k; // expected-warning {{mutex 'g_sm' is still held when 'mu_shared' returns}}
  g_sm.unlock_shared();
  return 0;
}

// P17: a member mutex on the duplicate-id path.
bool Registry::add(int id) {
  mu_.lock(); // expected-note {{mutex 'mu_' acquired here}}
  if (id == last_)
    return false; // expected-warning {{mutex 'mu_' is still held when 'add' returns [lockcheck-missing-unlock]}}
  last_ = id;
  mu_.unlock();
  return true;
}

// P18: a static member.
void Registry::forget_static() {
  s_mu.lock(); // expected-note {{mutex 'Registry::s_mu' acquired here}}
} // expected-warning {{mutex 'Registry::s_mu' is still held at the end of 'forget_static'}}

// P19: a mutex of a pointer parameter.
int mu_pointer(Account *p, int amount) {
  p->m.lock(); // expected-note {{mutex 'p->m' acquired here}}
  if (p->balance < amount)
    return -1; // expected-warning {{mutex 'p->m' is still held when 'mu_pointer' returns}}
  p->balance -= amount;
  p->m.unlock();
  return 0;
}

// P20: a parameter passed by reference.
void mu_param(std::mutex &pm) {
  pm.lock(); // expected-note {{mutex 'pm' acquired here}}
  work();
} // expected-warning {{mutex 'pm' is still held at the end of 'mu_param'}}

// P21: of two locks only the one not unlocked is reported.
void mu_one_of_two() {
  g_m.lock();
  g_other.lock(); // expected-note {{mutex 'g_other' acquired here}}
  g_m.unlock();
} // expected-warning {{mutex 'g_other' is still held at the end of 'mu_one_of_two'}}

// P22: std::lock takes both; only one is unlocked.
void mu_std_lock() {
  std::lock(g_m, g_other); // expected-note {{mutex 'g_other' acquired here}}
  g_m.unlock();
} // expected-warning {{mutex 'g_other' is still held at the end of 'mu_std_lock'}}

// P23: a unique_lock with try_to_lock that is released (ownership dropped).
void mu_try_to_lock_release() {
  std::unique_lock<std::mutex> lk(g_m, std::try_to_lock); // expected-note {{mutex 'g_m' acquired here}}
  if (lk.owns_lock())
    lk.release();
} // expected-warning {{mutex 'g_m' may still be held at the end of 'mu_try_to_lock_release'}}

// P24: a return from inside a do/while body that holds the lock.
int mu_do_while_return() {
  do {
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
    if (cond())
      return 1; // expected-warning {{mutex 'g_m' is still held when 'mu_do_while_return' returns}}
    g_m.unlock();
  } while (cond());
  return 0;
}

//===----------------------------------------------------------------------===//
// Negative cases: no diagnostic expected.
//===----------------------------------------------------------------------===//

// N1: balanced.
void ok_basic() {
  g_m.lock();
  work();
  g_m.unlock();
}

// N2: every return unlocks first.
int ok_every_return(int k) {
  g_m.lock();
  if (k < 0) {
    g_m.unlock();
    return -1;
  }
  if (k == 0) {
    g_m.unlock();
    return 0;
  }
  g_m.unlock();
  return 1;
}

// N3: a guard with several early returns.
int ok_guard_returns(int k) {
  std::lock_guard<std::mutex> g(g_m);
  if (k < 0)
    return -1;
  if (k == 0)
    return 0;
  return 1;
}

// N4: ownership moves out in the returned unique_lock.
std::unique_lock<std::mutex> ok_return_guard() {
  std::unique_lock<std::mutex> lk(g_m);
  work();
  return lk;
}

// N5: a manual lock adopted by the returned unique_lock.
std::unique_lock<std::mutex> ok_return_adopted() {
  g_m.lock();
  return std::unique_lock<std::mutex>(g_m, std::adopt_lock);
}

// N6: a function declared to acquire the lock and return holding it.
void ok_lock_wrapper() __attribute__((acquire_capability(g_m)));
void ok_lock_wrapper() { g_m.lock(); }

// N7: the correlated condition.
void ok_correlated(bool c) {
  if (c)
    g_m.lock();
  work();
  if (c)
    g_m.unlock();
}

// N8: correlated on a negation, with else branches.
void ok_correlated_negated(bool quiet) {
  if (!quiet)
    g_m.lock();
  else
    work();
  work();
  if (quiet)
    work();
  else
    g_m.unlock();
}

// N9: try_lock failure returns; success unlocks.
bool ok_try_lock() {
  if (!g_m.try_lock())
    return false;
  work();
  g_m.unlock();
  return true;
}

// N10: a try_to_lock guard: whatever it owns it releases.
void ok_try_to_lock_guard() {
  std::unique_lock<std::mutex> lk(g_m, std::try_to_lock);
  if (!lk)
    return;
  work();
}

// N11: a loop whose 'break' and 'continue' unlock first.
void ok_loop(int n) {
  for (int i = 0; i < n; ++i) {
    g_m.lock();
    if (i == 2) {
      g_m.unlock();
      continue;
    }
    if (i == 5) {
      g_m.unlock();
      break;
    }
    g_m.unlock();
  }
}

// N12: the goto-cleanup idiom.
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

// N13: every switch case unlocks.
void ok_switch(int k) {
  g_m.lock();
  switch (k) {
  case 0:
    g_m.unlock();
    return;
  case 1:
    work();
    [[fallthrough]];
  default:
    g_m.unlock();
    break;
  }
}

// N14: a balanced recursive mutex.
void ok_recursive() {
  g_rm.lock();
  {
    std::lock_guard<std::recursive_mutex> g(g_rm);
    work();
  }
  g_rm.unlock();
}

// N15: shared lock and unlock.
void ok_shared(int k) {
  g_sm.lock_shared();
  if (k) {
    g_sm.unlock_shared();
    return;
  }
  g_sm.unlock_shared();
}

// N16: a balanced lambda.
void ok_lambda() {
  auto fn = [] {
    std::lock_guard<std::mutex> g(g_m);
    if (cond())
      return;
    work();
  };
  fn();
}

// N17: a balanced template instantiated twice.
template <class M> void ok_template(M &mu) {
  std::unique_lock<M> lk(mu);
  work();
}
template void ok_template<std::mutex>(std::mutex &);
template void ok_template<std::recursive_mutex>(std::recursive_mutex &);

// N18: release() followed by a manual unlock.
void ok_release_then_unlock() {
  std::unique_lock<std::mutex> lk(g_m);
  lk.release();
  g_m.unlock();
}

// N19: a manual lock adopted by a guard.
void ok_adopt() {
  g_m.lock();
  std::lock_guard<std::mutex> g(g_m, std::adopt_lock);
  work();
}

// N20: std::abort() does not return, so it is not an exit holding the lock.
void ok_noreturn(int k) {
  g_m.lock();
  if (k < 0)
    std::abort();
  g_m.unlock();
}

// N21: unique_lock moved into a local that is destroyed at the end.
void ok_moved_guard() {
  std::unique_lock<std::mutex> lk(g_m);
  std::unique_lock<std::mutex> other = std::move(lk);
  work();
}

// N22: both branches unlock.
void ok_if_else(bool a) {
  g_m.lock();
  if (a)
    g_m.unlock();
  else
    g_m.unlock();
}

// N23: scoped_lock over several mutexes with early returns.
int ok_scoped_lock(int k) {
  std::scoped_lock both(g_m, g_other);
  if (k)
    return k;
  return 0;
}

// N24: two objects' locks, each balanced.
void ok_two_objects(Account &a, Account &b) {
  a.m.lock();
  b.m.lock(); // expected-warning {{acquiring 'b.m' while holding 'a.m', both 'Account::m' locks of unrelated objects; potential deadlock}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}} expected-note@-1 {{mutex 'a.m' acquired here}}
  int t = a.balance;
  a.balance = b.balance;
  b.balance = t;
  b.m.unlock();
  a.m.unlock();
}

// N25: a deferred member guard locked on one path releases what it owns.
void Registry::forget_member() {
  std::unique_lock<std::mutex> lk(mu_, std::defer_lock);
  if (cond())
    lk.lock();
  last_ = 0;
}

// N26: try_lock_for success unlocks.
void ok_try_lock_for() {
  if (g_tm.try_lock_for(std::chrono::milliseconds(1))) {
    work();
    g_tm.unlock();
  }
}

// N27: a BasicLockable wrapper: lock() returns holding 'm_' on purpose, as
// unlock() (a release wrapper for Lockable::m_) shows.
class Lockable {
public:
  void lock() { m_.lock(); }
  void unlock() { m_.unlock(); }
  bool try_lock() { return m_.try_lock(); }

private:
  std::mutex m_;
};

// unique_lock::release() leaves the mutex locked and the caller in charge:
// dropping the pointer it returns leaks the lock; unlocking through it does not.
void release_and_forget(std::mutex &m) {
  std::unique_lock<std::mutex> lk(m); // expected-note {{mutex 'm' acquired here}}
  std::mutex *p = lk.release();
  (void)p;
} // expected-warning {{mutex 'm' is still held at the end of 'release_and_forget' [lockcheck-missing-unlock]}}

void release_then_unlock_through_pointer(std::mutex &m) {
  std::unique_lock<std::mutex> lk(m);
  std::mutex *p = lk.release();
  p->unlock();
}
