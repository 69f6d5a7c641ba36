// RUN: %lockcheck_cxx -Xclang -verify %s
// RUN: %lockcheck_cxx %libcxx -Xclang -verify %s
//
// Constructors are calls: a constructor that takes a lock, run while the
// caller holds it, self-deadlocks at the construction (a declaration, a
// temporary, a new-expression, a member initializer). What a constructor
// leaves held (a hand-written RAII guard) stays its own business: the caller
// cannot name the member it keeps the lock in.
#include <mutex>

std::mutex g_m;
std::recursive_mutex g_rm;
void work() noexcept;

struct Resource {
  Resource() noexcept {
    std::lock_guard<std::mutex> g(g_m); // expected-note 4 {{'Resource' acquires 'g_m' here}}
  }
  explicit Resource(int) noexcept {}
};

// P1: a declaration.
void construct_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  Resource r; // expected-warning {{calling 'Resource' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P2: a new-expression.
Resource *allocate_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  return new Resource; // expected-warning {{calling 'Resource' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// P3: a temporary.
void temporary_under_lock() noexcept {
  g_m.lock(); // expected-note {{mutex 'g_m' acquired here}}
  (void)Resource(); // expected-warning {{calling 'Resource' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
  g_m.unlock();
}

// P4: a member initializer of another class's constructor, itself run under the lock.
struct Owner {
  Resource r;
  Owner() noexcept : r() {} // expected-note {{'Owner' calls 'Resource' here}}
};
void owner_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m); // expected-note {{mutex 'g_m' acquired here}}
  Owner o; // expected-warning {{calling 'Owner' acquires mutex 'g_m' that is already held [lockcheck-double-lock]}}
}

// N1: the other constructor takes no lock.
void other_constructor_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m);
  Resource r(1);
}

// N2: constructed after the lock is released.
void construct_after_unlock() noexcept {
  {
    std::lock_guard<std::mutex> g(g_m);
    work();
  }
  Resource r;
}

// N3: a constructor taking a recursive mutex the caller holds.
struct Reentrant {
  Reentrant() noexcept { std::lock_guard<std::recursive_mutex> g(g_rm); }
};
void recursive_under_lock() noexcept {
  std::lock_guard<std::recursive_mutex> g(g_rm);
  Reentrant r;
}

// N4: a hand-written RAII guard: locks in its constructor, unlocks in its
// destructor. Neither a leak nor an unlock of something not held (it is a
// guard: see test/guard-classes/).
class ScopedHold {
public:
  explicit ScopedHold(std::mutex &m) noexcept : m_(m) { m_.lock(); }
  ~ScopedHold() { m_.unlock(); }

private:
  std::mutex &m_;
};
std::mutex g_n;
void raii_guard(std::mutex &a) noexcept {
  ScopedHold ha(a);
  ScopedHold hb(g_n);
  work();
}

// N5: a constructor locking the new object's own mutex, while the caller
// holds the mutex of another object of the same class.
struct Node {
  std::mutex m;
  Node() noexcept { std::lock_guard<std::mutex> g(m); }
  void spawn() noexcept {
    std::lock_guard<std::mutex> g(m);
    Node child;
  }
};

// N6: a constructor that only try-locks cannot block.
struct Probe {
  Probe() noexcept {
    if (g_m.try_lock())
      g_m.unlock();
  }
};
void probe_under_lock() noexcept {
  std::lock_guard<std::mutex> g(g_m);
  Probe p;
}
