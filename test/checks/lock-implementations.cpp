// RUN: %lockcheck_cxx -Xclang -verify %s
//
// A lock's own implementation is not a misuse of it: the bodies of a lock
// class's lock()/try_lock()/unlock() (a spin loop over try_lock()), of an
// annotated lock function, of a guard's constructor whose destructor this
// file cannot see, and of a scoped unlocker's destructor are where
// acquisition is defined. They are summarised, never reported as leaks or
// releases of locks not held. Their misuse by callers still is.
#include <atomic>
#include <mutex>

// A spin lock: lock() loops over try_lock(), unlock() only clears a flag.
class SpinLock {
public:
  bool try_lock() noexcept { return !flag_.test_and_set(std::memory_order_acquire); }
  void lock() noexcept {
    while (!try_lock()) {
    }
  }
  void unlock() noexcept { flag_.clear(std::memory_order_release); }

private:
  std::atomic_flag flag_ = ATOMIC_FLAG_INIT;
};

// An annotated lock whose body locks a member, with the release elsewhere.
class __attribute__((capability("mutex"))) Annotated {
public:
  void Lock() noexcept __attribute__((acquire_capability())) { mu_.lock(); }
  bool TryLock() noexcept __attribute__((exclusive_trylock_function(true))) {
    return mu_.try_lock();
  }
  void Unlock() noexcept __attribute__((release_capability()));

private:
  std::mutex mu_;
};

// A guard whose destructor is defined in another file.
class HeaderLock {
public:
  explicit HeaderLock(std::mutex &m) noexcept : m_(m) { m_.lock(); }
  ~HeaderLock();

private:
  std::mutex &m_;
};

// A scoped unlocker's destructor takes the caller's lock back.
class Unlocker {
public:
  explicit Unlocker(std::mutex *m) noexcept : m_(m) { m_->unlock(); }
  ~Unlocker() { m_->lock(); }

private:
  std::mutex *m_;
};

SpinLock g_spin;
int g_n;

// N1: the spin lock used correctly.
void use_spin() noexcept {
  std::lock_guard<SpinLock> g(g_spin);
  ++g_n;
}

// P1: its misuse by a caller is still found.
void spin_twice() noexcept {
  g_spin.lock(); // expected-note {{mutex 'g_spin' acquired here}}
  g_spin.lock(); // expected-warning {{acquiring mutex 'g_spin' that is already held [lockcheck-double-lock]}}
  g_spin.unlock();
}

// A project mutex class over a std::mutex member, used for several members
// of one object: the locks are named down to the wrapper's own member
// (`mutex_.mu_`, `log_mutex_.mu_`), which all share one class. Different
// members of one object are not "two objects of one class": silent. The
// same member of two objects still is.
class PortMutex {
public:
  void Lock() { mu_.lock(); } // #portlock
  void Unlock() { mu_.unlock(); }

private:
  std::mutex mu_;
};

class Db {
public:
  void twoMembers() {
    mutex_.Lock();
    log_mutex_.Lock();
    log_mutex_.Unlock();
    mutex_.Unlock();
  }
  void twoObjects(Db &other) {
    mutex_.Lock(); // expected-note {{mutex 'mutex_.mu_' acquired here}}
    other.mutex_.Lock(); // expected-warning {{acquiring 'other.mutex_.mu_' while holding 'mutex_.mu_', both 'PortMutex::mu_' locks of unrelated objects; potential deadlock}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}} expected-note {{'twoObjects' calls 'Lock' here}}
    // expected-note@#portlock {{'Lock' acquires 'mu_' here}}
    other.mutex_.Unlock();
    mutex_.Unlock();
  }

  // Members of two different classes, each holding the wrapper by value
  // (rocksdb: DBImpl::mutex_ and WriteThread::stall_mu_): two different
  // locks, not two objects of one class.
  void otherClass(struct Writer &w);

private:
  PortMutex mutex_, log_mutex_;
};

struct Writer {
  PortMutex stall_mu_;
};
void Db::otherClass(Writer &w) {
  mutex_.Lock();
  w.stall_mu_.Lock();
  w.stall_mu_.Unlock();
  mutex_.Unlock();
}
