// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Guard classes inferred from their bodies: a class whose constructor locks
// a lock reached through a member initialised from a constructor parameter
// (by reference or by pointer) and whose destructor unlocks that member is a
// scoped guard. Its objects hold the argument's lock for their scope, exactly
// like std::lock_guard: a second acquisition is a double lock (directly or
// through a call), an unlock by hand while the guard owns the lock is
// reported, a temporary guard protects nothing, and the guard takes part in
// the lock order. Its members that release or re-acquire the lock act like
// std::unique_lock's. Nothing here carries a thread-safety attribute.
#include <mutex>
#include <pthread.h>

void work() noexcept;

// The example: a BasicLockable wrapper and a guard holding a reference.
struct Mu {
  std::mutex m;
  void lock() { m.lock(); }
  void unlock() { m.unlock(); }
};
struct Guard {
  Mu &mu;
  explicit Guard(Mu &x) : mu(x) { mu.lock(); }
  ~Guard() { mu.unlock(); }
};

struct A {
  Mu m;
  int x = 0;
  void inner() { Guard l(m); ++x; } // expected-note {{'inner' acquires 'm' here}}
  // P1: a call that takes the lock again.
  void outer() {
    Guard l(m); // expected-note {{mutex 'm' acquired here}}
    inner();    // expected-warning {{calling 'inner' acquires mutex 'm' that is already held [lockcheck-double-lock]}}
  }
  // P2: a second guard on the same lock.
  void outer2() {
    Guard l(m);  // expected-note {{mutex 'm' acquired here}}
    Guard l2(m); // expected-warning {{acquiring mutex 'm' that is already held [lockcheck-double-lock]}}
  }
  // N1: guards one after the other.
  void sequential() {
    { Guard l(m); ++x; }
    Guard l(m);
    ++x;
  }
};

// The project's own mutex class over pthread, with a guard holding a
// pointer (leveldb/Chromium style: Lock()/Unlock(), no attributes).
class Mutex {
public:
  Mutex() { pthread_mutex_init(&mu_, nullptr); }
  ~Mutex() { pthread_mutex_destroy(&mu_); }
  void Lock() { pthread_mutex_lock(&mu_); }
  void Unlock() { pthread_mutex_unlock(&mu_); }

private:
  pthread_mutex_t mu_;
};

class AutoLock {
public:
  explicit AutoLock(Mutex *mu) : mu_(mu) { mu_->Lock(); }
  ~AutoLock() { mu_->Unlock(); }

private:
  Mutex *const mu_;
};

// A guard that can let go early, like std::unique_lock.
class ReleasableLock {
public:
  explicit ReleasableLock(Mutex &mu) : mu_(&mu), owned_(true) { mu_->Lock(); }
  ~ReleasableLock() {
    if (owned_)
      mu_->Unlock();
  }
  void Release() {
    mu_->Unlock();
    owned_ = false;
  }
  void Reacquire() {
    mu_->Lock();
    owned_ = true;
  }

private:
  Mutex *mu_;
  bool owned_;
};

// A guard whose Release() checks that it still owns the lock.
class CheckedLock {
public:
  explicit CheckedLock(Mutex *mu) : mu_(mu), owned_(true) { mu_->Lock(); }
  ~CheckedLock() { Release(); }
  void Release() {
    if (owned_) {
      mu_->Unlock();
      owned_ = false;
    }
  }

private:
  Mutex *mu_;
  bool owned_;
};

// A scoped unlocker: releases in its constructor, re-acquires at its end.
class AutoUnlock {
public:
  explicit AutoUnlock(Mutex *mu) : mu_(mu) { mu_->Unlock(); }
  ~AutoUnlock() { mu_->Lock(); }

private:
  Mutex *mu_;
};

class Cache {
public:
  void Get();
  void Put();
  void Twice();
  void Temporary();
  void ReleaseThenCall();
  void ReleaseTwice();
  void ReacquireOwned();
  void SlowPart();
  void UnlockerNotHeld();
  void TryRelease();

private:
  Mutex mu_;
  int n_ = 0;
};

void Cache::Get() {
  AutoLock l(&mu_); // expected-note {{'Get' acquires 'mu_.mu_' here}}
  ++n_;
}

// P3: a guard holding a pointer, and a call that re-locks.
void Cache::Put() {
  AutoLock l(&mu_); // expected-note {{mutex 'mu_.mu_' acquired here}}
  Get();            // expected-warning {{calling 'Get' acquires mutex 'mu_.mu_' that is already held [lockcheck-double-lock]}}
}

// P4: two guards of different guard classes on one mutex.
void Cache::Twice() {
  ReleasableLock a(mu_); // expected-note {{mutex 'mu_.mu_' acquired here}}
  AutoLock b(&mu_);      // expected-warning {{acquiring mutex 'mu_.mu_' that is already held [lockcheck-double-lock]}}
}

// P5: a temporary guard locks nothing past its statement.
void Cache::Temporary() {
  AutoLock{&mu_}; // expected-warning {{guard of mutex 'mu_.mu_' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]}}
  ++n_;
}

// N2: Release() lets go, so the call after it may lock again.
void Cache::ReleaseThenCall() {
  ReleasableLock l(mu_);
  ++n_;
  l.Release();
  Get();
}

// P6: Release() unlocks unconditionally: twice is an unlock of a mutex the
// guard no longer owns.
void Cache::ReleaseTwice() {
  ReleasableLock l(mu_);
  l.Release(); // expected-note {{'l' released 'mu_.mu_' here}}
  l.Release(); // expected-warning {{unlocking 'l' that does not own a mutex [lockcheck-unlock-not-held]}}
}

// N3: CheckedLock::Release() may be called twice.
void Cache::TryRelease() {
  CheckedLock l(&mu_);
  l.Release();
  l.Release();
  Get();
}

// P7: re-acquiring while the guard owns the lock.
void Cache::ReacquireOwned() {
  ReleasableLock l(mu_); // expected-note {{mutex 'mu_.mu_' acquired here}}
  l.Reacquire();         // expected-warning {{acquiring mutex 'mu_.mu_' that is already held [lockcheck-double-lock]}}
}

// N4: an unlocker around a slow call inside a guard's scope; the call may
// take the lock, and the guard owns it again at the end.
void Cache::SlowPart() {
  AutoLock l(&mu_);
  ++n_;
  {
    AutoUnlock u(&mu_);
    Get();
  }
  ++n_;
}

// N5: an unlocker as the first thing a function does to the mutex: like a
// release by hand, the caller holds it (rocksdb's GenSubcompactionBoundaries).
void Cache::UnlockerNotHeld() {
  AutoUnlock u(&mu_);
}

// P8: an unlocker of a mutex that is not held, where no caller can hold it
// (main: a root).
static Mutex g_mu;
int main() {
  AutoUnlock u(&g_mu); // expected-warning {{calling 'AutoUnlock' releases mutex 'g_mu.mu_' that is not held [lockcheck-unlock-not-held]}}
  return 0;
}

// P9: the lock order, through inferred guards.
struct Pair {
  Mu a, b;
  void ab() {
    Guard ga(a);
    Guard gb(b); // expected-note {{'b' acquired while holding 'a' here}}
  }
  void ba() {
    Guard gb(b);
    Guard ga(a); // expected-warning {{acquiring mutex 'a' while holding 'b' inverts the order 'a' -> 'b' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  }
};

// N5: a class that locks in its constructor a mutex it owns itself is no
// guard of anyone else's lock; nor is one whose destructor does not unlock.
class SelfLocked {
public:
  SelfLocked() { mu_.lock(); }
  ~SelfLocked() { mu_.unlock(); }

private:
  std::mutex mu_;
};
class Leaky {
public:
  explicit Leaky(Mutex *mu) : mu_(mu) {}
  ~Leaky() {}
  void Go() { mu_->Lock(); }

private:
  Mutex *mu_;
};
void not_guards(Mutex &m) {
  SelfLocked a;
  SelfLocked b;
  Leaky c(&m);
  Leaky d(&m);
}
