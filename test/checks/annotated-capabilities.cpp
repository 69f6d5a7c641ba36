// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Types and functions carrying Clang's thread-safety attributes are locks and
// guards exactly like the std ones, without -Wthread-safety and without any
// configuration. <kind> is the name given in capability("...").
// A function declared to acquire, try-acquire or release a capability is a
// lock primitive: its own body is not reported (it is expected to return
// holding, or to release what it did not acquire), and calling it is an
// acquisition or a release. A function that requires a capability starts
// (and may end) with it held. UnlockGlobal() below is a release wrapper for
// g_mu, so every function that leaks g_mu also releases it on some path (a
// function that never releases g_mu could be an acquire wrapper).
#include <stdexcept>
#include <vector>

#define CAPABILITY(x) __attribute__((capability(x)))
#define SCOPED_CAPABILITY __attribute__((scoped_lockable))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define RELEASE_SHARED(...) __attribute__((release_shared_capability(__VA_ARGS__)))
#define TRY_ACQUIRE(...) __attribute__((try_acquire_capability(__VA_ARGS__)))
#define REQUIRES(...) __attribute__((requires_capability(__VA_ARGS__)))

void work() noexcept;
bool cond() noexcept;
struct Failure {};
inline void may_throw() {
  if (!cond())
    throw Failure();
}

// A mutex whose methods live elsewhere (like absl::Mutex).
class CAPABILITY("mutex") Mutex {
public:
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
  bool TryLock() TRY_ACQUIRE(true);
  void ReaderLock() ACQUIRE_SHARED();
  void ReaderUnlock() RELEASE_SHARED();
};

// A capability with its own kind name.
class CAPABILITY("role") Role {
public:
  void Enter() ACQUIRE();
  void Leave() RELEASE();
};

// A scoped guard with inline bodies: those bodies are lock primitives and
// are not reported.
class SCOPED_CAPABILITY MutexLocker {
public:
  explicit MutexLocker(Mutex *mu) ACQUIRE(mu) : mu_(mu), locked_(true) { mu->Lock(); }
  void Lock() ACQUIRE() {
    mu_->Lock();
    locked_ = true;
  }
  void Unlock() RELEASE() {
    mu_->Unlock();
    locked_ = false;
  }
  ~MutexLocker() RELEASE() {
    if (locked_)
      mu_->Unlock();
  }

private:
  Mutex *mu_;
  bool locked_;
};

// A shared scoped guard whose members live elsewhere.
class SCOPED_CAPABILITY ReaderLocker {
public:
  explicit ReaderLocker(Mutex *mu) ACQUIRE_SHARED(mu);
  ~ReaderLocker() RELEASE();
};

Mutex g_mu;
Mutex g_other;
Role g_admin;
std::vector<int> g_items;

// Free functions declared (and here defined) to acquire / release g_mu.
void LockGlobal() ACQUIRE(g_mu) { g_mu.Lock(); }
void UnlockGlobal() RELEASE(g_mu) { g_mu.Unlock(); }
bool TryLockGlobal() TRY_ACQUIRE(true, g_mu) { return g_mu.TryLock(); }

class Account {
public:
  void Deposit(int amount);
  void Reset();
  void Relock() REQUIRES(mu_);
  int balance_ = 0;

private:
  Mutex mu_;
};

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: Lock() twice.
void an_double_lock() {
  g_mu.Lock(); // expected-note {{mutex 'g_mu' acquired here}}
  g_mu.Lock(); // expected-warning {{acquiring mutex 'g_mu' that is already held [lockcheck-double-lock]}}
  g_mu.Unlock();
}

// P2: a scoped guard, then Lock().
void an_guard_then_lock() {
  MutexLocker l(&g_mu); // expected-note {{mutex 'g_mu' acquired here}}
  g_mu.Lock(); // expected-warning {{acquiring mutex 'g_mu' that is already held}}
}

// P3: two scoped guards.
void an_two_guards() {
  MutexLocker a(&g_mu); // expected-note {{mutex 'g_mu' acquired here}}
  MutexLocker b(&g_mu); // expected-warning {{acquiring mutex 'g_mu' that is already held}}
}

// P4: the kind comes from capability("role").
void an_role_twice() {
  g_admin.Enter(); // expected-note {{role 'g_admin' acquired here}}
  g_admin.Enter(); // expected-warning {{acquiring role 'g_admin' that is already held}}
  g_admin.Leave();
}

// P5: a shared scoped guard, then an exclusive one.
void an_upgrade() {
  ReaderLocker r(&g_mu); // expected-note {{mutex 'g_mu' acquired here}}
  MutexLocker w(&g_mu);  // expected-warning {{acquiring mutex 'g_mu' exclusively while it is held shared; upgrading a lock deadlocks}}
}

// P6: a call to a function declared to acquire is an acquisition.
void an_lock_call_twice() {
  LockGlobal(); // expected-note {{mutex 'g_mu' acquired here}}
  LockGlobal(); // expected-warning {{acquiring mutex 'g_mu' that is already held}}
  UnlockGlobal();
}

// P7: Unlock() twice.
void an_double_unlock() {
  g_mu.Lock();
  g_mu.Unlock(); // expected-note {{mutex 'g_mu' released here}}
  g_mu.Unlock(); // expected-warning {{releasing mutex 'g_mu' that is not held [lockcheck-unlock-not-held]}}
}

// P8: a manual Unlock() of a mutex the scoped guard owns.
void an_unlock_guarded() {
  MutexLocker l(&g_mu); // expected-note {{'l' acquired 'g_mu' here}}
  g_mu.Unlock(); // expected-note {{mutex 'g_mu' released here}}
} // expected-warning {{guard 'l' releases mutex 'g_mu' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}

// P9: the scoped guard's own Unlock() twice.
void an_guard_unlock_twice() {
  MutexLocker l(&g_mu);
  l.Unlock(); // expected-note {{'l' released 'g_mu' here}}
  l.Unlock(); // expected-warning {{unlocking 'l' that does not own a mutex}}
}

// P10: TryLock() failure branch unlocks.
void an_try_failed_unlock() {
  if (!g_mu.TryLock())
    g_mu.Unlock(); // expected-warning {{releasing mutex 'g_mu' that is not held}}
  else
    g_mu.Unlock();
}

// P11: a call to a function declared to release, on a path where the lock
// was already released.
void an_release_call_twice(bool early) {
  LockGlobal();
  if (early)
    UnlockGlobal(); // expected-note {{mutex 'g_mu' released here}}
  work();
  UnlockGlobal(); // expected-warning {{releasing mutex 'g_mu' that may not be held}}
}

// P12: a member mutex left locked on an early return.
void Account::Deposit(int amount) {
  mu_.Lock(); // expected-note {{mutex 'mu_' acquired here}}
  if (amount <= 0)
    return; // expected-warning {{mutex 'mu_' is still held when 'Deposit' returns [lockcheck-missing-unlock]}}
  balance_ += amount;
  mu_.Unlock();
}

// P13: an acquiring call whose lock is released on one path only.
void an_lock_call_leak() {
  LockGlobal(); // expected-note {{mutex 'g_mu' acquired here}}
  if (cond()) {
    UnlockGlobal();
    return;
  }
  work();
} // expected-warning {{mutex 'g_mu' is still held at the end of 'an_lock_call_leak'}}

// P14: a successful try-acquiring call that returns holding it.
bool an_try_call_leak() {
  if (TryLockGlobal()) { // expected-note {{mutex 'g_mu' acquired here}}
    if (cond())
      return true; // expected-warning {{mutex 'g_mu' is still held when 'an_try_call_leak' returns}}
    UnlockGlobal();
  }
  return false;
}

// P15: a role left entered on the early return.
int an_role_leak(int k) {
  g_admin.Enter(); // expected-note {{role 'g_admin' acquired here}}
  if (k < 0)
    return -1; // expected-warning {{role 'g_admin' is still held when 'an_role_leak' returns}}
  g_admin.Leave();
  return k;
}

// P16: a manual Lock() around a call that may throw.
void an_exception_leak() {
  g_mu.Lock(); // expected-note {{mutex 'g_mu' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  may_throw(); // expected-warning {{mutex 'g_mu' stays locked if 'may_throw' throws 'Failure' [lockcheck-exception-leak]}}
  g_mu.Unlock();
}

// P17: an acquiring call followed by a throw.
void an_exception_leak_throw(int k) {
  LockGlobal(); // expected-note {{mutex 'g_mu' acquired here}}
  if (k < 0)
    throw std::invalid_argument("k"); // expected-warning {{mutex 'g_mu' stays locked when this exception leaves 'an_exception_leak_throw'}}
  UnlockGlobal();
}

// P18: a scoped guard created as a temporary.
void an_temporary_guard() {
  MutexLocker{&g_mu}; // expected-warning {{guard of mutex 'g_mu' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]}}
  work();
}

//===----------------------------------------------------------------------===//
// Negative cases: no diagnostic expected.
//===----------------------------------------------------------------------===//

// N1: balanced Lock()/Unlock().
void ok_basic() {
  g_mu.Lock();
  work();
  g_mu.Unlock();
}

// N2: a scoped guard around a throwing call, with early returns.
int ok_guard(int k) {
  MutexLocker l(&g_mu);
  if (k)
    return k;
  may_throw();
  return 0;
}

// N3: the scoped guard unlocked and locked again.
void ok_guard_relock() {
  MutexLocker l(&g_mu);
  l.Unlock();
  work();
  l.Lock();
}

// N4: TryLock() success branch unlocks.
void ok_try_lock() {
  if (g_mu.TryLock()) {
    work();
    g_mu.Unlock();
  }
}

// N5: shared lock and unlock, manual and scoped.
void ok_shared() {
  g_mu.ReaderLock();
  work();
  g_mu.ReaderUnlock();
  ReaderLocker r(&g_mu);
  may_throw();
}

// N6: acquiring and releasing calls pair up.
void ok_calls_pair() {
  LockGlobal();
  work();
  UnlockGlobal();
}

// N7: a try-acquiring call on its success branch.
void ok_try_call() {
  if (!TryLockGlobal())
    return;
  UnlockGlobal();
}

// N8: the correlated condition.
void ok_correlated(bool c) {
  if (c)
    g_mu.Lock();
  work();
  if (c)
    g_mu.Unlock();
}

// N9: a function that requires the lock may release and re-acquire it.
void Account::Relock() {
  mu_.Unlock();
  work();
  mu_.Lock();
}

// N10: two capabilities are two locks.
void ok_two() {
  MutexLocker a(&g_mu);
  MutexLocker b(&g_other);
  g_admin.Enter();
  g_admin.Leave();
}

// N11: a handler that unlocks and rethrows.
void ok_catch_all() {
  g_mu.Lock();
  try {
    may_throw();
  } catch (...) {
    g_mu.Unlock();
    throw;
  }
  g_mu.Unlock();
}

// N12: a named guard in a member function.
void Account::Reset() {
  MutexLocker l(&mu_);
  balance_ = 0;
}

// N13: a loop that locks and unlocks each iteration.
void ok_loop(int n) {
  for (int i = 0; i < n; ++i) {
    g_mu.Lock();
    if (i == 2) {
      g_mu.Unlock();
      continue;
    }
    g_mu.Unlock();
  }
}

// N14: a lambda with a scoped guard.
void ok_lambda() {
  auto fn = [] {
    MutexLocker l(&g_mu);
    work();
  };
  fn();
}

// N15: a template instantiated twice, balanced.
template <class M> void ok_template(M &mu) {
  mu.Lock();
  mu.Unlock();
}
template void ok_template<Mutex>(Mutex &);
struct CAPABILITY("mutex") OtherMutex {
  void Lock() ACQUIRE();
  void Unlock() RELEASE();
};
template void ok_template<OtherMutex>(OtherMutex &);

// N16: the goto-cleanup idiom.
int ok_goto(int k) {
  int rc = 0;
  g_mu.Lock();
  if (k < 0) {
    rc = -1;
    goto out;
  }
  work();
out:
  g_mu.Unlock();
  return rc;
}

// N17: every switch case unlocks.
void ok_switch(int k) {
  g_mu.Lock();
  switch (k) {
  case 0:
    g_mu.Unlock();
    return;
  default:
    g_mu.Unlock();
    break;
  }
}

// N18: a function whose first operation on a lock is a release is a release
// wrapper: its caller holds the lock.
void ok_release_first() {
  work();
  g_other.Unlock();
}

// A lock named by an accessor the class declares after the function that
// requires it and defines out of line (absl's FlagImpl::DataGuard()): the
// attribute and the body name one lock, whichever declaration each sees.
class Relock {
public:
  explicit Relock(Mutex &m) : m_(m) { m_.Unlock(); }
  ~Relock() { m_.Lock(); }

private:
  Mutex &m_;
};
class Flag {
public:
  void InvokeCallback() const REQUIRES(Guard());
  void Touch() const REQUIRES(Guard());
  Mutex &Guard() const;

private:
  mutable Mutex mu_;
};
Mutex &Flag::Guard() const { return mu_; }
void Flag::InvokeCallback() const {
  Relock r(Guard()); // no "releases mutex 'Guard()' that is not held"
  work();
}
void Flag::Touch() const {
  Guard().Lock(); // expected-warning {{acquiring mutex 'Guard()' that is already held}}
  Guard().Unlock();
}
