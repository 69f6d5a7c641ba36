// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=0 -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=1 -Xclang -verify %s
//
// Call-chain self-deadlock (lockcheck-double-lock through calls) against the
// lockcheck runtime library, and acquire/release wrappers built on it.
#include "lockcheck/runtime.h"

#include <thread>

void work() noexcept;
bool cond() noexcept;

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: the seed: deposit() holds the account lock, update() takes it again.
class BankAccount {
public:
  void deposit(long N) noexcept {
    lockcheck::LockGuard G(Mu); // expected-note {{mutex 'Mu' acquired here}}
    update(N); // expected-warning {{calling 'update' acquires mutex 'Mu' that is already held [lockcheck-double-lock]}}
  }
  // P2: two calls deep, under a UniqueLock.
  void audit() noexcept {
    lockcheck::UniqueLock L(Mu); // expected-note {{mutex 'Mu' acquired here}}
    check(); // expected-warning {{calling 'check' acquires mutex 'Mu' that is already held [lockcheck-double-lock]}}
  }
  // Not a case: an ordinary locked getter.
  long balance() noexcept {
    lockcheck::LockGuard G(Mu);
    return Balance;
  }

private:
  void update(long N) noexcept {
    lockcheck::LockGuard G(Mu); // expected-note 2 {{'update' acquires 'Mu' here}}
    Balance += N;
  }
  void check() noexcept {
    if (cond())
      update(0); // expected-note {{'check' calls 'update' here}}
  }
  lockcheck::Mutex Mu;
  long Balance = 0;
};

// P3: a parameter mapped onto the argument.
struct Account {
  lockcheck::Mutex Mu;
  long Balance = 0;
};
void touch(Account &A) noexcept {
  A.Mu.lock(); // expected-note {{'touch' acquires 'A.Mu' here}}
  A.Balance++;
  A.Mu.unlock();
}
void p3_param(Account &Acct) noexcept {
  lockcheck::LockGuard G(Acct.Mu); // expected-note {{mutex 'Acct.Mu' acquired here}}
  touch(Acct); // expected-warning {{calling 'touch' acquires mutex 'Acct.Mu' that is already held [lockcheck-double-lock]}}
}

// P4: a TimedMutex held after a successful try, then a helper that blocks.
lockcheck::TimedMutex TMu;
void lockTimed() noexcept {
  lockcheck::LockGuard G(TMu); // expected-note {{'lockTimed' acquires 'TMu' here}}
}
void p4_timed() noexcept {
  if (TMu.try_lock()) { // expected-note {{mutex 'TMu' acquired here}}
    lockTimed(); // expected-warning {{calling 'lockTimed' acquires mutex 'TMu' that is already held [lockcheck-double-lock]}}
    TMu.unlock();
  }
}

// P5: unannotated begin()/end() wrappers: begin() twice, end() twice, and a
// path that returns without end().
class Session {
public:
  void begin() noexcept { Mu.lock(); } // expected-note {{'begin' acquires 'Mu' here}}
  void end() noexcept { Mu.unlock(); }
  void twice() noexcept {
    begin(); // expected-note {{mutex 'Mu' acquired here}}
    begin(); // expected-warning {{calling 'begin' acquires mutex 'Mu' that is already held [lockcheck-double-lock]}}
    end();
  }
  void endTwice() noexcept {
    begin();
    end(); // expected-note {{mutex 'Mu' released here}}
    end(); // expected-warning {{calling 'end' releases mutex 'Mu' that is not held [lockcheck-unlock-not-held]}}
  }
  void leakOnPath() noexcept {
    begin(); // expected-note {{mutex 'Mu' acquired here}}
    if (cond()) {
      end();
      return;
    }
  } // expected-warning {{mutex 'Mu' is still held at the end of 'leakOnPath' [lockcheck-missing-unlock]}}
  // N5: used correctly.
  void balanced() noexcept {
    begin();
    work();
    end();
  }

private:
  lockcheck::Mutex Mu;
};

// P6: a LOCKCHECK_ACQUIRE function, then a helper that locks the same mutex.
class Pool {
public:
  void acquire() LOCKCHECK_ACQUIRE(PMu) { PMu.lock(); }
  void release() LOCKCHECK_RELEASE(PMu) { PMu.unlock(); }
  void refill() noexcept {
    lockcheck::LockGuard G(PMu); // expected-note {{'refill' acquires 'PMu' here}}
  }
  void use() {
    acquire(); // expected-note {{mutex 'PMu' acquired here}}
    refill(); // expected-warning {{calling 'refill' acquires mutex 'PMu' that is already held [lockcheck-double-lock]}}
    release();
  }

private:
  lockcheck::Mutex PMu;
};

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: a RecursiveMutex held while a helper takes it again.
class Ledger {
public:
  void post(long N) noexcept {
    lockcheck::LockGuard G(Mu);
    add(N);
  }

private:
  void add(long N) noexcept {
    lockcheck::LockGuard G(Mu);
    Total += N;
  }
  lockcheck::RecursiveMutex Mu;
  long Total = 0;
};

// N2: the helper only try-locks.
lockcheck::Mutex G1;
void tryHelper() noexcept {
  if (G1.try_lock())
    G1.unlock();
}
void n2_try_callee() noexcept {
  lockcheck::LockGuard G(G1);
  tryHelper();
}

// N3: a helper run on another thread.
void lockG1() noexcept { lockcheck::LockGuard G(G1); }
void n3_thread() {
  lockcheck::LockGuard G(G1);
  std::thread T([] { lockG1(); });
  T.detach();
}

// N4: another (local) account.
void n4_other_account() noexcept {
  Account X, Y;
  lockcheck::LockGuard G(X.Mu);
  touch(Y);
}

// N6: a helper annotated LOCKCHECK_REQUIRES only expects the lock.
lockcheck::Mutex G2;
int Counter LOCKCHECK_GUARDED_BY(G2) = 0;
void bumpLocked() LOCKCHECK_REQUIRES(G2) { ++Counter; }
void n6_requires() noexcept {
  lockcheck::LockGuard G(G2);
  bumpLocked();
}

// N7: the guard's scope ends before the call.
void n7_after_scope() noexcept {
  {
    lockcheck::LockGuard G(G1);
    work();
  }
  lockG1();
}

// N8: a ScopedLock released before the helpers run.
lockcheck::Mutex G3;
void lockG3() noexcept { lockcheck::LockGuard G(G3); }
void n8_scoped_then_calls() noexcept {
  {
    lockcheck::ScopedLock L(G1, G3);
    work();
  }
  lockG1();
  lockG3();
}
