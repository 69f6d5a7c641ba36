// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=0 -Wno-vexing-parse -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=1 -Wno-vexing-parse -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -Wno-vexing-parse -fdiagnostics-parseable-fixits %s 2>&1 | %FileCheck --implicit-check-not=fix-it: %s
//
// lockcheck-unused-guard against the lockcheck runtime library: a temporary
// lockcheck::LockGuard / UniqueLock / SharedLock / ScopedLock locks and
// unlocks within one statement (the guards are scoped_lockable, their
// constructors acquire_capability). The fix-it inserts " lock" after the
// type; the third RUN line checks every fix-it and that there are no others.
#include "lockcheck/runtime.h"

void work() noexcept;

lockcheck::Mutex Mu;
lockcheck::Mutex A, B;
lockcheck::SharedMutex SMu;
lockcheck::RecursiveMutex RMu;

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: LockGuard with its template argument, braces.
void p1_lock_guard() noexcept {
  lockcheck::LockGuard<lockcheck::Mutex>{Mu}; // expected-warning {{guard of mutex 'Mu' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:41-[[@LINE-1]]:41}:" lock"
  work();
}

// P2: LockGuard by class template argument deduction.
void p2_ctad() noexcept {
  lockcheck::LockGuard{Mu}; // expected-warning {{guard of mutex 'Mu' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:23-[[@LINE-1]]:23}:" lock"
  work();
}

// P3: UniqueLock.
void p3_unique() noexcept {
  lockcheck::UniqueLock<lockcheck::Mutex>{Mu}; // expected-warning {{guard of mutex 'Mu' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:42-[[@LINE-1]]:42}:" lock"
  work();
}

// P4: SharedLock on a SharedMutex.
void p4_shared() noexcept {
  lockcheck::SharedLock<lockcheck::SharedMutex>{SMu}; // expected-warning {{guard of mutex 'SMu' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:48-[[@LINE-1]]:48}:" lock"
  work();
}

// P5: a ScopedLock of two mutexes (named by its first).
void p5_scoped() noexcept {
  lockcheck::ScopedLock{A, B}; // expected-warning {{guard of mutex 'A' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:24-[[@LINE-1]]:24}:" lock"
  work();
}

// P6: a RecursiveMutex guard.
void p6_recursive() noexcept {
  lockcheck::LockGuard<lockcheck::RecursiveMutex>{RMu}; // expected-warning {{guard of recursive mutex 'RMu' is a temporary destroyed at the end of this statement; did you mean to name it? [lockcheck-unused-guard]}}
  // CHECK: fix-it:"{{.*}}unused-guard.cpp":{[[@LINE-1]]:50-[[@LINE-1]]:50}:" lock"
  work();
}

// P7: the vexing parse: a new default-constructed UniqueLock named 'Mu'
// that shadows the mutex (no fix-it).
void p7_vexing() noexcept {
  lockcheck::UniqueLock<lockcheck::Mutex>(Mu); // expected-warning {{'Mu' declares a new guard that locks nothing; did you mean to lock 'Mu'? [lockcheck-unused-guard]}}
  work();
}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: named guards.
void n1_named() noexcept {
  lockcheck::LockGuard G(Mu);
  lockcheck::SharedLock R(SMu);
  work();
}

// N2: a guard returned to the caller.
lockcheck::UniqueLock<lockcheck::Mutex> n2_returned() noexcept {
  return lockcheck::UniqueLock<lockcheck::Mutex>(Mu);
}

// N3: a temporary guard that lives for the whole full-expression it
// protects (passed to a function).
void consume(const lockcheck::UniqueLock<lockcheck::Mutex> &) noexcept;
void n3_argument() noexcept { consume(lockcheck::UniqueLock<lockcheck::Mutex>(Mu)); }

// N4: a deferred UniqueLock temporary locks nothing.
void n4_deferred() noexcept {
  lockcheck::UniqueLock<lockcheck::Mutex>{Mu, std::defer_lock};
  work();
}

// N5: a SemaphoreGuard temporary is not a lock guard.
void n5_semaphore() {
  static lockcheck::Semaphore S(1);
  lockcheck::SemaphoreGuard{S};
  work();
}

// N6: a named ScopedLock.
void n6_scoped_named() noexcept {
  lockcheck::ScopedLock L(A, B);
  work();
}
