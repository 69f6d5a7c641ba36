// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=0 -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=1 -Xclang -verify %s
//
// lockcheck-lock-order against the lockcheck runtime library: cycles between
// lockcheck mutexes, unrelated objects of one class, and the library's
// declared orders (LOCKCHECK_ACQUIRED_BEFORE / LOCKCHECK_ACQUIRED_AFTER).
// A ScopedLock of several mutexes imposes no order (std::lock's algorithm).
// Every group uses its own mutexes.
#include "lockcheck/runtime.h"

void work() noexcept;

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: the seed: task1 takes Lock1 then Lock2, task2 the other way.
lockcheck::Mutex Lock1, Lock2;
void p1_task1() noexcept {
  lockcheck::LockGuard A(Lock1);
  lockcheck::LockGuard B(Lock2); // expected-note {{'Lock2' acquired while holding 'Lock1' here}}
}
void p1_task2() noexcept {
  lockcheck::LockGuard B(Lock2);
  lockcheck::LockGuard A(Lock1); // expected-warning {{acquiring mutex 'Lock1' while holding 'Lock2' inverts the order 'Lock1' -> 'Lock2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

// P2: three mutexes of three kinds, through UniqueLock and manual calls.
lockcheck::Mutex C1;
lockcheck::TimedMutex C2;
lockcheck::RecursiveMutex C3;
void p2_12() noexcept {
  lockcheck::UniqueLock A(C1);
  C2.lock(); // expected-note {{'C2' acquired while holding 'C1' here}}
  C2.unlock();
}
void p2_23() noexcept {
  lockcheck::UniqueLock A(C2);
  lockcheck::LockGuard B(C3); // expected-note {{'C3' acquired while holding 'C2' here}}
}
void p2_31() noexcept {
  lockcheck::LockGuard A(C3);
  C1.lock(); // expected-warning {{acquiring mutex 'C1' while holding 'C3' closes the lock-order cycle 'C3' -> 'C1' -> 'C2' -> 'C3'; potential deadlock [lockcheck-lock-order]}}
  C1.unlock();
}

// P3: a declared order on globals, violated (no cycle in the code itself).
lockcheck::Mutex First;
lockcheck::Mutex Second LOCKCHECK_ACQUIRED_AFTER(First); // expected-note {{'First' is declared to be acquired before 'Second' here}}
void p3_declared() noexcept {
  lockcheck::LockGuard S(Second);
  lockcheck::LockGuard F(First); // expected-warning {{acquiring mutex 'First' while holding 'Second' inverts the order 'First' -> 'Second' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

// P4: a declared order on fields (LOCKCHECK_ACQUIRED_BEFORE), violated.
class Cache {
public:
  void evict() noexcept {
    lockcheck::LockGuard D(Data);
    lockcheck::LockGuard I(Index); // expected-warning {{acquiring mutex 'Index' while holding 'Data' inverts the order 'Index' -> 'Data' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  }

private:
  lockcheck::Mutex Index LOCKCHECK_ACQUIRED_BEFORE(Data); // expected-note {{'Cache::Index' is declared to be acquired before 'Cache::Data' here}}
  lockcheck::Mutex Data;
};

// P5: transfer(From, To) with two guards: deadlocks against transfer(To, From).
struct Account {
  lockcheck::Mutex Mu;
  long Balance = 0;
};
void p5_transfer(Account &From, Account &To, long N) noexcept {
  lockcheck::LockGuard F(From.Mu); // expected-note {{mutex 'From.Mu' acquired here}}
  lockcheck::LockGuard T(To.Mu); // expected-warning {{acquiring 'To.Mu' while holding 'From.Mu', both 'Account::Mu' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{take both at once with std::scoped_lock (or std::lock) so that no order is imposed}}
  From.Balance -= N;
  To.Balance += N;
}

// P6: two classes calling into each other under their own locks.
class Cart;
class Catalog {
public:
  void price() noexcept {
    lockcheck::LockGuard G(Mu); // expected-note {{'price' acquires 'Mu' here}}
  }
  void refresh(Cart &C) noexcept;

private:
  lockcheck::Mutex Mu;
};
class Cart {
public:
  void total(Catalog &C) noexcept {
    lockcheck::LockGuard G(Mu);
    C.price(); // expected-note {{'C.Mu' acquired while holding 'Mu' here}} expected-note {{'total' calls 'price' here}}
  }
  void invalidate() noexcept {
    lockcheck::LockGuard G(Mu); // expected-note {{'invalidate' acquires 'Mu' here}}
  }

private:
  lockcheck::Mutex Mu;
};
void Catalog::refresh(Cart &C) noexcept {
  lockcheck::LockGuard G(Mu);
  C.invalidate(); // expected-warning {{acquiring mutex 'C.Mu' while holding 'Mu' inverts the order 'C.Mu' -> 'Mu' used elsewhere; potential deadlock [lockcheck-lock-order]}} expected-note {{'refresh' calls 'invalidate' here}}
}

// P7: a RecursiveMutex does not help across threads.
lockcheck::RecursiveMutex R1;
lockcheck::Mutex R2;
void p7_rm() noexcept {
  lockcheck::LockGuard A(R1);
  lockcheck::LockGuard B(R2); // expected-note {{'R2' acquired while holding 'R1' here}}
}
void p7_mr() noexcept {
  lockcheck::LockGuard B(R2);
  lockcheck::LockGuard A(R1); // expected-warning {{acquiring recursive mutex 'R1' while holding 'R2' inverts the order 'R1' -> 'R2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: ScopedLock in both argument orders.
lockcheck::Mutex S1, S2;
void n1_scoped_12() noexcept { lockcheck::ScopedLock L(S1, S2); }
void n1_scoped_21() noexcept { lockcheck::ScopedLock L(S2, S1); }

// N2: transfer with a ScopedLock.
void n2_transfer(Account &From, Account &To, long N) noexcept {
  lockcheck::ScopedLock L(From.Mu, To.Mu);
  From.Balance -= N;
  To.Balance += N;
}

// N3: the second lock is a try-lock.
lockcheck::Mutex T1, T2;
void n3_blocking() noexcept {
  lockcheck::LockGuard A(T1);
  lockcheck::LockGuard B(T2);
}
void n3_try() noexcept {
  lockcheck::LockGuard B(T2);
  if (T1.try_lock())
    T1.unlock();
}

// N4: a UniqueLock with try_to_lock as the second lock.
lockcheck::Mutex U1, U2;
void n4_blocking() noexcept {
  lockcheck::LockGuard A(U1);
  lockcheck::LockGuard B(U2);
}
void n4_try_to_lock() noexcept {
  lockcheck::LockGuard B(U2);
  lockcheck::UniqueLock A(U1, std::try_to_lock);
  if (A)
    work();
}

// N5: a declared order, followed.
lockcheck::Mutex Outer;
lockcheck::Mutex Inner LOCKCHECK_ACQUIRED_AFTER(Outer);
void n5_declared_ok() noexcept {
  lockcheck::LockGuard O(Outer);
  lockcheck::LockGuard I(Inner);
}

// N6: consistent order in two functions.
lockcheck::Mutex K1, K2;
void n6_a() noexcept {
  lockcheck::LockGuard A(K1);
  lockcheck::LockGuard B(K2);
}
void n6_b() noexcept {
  lockcheck::LockGuard A(K1);
  lockcheck::LockGuard B(K2);
}

// N7: a RecursiveMutex re-entered is not an edge.
lockcheck::RecursiveMutex RR;
void n7_recursive() noexcept {
  lockcheck::LockGuard A(RR);
  lockcheck::LockGuard B(RR);
}

// N8: released before the other is taken.
lockcheck::Mutex Q1, Q2;
void n8_nested() noexcept {
  lockcheck::LockGuard A(Q1);
  lockcheck::LockGuard B(Q2);
}
void n8_sequential() noexcept {
  {
    lockcheck::LockGuard B(Q2);
  }
  lockcheck::LockGuard A(Q1);
}
