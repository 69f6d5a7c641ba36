// RUN: %lockcheck_cxx -Xclang -verify %s
// RUN: %lockcheck_cxx %libcxx -Xclang -verify %s
//
// Destructors are calls: one that takes a lock, run while the caller still
// holds it (an inner scope ends, a temporary dies, delete, a member of a
// destroyed object), self-deadlocks there. Each case keeps the object's whole
// lifetime on one line so the expected location is clear.
#include <mutex>

std::mutex g_m;
void work() noexcept;

struct Handle {
  ~Handle() {
    std::lock_guard<std::mutex> g(g_m); // expected-note 5 {{'~Handle' acquires 'g_m' here}}
  }
};

// P1: the implicit destructor at the end of an inner scope.
void scope_end_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  { Handle h; work(); } // expected-warning {{calling '~Handle' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P2: a delete-expression.
void delete_under_lock(Handle *h) noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  delete h; // expected-warning {{calling '~Handle' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P3: a temporary dies at the end of its full-expression.
Handle make() noexcept;
void temporary_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  make(); // expected-warning {{calling '~Handle' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P4: the implicit destructor of a class with a Handle member.
struct Holder { // expected-note {{'~Holder' calls '~Handle' here}}
  Handle h;
};
void member_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  { Holder o; work(); } // expected-warning {{calling '~Holder' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P5: deleting through a base pointer runs the derived destructor.
struct Base {
  virtual ~Base() = default;
};
struct Derived : Base {
  ~Derived() override {
    std::lock_guard<std::mutex> g(g_m); // expected-note {{'~Derived' acquires 'g_m' here}}
  }
};
void delete_base_under_lock(Base *b) noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  delete b; // expected-warning {{calling '~Derived' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P6: the destructor is also a lock-order edge.
std::mutex g_other;
void order_a() noexcept {
  std::lock_guard<std::mutex> g(g_other);
  { Handle h; work(); } // expected-note {{'g_m' acquired while holding 'g_other' here}} expected-note {{'order_a' calls '~Handle' here}}
}
void order_b() noexcept {
  std::lock_guard<std::mutex> g(g_m);
  std::lock_guard<std::mutex> h(g_other); // expected-warning {{acquiring mutex 'g_other' while holding 'g_m' inverts the order 'g_other' -> 'g_m' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

// N1: the object dies after the guard (declared before it).
void dies_after_guard() noexcept {
  Handle h;
  std::lock_guard<std::mutex> g(g_m);
  work();
}

// N2: deleted after the lock is released.
void delete_after_unlock(Handle *h) noexcept {
  g_m.lock();
  work();
  g_m.unlock();
  delete h;
}

// P7: a destructor locking the object's own mutex, while the caller holds
// another object's: two locks of one class through unrelated objects.
struct Account {
  std::mutex m;
  ~Account() { std::lock_guard<std::mutex> g(m); } // expected-note {{'~Account' acquires 'm' here}}
  void close_other(Account *other) noexcept {
    std::lock_guard<std::mutex> g(m); // expected-note {{mutex 'm' acquired here}}
    delete other; // expected-warning {{acquiring 'other->m' while holding 'm', both 'Account::m' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{'close_other' calls '~Account' here}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}}
  }
};

// N3: a destructor locking the object's own mutex, run on a local object
// while the caller holds another object's.
struct Cache {
  std::mutex m;
  ~Cache() { std::lock_guard<std::mutex> g(m); }
  void rebuild() noexcept {
    std::lock_guard<std::mutex> g(m);
    { Cache scratch; work(); }
  }
};

// N4: a trivially destructible type has no destructor to call.
struct Plain {
  int x;
};
void plain_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m);
  { Plain p{1}; (void)p; }
}
