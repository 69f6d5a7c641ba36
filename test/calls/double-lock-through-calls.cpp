// RUN: %lockcheck_cxx -Xclang -verify %s
//
// lockcheck-double-lock through calls: holding a non-recursive lock and
// calling a function that (transitively) acquires the same lock on the same
// object. Reported at the call site ("calling 'F' acquires ... that is already
// held", "may already be held" when only some paths hold it), with a note at
// the caller's acquisition and notes walking the chain down to the inner
// acquisition ("'f' calls 'g' here", "'g' acquires 'L' here"). The thread
// blocks inside that call, so the rest of that path is not analysed.
// Not reported: recursive mutexes, another object instance, a try_lock in the
// callee, a lambda run on another thread, a lock released before the call.
// Acquire/release wrappers (begin()/end(), lock_acct()/unlock_acct()) are
// applied to the caller's lockset.
//
// Every helper is noexcept so that lockcheck-exception-leak stays silent, and
// the file's lock-order graph has no cycle (any lockcheck-lock-order finding
// would fail the test). Gaps (constructors, destructors, overriders, mutual
// recursion through a lock-free function, a local object's lock left held by
// an acquire wrapper) are the XFAIL files gap-*.cpp next to this one; the C
// wrappers are in c-wrappers.c.
#include <future>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <thread>

void work() noexcept;
bool cond() noexcept;

std::mutex g_m;
std::mutex g_n;
std::recursive_mutex g_rm;
std::shared_mutex g_sm;
pthread_mutex_t g_pm = PTHREAD_MUTEX_INITIALIZER;

struct Account {
  std::mutex m;
  int balance = 0;
};

// Helpers each taking one lock and releasing it.
void lockGlobal() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note 9 {{'lockGlobal' acquires 'g_m' here}}
  work();
}
void lockAcct(Account &a) noexcept {
  std::lock_guard<std::mutex> g(a.m); // expected-note {{'lockAcct' acquires 'a.m' here}}
  a.balance++;
}
void lockAcctPtr(Account *a) noexcept {
  a->m.lock(); // expected-note {{'lockAcctPtr' acquires 'a->m' here}}
  a->balance++;
  a->m.unlock();
}

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: the seed's pattern: a member function holds the object's lock and calls
// a private helper that takes it again.
class Bank {
public:
  void deposit(int n) noexcept {
    std::lock_guard<std::mutex> g(lock_); // expected-note {{mutex 'lock_' acquired here}}
    update_balance(n); // expected-warning {{calling 'update_balance' acquires mutex 'lock_' that is already held [lockcheck-double-lock]}}
  }
  // P2: the same through an explicit this->.
  void deposit_this(int n) noexcept {
    lock_.lock(); // expected-note {{mutex 'lock_' acquired here}}
    this->update_balance(n); // expected-warning {{calling 'update_balance' acquires mutex 'lock_' that is already held [lockcheck-double-lock]}}
    lock_.unlock();
  }

private:
  void update_balance(int n) noexcept {
    std::lock_guard<std::mutex> g(lock_); // expected-note 2 {{'update_balance' acquires 'lock_' here}}
    balance_ += n;
  }
  std::mutex lock_;
  int balance_ = 0;
};

// P3: a free function on a global.
void p3_free_global() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  lockGlobal(); // expected-warning {{calling 'lockGlobal' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P4: a two-deep chain.
void p4_mid() noexcept {
  work();
  lockGlobal(); // expected-note 2 {{'p4_mid' calls 'lockGlobal' here}}
}
void p4_two_deep() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  p4_mid(); // expected-warning {{calling 'p4_mid' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P5: a three-deep chain.
void p5_top() noexcept {
  p4_mid(); // expected-note {{'p5_top' calls 'p4_mid' here}}
}
void p5_three_deep() noexcept {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  p5_top(); // expected-warning {{calling 'p5_top' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
  g_m.unlock();
}

// P6: a parameter is mapped onto the argument: the held account is passed.
void p6_param_same(Account &acct) noexcept {
  std::lock_guard<std::mutex> g(acct.m); // expected-note {{mutex 'acct.m' acquired here}}
  lockAcct(acct); // expected-warning {{calling 'lockAcct' acquires mutex 'acct.m' that is already held [lockcheck-double-lock]}}
}

// P7: a pointer parameter, the argument is the held object's address.
void p7_param_ptr(Account &acct) noexcept {
  std::lock_guard<std::mutex> g(acct.m); // expected-note {{mutex 'acct.m' acquired here}}
  lockAcctPtr(&acct); // expected-warning {{calling 'lockAcctPtr' acquires mutex 'acct.m' that is already held [lockcheck-double-lock]}}
}

// P8: self-recursion while holding the lock taken on entry.
void p8_walk(int n) noexcept {
  std::lock_guard<std::mutex> g(g_n); // expected-note {{mutex 'g_n' acquired here}} expected-note {{'p8_walk' acquires 'g_n' here}}
  if (n > 0)
    p8_walk(n - 1); // expected-warning {{calling 'p8_walk' acquires mutex 'g_n' that is already held [lockcheck-double-lock]}}
}

// P9: mutual recursion (a fixpoint over the two summaries): ping holds
// g_ping and calls pong, which takes only g_pong itself but calls ping back.
std::mutex g_ping;
std::mutex g_pong;
void p9_ping(int n) noexcept;
void p9_pong(int n) noexcept {
  {
    std::lock_guard<std::mutex> g(g_pong);
    work();
  }
  if (n > 0)
    p9_ping(n - 1); // expected-note {{'p9_pong' calls 'p9_ping' here}}
}
void p9_ping(int n) noexcept {
  std::lock_guard<std::mutex> g(g_ping); // expected-note {{mutex 'g_ping' acquired here}} expected-note {{'p9_ping' acquires 'g_ping' here}}
  if (n > 0)
    p9_pong(n - 1); // expected-warning {{calling 'p9_pong' acquires mutex 'g_ping' that is already held [lockcheck-double-lock]}}
}

// P10: a virtual call whose static target the TU defines.
class Widget {
public:
  virtual ~Widget() = default;
  virtual void redraw() noexcept {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'redraw' acquires 'm_' here}}
    work();
  }
  void resize() noexcept {
    std::lock_guard<std::mutex> g(m_); // expected-note {{mutex 'm_' acquired here}}
    redraw(); // expected-warning {{calling 'redraw' acquires mutex 'm_' that is already held [lockcheck-double-lock]}}
  }

protected:
  std::mutex m_;
};

// P11: a lambda called directly (named 'lambda' like the notes).
void p11_lambda_direct() noexcept {
  auto relock = [] {
    std::lock_guard<std::mutex> g(g_m); // expected-note {{'lambda' acquires 'g_m' here}}
    work();
  };
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  relock(); // expected-warning {{calling 'lambda' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P12: a lambda handed to a function template that calls it under a lock.
template <class F> void withGlobal(F f) noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  f(); // expected-warning {{calling 'lambda' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}
void p12_template_callback() noexcept {
  withGlobal([] { lockGlobal(); }); // expected-note {{'lambda' calls 'lockGlobal' here}}
}

// P13: a function template; the lock comes from the argument.
template <class M> void lockIt(M &mu) noexcept {
  std::lock_guard<M> g(mu); // expected-note {{'lockIt' acquires 'mu' here}}
}
void p13_template() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  lockIt(g_m); // expected-warning {{calling 'lockIt' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P14: a class template's member calling its sibling; reported once for the
// std::mutex instantiation, not at all for the recursive_mutex one.
template <class M> class Box {
public:
  int get() noexcept {
    std::lock_guard<M> g(m_); // expected-note {{'get' acquires 'm_' here}}
    return v_;
  }
  int twice() noexcept {
    std::lock_guard<M> g(m_); // expected-note {{mutex 'm_' acquired here}}
    return get(); // expected-warning {{calling 'get' acquires mutex 'm_' that is already held [lockcheck-double-lock]}}
  }

private:
  M m_;
  int v_ = 0;
};
int p14_box_instances() noexcept {
  Box<std::mutex> a;
  Box<std::recursive_mutex> b;
  return a.twice() + b.twice();
}

// P15: shared_mutex: held exclusively, the callee takes it shared.
void readShared() noexcept {
  std::shared_lock<std::shared_mutex> r(g_sm); // expected-note 2 {{'readShared' acquires 'g_sm' here}}
}
void writeExclusive() noexcept {
  std::lock_guard<std::shared_mutex> w(g_sm); // expected-note {{'writeExclusive' acquires 'g_sm' here}}
}
void p15_exclusive_then_shared() noexcept {
  std::lock_guard<std::shared_mutex> w(g_sm); // expected-note {{mutex 'g_sm' acquired here}}
  readShared(); // expected-warning {{calling 'readShared' acquires mutex 'g_sm' that is already held [lockcheck-double-lock]}}
}

// P16: held shared, the callee takes it exclusively (an upgrade deadlocks).
void p16_shared_then_exclusive() noexcept {
  std::shared_lock<std::shared_mutex> r(g_sm); // expected-note {{mutex 'g_sm' acquired here}}
  writeExclusive(); // expected-warning {{calling 'writeExclusive' acquires mutex 'g_sm' that is already held [lockcheck-double-lock]}}
}

// P17: held shared, the callee takes it shared again: recursive shared
// locking of std::shared_mutex is undefined behaviour (and blocks behind a
// waiting writer).
void p17_shared_then_shared() noexcept {
  std::shared_lock<std::shared_mutex> r(g_sm); // expected-note {{mutex 'g_sm' acquired here}}
  readShared(); // expected-warning {{calling 'readShared' acquires mutex 'g_sm' that is already held [lockcheck-double-lock]}}
}

// P18: held on some paths only: "may already be held".
void p18_maybe() noexcept {
  bool c = cond();
  if (c)
    g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  lockGlobal(); // expected-warning {{calling 'lockGlobal' acquires mutex 'g_m' that may already be held [lockcheck-double-lock]}}
  if (c)
    g_m.unlock();
}

// P19: inside a successful try_lock, calling a function that locks.
void p19_inside_try_lock() noexcept {
  if (g_m.try_lock()) { // expected-note {{mutex 'g_m' acquired here}}
    lockGlobal(); // expected-warning {{calling 'lockGlobal' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
    g_m.unlock();
  }
}

// P20: a unique_lock relocked after an unlock, then the call.
void p20_unique_relock() noexcept {
  std::unique_lock<std::mutex> l(g_m);
  l.unlock();
  lockGlobal();
  l.lock(); // expected-note {{mutex 'g_m' acquired here}}
  lockGlobal(); // expected-warning {{calling 'lockGlobal' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P21: pthread in C++, a helper that locks and unlocks the same mutex.
void pthreadHelper() noexcept {
  pthread_mutex_lock(&g_pm); // expected-note {{'pthreadHelper' acquires 'g_pm' here}}
  pthread_mutex_unlock(&g_pm);
}
void p21_pthread() noexcept {
  pthread_mutex_lock(&g_pm); // expected-note {{mutex 'g_pm' acquired here}}
  pthreadHelper(); // expected-warning {{calling 'pthreadHelper' acquires mutex 'g_pm' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(&g_pm);
}

// P22: a static (internal-linkage) mutex and function.
static std::mutex s_m;
static void staticHelper() noexcept {
  std::lock_guard<std::mutex> g(s_m); // expected-note {{'staticHelper' acquires 's_m' here}}
}
void p22_static() noexcept {
  std::lock_guard<std::mutex> g(s_m); // expected-note {{mutex 's_m' acquired here}}
  staticHelper(); // expected-warning {{calling 'staticHelper' acquires mutex 's_m' that is already held [lockcheck-double-lock]}}
}

// P23: an overloaded operator that locks, used by a member that holds the lock.
struct Counter {
  std::mutex m;
  int n = 0;
  Counter &operator+=(int k) noexcept {
    std::lock_guard<std::mutex> g(m); // expected-note {{'operator+=' acquires 'm' here}}
    n += k;
    return *this;
  }
  void bump() noexcept {
    std::lock_guard<std::mutex> g(m); // expected-note {{mutex 'm' acquired here}}
    *this += 1; // expected-warning {{calling 'operator+=' acquires mutex 'm' that is already held [lockcheck-double-lock]}}
  }
};

// P24: an acquire wrapper called twice: the second begin() blocks.
class Session {
public:
  void begin() noexcept { m_.lock(); } // expected-note {{'begin' acquires 'm_' here}}
  void end() noexcept { m_.unlock(); }
  void twice() noexcept {
    begin(); // expected-note {{mutex 'm_' acquired here}}
    begin(); // expected-warning {{calling 'begin' acquires mutex 'm_' that is already held [lockcheck-double-lock]}}
    end();
  }
  // P25: a release wrapper called once too often.
  void end_twice() noexcept {
    begin();
    end(); // expected-note {{mutex 'm_' released here}}
    end(); // expected-warning {{calling 'end' releases mutex 'm_' that is not held [lockcheck-unlock-not-held]}}
  }
  // P26: begin() and then a path that returns without end().
  void leak_on_path() noexcept {
    begin(); // expected-note {{mutex 'm_' acquired here}}
    if (cond()) {
      end();
      return;
    }
    work();
  } // expected-warning {{mutex 'm_' is still held at the end of 'leak_on_path' [lockcheck-missing-unlock]}}

private:
  std::mutex m_;
};

// P27: end() on a local session that was never begun.
void p27_end_without_begin() noexcept {
  Session s;
  s.end(); // expected-warning {{calling 'end' releases mutex 's.m_' that is not held [lockcheck-unlock-not-held]}}
}

// P28: the wrappers on a reference parameter: end() once too often.
void p28_param_end_twice(Session &s) noexcept {
  s.begin();
  s.end(); // expected-note {{mutex 's.m_' released here}}
  s.end(); // expected-warning {{calling 'end' releases mutex 's.m_' that is not held [lockcheck-unlock-not-held]}}
}

// P29: begin() on a parameter, an early return skips end().
void p29_param_leak(Session &s) noexcept {
  s.begin(); // expected-note {{mutex 's.m_' acquired here}}
  if (cond())
    return; // expected-warning {{mutex 's.m_' is still held when 'p29_param_leak' returns [lockcheck-missing-unlock]}}
  s.end();
}

// C-style wrappers around pthread: lock_acct()/unlock_acct().
struct CAcct {
  pthread_mutex_t mu;
  int bal;
};
void lock_acct(CAcct *a) noexcept { pthread_mutex_lock(&a->mu); } // expected-note 2 {{'lock_acct' acquires 'a->mu' here}}
void unlock_acct(CAcct *a) noexcept { pthread_mutex_unlock(&a->mu); }

// P30: lock_acct() twice.
void p30_c_twice(CAcct *a) noexcept {
  lock_acct(a); // expected-note {{mutex 'a->mu' acquired here}}
  lock_acct(a); // expected-warning {{calling 'lock_acct' acquires mutex 'a->mu' that is already held [lockcheck-double-lock]}}
  unlock_acct(a);
}

// P31: locked directly, then the wrapper.
void p31_c_direct_then_wrapper(CAcct *a) noexcept {
  pthread_mutex_lock(&a->mu); // expected-note {{mutex 'a->mu' acquired here}}
  lock_acct(a); // expected-warning {{calling 'lock_acct' acquires mutex 'a->mu' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(&a->mu);
}

// P32: unlock_acct() once too often.
void p32_c_unlock_twice(CAcct *a) noexcept {
  lock_acct(a);
  a->bal++;
  unlock_acct(a); // expected-note {{mutex 'a->mu' released here}}
  unlock_acct(a); // expected-warning {{calling 'unlock_acct' releases mutex 'a->mu' that is not held [lockcheck-unlock-not-held]}}
}

// P33: lock_acct() and an early return without unlock_acct().
void p33_c_leak(CAcct *a) noexcept {
  lock_acct(a); // expected-note {{mutex 'a->mu' acquired here}}
  if (a->bal < 0)
    return; // expected-warning {{mutex 'a->mu' is still held when 'p33_c_leak' returns [lockcheck-missing-unlock]}}
  a->bal++;
  unlock_acct(a);
}

// P34: one call site, two paths to the lock (a diamond): one report.
void p34_left() noexcept { lockGlobal(); } // expected-note {{'p34_left' calls 'lockGlobal' here}}
void p34_right() noexcept { lockGlobal(); }
void p34_both() noexcept {
  p34_left(); // expected-note {{'p34_both' calls 'p34_left' here}}
  p34_right();
}
void p34_diamond() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  p34_both(); // expected-warning {{calling 'p34_both' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P35: a function template instantiated twice: one report.
template <int N> void p35_twice() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  lockGlobal(); // expected-warning {{calling 'lockGlobal' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}
void p35_instances() noexcept {
  p35_twice<1>();
  p35_twice<2>();
}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: the guard's scope ends before the call.
void n1_after_scope() noexcept {
  {
    std::lock_guard<std::mutex> g(g_m);
    work();
  }
  lockGlobal();
}

// N2: unlocked manually before the call.
void n2_unlocked_first() noexcept {
  g_m.lock();
  work();
  g_m.unlock();
  lockGlobal();
}

// N3: another account: two locals are different objects.
void n3_other_local_account() noexcept {
  Account x, y;
  std::lock_guard<std::mutex> g(x.m);
  lockAcct(y);
}

// N4: another instance of the same class, reached through a member pointer
// (a structural path, so not a lock-order problem either).
class Peer {
public:
  void touch() noexcept {
    std::lock_guard<std::mutex> g(m_);
    work();
  }
  void poke() noexcept {
    std::lock_guard<std::mutex> g(m_);
    next_->touch();
  }

private:
  std::mutex m_;
  Peer *next_ = nullptr;
};

// N5: the callee only try-locks: it fails, it does not block.
void tryHelper() noexcept {
  if (g_m.try_lock()) {
    work();
    g_m.unlock();
  }
}
void n5_try_lock_callee() noexcept {
  std::lock_guard<std::mutex> g(g_m);
  tryHelper();
}

// N6: a recursive_mutex may be re-entered.
void recursiveHelper() noexcept { std::lock_guard<std::recursive_mutex> g(g_rm); }
void n6_recursive() noexcept {
  std::lock_guard<std::recursive_mutex> g(g_rm);
  recursiveHelper();
}

// N7: a lambda run by std::thread runs on another thread.
void n7_thread() {
  std::lock_guard<std::mutex> g(g_m);
  std::thread t([] { lockGlobal(); });
  t.detach();
}

// N8: the same with std::async.
void n8_async() {
  std::future<void> f;
  {
    std::lock_guard<std::mutex> g(g_m);
    f = std::async(std::launch::async, [] { lockGlobal(); });
  }
  f.wait();
}

// N9: a lambda stored while the lock is held but called after it is released.
void n9_lambda_later() noexcept {
  auto relock = [] { lockGlobal(); };
  {
    std::lock_guard<std::mutex> g(g_m);
    work();
  }
  relock();
}

// N10: the callee locks a different global.
void lockOther() noexcept { std::lock_guard<std::mutex> g(g_n); }
void n10_other_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m);
  lockOther();
}

// N11: the callee expects the lock held and does not lock.
int g_value = 0;
void bumpLocked() noexcept { ++g_value; }
void n11_requires_only() noexcept {
  std::lock_guard<std::mutex> g(g_m);
  bumpLocked();
}

// N12: recursion that releases the lock before recursing.
void n12_walk(int n) noexcept {
  {
    std::lock_guard<std::mutex> g(g_m);
    work();
  }
  if (n > 0)
    n12_walk(n - 1);
}

// N13: a call through an unknown function pointer is not guessed at.
void (*g_callback)() noexcept = nullptr;
void n13_function_pointer() noexcept {
  std::lock_guard<std::mutex> g(g_m);
  g_callback();
}

// N14: the wrappers used correctly, on the member and on a parameter.
class Journal {
public:
  void begin() noexcept { m_.lock(); }
  void end() noexcept { m_.unlock(); }
  void write() noexcept {
    begin();
    work();
    end();
  }

private:
  std::mutex m_;
};
void n14_param_wrappers(Journal &j) noexcept {
  j.begin();
  work();
  j.end();
}

// N15: the C-style wrappers used correctly.
void n15_c_wrappers(CAcct *a) noexcept {
  lock_acct(a);
  a->bal++;
  unlock_acct(a);
}

// N16: a callee that unlocks the caller's lock and locks it again.
void unlockAround() noexcept {
  g_n.unlock();
  work();
  g_n.lock();
}
void n16_release_and_reacquire() noexcept {
  std::lock_guard<std::mutex> g(g_n);
  unlockAround();
}

// N17: a deferred unique_lock is not held at the call.
void n17_deferred() noexcept {
  std::unique_lock<std::mutex> l(g_m, std::defer_lock);
  lockGlobal();
  l.lock();
}

// N18: the recursive_mutex instantiation of Box (P14) re-enters safely, and a
// template called with a recursive mutex does too.
void n18_template_recursive() noexcept {
  std::lock_guard<std::recursive_mutex> g(g_rm);
  lockIt(g_rm);
}

// N19: the lock is held on one branch, the call is on the other.
void n19_other_branch() noexcept {
  if (cond()) {
    std::lock_guard<std::mutex> g(g_m);
    work();
  } else {
    lockGlobal();
  }
}

// N20: a function only declared in this TU: nothing is known about it.
void externalFunction() noexcept;
void n20_unknown_callee() noexcept {
  std::lock_guard<std::mutex> g(g_m);
  externalFunction();
}

// N21: a pointer parameter pointing at another (local) account.
void n21_pointer_other() noexcept {
  Account x, y;
  std::lock_guard<std::mutex> g(x.m);
  lockAcctPtr(&y);
}

// N22: a virtual call while holding a different lock.
void n22_virtual_other(Widget &w) noexcept {
  std::lock_guard<std::mutex> g(g_n);
  w.redraw();
}
