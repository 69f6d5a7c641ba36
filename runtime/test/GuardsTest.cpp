//===- GuardsTest.cpp - LockGuard, UniqueLock, SharedLock, ScopedLock -----===//
//
// Built with the validator on and off.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <thread>

using namespace std::chrono_literals;
using lctest::RuntimeTest;

namespace {

template <class M> bool lockableElsewhere(M &Mu) {
  return std::async(std::launch::async,
                    [&Mu] {
                      if (!Mu.try_lock())
                        return false;
                      Mu.unlock();
                      return true;
                    })
      .get();
}

TEST_F(RuntimeTest, LockGuardHoldsForItsScope) {
  lockcheck::Mutex M;
  {
    lockcheck::LockGuard G(M);
    EXPECT_FALSE(lockableElsewhere(M));
  }
  EXPECT_TRUE(lockableElsewhere(M));
  M.lock();
  { lockcheck::LockGuard G(M, std::adopt_lock); }
  EXPECT_TRUE(lockableElsewhere(M));
}

TEST_F(RuntimeTest, LockGuardReleasesWhenAnExceptionLeaves) {
  lockcheck::Mutex M;
  auto Throws = [&] {
    lockcheck::LockGuard G(M);
    throw std::runtime_error("boom");
  };
  EXPECT_THROW(Throws(), std::runtime_error);
  EXPECT_TRUE(lockableElsewhere(M));
}

TEST_F(RuntimeTest, LockGuardWorksWithOtherLockables) {
  std::mutex M;
  {
    lockcheck::LockGuard G(M);
    EXPECT_FALSE(lockableElsewhere(M));
  }
  EXPECT_TRUE(lockableElsewhere(M));
}

TEST_F(RuntimeTest, UniqueLockModes) {
  lockcheck::TimedMutex M;
  {
    lockcheck::UniqueLock L(M, std::defer_lock);
    EXPECT_FALSE(L.owns_lock());
    EXPECT_TRUE(lockableElsewhere(M));
    L.lock();
    EXPECT_TRUE(L.owns_lock());
    EXPECT_TRUE(static_cast<bool>(L));
    EXPECT_EQ(L.mutex(), &M);
    EXPECT_FALSE(lockableElsewhere(M));
    L.unlock();
    EXPECT_TRUE(L.try_lock());
    L.unlock();
    EXPECT_TRUE(L.try_lock_for(1ms));
    L.unlock();
    EXPECT_TRUE(L.try_lock_until(std::chrono::steady_clock::now() + 1ms));
  }
  EXPECT_TRUE(lockableElsewhere(M));
  {
    lockcheck::UniqueLock L(M, std::try_to_lock);
    EXPECT_TRUE(L.owns_lock());
    auto Other = std::async(std::launch::async, [&] {
      lockcheck::UniqueLock L2(M, std::try_to_lock);
      lockcheck::UniqueLock L3(M, 2ms);
      lockcheck::UniqueLock L4(M, std::chrono::steady_clock::now() + 1ms);
      return L2.owns_lock() || L3.owns_lock() || L4.owns_lock();
    });
    EXPECT_FALSE(Other.get());
  }
  M.lock();
  {
    lockcheck::UniqueLock L(M, std::adopt_lock);
    EXPECT_TRUE(L.owns_lock());
  }
  EXPECT_TRUE(lockableElsewhere(M));
}

TEST_F(RuntimeTest, UniqueLockMovesAndReleases) {
  lockcheck::Mutex M;
  lockcheck::UniqueLock<lockcheck::Mutex> Outer;
  {
    lockcheck::UniqueLock L(M);
    Outer = std::move(L);
    EXPECT_FALSE(L.owns_lock());
  }
  EXPECT_FALSE(lockableElsewhere(M)); // Outer holds it now
  lockcheck::UniqueLock Moved(std::move(Outer));
  EXPECT_TRUE(Moved.owns_lock());
  lockcheck::Mutex *Raw = Moved.release();
  EXPECT_EQ(Raw, &M);
  EXPECT_FALSE(Moved.owns_lock());
  EXPECT_FALSE(lockableElsewhere(M)); // release() does not unlock
  Raw->unlock();
  EXPECT_TRUE(lockableElsewhere(M));

  lockcheck::UniqueLock A(M), B(M, std::defer_lock);
  A.swap(B);
  EXPECT_FALSE(A.owns_lock());
  EXPECT_TRUE(B.owns_lock());
}

TEST_F(RuntimeTest, UniqueLockMisuseThrowsLikeTheStandard) {
  lockcheck::Mutex M;
  lockcheck::UniqueLock<lockcheck::Mutex> Empty;
  try {
    Empty.lock();
    FAIL() << "no exception";
  } catch (const std::system_error &E) {
    EXPECT_EQ(E.code(), std::errc::operation_not_permitted);
  }
  lockcheck::UniqueLock L(M);
  try {
    L.lock();
    FAIL() << "no exception";
  } catch (const std::system_error &E) {
    EXPECT_EQ(E.code(), std::errc::resource_deadlock_would_occur);
  }
  L.unlock();
  try {
    L.unlock();
    FAIL() << "no exception";
  } catch (const std::system_error &E) {
    EXPECT_EQ(E.code(), std::errc::operation_not_permitted);
  }
}

TEST_F(RuntimeTest, UniqueLockWithConditionVariableAny) {
  lockcheck::Mutex M;
  std::condition_variable_any Cv;
  std::deque<int> Queue;
  std::thread Producer([&] {
    for (int I = 1; I <= 100; ++I) {
      lockcheck::LockGuard G(M);
      Queue.push_back(I);
      Cv.notify_one();
    }
  });
  long Sum = 0;
  for (int Got = 0; Got < 100; ++Got) {
    lockcheck::UniqueLock L(M);
    Cv.wait(L, [&] { return !Queue.empty(); });
    Sum += Queue.front();
    Queue.pop_front();
  }
  Producer.join();
  EXPECT_EQ(Sum, 5050);
}

TEST_F(RuntimeTest, SharedLockHoldsShared) {
  lockcheck::SharedMutex M;
  {
    lockcheck::SharedLock R(M);
    EXPECT_TRUE(R.owns_lock());
    EXPECT_TRUE(std::async(std::launch::async, [&] {
                  lockcheck::SharedLock R2(M, std::try_to_lock);
                  return R2.owns_lock();
                }).get());
    EXPECT_FALSE(lockableElsewhere(M));
    R.unlock();
    EXPECT_TRUE(lockableElsewhere(M));
    EXPECT_TRUE(R.try_lock());
    lockcheck::SharedLock Moved(std::move(R));
    EXPECT_TRUE(Moved.owns_lock());
    EXPECT_FALSE(R.owns_lock());
  }
  EXPECT_TRUE(lockableElsewhere(M));
  {
    lockcheck::SharedLock R(M, std::defer_lock);
    EXPECT_FALSE(R.owns_lock());
    R.lock();
    EXPECT_EQ(R.mutex(), &M);
  }
  M.lock_shared();
  { lockcheck::SharedLock R(M, std::adopt_lock); }
  EXPECT_TRUE(lockableElsewhere(M));
}

TEST_F(RuntimeTest, ScopedLockTakesOneToFourLocks) {
  lockcheck::Mutex A, B;
  lockcheck::RecursiveMutex C;
  std::mutex D; // any Lockable
  {
    lockcheck::ScopedLock L0;
    lockcheck::ScopedLock L1(A);
    EXPECT_FALSE(lockableElsewhere(A));
  }
  {
    lockcheck::ScopedLock L(A, B, C, D);
    EXPECT_FALSE(lockableElsewhere(A));
    EXPECT_FALSE(lockableElsewhere(B));
    EXPECT_FALSE(lockableElsewhere(C));
    EXPECT_FALSE(lockableElsewhere(D));
  }
  { lockcheck::ScopedLock L(B, C, A); }
  A.lock();
  B.lock();
  { lockcheck::ScopedLock L(std::adopt_lock, A, B); }
  for (auto *M : {&A, &B})
    EXPECT_TRUE(lockableElsewhere(*M));
}

// Two threads name the same locks in opposite orders; ScopedLock must not
// deadlock, and the validator must not call it a lock-order problem.
TEST_F(RuntimeTest, ScopedLockAvoidsDeadlockInEitherOrder) {
  lockcheck::Mutex A("A"), B("B"), C("C");
  long Shared = 0;
  auto Work = [&](bool Reverse) {
    for (int I = 0; I < 2000; ++I) {
      if (Reverse) {
        lockcheck::ScopedLock L(C, B, A);
        ++Shared;
      } else {
        lockcheck::ScopedLock L(A, B, C);
        ++Shared;
      }
    }
  };
  std::thread T1(Work, false), T2(Work, true);
  T1.join();
  T2.join();
  EXPECT_EQ(Shared, 4000);
}

} // namespace
