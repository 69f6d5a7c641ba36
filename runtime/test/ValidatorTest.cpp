//===- ValidatorTest.cpp - every report the validator makes ---------------===//

#include "TestSupport.h"

#include <cstdlib>
#include <future>
#include <memory>
#include <thread>

using namespace std::chrono_literals;
using lctest::at;
using lctest::contains;
using lctest::RuntimeTest;
using lockcheck::Action;
using lockcheck::ReportKind;
using lockcheck::ValidationError;
namespace validator = lockcheck::validator;

namespace {

#if defined(__SANITIZE_THREAD__)
#define LC_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define LC_TSAN 1
#endif
#endif

// Runs \p F and returns the ValidationError it throws.
template <class F> ValidationError thrownBy(F &&Fn) {
  try {
    Fn();
  } catch (const ValidationError &E) {
    return E;
  }
  ADD_FAILURE() << "no ValidationError thrown";
  return ValidationError(ReportKind::NotHeld, "none");
}

// ---- self-deadlock ----

TEST_F(RuntimeTest, SelfDeadlockNamesBothAcquisitions) {
  validator::setThreadName("tester");
  lockcheck::Mutex M("account");
  int First = __LINE__ + 1;
  lockcheck::LockGuard G(M);
  int Second = __LINE__ + 1;
  ValidationError E = thrownBy([&] { M.lock(); });
  EXPECT_EQ(E.kind(), ReportKind::SelfDeadlock);
  EXPECT_EQ(E.code(), std::errc::resource_deadlock_would_occur);
  std::string W = E.what();
  EXPECT_TRUE(contains(W, "self-deadlock")) << W;
  EXPECT_TRUE(contains(W, "mutex 'account'")) << W;
  EXPECT_TRUE(contains(W, "thread #")) << W;
  EXPECT_TRUE(contains(W, "'tester'")) << W;
  EXPECT_TRUE(contains(W, at(Second))) << W;
  EXPECT_TRUE(contains(W, "already holds it, acquired at " + at(First))) << W;
  EXPECT_TRUE(contains(W, "RecursiveMutex")) << W;
  // The failed attempt changed nothing: the guard still releases cleanly.
}

TEST_F(RuntimeTest, SelfDeadlockOnTryLockOfHeldMutex) {
  lockcheck::TimedMutex M("t");
  M.lock();
  EXPECT_EQ(thrownBy([&] { (void)M.try_lock(); }).kind(),
            ReportKind::SelfDeadlock);
  EXPECT_EQ(thrownBy([&] { (void)M.try_lock_for(1ms); }).kind(),
            ReportKind::SelfDeadlock);
  validator::setMisuseAction(Action::Report);
  EXPECT_FALSE(M.try_lock()); // reported, then refused
  auto R = reports();
  ASSERT_EQ(R.size(), 1u);
  EXPECT_TRUE(contains(R[0].message, "tries to acquire")) << R[0].message;
  M.unlock();
}

TEST_F(RuntimeTest, SelfDeadlockWithReportActionCountsTheReentry) {
  validator::setMisuseAction(Action::Report);
  lockcheck::Mutex M("m");
  M.lock();
  M.lock(); // would hang; reported and counted instead
  auto R = reports();
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0].kind, ReportKind::SelfDeadlock);
  M.unlock(); // the counted re-entry
  auto Other = std::async(std::launch::async, [&] { return M.try_lock(); });
  EXPECT_FALSE(Other.get()); // still held once
  M.unlock();
  EXPECT_TRUE(reports().empty());
  ASSERT_TRUE(M.try_lock());
  M.unlock();
}

TEST_F(RuntimeTest, RecursiveMutexReentryIsFine) {
  lockcheck::RecursiveMutex M("r");
  {
    lockcheck::LockGuard A(M);
    lockcheck::LockGuard B(M);
    ASSERT_TRUE(M.try_lock());
    M.unlock();
  }
  EXPECT_TRUE(reports().empty());
}

TEST_F(RuntimeTest, SharedMutexIsNotReentrant) {
  lockcheck::SharedMutex M("rw");
  M.lock_shared();
  ValidationError Again = thrownBy([&] { M.lock_shared(); });
  EXPECT_EQ(Again.kind(), ReportKind::SelfDeadlock);
  EXPECT_TRUE(contains(Again.what(), "not re-entrant")) << Again.what();
  ValidationError Upgrade = thrownBy([&] { M.lock(); });
  EXPECT_TRUE(contains(Upgrade.what(), "upgrading a shared lock"))
      << Upgrade.what();
  M.unlock_shared();
  M.lock();
  EXPECT_EQ(thrownBy([&] { M.lock_shared(); }).kind(),
            ReportKind::SelfDeadlock);
  M.unlock();
}

#ifndef LC_TSAN // death tests fork; ThreadSanitizer does not support that
TEST_F(RuntimeTest, SelfDeadlockCanAbort) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        validator::setReportHandler(nullptr);
        validator::setMisuseAction(Action::Abort);
        lockcheck::Mutex M("doomed");
        M.lock();
        M.lock();
      },
      "self-deadlock: .* acquires mutex 'doomed'");
}
#endif

// ---- release not held ----

TEST_F(RuntimeTest, ReleasingAnUnlockedMutex) {
  lockcheck::Mutex M("lock");
  int Line = __LINE__ + 1;
  ValidationError E = thrownBy([&] { M.unlock(); });
  EXPECT_EQ(E.kind(), ReportKind::ReleaseNotHeld);
  EXPECT_EQ(E.code(), std::errc::operation_not_permitted);
  EXPECT_TRUE(contains(E.what(), "releases mutex 'lock'")) << E.what();
  EXPECT_TRUE(contains(E.what(), "but it is not locked")) << E.what();
  EXPECT_TRUE(contains(E.what(), at(Line))) << E.what();
  // Nothing was released natively: the mutex still works.
  lockcheck::LockGuard G(M);
}

TEST_F(RuntimeTest, ReleasingAMutexOwnedByAnotherThread) {
  lockcheck::Mutex M("shared-lock");
  std::promise<void> Locked, Done;
  std::thread Owner([&] {
    validator::setThreadName("owner");
    M.lock();
    Locked.set_value();
    Done.get_future().wait();
    M.unlock();
  });
  Locked.get_future().wait();
  ValidationError E = thrownBy([&] { M.unlock(); });
  EXPECT_EQ(E.kind(), ReportKind::ReleaseNotHeld);
  EXPECT_TRUE(contains(E.what(), "'owner'; only the owner may release it"))
      << E.what();
  Done.set_value();
  Owner.join(); // the owner's unlock is fine
}

TEST_F(RuntimeTest, ReleasingInTheWrongMode) {
  lockcheck::SharedMutex M("rw");
  M.lock_shared();
  ValidationError E = thrownBy([&] { M.unlock(); });
  EXPECT_TRUE(contains(E.what(), "holds it shared")) << E.what();
  EXPECT_TRUE(contains(E.what(), "unlock_shared()")) << E.what();
  M.unlock_shared();
  EXPECT_EQ(thrownBy([&] { M.unlock_shared(); }).kind(),
            ReportKind::ReleaseNotHeld);
}

TEST_F(RuntimeTest, ReleaseWithReportActionIsSkipped) {
  validator::setMisuseAction(Action::Report);
  lockcheck::Mutex M;
  M.unlock(); // reported; the native unlock (undefined behaviour) is skipped
  ASSERT_EQ(reports().size(), 1u);
  lockcheck::LockGuard G(M);
}

// ---- assert_held ----

TEST_F(RuntimeTest, AssertHeld) {
  lockcheck::Mutex M("m");
  lockcheck::SharedMutex S("s");
  ValidationError E = thrownBy([&] { M.assert_held(); });
  EXPECT_EQ(E.kind(), ReportKind::NotHeld);
  EXPECT_TRUE(contains(E.what(), "does not hold it")) << E.what();
  {
    lockcheck::LockGuard G(M);
    M.assert_held();
    lockcheck::SharedLock R(S);
    S.assert_held_shared();
    EXPECT_TRUE(
        contains(thrownBy([&] { S.assert_held(); }).what(), "only shared"));
  }
  S.lock();
  S.assert_held();
  S.assert_held_shared(); // exclusive satisfies shared
  S.unlock();
}

// ---- destruction ----

TEST_F(RuntimeTest, DestroyingAHeldMutexIsReportedNotThrown) {
  auto M = std::make_unique<lockcheck::Mutex>("doomed");
  M->lock();
  M.reset(); // ~Mutex cannot throw: reported even with Action::Throw
  auto R = reports();
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0].kind, ReportKind::DestroyedWhileHeld);
  EXPECT_TRUE(contains(R[0].message, "destroys mutex 'doomed'"))
      << R[0].message;
  // The thread no longer counts it as held: new locks order normally.
  lockcheck::Mutex A, B;
  lockcheck::LockGuard GA(A);
  lockcheck::LockGuard GB(B);
}

// ---- lock order ----

TEST_F(RuntimeTest, TwoLockCycleIsReportedOnceWithBothOrders) {
  lockcheck::Mutex L1("lock1"), L2("lock2");
  int OuterA, InnerA, OuterB, InnerB;
  {
    OuterA = __LINE__ + 1;
    lockcheck::LockGuard A(L1);
    InnerA = __LINE__ + 1;
    lockcheck::LockGuard B(L2);
  }
  {
    OuterB = __LINE__ + 1;
    lockcheck::LockGuard B(L2);
    InnerB = __LINE__ + 1;
    lockcheck::LockGuard A(L1);
  }
  auto R = reports();
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0].kind, ReportKind::LockOrderCycle);
  const std::string &M = R[0].message;
  EXPECT_TRUE(contains(M, "potential deadlock")) << M;
  EXPECT_TRUE(contains(M, "acquiring mutex 'lock1'")) << M;
  EXPECT_TRUE(contains(M, at(InnerB))) << M;
  EXPECT_TRUE(contains(M, "while holding mutex 'lock2'")) << M;
  EXPECT_TRUE(contains(M, at(OuterB))) << M;
  EXPECT_TRUE(contains(M, "the opposite order was seen before")) << M;
  EXPECT_TRUE(contains(M, "acquired mutex 'lock2'")) << M;
  EXPECT_TRUE(contains(M, at(InnerA))) << M;
  EXPECT_TRUE(contains(M, at(OuterA))) << M;
  EXPECT_TRUE(contains(M, "stack:\n    #0 ")) << M;
  // The same inversion again is not reported again.
  for (int I = 0; I < 3; ++I) {
    lockcheck::LockGuard B(L2);
    lockcheck::LockGuard A(L1);
  }
  EXPECT_TRUE(reports().empty());
  EXPECT_EQ(validator::stats().edges, 2u);
  EXPECT_EQ(validator::stats().nodes, 2u);
}

TEST_F(RuntimeTest, LongerCycleListsEveryEdge) {
  lockcheck::Mutex A("A"), B("B"), C("C");
  {
    lockcheck::LockGuard G1(A);
    lockcheck::LockGuard G2(B);
  }
  {
    lockcheck::LockGuard G1(B);
    lockcheck::LockGuard G2(C);
  }
  EXPECT_TRUE(reports().empty());
  {
    lockcheck::LockGuard G1(C);
    lockcheck::LockGuard G2(A);
  }
  auto R = reports();
  ASSERT_EQ(R.size(), 1u);
  const std::string &M = R[0].message;
  EXPECT_TRUE(contains(M, "these orders, which lead back")) << M;
  EXPECT_TRUE(contains(M, "(1) thread")) << M;
  EXPECT_TRUE(contains(M, "(2) thread")) << M;
  EXPECT_LT(M.find("acquired mutex 'B'"), M.find("acquired mutex 'C'")) << M;
}

TEST_F(RuntimeTest, CycleAcrossThreadsNamesBothThreads) {
  lockcheck::Mutex L1("lock1"), L2("lock2");
  std::thread T1([&] {
    validator::setThreadName("task1");
    lockcheck::LockGuard A(L1);
    lockcheck::LockGuard B(L2);
  });
  T1.join();
  std::thread T2([&] {
    validator::setThreadName("task2");
    lockcheck::LockGuard B(L2);
    lockcheck::LockGuard A(L1);
  });
  T2.join();
  auto R = reports();
  ASSERT_EQ(R.size(), 1u);
  EXPECT_TRUE(contains(R[0].message, "potential deadlock in thread #"))
      << R[0].message;
  EXPECT_TRUE(contains(R[0].message, "'task2'")) << R[0].message;
  EXPECT_TRUE(contains(R[0].message, "'task1' acquired mutex 'lock2'"))
      << R[0].message;
}

TEST_F(RuntimeTest, CycleWithThrowActionDoesNotAcquire) {
  validator::setOrderAction(Action::Throw);
  lockcheck::Mutex L1("lock1"), L2("lock2");
  {
    lockcheck::LockGuard A(L1);
    lockcheck::LockGuard B(L2);
  }
  {
    lockcheck::LockGuard B(L2);
    ValidationError E = thrownBy([&] { L1.lock(); });
    EXPECT_EQ(E.kind(), ReportKind::LockOrderCycle);
    EXPECT_EQ(E.code(), std::errc::resource_deadlock_would_occur);
    // L1 was not taken.
    EXPECT_TRUE(std::async(std::launch::async, [&] {
                  bool Got = L1.try_lock();
                  if (Got)
                    L1.unlock();
                  return Got;
                }).get());
  }
}

#ifndef LC_TSAN
TEST_F(RuntimeTest, CycleCanAbort) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        validator::setReportHandler(nullptr);
        validator::setOrderAction(Action::Abort);
        lockcheck::Mutex L1("first");
        lockcheck::Mutex L2("second");
        {
          lockcheck::LockGuard A(L1);
          lockcheck::LockGuard B(L2);
        }
        lockcheck::LockGuard B(L2);
        lockcheck::LockGuard A(L1);
      },
      "lock-order-cycle: potential deadlock");
}
#endif

TEST_F(RuntimeTest, TryAcquisitionsDoNotOrderLocks) {
  lockcheck::TimedMutex L1("lock1"), L2("lock2");
  {
    lockcheck::LockGuard A(L1);
    ASSERT_TRUE(L2.try_lock()); // cannot block: no order
    L2.unlock();
    ASSERT_TRUE(L2.try_lock_for(10ms)); // gives up: no order either
    L2.unlock();
  }
  EXPECT_EQ(validator::stats().edges, 0u);
  {
    lockcheck::LockGuard B(L2);
    lockcheck::LockGuard A(L1);
  }
  EXPECT_TRUE(reports().empty());
  EXPECT_EQ(validator::stats().edges, 1u);
}

TEST_F(RuntimeTest, LocksTakenAfterATryLockAreOrderedAfterAllHeldLocks) {
  lockcheck::Mutex A("A"), B("B"), C("C");
  {
    lockcheck::LockGuard GA(A);
    ASSERT_TRUE(B.try_lock());
    lockcheck::LockGuard GC(C); // edges B -> C and A -> C
    B.unlock();
  }
  EXPECT_EQ(validator::stats().edges, 2u);
  {
    lockcheck::LockGuard GC(C);
    lockcheck::LockGuard GA(A);
  }
  EXPECT_EQ(reports().size(), 1u);
}

TEST_F(RuntimeTest, ScopedLockOrdersOnlyAgainstLocksHeldBefore) {
  lockcheck::Mutex X("X"), A("A"), B("B");
  { lockcheck::ScopedLock L(A, B); }
  { lockcheck::ScopedLock L(B, A); }
  EXPECT_EQ(validator::stats().edges, 0u);
  {
    lockcheck::LockGuard G(X);
    lockcheck::ScopedLock L(A, B); // X -> (whichever blocks first)
  }
  EXPECT_EQ(validator::stats().edges, 1u);
  EXPECT_TRUE(reports().empty());
}

TEST_F(RuntimeTest, LockClassesShareOneNode) {
  static lockcheck::LockClass Accounts("Account::mutex");
  lockcheck::Mutex A1("alice", Accounts), A2("bob", Accounts);
  lockcheck::Mutex Log("log");
  {
    lockcheck::LockGuard G1(A1);
    lockcheck::LockGuard G2(A2); // same class: no edge
    lockcheck::LockGuard G3(Log);
  }
  EXPECT_EQ(validator::stats().edges, 1u);
  {
    lockcheck::LockGuard G1(Log);
    lockcheck::LockGuard G2(A2); // another instance, same class: a cycle
  }
  auto R = reports();
  ASSERT_EQ(R.size(), 1u);
  EXPECT_TRUE(contains(R[0].message, "mutex 'bob'")) << R[0].message;
  EXPECT_TRUE(contains(R[0].message, "of lock class 'Account::mutex'"))
      << R[0].message;
  EXPECT_TRUE(contains(R[0].message, "acquired mutex 'log'")) << R[0].message;
  EXPECT_TRUE(contains(R[0].message, "holding lock class 'Account::mutex'"))
      << R[0].message;
}

TEST_F(RuntimeTest, DestroyedLocksLeaveTheGraph) {
  lockcheck::Mutex Keep("keep");
  for (int I = 0; I < 500; ++I) {
    lockcheck::Mutex A, B;
    lockcheck::LockGuard G0(Keep);
    lockcheck::LockGuard G1(A);
    lockcheck::LockGuard G2(B);
  }
  EXPECT_EQ(validator::stats().edges, 0u);
  EXPECT_EQ(validator::stats().nodes, 0u);
  {
    static lockcheck::Mutex Outer("outer");
    auto Inner = std::make_unique<lockcheck::Mutex>("inner");
    {
      lockcheck::LockGuard G0(Outer);
      lockcheck::LockGuard G1(*Inner);
    }
    EXPECT_EQ(validator::stats().edges, 1u);
    Inner.reset();
    EXPECT_EQ(validator::stats().edges, 0u);
  }
  EXPECT_TRUE(reports().empty());
}

TEST_F(RuntimeTest, GraphIsBounded) {
  validator::setMaxEdges(8);
  lockcheck::Mutex Outer("outer");
  std::vector<std::unique_ptr<lockcheck::Mutex>> Inner;
  for (int I = 0; I < 20; ++I) {
    Inner.push_back(std::make_unique<lockcheck::Mutex>());
    lockcheck::LockGuard G0(Outer);
    lockcheck::LockGuard G1(*Inner.back());
  }
  EXPECT_EQ(validator::stats().edges, 8u);
  auto R = reports();
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0].kind, ReportKind::CapacityExceeded);
  EXPECT_TRUE(contains(R[0].message, "setMaxEdges")) << R[0].message;
}

TEST_F(RuntimeTest, HoldingVeryManyLocksIsBounded) {
  std::vector<std::unique_ptr<lockcheck::Mutex>> Ms;
  for (int I = 0; I < 70; ++I) {
    Ms.push_back(std::make_unique<lockcheck::Mutex>());
    Ms.back()->lock();
  }
  auto R = reports();
  for (auto &M : Ms)
    M->unlock(); // untracked ones must not look like bad releases
  EXPECT_TRUE(reports().empty());
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0].kind, ReportKind::CapacityExceeded);
  EXPECT_TRUE(lctest::contains(R[0].message, "holds more than 64 locks"))
      << R[0].message;
}

TEST_F(RuntimeTest, StackDepthZeroOmitsStacks) {
  validator::setStackDepth(0);
  lockcheck::Mutex L1, L2;
  {
    lockcheck::LockGuard A(L1);
    lockcheck::LockGuard B(L2);
  }
  {
    lockcheck::LockGuard B(L2);
    lockcheck::LockGuard A(L1);
  }
  auto R = reports();
  ASSERT_EQ(R.size(), 1u);
  EXPECT_FALSE(contains(R[0].message, "stack:")) << R[0].message;
  EXPECT_TRUE(contains(R[0].message, "mutex (0x")) << R[0].message;
}

// ---- configuration ----

TEST_F(RuntimeTest, EnvironmentSelectsActions) {
  ::setenv("LOCKCHECK_ON_CYCLE", "abort", 1);
  ::setenv("LOCKCHECK_ON_MISUSE", "report", 1);
  EXPECT_TRUE(validator::configureFromEnvironment());
  EXPECT_EQ(validator::orderAction(), Action::Abort);
  EXPECT_EQ(validator::misuseAction(), Action::Report);
  ::setenv("LOCKCHECK_ON_CYCLE", "explode", 1);
  testing::internal::CaptureStderr();
  EXPECT_FALSE(validator::configureFromEnvironment());
  std::string Err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(Err, "lockcheck: LOCKCHECK_ON_CYCLE='explode' is not valid; use "
                 "report, throw or abort\n");
  EXPECT_EQ(validator::orderAction(), Action::Abort); // unchanged
  ::unsetenv("LOCKCHECK_ON_CYCLE");
  ::unsetenv("LOCKCHECK_ON_MISUSE");
}

TEST_F(RuntimeTest, DefaultHandlerWritesToStandardError) {
  validator::setReportHandler(nullptr);
  validator::setMisuseAction(Action::Report);
  lockcheck::Mutex M("loud");
  testing::internal::CaptureStderr();
  M.unlock();
  std::string Err = testing::internal::GetCapturedStderr();
  EXPECT_EQ(Err.rfind("lockcheck: release-not-held: ", 0), 0u) << Err;
  EXPECT_TRUE(contains(Err, "mutex 'loud'")) << Err;
  EXPECT_EQ(validator::stats().reports, 1u);
}

TEST_F(RuntimeTest, ReportKindNames) {
  EXPECT_STREQ(lockcheck::reportKindName(ReportKind::ReleaseNotHeld),
               "release-not-held");
  EXPECT_STREQ(lockcheck::reportKindName(ReportKind::SelfDeadlock),
               "self-deadlock");
  EXPECT_STREQ(lockcheck::reportKindName(ReportKind::LockOrderCycle),
               "lock-order-cycle");
  EXPECT_STREQ(lockcheck::reportKindName(ReportKind::NotHeld), "not-held");
  EXPECT_STREQ(lockcheck::reportKindName(ReportKind::DestroyedWhileHeld),
               "destroyed-while-held");
  EXPECT_STREQ(lockcheck::reportKindName(ReportKind::CapacityExceeded),
               "capacity-exceeded");
}

} // namespace
