// RUN: %lockcheck_cxx -Xclang -verify %s
//
// correlated-conditions.c for C++: fields of `this`, nullptr and __null,
// member functions. A const member function cannot change the object's
// fields; a non-const one defined elsewhere may. Every helper is noexcept
// so lockcheck-exception-leak stays silent.
#include <cstddef>
#include <mutex>

#define UNLIKELY(x) __builtin_expect(!!(x), 0)

void log_line(const char *) noexcept;

class Cache {
public:
  void put(int k) noexcept;
  void put_and_configure(int k) noexcept;
  void put_and_disable(int k) noexcept;
  void reconfigure() noexcept; // defined elsewhere
  int size() const noexcept;   // defined elsewhere, const
  void disable() noexcept { enabled_ = false; }

private:
  bool enabled_ = true;
  std::mutex mu_;
  int items_ = 0;
};

// N1: this->enabled_ across calls that cannot write it.
void Cache::put(int k) noexcept {
  if (enabled_)
    mu_.lock();
  log_line("put");
  items_ += k + size();
  if (this->enabled_)
    mu_.unlock();
}

// N2: nullptr, NULL (__null) and a plain test of one pointer.
void n_pointers(int *p) noexcept {
  static std::mutex mu;
  if (p != nullptr)
    mu.lock();
  log_line("p");
  if (p != NULL)
    mu.unlock();
  if (UNLIKELY(!p))
    return;
  mu.lock();
  if (p)
    mu.unlock();
}

// N3: fields of an object received by reference, as of one received by
// pointer; the pointer the lock is named through keeps its test across calls
// that receive the object (as the lock keeps its name `*o.mu`).
struct Options {
  bool verbose = false;
  std::mutex *mu = nullptr; // null when the program runs single-threaded
};
void adjust(Options &o) noexcept;  // defined elsewhere: may write o
void adjust_p(Options *o) noexcept;
void n_reference(Options &o) noexcept {
  static std::mutex log_mu;
  if (o.verbose)
    log_mu.lock();
  log_line("o");
  if (o.verbose)
    log_mu.unlock();
  if (o.mu)
    o.mu->lock();
  adjust(o);
  adjust_p(&o);
  if (o.mu)
    o.mu->unlock();
}

// P0: a field of an object received by reference, which a call may write.
void p_reference(Options &o) noexcept {
  static std::mutex log_mu;
  if (o.verbose)
    log_mu.lock(); // expected-note {{mutex 'log_mu' acquired here}}
  adjust(o);
  if (o.verbose)
    log_mu.unlock(); // expected-warning {{releasing mutex 'log_mu' that may not be held [lockcheck-unlock-not-held]}}
} // expected-warning {{mutex 'log_mu' may still be held at the end of 'p_reference' [lockcheck-missing-unlock]}}

// P1: a non-const member function defined elsewhere may change enabled_.
void Cache::put_and_configure(int k) noexcept {
  if (enabled_)
    mu_.lock(); // expected-note {{mutex 'mu_' acquired here}}
  reconfigure();
  items_ += k;
  if (enabled_)
    mu_.unlock(); // expected-warning {{releasing mutex 'mu_' that may not be held [lockcheck-unlock-not-held]}}
} // expected-warning {{mutex 'mu_' may still be held at the end of 'put_and_configure' [lockcheck-missing-unlock]}}

// P2: one defined here that does.
void Cache::put_and_disable(int k) noexcept {
  if (enabled_)
    mu_.lock(); // expected-note {{mutex 'mu_' acquired here}}
  disable();
  if (enabled_)
    mu_.unlock(); // expected-warning {{releasing mutex 'mu_' that may not be held [lockcheck-unlock-not-held]}}
} // expected-warning {{mutex 'mu_' may still be held at the end of 'put_and_disable' [lockcheck-missing-unlock]}}

// N: a const member is set by the constructor only; a call to a non-const
// member function defined elsewhere cannot change it (rocksdb's
// `const bool two_write_queues_`).
class Queue {
public:
  explicit Queue(bool two) : two_queues_(two) {}
  void reconfigure() noexcept; // defined elsewhere
  void write() noexcept {
    if (two_queues_)
      mu_.lock();
    reconfigure();
    ++n_;
    if (two_queues_)
      mu_.unlock();
  }

private:
  const bool two_queues_;
  std::mutex mu_;
  int n_ = 0;
};
