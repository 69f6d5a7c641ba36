// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-checks=-*,lockcheck-unguarded-access -Xclang -verify %s
// RUN: %python %S/../tidy/verify_with_tidy.py --clang-tidy=%clang_tidy --plugin=%tidy_plugin --filecheck=%FileCheck --tmp=%t %s
// REQUIRES: tidy
//
// lockcheck-unguarded-access (off by default; test/cli/unguarded-access.test
// shows the default is silent): a field or global that one lock guards at >= 3 and
// >= 75% of its accesses (outside constructors and destructors), or that
// GUARDED_BY names, accessed without that lock. The lock is "the same" when
// it is a member of the same object as the field (`a->mu` for `a->x`).
#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <vector>

#define GUARDED_BY(x) __attribute__((guarded_by(x)))

// P1: the example: a bare write; notes at the guarded accesses.
class Account {
public:
  Account() { balance_ = 0; } // constructors are not counted
  void deposit(int n) { std::lock_guard<std::mutex> g(mu_); balance_ += n; } // #p1a
  void withdraw(int n) { std::lock_guard<std::mutex> g(mu_); balance_ -= n; } // #p1b
  int balance() const { std::lock_guard<std::mutex> g(mu_); return balance_; } // #p1c
  void reset() { balance_ = 0; } // expected-warning{{'balance_' is written without 'mu_', which guards it in 3 other places}}
  // expected-note@#p1a{{'mu_' is held here}}
  // expected-note@#p1b{{'mu_' is held here}}
  // expected-note@#p1c{{'mu_' is held here}}
private:
  mutable std::mutex mu_;
  int balance_;
};

// P2: an unguarded read of a field whose guarded accesses include writes.
class Counter {
public:
  void inc() { std::lock_guard<std::mutex> g(mu_); ++n_; } // #p2a
  void dec() { std::lock_guard<std::mutex> g(mu_); --n_; } // #p2b
  void set(int v) { std::lock_guard<std::mutex> g(mu_); n_ = v; } // #p2c
  int get() const { return n_; } // expected-warning{{'n_' is read without 'mu_', which guards it in 3 other places}}
  // expected-note@#p2a{{'mu_' is held here}}
  // expected-note@#p2b{{'mu_' is held here}}
  // expected-note@#p2c{{'mu_' is held here}}
private:
  mutable std::mutex mu_;
  int n_ = 0;
};

// N1: through calls: a private helper only called with the lock held is
// guarded; so is the whole body of a function called only under the lock.
class Queue {
public:
  void push(int v) { std::lock_guard<std::mutex> g(mu_); pushLocked(v); }
  void push2(int v) { std::lock_guard<std::mutex> g(mu_); pushLocked(v); pushLocked(v); }
  int size() { std::lock_guard<std::mutex> g(mu_); return count_; }
private:
  void pushLocked(int v) { count_ += 1; last_ = v; }
  std::mutex mu_;
  int count_ = 0, last_ = 0;
};

// N2: below the thresholds (2 guarded of 3) nothing is decided.
class Loose {
public:
  void a() { std::lock_guard<std::mutex> g(mu_); x_ = 1; }
  void b() { std::lock_guard<std::mutex> g(mu_); x_ = 2; }
  void c() { x_ = 3; }
private:
  std::mutex mu_;
  int x_ = 0;
};

// N3: atomics, const fields and constructors/destructors are never reported.
class Stats {
public:
  Stats() : limit_(10) {}
  ~Stats() { hits_ = 0; total_ = 0; }
  void a() { std::lock_guard<std::mutex> g(mu_); ++hits_; ++total_; (void)limit_; }
  void b() { std::lock_guard<std::mutex> g(mu_); ++hits_; ++total_; (void)limit_; }
  void c() { std::lock_guard<std::mutex> g(mu_); ++hits_; ++total_; (void)limit_; }
  void d() { ++hits_; (void)limit_; }
private:
  std::mutex mu_;
  std::atomic<int> hits_{0};
  const int limit_;
  int total_ = 0;
};

// P3: another object's lock: `a.mu_` guards `a.v_`; holding only `b.mu_`
// decides nothing (not counted), holding nothing is a finding.
struct Cell {
  std::mutex mu_;
  int v_ = 0;
};
void set1(Cell &c) { std::lock_guard<std::mutex> g(c.mu_); c.v_ = 1; } // #p3a
void set2(Cell &c) { std::lock_guard<std::mutex> g(c.mu_); c.v_ = 2; } // #p3b
void set3(Cell *c) { std::lock_guard<std::mutex> g(c->mu_); c->v_ = 3; } // #p3c
void copy(Cell &a, Cell &b) { std::lock_guard<std::mutex> g(b.mu_); a.v_ = b.v_; }
void clear(Cell &c) { c.v_ = 0; } // expected-warning{{'v_' is written without 'mu_', which guards it in 4 other places}}
// expected-note@#p3a{{'mu_' is held here}}
// expected-note@#p3b{{'mu_' is held here}}
// expected-note@#p3c{{'mu_' is held here}}

// P4: a global guarded by a global mutex.
std::mutex g_mu;
int g_count;
void g1() { std::lock_guard<std::mutex> g(g_mu); ++g_count; } // #p4a
void g2() { std::lock_guard<std::mutex> g(g_mu); ++g_count; } // #p4b
void g3() { std::lock_guard<std::mutex> g(g_mu); g_count = 0; } // #p4c
void g4() { g_count = 5; } // expected-warning{{'g_count' is written without 'g_mu', which guards it in 3 other places}}
// expected-note@#p4a{{'g_mu' is held here}}
// expected-note@#p4b{{'g_mu' is held here}}
// expected-note@#p4c{{'g_mu' is held here}}

// P5: a shared hold counts for reads, not for writes.
class Table {
public:
  void put(int v) { std::unique_lock<std::shared_mutex> l(mu_); v_ = v; } // #p5a
  void put2(int v) { std::unique_lock<std::shared_mutex> l(mu_); v_ = v; } // #p5b
  int get() const { std::shared_lock<std::shared_mutex> l(mu_); return v_; } // #p5c
  void bad(int v) { std::shared_lock<std::shared_mutex> l(mu_); v_ = v; } // expected-warning{{'v_' is written without 'mu_', which guards it in 3 other places}}
  // expected-note@#p5a{{'mu_' is held here}}
  // expected-note@#p5b{{'mu_' is held here}}
  // expected-note@#p5c{{'mu_' is held here}}
private:
  mutable std::shared_mutex mu_;
  int v_ = 0;
};

// P6: GUARDED_BY decides outright, whatever the counts.
class Annotated {
public:
  void set(int v) { std::lock_guard<std::mutex> g(mu_); v_ = v; } // #p6a
  void clear() { v_ = 0; } // expected-warning{{'v_' is written without 'mu_', which guards it by its annotation}}
  // expected-note@#p6a{{'mu_' is held here}}
private:
  std::mutex mu_;
  int v_ GUARDED_BY(mu_) = 0;
};

// P7: a lock held on only some paths does not guard the access.
class Partly {
public:
  void a() { std::lock_guard<std::mutex> g(mu_); x_ = 1; } // #n4a
  void b() { std::lock_guard<std::mutex> g(mu_); x_ = 2; } // #n4b
  void c() { std::lock_guard<std::mutex> g(mu_); x_ = 3; } // #n4c
  void d() { std::lock_guard<std::mutex> g(mu_); x_ = 4; }
  void e(bool f) {
    if (f)
      mu_.lock();
    x_ = 5; // expected-warning{{'x_' is written without 'mu_', which guards it in 4 other places}}
    // expected-note@#n4a{{'mu_' is held here}}
    // expected-note@#n4b{{'mu_' is held here}}
    // expected-note@#n4c{{'mu_' is held here}}
    if (f)
      mu_.unlock();
  }
private:
  std::mutex mu_;
  int x_ = 0;
};

// P8: a non-const member function with a const overload (`operator[]`) only
// reads the container; push_back writes it.
class Log {
public:
  void add(int v) { std::lock_guard<std::mutex> g(mu_); items_.push_back(v); } // #p8a
  void add2(int v) { std::lock_guard<std::mutex> g(mu_); items_.push_back(v); } // #p8b
  void clear() { std::lock_guard<std::mutex> g(mu_); items_.clear(); } // #p8c
  int first() { return items_[0]; } // expected-warning{{'items_' is read without 'mu_', which guards it in 3 other places}}
  // expected-note@#p8a{{'mu_' is held here}}
  // expected-note@#p8b{{'mu_' is held here}}
  // expected-note@#p8c{{'mu_' is held here}}
private:
  std::mutex mu_;
  std::vector<int> items_;
};


// P9: `v[i] = x` writes through the reference the accessor returns.
class Log2 {
public:
  void add(int v) { std::lock_guard<std::mutex> g(mu_); items_.push_back(v); } // #p9a
  int first() { std::lock_guard<std::mutex> g(mu_); return items_[0]; } // #p9b
  void clear() { std::lock_guard<std::mutex> g(mu_); items_.clear(); } // #p9c
  void zap() { items_[0] = 0; } // expected-warning{{'items_' is written without 'mu_', which guards it in 3 other places}}
  // expected-note@#p9a{{'mu_' is held here}}
  // expected-note@#p9b{{'mu_' is held here}}
  // expected-note@#p9c{{'mu_' is held here}}
private:
  std::mutex mu_;
  std::vector<int> items_;
};
