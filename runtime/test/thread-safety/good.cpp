// Correct code against every annotated API. Must compile without any
// warning under clang -Wthread-safety -Wthread-safety-beta -Werror, with the
// validator on and off, against libstdc++ and libc++.
#include "lockcheck/runtime.h"

#include <chrono>
#include <condition_variable>

using namespace std::chrono_literals;

namespace {

class Account {
public:
  void deposit(long N) LOCKCHECK_EXCLUDES(Mu) {
    lockcheck::LockGuard G(Mu);
    addLocked(N);
  }
  bool tryDeposit(long N) LOCKCHECK_EXCLUDES(Mu) {
    if (!Mu.try_lock())
      return false;
    Balance += N;
    Mu.unlock();
    return true;
  }
  long balance() LOCKCHECK_EXCLUDES(Mu) {
    Mu.lock();
    long B = Balance;
    Mu.unlock();
    return B;
  }
  void addLocked(long N) LOCKCHECK_REQUIRES(Mu) { Balance += N; }
  void checked() LOCKCHECK_EXCLUDES(Mu) {
    lockcheck::UniqueLock L(Mu);
    Mu.assert_held();
    Balance = 0;
    L.unlock();
    L.lock();
    Balance = 1;
  }

  lockcheck::Mutex Mu{"account"};
  long Balance LOCKCHECK_GUARDED_BY(Mu) = 0;
};

void transfer(Account &From, Account &To, long N)
    LOCKCHECK_EXCLUDES(From.Mu, To.Mu) {
  lockcheck::ScopedLock L(From.Mu, To.Mu);
  From.Balance -= N;
  To.Balance += N;
}

lockcheck::RecursiveMutex RMu;
int RCount LOCKCHECK_GUARDED_BY(RMu) = 0;

void recursive() {
  lockcheck::LockGuard G(RMu);
  ++RCount;
}

lockcheck::TimedMutex TMu;
int TValue LOCKCHECK_GUARDED_BY(TMu) = 0;

void timed() {
  if (TMu.try_lock_for(10ms)) {
    ++TValue;
    TMu.unlock();
  }
  if (TMu.try_lock_until(std::chrono::steady_clock::now() + 1ms)) {
    ++TValue;
    TMu.unlock();
  }
  lockcheck::UniqueLock L(TMu, std::defer_lock);
  if (L.try_lock_for(1ms))
    ++TValue;
}

lockcheck::RecursiveTimedMutex RTMu;
int RTValue LOCKCHECK_GUARDED_BY(RTMu) = 0;

void recursiveTimed() {
  if (RTMu.try_lock()) {
    ++RTValue;
    RTMu.unlock();
  }
}

lockcheck::SharedMutex SMu;
int SValue LOCKCHECK_GUARDED_BY(SMu) = 0;

int readShared() {
  lockcheck::SharedLock R(SMu);
  return SValue;
}
void writeShared() {
  lockcheck::LockGuard W(SMu);
  SValue = 1;
}
int manualShared() {
  SMu.lock_shared();
  int V = SValue;
  SMu.unlock_shared();
  if (SMu.try_lock_shared()) {
    V += SValue;
    SMu.unlock_shared();
  }
  if (SMu.try_lock_shared_for(1ms)) {
    V += SValue;
    SMu.unlock_shared();
  }
  SMu.assert_held_shared();
  return V + SValue;
}
int sharedRelock() {
  lockcheck::SharedLock R(SMu, std::defer_lock);
  R.lock();
  int V = SValue;
  R.unlock();
  if (R.try_lock())
    V += SValue;
  return V;
}

// Lock order declared for the analyses.
lockcheck::Mutex First;
lockcheck::Mutex Second LOCKCHECK_ACQUIRED_AFTER(First);
int Both LOCKCHECK_GUARDED_BY(Second) = 0;

void ordered() {
  lockcheck::LockGuard A(First);
  lockcheck::LockGuard B(Second);
  ++Both;
}

lockcheck::Mutex CvMu;
bool Ready LOCKCHECK_GUARDED_BY(CvMu) = false;
std::condition_variable_any Cv;

void waitReady() {
  lockcheck::UniqueLock L(CvMu);
  while (!Ready)
    Cv.wait(L);
}

void adopt() {
  CvMu.lock();
  lockcheck::LockGuard G(CvMu, std::adopt_lock);
  Ready = true;
}

void semaphoreAndEvent() {
  lockcheck::Semaphore S(2);
  lockcheck::SemaphoreGuard G(S);
  lockcheck::Event E;
  E.set();
  E.wait();
}

} // namespace

// A negative capability: callers must show they do not hold CvMu.
void negative() LOCKCHECK_REQUIRES(!CvMu) {
  lockcheck::LockGuard G(CvMu);
  Ready = false;
}

int main() {
  Account A, B;
  A.deposit(1);
  (void)A.tryDeposit(1);
  transfer(A, B, 1);
  A.checked();
  recursive();
  timed();
  recursiveTimed();
  writeShared();
  int V = readShared() + manualShared() + sharedRelock();
  ordered();
  adopt();
  waitReady();
  semaphoreAndEvent();
  return static_cast<int>(A.balance() + V) & 0;
}
