// RUN: %lockcheck_cxx -Xclang -verify %s
//
// lockcheck-lock-order: the TU's lock-order graph over lock classes (fields,
// globals, statics) has an edge A -> B wherever B is acquired, directly or in
// a call, while A is held. Every elementary cycle is reported once, at the
// acquisition seen last in the file, with a note per other edge (and chain
// notes for edges that go through calls). Two locks of one class nested
// through unrelated references (two parameters) are reported on their own,
// with a hint to take both at once. Declared orders (acquired_before /
// acquired_after on capability types) are edges too, so a violation is
// reported even when the code has no other cycle.
// Not reported: std::scoped_lock / std::lock (no order between their locks),
// a second lock taken by try_lock, consistent orders, structural nesting
// (node.m then node.child->m), locks taken on another thread, recursive
// re-entry. Every group below uses its own locks, so cycles do not combine.
// Gaps: lock-order/gap-*.cpp.
#include <future>
#include <mutex>
#include <pthread.h>
#include <shared_mutex>
#include <thread>

void work() noexcept;
bool cond() noexcept;

// A Clang capability type, so that acquired_before/acquired_after are kept
// (Clang drops them on types that are not capabilities, like libstdc++'s
// std::mutex or pthread_mutex_t).
struct __attribute__((capability("mutex"))) Mu {
  void lock() noexcept __attribute__((acquire_capability()));
  void unlock() noexcept __attribute__((release_capability()));
};

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: the seed: task1 takes a1 then a2, task2 a2 then a1.
std::mutex a1, a2;
void p1_task1() noexcept {
  std::lock_guard<std::mutex> x(a1);
  std::lock_guard<std::mutex> y(a2); // expected-note {{'a2' acquired while holding 'a1' here}}
}
void p1_task2() noexcept {
  std::lock_guard<std::mutex> y(a2);
  std::lock_guard<std::mutex> x(a1); // expected-warning {{acquiring mutex 'a1' while holding 'a2' inverts the order 'a1' -> 'a2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

// P2: the same with lock()/unlock().
std::mutex b1, b2;
void p2_forward() noexcept {
  b1.lock();
  b2.lock(); // expected-note {{'b2' acquired while holding 'b1' here}}
  b2.unlock();
  b1.unlock();
}
void p2_backward() noexcept {
  b2.lock();
  b1.lock(); // expected-warning {{acquiring mutex 'b1' while holding 'b2' inverts the order 'b1' -> 'b2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  b1.unlock();
  b2.unlock();
}

// P3: a three-lock cycle.
std::mutex c1, c2, c3;
void p3_12() noexcept {
  std::lock_guard<std::mutex> x(c1);
  std::lock_guard<std::mutex> y(c2); // expected-note {{'c2' acquired while holding 'c1' here}}
}
void p3_23() noexcept {
  std::lock_guard<std::mutex> x(c2);
  std::lock_guard<std::mutex> y(c3); // expected-note {{'c3' acquired while holding 'c2' here}}
}
void p3_31() noexcept {
  std::lock_guard<std::mutex> x(c3);
  std::lock_guard<std::mutex> y(c1); // expected-warning {{acquiring mutex 'c1' while holding 'c3' closes the lock-order cycle 'c3' -> 'c1' -> 'c2' -> 'c3'; potential deadlock [lockcheck-lock-order]}}
}

// P4: a four-lock cycle, one edge through a call.
std::mutex d1, d2, d3, d4;
void lockD2() noexcept {
  std::lock_guard<std::mutex> x(d2); // expected-note {{'lockD2' acquires 'd2' here}}
}
void p4_12() noexcept {
  std::lock_guard<std::mutex> x(d1);
  lockD2(); // expected-note {{'d2' acquired while holding 'd1' here}} expected-note {{'p4_12' calls 'lockD2' here}}
}
void p4_23() noexcept {
  std::lock_guard<std::mutex> x(d2);
  std::lock_guard<std::mutex> y(d3); // expected-note {{'d3' acquired while holding 'd2' here}}
}
void p4_34() noexcept {
  std::lock_guard<std::mutex> x(d3);
  std::lock_guard<std::mutex> y(d4); // expected-note {{'d4' acquired while holding 'd3' here}}
}
void p4_41() noexcept {
  std::lock_guard<std::mutex> x(d4);
  std::lock_guard<std::mutex> y(d1); // expected-warning {{acquiring mutex 'd1' while holding 'd4' closes the lock-order cycle 'd4' -> 'd1' -> 'd2' -> 'd3' -> 'd4'; potential deadlock [lockcheck-lock-order]}}
}

// P5: both edges through calls, the later one two calls deep.
std::mutex e1, e2;
void lockE1() noexcept {
  std::lock_guard<std::mutex> x(e1); // expected-note {{'lockE1' acquires 'e1' here}}
}
void lockE1Mid() noexcept {
  work();
  lockE1(); // expected-note {{'lockE1Mid' calls 'lockE1' here}}
}
void lockE2() noexcept {
  std::lock_guard<std::mutex> x(e2); // expected-note {{'lockE2' acquires 'e2' here}}
}
void p5_12() noexcept {
  std::lock_guard<std::mutex> x(e1);
  lockE2(); // expected-note {{'e2' acquired while holding 'e1' here}} expected-note {{'p5_12' calls 'lockE2' here}}
}
void p5_21() noexcept {
  std::lock_guard<std::mutex> x(e2);
  lockE1Mid(); // expected-warning {{acquiring mutex 'e1' while holding 'e2' inverts the order 'e1' -> 'e2' used elsewhere; potential deadlock [lockcheck-lock-order]}} expected-note {{'p5_21' calls 'lockE1Mid' here}}
}

// P6: across member functions of two classes: Store::put() holds the store
// and logs; Logger::flushTo() holds the logger and touches the store.
class Store;
class Logger {
public:
  void log() noexcept {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'log' acquires 'm_' here}}
  }
  void flushTo(Store &s) noexcept;

private:
  std::mutex m_;
};
class Store {
public:
  void put(Logger &l) noexcept {
    std::lock_guard<std::mutex> g(m_);
    l.log(); // expected-note {{'l.m_' acquired while holding 'm_' here}} expected-note {{'put' calls 'log' here}}
  }
  void touch() noexcept {
    std::lock_guard<std::mutex> g(m_); // expected-note {{'touch' acquires 'm_' here}}
  }

private:
  std::mutex m_;
};
void Logger::flushTo(Store &s) noexcept {
  std::lock_guard<std::mutex> g(m_);
  s.touch(); // expected-warning {{acquiring mutex 's.m_' while holding 'm_' inverts the order 's.m_' -> 'm_' used elsewhere; potential deadlock [lockcheck-lock-order]}} expected-note {{'flushTo' calls 'touch' here}}
}

// P7: a file-static mutex and a static data member.
static std::mutex s_file;
struct Registry {
  static std::mutex s_mu;
};
std::mutex Registry::s_mu;
void p7_file_then_member() noexcept {
  std::lock_guard<std::mutex> x(s_file);
  std::lock_guard<std::mutex> y(Registry::s_mu); // expected-note {{'Registry::s_mu' acquired while holding 's_file' here}}
}
void p7_member_then_file() noexcept {
  std::lock_guard<std::mutex> y(Registry::s_mu);
  std::lock_guard<std::mutex> x(s_file); // expected-warning {{acquiring mutex 's_file' while holding 'Registry::s_mu' inverts the order 's_file' -> 'Registry::s_mu' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

// P8: a function-local static, taken in both orders in one function.
std::mutex f_global;
void p8_local_static(bool first) noexcept {
  static std::mutex local;
  if (first) {
    std::lock_guard<std::mutex> x(local);
    std::lock_guard<std::mutex> y(f_global); // expected-note {{'f_global' acquired while holding 'local' here}}
  } else {
    std::lock_guard<std::mutex> y(f_global);
    std::lock_guard<std::mutex> x(local); // expected-warning {{acquiring mutex 'local' while holding 'f_global' inverts the order 'local' -> 'f_global' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  }
}

// P9: pthread and std locks in one cycle.
pthread_mutex_t g_pm = PTHREAD_MUTEX_INITIALIZER;
std::mutex g_std;
void p9_pthread_first() noexcept {
  pthread_mutex_lock(&g_pm);
  g_std.lock(); // expected-note {{'g_std' acquired while holding 'g_pm' here}}
  g_std.unlock();
  pthread_mutex_unlock(&g_pm);
}
void p9_std_first() noexcept {
  std::lock_guard<std::mutex> x(g_std);
  pthread_mutex_lock(&g_pm); // expected-warning {{acquiring mutex 'g_pm' while holding 'g_std' inverts the order 'g_pm' -> 'g_std' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  pthread_mutex_unlock(&g_pm);
}

// P10: recursion: the edge comes from the fixpoint of a recursive callee.
std::mutex r1, r2;
void p10_descend(int n) noexcept {
  if (n > 0) {
    p10_descend(n - 1);
    return;
  }
  std::lock_guard<std::mutex> x(r2); // expected-note {{'p10_descend' acquires 'r2' here}}
}
void p10_outer() noexcept {
  std::lock_guard<std::mutex> x(r1);
  p10_descend(3); // expected-note {{'r2' acquired while holding 'r1' here}} expected-note {{'p10_outer' calls 'p10_descend' here}}
}
void p10_reverse() noexcept {
  std::lock_guard<std::mutex> x(r2);
  std::lock_guard<std::mutex> y(r1); // expected-warning {{acquiring mutex 'r1' while holding 'r2' inverts the order 'r1' -> 'r2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

// P11: a virtual call to the static target the TU defines.
std::mutex v1, v2;
struct Job {
  virtual ~Job() = default;
  virtual void run() noexcept {
    std::lock_guard<std::mutex> x(v2); // expected-note {{'run' acquires 'v2' here}}
  }
};
void p11_virtual(Job &j) noexcept {
  std::lock_guard<std::mutex> x(v1);
  j.run(); // expected-note {{'v2' acquired while holding 'v1' here}} expected-note {{'p11_virtual' calls 'run' here}}
}
void p11_reverse() noexcept {
  std::lock_guard<std::mutex> x(v2);
  std::lock_guard<std::mutex> y(v1); // expected-warning {{acquiring mutex 'v1' while holding 'v2' inverts the order 'v1' -> 'v2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

// P12: a lambda called directly.
std::mutex w1, w2;
void p12_lambda() noexcept {
  auto inner = [] {
    std::lock_guard<std::mutex> x(w2); // expected-note {{'lambda' acquires 'w2' here}}
  };
  std::lock_guard<std::mutex> x(w1);
  inner(); // expected-note {{'w2' acquired while holding 'w1' here}} expected-note {{'p12_lambda' calls 'lambda' here}}
}
void p12_reverse() noexcept {
  std::lock_guard<std::mutex> x(w2);
  std::lock_guard<std::mutex> y(w1); // expected-warning {{acquiring mutex 'w1' while holding 'w2' inverts the order 'w1' -> 'w2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

// P13: a thread's lambda is a function of its own: its order counts.
std::mutex t1, t2;
void p13_thread() {
  std::thread th([] {
    std::lock_guard<std::mutex> x(t2);
    std::lock_guard<std::mutex> y(t1); // expected-note {{'t1' acquired while holding 't2' here}}
  });
  { std::lock_guard<std::mutex> x(t1);
  std::lock_guard<std::mutex> y(t2); // expected-warning {{acquiring mutex 't2' while holding 't1' inverts the order 't2' -> 't1' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  } // joined after releasing both (join-while-holding.cpp covers the other way)
  th.join();
}

// P14: a template instantiated twice: one report.
std::mutex x1, x2;
template <class T> void p14_template(T v) noexcept {
  std::lock_guard<std::mutex> a(x1);
  std::lock_guard<std::mutex> b(x2); // expected-note {{'x2' acquired while holding 'x1' here}}
  (void)v;
}
void p14_instances() noexcept {
  p14_template(1);
  p14_template(2.0);
}
void p14_reverse() noexcept {
  std::lock_guard<std::mutex> b(x2);
  std::lock_guard<std::mutex> a(x1); // expected-warning {{acquiring mutex 'x1' while holding 'x2' inverts the order 'x1' -> 'x2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

// P15: a template whose own body has both orders, instantiated twice.
std::mutex y1, y2;
template <int N> void p15_both_orders() noexcept {
  {
    std::lock_guard<std::mutex> a(y1);
    std::lock_guard<std::mutex> b(y2); // expected-note {{'y2' acquired while holding 'y1' here}}
  }
  {
    std::lock_guard<std::mutex> b(y2);
    std::lock_guard<std::mutex> a(y1); // expected-warning {{acquiring mutex 'y1' while holding 'y2' inverts the order 'y1' -> 'y2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  }
}
void p15_instances() noexcept {
  p15_both_orders<1>();
  p15_both_orders<2>();
}

// P16: a reader lock, then a mutex; elsewhere the mutex, then the writer lock.
std::shared_mutex g_rw;
std::mutex g_meta;
void p16_read_then_meta() noexcept {
  std::shared_lock<std::shared_mutex> r(g_rw);
  std::lock_guard<std::mutex> m(g_meta); // expected-note {{'g_meta' acquired while holding 'g_rw' here}}
}
void p16_meta_then_write() noexcept {
  std::lock_guard<std::mutex> m(g_meta);
  std::unique_lock<std::shared_mutex> w(g_rw); // expected-warning {{acquiring mutex 'g_rw' while holding 'g_meta' inverts the order 'g_rw' -> 'g_meta' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

// Two locks of one class through unrelated references.
struct Account {
  std::mutex m;
  int balance = 0;
  // P17: this object's lock, then the other account's.
  void give(Account &other, int n) noexcept {
    std::lock_guard<std::mutex> a(m); // expected-note {{mutex 'm' acquired here}}
    std::lock_guard<std::mutex> b(other.m); // expected-warning {{acquiring 'other.m' while holding 'm', both 'Account::m' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}}
    balance -= n;
    other.balance += n;
  }
};

// P18: transfer(from, to) deadlocks against transfer(to, from).
void p18_transfer(Account &from, Account &to, int n) noexcept {
  std::lock_guard<std::mutex> a(from.m); // expected-note {{mutex 'from.m' acquired here}}
  std::lock_guard<std::mutex> b(to.m); // expected-warning {{acquiring 'to.m' while holding 'from.m', both 'Account::m' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}}
  from.balance -= n;
  to.balance += n;
}

// P19: the same, the second lock taken in a call.
void lockAccount(Account &a) noexcept {
  a.m.lock(); // expected-note {{'lockAccount' acquires 'a.m' here}}
  a.balance++;
  a.m.unlock();
}
void p19_transfer_call(Account *from, Account *to) noexcept {
  std::lock_guard<std::mutex> a(from->m); // expected-note {{mutex 'from->m' acquired here}}
  lockAccount(*to); // expected-warning {{acquiring 'to->m' while holding 'from->m', both 'Account::m' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{'p19_transfer_call' calls 'lockAccount' here}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}}
}

// P20: a declared order on globals, violated (no other cycle in the code).
Mu g_first;
Mu g_second __attribute__((acquired_after(g_first))); // expected-note {{'g_first' is declared to be acquired before 'g_second' here}}
void p20_declared_globals() noexcept {
  g_second.lock();
  g_first.lock(); // expected-warning {{acquiring mutex 'g_first' while holding 'g_second' inverts the order 'g_first' -> 'g_second' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  g_first.unlock();
  g_second.unlock();
}

// P21: a declared order on fields (acquired_before), violated.
class Cache {
public:
  void evict() noexcept {
    data_.lock();
    index_.lock(); // expected-warning {{acquiring mutex 'index_' while holding 'data_' inverts the order 'index_' -> 'data_' used elsewhere; potential deadlock [lockcheck-lock-order]}}
    index_.unlock();
    data_.unlock();
  }

private:
  Mu index_ __attribute__((acquired_before(data_))); // expected-note {{'Cache::index_' is declared to be acquired before 'Cache::data_' here}}
  Mu data_;
};

// P22: a declared order closes a three-lock cycle with two code edges.
Mu h1;
Mu h2 __attribute__((acquired_after(h1))); // expected-note {{'h1' is declared to be acquired before 'h2' here}}
Mu h3;
void p22_23() noexcept {
  h2.lock();
  h3.lock(); // expected-note {{'h3' acquired while holding 'h2' here}}
  h3.unlock();
  h2.unlock();
}
void p22_31() noexcept {
  h3.lock();
  h1.lock(); // expected-warning {{acquiring mutex 'h1' while holding 'h3' closes the lock-order cycle 'h3' -> 'h1' -> 'h2' -> 'h3'; potential deadlock [lockcheck-lock-order]}}
  h1.unlock();
  h3.unlock();
}

// P23: a unique_lock deferred and locked later still orders the locks.
std::mutex u1, u2;
void p23_deferred() noexcept {
  std::lock_guard<std::mutex> a(u1);
  std::unique_lock<std::mutex> b(u2, std::defer_lock);
  work();
  b.lock(); // expected-note {{'u2' acquired while holding 'u1' here}}
}
void p23_reverse() noexcept {
  std::unique_lock<std::mutex> b(u2);
  std::lock_guard<std::mutex> a(u1); // expected-warning {{acquiring mutex 'u1' while holding 'u2' inverts the order 'u1' -> 'u2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: the same order everywhere.
std::mutex k1, k2, k3;
void n1_first() noexcept {
  std::lock_guard<std::mutex> a(k1);
  std::lock_guard<std::mutex> b(k2);
}
void n1_second() noexcept {
  std::lock_guard<std::mutex> a(k1);
  std::lock_guard<std::mutex> b(k2);
  std::lock_guard<std::mutex> c(k3);
}

// N2: an acyclic order that is not a chain: k1 -> k3 directly as well.
void n2_skip() noexcept {
  std::lock_guard<std::mutex> a(k1);
  std::lock_guard<std::mutex> c(k3);
}

// N3: std::scoped_lock of two mutexes, in both argument orders.
std::mutex s1, s2;
void n3_scoped_12() noexcept { std::scoped_lock l(s1, s2); }
void n3_scoped_21() noexcept { std::scoped_lock l(s2, s1); }

// N4: std::lock with adopting guards, against a scoped_lock the other way.
std::mutex l1, l2;
void n4_std_lock() noexcept {
  std::lock(l2, l1);
  std::lock_guard<std::mutex> a(l2, std::adopt_lock);
  std::lock_guard<std::mutex> b(l1, std::adopt_lock);
}
void n4_scoped() noexcept { std::scoped_lock l(l1, l2); }

// N5: the second lock is a try_lock: it cannot block.
std::mutex q1, q2;
void n5_blocking() noexcept {
  std::lock_guard<std::mutex> a(q1);
  std::lock_guard<std::mutex> b(q2);
}
void n5_try() noexcept {
  std::lock_guard<std::mutex> b(q2);
  if (q1.try_lock()) {
    work();
    q1.unlock();
  }
}

// N6: the same through std::unique_lock with try_to_lock.
std::mutex q3, q4;
void n6_blocking() noexcept {
  std::lock_guard<std::mutex> a(q3);
  std::lock_guard<std::mutex> b(q4);
}
void n6_try_to_lock() noexcept {
  std::lock_guard<std::mutex> b(q4);
  std::unique_lock<std::mutex> a(q3, std::try_to_lock);
  if (a.owns_lock())
    work();
}

// N7: the first lock is released before the second is taken.
std::mutex m1, m2;
void n7_nested() noexcept {
  std::lock_guard<std::mutex> a(m1);
  std::lock_guard<std::mutex> b(m2);
}
void n7_sequential() noexcept {
  {
    std::lock_guard<std::mutex> b(m2);
    work();
  }
  std::lock_guard<std::mutex> a(m1);
}

// N8: structural nesting: a node's lock, then its child's.
struct Node {
  std::mutex m;
  Node *child = nullptr;
  void lockDown() noexcept {
    std::lock_guard<std::mutex> a(m);
    if (child) {
      std::lock_guard<std::mutex> b(child->m);
      work();
    }
  }
};
void n8_structural(Node &n) noexcept {
  std::lock_guard<std::mutex> a(n.m);
  std::lock_guard<std::mutex> b(n.child->m);
}

// N9: a lock taken on another thread while the caller holds one.
std::mutex j1, j2;
void n9_spawn() {
  std::lock_guard<std::mutex> a(j1);
  std::thread th([] { std::lock_guard<std::mutex> b(j2); });
  th.detach();
}
void n9_reverse() noexcept {
  std::lock_guard<std::mutex> b(j2);
  std::lock_guard<std::mutex> a(j1);
}

// N10: the same with std::async.
std::mutex j3, j4;
void n10_async() {
  std::lock_guard<std::mutex> a(j3);
  auto f = std::async(std::launch::async, [] { std::lock_guard<std::mutex> b(j4); });
  (void)f;
}
void n10_reverse() noexcept {
  std::lock_guard<std::mutex> b(j4);
  std::lock_guard<std::mutex> a(j3);
}

// N11: transfer with std::scoped_lock.
void n11_transfer_scoped(Account &from, Account &to, int n) noexcept {
  std::scoped_lock l(from.m, to.m);
  from.balance -= n;
  to.balance += n;
}

// N12: two locals of one class (no other thread can reach them).
void n12_locals() noexcept {
  Account x, y;
  std::lock_guard<std::mutex> a(x.m);
  std::lock_guard<std::mutex> b(y.m);
}

// N13: a recursive_mutex re-entered is not an edge.
std::recursive_mutex g_rm;
void n13_recursive() noexcept {
  std::lock_guard<std::recursive_mutex> a(g_rm);
  std::lock_guard<std::recursive_mutex> b(g_rm);
}

// N14: a declared order, followed.
Mu n_first;
Mu n_second __attribute__((acquired_after(n_first)));
void n14_declared_ok() noexcept {
  n_first.lock();
  n_second.lock();
  n_second.unlock();
  n_first.unlock();
}

// N15: a declared order on fields, followed.
class Index {
public:
  void rebuild() noexcept {
    outer_.lock();
    inner_.lock();
    inner_.unlock();
    outer_.unlock();
  }

private:
  Mu outer_ __attribute__((acquired_before(inner_)));
  Mu inner_;
};

// N16: the callee's lock is taken after the caller released its own.
std::mutex o1, o2;
void lockO1() noexcept { std::lock_guard<std::mutex> a(o1); }
void n16_nested() noexcept {
  std::lock_guard<std::mutex> a(o1);
  std::lock_guard<std::mutex> b(o2);
}
void n16_call_after_release() noexcept {
  {
    std::lock_guard<std::mutex> b(o2);
    work();
  }
  lockO1();
}

// N17: a virtual call whose target takes a lock already ordered this way.
std::mutex z1, z2;
struct Task {
  virtual ~Task() = default;
  virtual void step() noexcept { std::lock_guard<std::mutex> b(z2); }
};
void n17_virtual(Task &t) noexcept {
  std::lock_guard<std::mutex> a(z1);
  t.step();
}
void n17_same_order() noexcept {
  std::lock_guard<std::mutex> a(z1);
  std::lock_guard<std::mutex> b(z2);
}

// N18: a lambda defined under a lock but called after it is released.
std::mutex i1, i2;
void n18_lambda_later() noexcept {
  auto take = [] { std::lock_guard<std::mutex> a(i1); };
  {
    std::lock_guard<std::mutex> b(i2);
    work();
  }
  take();
}
void n18_forward() noexcept {
  std::lock_guard<std::mutex> a(i1);
  std::lock_guard<std::mutex> b(i2);
}

// N19: transfer taking the two accounts' locks in address order.
void n19_transfer_by_address(Account &from, Account &to, int n) noexcept {
  if (&from < &to) {
    std::lock_guard<std::mutex> a(from.m);
    std::lock_guard<std::mutex> b(to.m);
    from.balance -= n;
    to.balance += n;
  } else {
    std::lock_guard<std::mutex> b(to.m);
    std::lock_guard<std::mutex> a(from.m);
    from.balance -= n;
    to.balance += n;
  }
}

// N20: std::try_lock of both (all or nothing, never blocks), against a nested
// order the other way.
std::mutex tp, tq;
void n20_nested() noexcept {
  std::lock_guard<std::mutex> a(tp);
  std::lock_guard<std::mutex> b(tq);
}
void n20_std_try_lock() noexcept {
  if (std::try_lock(tq, tp) == -1) {
    tq.unlock();
    tp.unlock();
  }
}

// N21: a deferred unique_lock's try_lock() as the second lock.
std::mutex tr, ts;
void n21_nested() noexcept {
  std::lock_guard<std::mutex> a(tr);
  std::lock_guard<std::mutex> b(ts);
}
void n21_deferred_try() noexcept {
  std::unique_lock<std::mutex> b(ts);
  std::unique_lock<std::mutex> a(tr, std::defer_lock);
  if (a.try_lock())
    work();
}
