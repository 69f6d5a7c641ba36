//===- PrimitivesTest.cpp - the mutexes, Semaphore and Event --------------===//
//
// Built twice: with the validator on and off. Behaviour must not differ.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <thread>
#include <type_traits>

using namespace std::chrono_literals;
using lctest::RuntimeTest;

namespace {

// Whether another thread could take \p M right now.
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

template <class M> bool sharedLockableElsewhere(M &Mu) {
  return std::async(std::launch::async,
                    [&Mu] {
                      if (!Mu.try_lock_shared())
                        return false;
                      Mu.unlock_shared();
                      return true;
                    })
      .get();
}

static_assert(!std::is_copy_constructible_v<lockcheck::Mutex>);
static_assert(!std::is_move_constructible_v<lockcheck::RecursiveMutex>);

#if !LOCKCHECK_VALIDATE
// With the validator off the types are the standard ones and nothing more.
static_assert(sizeof(lockcheck::Mutex) == sizeof(std::mutex));
static_assert(sizeof(lockcheck::RecursiveMutex) ==
              sizeof(std::recursive_mutex));
static_assert(sizeof(lockcheck::TimedMutex) == sizeof(std::timed_mutex));
static_assert(sizeof(lockcheck::SharedMutex) ==
              sizeof(std::shared_timed_mutex));
static_assert(std::is_empty_v<lockcheck::SourceLoc>);
#endif

TEST_F(RuntimeTest, ModeMatchesMacro) {
  EXPECT_EQ(lockcheck::kValidating, bool(LOCKCHECK_VALIDATE));
}

TEST_F(RuntimeTest, MutexExcludesOtherThreads) {
  lockcheck::Mutex M("m");
  M.lock();
  EXPECT_FALSE(lockableElsewhere(M));
  M.unlock();
  EXPECT_TRUE(lockableElsewhere(M));
  ASSERT_TRUE(M.try_lock());
  EXPECT_FALSE(lockableElsewhere(M));
  M.unlock();
}

TEST_F(RuntimeTest, ConstantInitialisedGlobalMutex) {
  static lockcheck::Mutex Global; // constexpr constructor
  std::lock_guard<lockcheck::Mutex> G(Global);
  EXPECT_FALSE(lockableElsewhere(Global));
}

TEST_F(RuntimeTest, MutexCounterWithFourThreads) {
  lockcheck::Mutex M;
  long Counter = 0;
  std::vector<std::thread> Ts;
  for (int T = 0; T < 4; ++T)
    Ts.emplace_back([&] {
      for (int I = 0; I < 5000; ++I) {
        lockcheck::LockGuard G(M);
        ++Counter;
      }
    });
  for (auto &T : Ts)
    T.join();
  EXPECT_EQ(Counter, 20000);
}

TEST_F(RuntimeTest, StandardGuardsAcceptTheMutexes) {
  lockcheck::Mutex A;
  lockcheck::RecursiveMutex B;
  lockcheck::SharedMutex C;
  {
    std::lock_guard<lockcheck::Mutex> G(A);
    std::unique_lock<lockcheck::RecursiveMutex> U(B);
    std::scoped_lock S(C);
    EXPECT_FALSE(lockableElsewhere(A));
    EXPECT_FALSE(lockableElsewhere(B));
    EXPECT_FALSE(lockableElsewhere(C));
  }
  {
    std::shared_lock<lockcheck::SharedMutex> R(C);
    EXPECT_TRUE(sharedLockableElsewhere(C));
    EXPECT_FALSE(lockableElsewhere(C));
  }
  std::lock(A, B);
  A.unlock();
  B.unlock();
  EXPECT_TRUE(lockableElsewhere(A));
}

TEST_F(RuntimeTest, ConditionVariableAnyWithMutex) {
  lockcheck::Mutex M;
  std::condition_variable_any Cv;
  bool Ready = false;
  std::thread Producer([&] {
    std::this_thread::sleep_for(5ms);
    M.lock();
    Ready = true;
    M.unlock();
    Cv.notify_one();
  });
  M.lock();
  Cv.wait(M, [&] { return Ready; });
  EXPECT_TRUE(Ready);
  M.unlock();
  Producer.join();
}

TEST_F(RuntimeTest, RecursiveMutexCountsAcquisitions) {
  lockcheck::RecursiveMutex M("r");
  M.lock();
  M.lock();
  ASSERT_TRUE(M.try_lock());
  EXPECT_FALSE(lockableElsewhere(M));
  M.unlock();
  M.unlock();
  EXPECT_FALSE(lockableElsewhere(M)); // still held once
  M.unlock();
  EXPECT_TRUE(lockableElsewhere(M));
}

TEST_F(RuntimeTest, TimedMutexTimesOut) {
  lockcheck::TimedMutex M("t");
  std::promise<void> Locked, Release;
  std::thread Holder([&] {
    M.lock();
    Locked.set_value();
    Release.get_future().wait();
    M.unlock();
  });
  Locked.get_future().wait();
  auto Start = std::chrono::steady_clock::now();
  EXPECT_FALSE(M.try_lock_for(30ms));
  EXPECT_GE(std::chrono::steady_clock::now() - Start, 25ms);
  EXPECT_FALSE(M.try_lock_until(std::chrono::steady_clock::now() + 5ms));
  Release.set_value();
  Holder.join();
  ASSERT_TRUE(M.try_lock_for(1s));
  M.unlock();
  ASSERT_TRUE(M.try_lock_until(std::chrono::system_clock::now() + 1s));
  M.unlock();
}

TEST_F(RuntimeTest, RecursiveTimedMutexReenters) {
  lockcheck::RecursiveTimedMutex M;
  ASSERT_TRUE(M.try_lock_for(10ms));
  ASSERT_TRUE(M.try_lock_for(10ms));
  M.lock();
  EXPECT_FALSE(lockableElsewhere(M));
  M.unlock();
  M.unlock();
  M.unlock();
  EXPECT_TRUE(lockableElsewhere(M));
}

TEST_F(RuntimeTest, SharedMutexReadersShareWritersExclude) {
  lockcheck::SharedMutex M("rw");
  M.lock_shared();
  EXPECT_TRUE(sharedLockableElsewhere(M));
  EXPECT_FALSE(lockableElsewhere(M));
  M.unlock_shared();
  M.lock();
  EXPECT_FALSE(sharedLockableElsewhere(M));
  M.unlock();
  ASSERT_TRUE(M.try_lock_shared_for(10ms));
  M.unlock_shared();
  ASSERT_TRUE(M.try_lock_shared_until(std::chrono::steady_clock::now() + 10ms));
  M.unlock_shared();
  ASSERT_TRUE(M.try_lock_for(10ms));
  EXPECT_FALSE(std::async(std::launch::async, [&] {
                 return M.try_lock_shared_for(5ms);
               }).get());
  M.unlock();
}

TEST_F(RuntimeTest, SemaphoreCountsPermits) {
  lockcheck::Semaphore S(2);
  S.acquire();
  ASSERT_TRUE(S.try_acquire());
  EXPECT_EQ(S.available(), 0);
  EXPECT_FALSE(S.try_acquire());
  EXPECT_FALSE(S.try_acquire_for(10ms));
  EXPECT_FALSE(S.try_acquire_until(std::chrono::steady_clock::now() + 1ms));
  std::thread Releaser([&] {
    std::this_thread::sleep_for(5ms);
    S.release(); // any thread may release a semaphore
  });
  EXPECT_TRUE(S.try_acquire_for(5s));
  Releaser.join();
  S.release(2);
  EXPECT_EQ(S.available(), 2);
}

TEST_F(RuntimeTest, BoundedSemaphoreRejectsOverRelease) {
  lockcheck::Semaphore S(1, 1); // Python's BoundedSemaphore(1)
  EXPECT_THROW(S.release(), std::overflow_error);
  S.acquire();
  S.release();
  EXPECT_THROW(S.release(0), std::invalid_argument);
  EXPECT_THROW(lockcheck::Semaphore(-1), std::invalid_argument);
  EXPECT_THROW(lockcheck::Semaphore(3, 2), std::invalid_argument);
  lockcheck::Semaphore Unbounded(0);
  Unbounded.release(1000);
  EXPECT_EQ(Unbounded.available(), 1000);
}

TEST_F(RuntimeTest, EventSignalsEveryWaiter) {
  lockcheck::Event E;
  EXPECT_FALSE(E.is_set());
  EXPECT_FALSE(E.wait_for(5ms));
  std::atomic<int> Woken{0};
  std::vector<std::thread> Waiters;
  for (int I = 0; I < 3; ++I)
    Waiters.emplace_back([&] {
      E.wait();
      ++Woken;
    });
  std::this_thread::sleep_for(5ms);
  E.set();
  for (auto &T : Waiters)
    T.join();
  EXPECT_EQ(Woken.load(), 3);
  EXPECT_TRUE(E.is_set());
  EXPECT_TRUE(E.wait_for(0ms));
  EXPECT_TRUE(E.wait_until(std::chrono::system_clock::now()));
  E.clear();
  EXPECT_FALSE(E.is_set());
  EXPECT_FALSE(E.wait_until(std::chrono::steady_clock::now() + 2ms));
}

} // namespace
