//===- SeedsTest.cpp - the Python seed examples, in C++ -------------------===//
//
// Each example from /work/shared/seeds translated to the runtime library.
// Good variants must run silently (the fixture fails a test on any report);
// bad variants, with the validator on, must be reported instead of hanging
// or corrupting state. Built with the validator on and off; the bad
// variants only exist with it on (without it they would really hang).
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using lctest::at;
using lctest::contains;
using lctest::RuntimeTest;
namespace validator = lockcheck::validator;

namespace {

void runThreads(int N, const std::function<void(int)> &Body) {
  std::vector<std::thread> Ts;
  for (int I = 0; I < N; ++I)
    Ts.emplace_back(Body, I);
  for (auto &T : Ts)
    T.join();
}

// --- 01: bank_thread_safe.py
class BankAccount {
public:
  explicit BankAccount(long Balance) : Balance(Balance) {}
  void withdraw(long Amount) LOCKCHECK_EXCLUDES(AccountLock) {
    lockcheck::LockGuard G(AccountLock); // with self.account_lock:
    if (Balance < Amount)
      throw std::domain_error("Insufficient balance");
    Balance -= Amount;
  }
  void deposit(long Amount) LOCKCHECK_EXCLUDES(AccountLock) {
    lockcheck::LockGuard G(AccountLock);
    Balance += Amount;
  }
  long balance() LOCKCHECK_EXCLUDES(AccountLock) {
    lockcheck::LockGuard G(AccountLock);
    return Balance;
  }

private:
  lockcheck::Mutex AccountLock{"account_lock"};
  long Balance LOCKCHECK_GUARDED_BY(AccountLock);
};

TEST_F(RuntimeTest, Seed01BankAccountIsThreadSafe) {
  BankAccount Account(1000);
  runThreads(3, [&](int I) {
    if (I == 0)
      Account.withdraw(700);
    else if (I == 1)
      Account.deposit(1000);
    else
      Account.withdraw(300);
  });
  EXPECT_EQ(Account.balance(), 1000);
  EXPECT_THROW(Account.withdraw(5000), std::domain_error);
  Account.deposit(1); // the guard released the lock when withdraw threw
  EXPECT_EQ(Account.balance(), 1001);
}

// --- 01: bank_deadlock.py / bank_rlock.py
template <class LockType> class NestedBankAccount {
public:
  void deposit(long Amount) LOCKCHECK_EXCLUDES(Lock) {
    lockcheck::LockGuard G(Lock); // with self.lock:
    DepositLine = __LINE__ - 1;
    updateBalance(Amount);
  }
  long balance() {
    lockcheck::LockGuard G(Lock);
    return Balance;
  }
  int DepositLine = 0, UpdateLine = 0;

private:
  // Called with the lock held, and takes it again, as in the seed.
  void updateBalance(long Amount) LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS {
    UpdateLine = __LINE__ + 1;
    lockcheck::LockGuard G(Lock); // with self.lock:  (deadlocks with Lock)
    Balance += Amount;
  }
  LockType Lock{"lock"};
  long Balance = 0;
};

TEST_F(RuntimeTest, Seed01RLockMakesNestedDepositWork) {
  NestedBankAccount<lockcheck::RecursiveMutex> Account;
  runThreads(3, [&](int I) {
    validator::setThreadName(("Worker_" + std::to_string(I)).c_str());
    Account.deposit(100);
  });
  EXPECT_EQ(Account.balance(), 300);
}

#if LOCKCHECK_VALIDATE
TEST_F(RuntimeTest, Seed01NestedDepositWithLockFailsInsteadOfHanging) {
  NestedBankAccount<lockcheck::Mutex> Account;
  std::atomic<int> Failed{0};
  std::vector<std::string> Messages(3);
  runThreads(3, [&](int I) {
    validator::setThreadName(("Worker_" + std::to_string(I)).c_str());
    try {
      Account.deposit(100);
    } catch (const lockcheck::ValidationError &E) {
      ++Failed;
      Messages[I] = E.what();
    }
  });
  EXPECT_EQ(Failed.load(), 3); // each worker, instead of one hanging forever
  for (int I = 0; I < 3; ++I) {
    const std::string &M = Messages[I];
    EXPECT_TRUE(contains(M, "self-deadlock: thread #")) << M;
    EXPECT_TRUE(contains(M, "'Worker_" + std::to_string(I) + "'")) << M;
    EXPECT_TRUE(
        contains(M, at(Account.UpdateLine) + " in function 'updateBalance'"))
        << M;
    EXPECT_TRUE(contains(M, "acquired at " + at(Account.DepositLine) +
                                " in function 'deposit'"))
        << M;
  }
  EXPECT_EQ(Account.balance(), 0);
}
#endif

// --- 02 and 03: update_total with try/finally and with `with`
TEST_F(RuntimeTest, Seed03UpdateTotal) {
  lockcheck::Mutex Lock("lock");
  long Total = 0;
  runThreads(10, [&](int) {
    Lock.lock(); // lock.acquire(); try: ... finally: lock.release()
    try {
      Total += 5;
    } catch (...) {
      Lock.unlock();
      throw;
    }
    Lock.unlock();
  });
  EXPECT_EQ(Total, 50);
  runThreads(10, [&](int) {
    lockcheck::LockGuard G(Lock); // with lock:
    Total += 5;
  });
  EXPECT_EQ(Total, 100);
}

// --- 03: do_something / do_something_else called from main() under the lock
template <class LockType> struct Program03 {
  LockType Lock{"lock"};
  std::string doSomething() {
    lockcheck::LockGuard G(Lock);
    return "Done doing something";
  }
  std::string doSomethingElse() {
    lockcheck::LockGuard G(Lock);
    return "Finished something else";
  }
  std::string main() {
    lockcheck::LockGuard G(Lock);
    std::string ResultOne = doSomething();
    std::string ResultTwo = doSomethingElse();
    return ResultOne + ", " + ResultTwo;
  }
};

TEST_F(RuntimeTest, Seed03RLockAroundBothCalls) {
  Program03<lockcheck::RecursiveMutex> P;
  std::vector<std::string> Results(10);
  runThreads(10, [&](int I) { Results[I] = P.main(); });
  for (const std::string &R : Results)
    EXPECT_EQ(R, "Done doing something, Finished something else");
}

#if LOCKCHECK_VALIDATE
TEST_F(RuntimeTest, Seed03LockAroundBothCallsIsASelfDeadlock) {
  Program03<lockcheck::Mutex> P;
  try {
    P.main();
    FAIL() << "expected a self-deadlock report";
  } catch (const lockcheck::ValidationError &E) {
    EXPECT_EQ(E.kind(), lockcheck::ReportKind::SelfDeadlock);
    EXPECT_TRUE(contains(E.what(), "in function 'doSomething'")) << E.what();
    EXPECT_TRUE(contains(E.what(), "in function 'main'")) << E.what();
  }
}
#endif

// --- 04: counter, RLock nesting, Semaphore, Event, file writer
TEST_F(RuntimeTest, Seed04CounterWithLock) {
  lockcheck::Mutex Lock;
  long Counter = 0;
  runThreads(2, [&](int) {
    for (int I = 0; I < 20000; ++I) {
      lockcheck::LockGuard G(Lock);
      ++Counter;
    }
  });
  EXPECT_EQ(Counter, 40000);
}

TEST_F(RuntimeTest, Seed04NestedRLock) {
  lockcheck::RecursiveMutex RLock("rlock");
  std::vector<std::string> Out;
  {
    lockcheck::LockGuard Outer(RLock);
    Out.push_back("Outer lock acquired");
    {
      lockcheck::LockGuard Inner(RLock);
      Out.push_back("Inner lock acquired");
    }
  }
  EXPECT_EQ(Out.size(), 2u);
}

TEST_F(RuntimeTest, Seed04SemaphoreLimitsAccessToTwo) {
  lockcheck::Semaphore Sem(2);
  std::atomic<int> Inside{0}, MostInside{0};
  runThreads(4, [&](int) {
    lockcheck::SemaphoreGuard G(Sem); // with sem:
    int Now = ++Inside;
    int Seen = MostInside.load();
    while (Now > Seen && !MostInside.compare_exchange_weak(Seen, Now)) {
    }
    std::this_thread::sleep_for(20ms); // time.sleep(1)
    --Inside;
  });
  EXPECT_EQ(MostInside.load(), 2);
  EXPECT_EQ(Sem.available(), 2);
}

TEST_F(RuntimeTest, Seed04EventSignalsTheWorker) {
  lockcheck::Event E;
  std::atomic<bool> Received{false};
  std::thread Worker([&] {
    E.wait(); // "Waiting for signal..."
    Received = true;
  });
  std::this_thread::sleep_for(10ms);
  EXPECT_FALSE(Received.load());
  E.set(); // Send signal
  Worker.join();
  EXPECT_TRUE(Received.load());
}

// task1 takes lock1 then lock2; task2 takes lock2 then lock1. Run one after
// the other they never deadlock, yet the validator reports the inversion.
#if LOCKCHECK_VALIDATE
TEST_F(RuntimeTest, Seed04Task1Task2InversionIsReported) {
  lockcheck::Mutex Lock1("lock1"), Lock2("lock2");
  std::vector<std::string> Out;
  std::thread T1([&] {
    validator::setThreadName("task1");
    lockcheck::LockGuard A(Lock1);
    Out.push_back("Task1 acquired lock1");
    lockcheck::LockGuard B(Lock2);
    Out.push_back("Task1 acquired lock2");
  });
  T1.join();
  std::thread T2([&] {
    validator::setThreadName("task2");
    lockcheck::LockGuard B(Lock2);
    Out.push_back("Task2 acquired lock2");
    lockcheck::LockGuard A(Lock1);
    Out.push_back("Task2 acquired lock1");
  });
  T2.join();
  EXPECT_EQ(Out.size(), 4u);
  auto R = reports();
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0].kind, lockcheck::ReportKind::LockOrderCycle);
  EXPECT_TRUE(contains(R[0].message, "'task2'")) << R[0].message;
  EXPECT_TRUE(contains(R[0].message, "'task1' acquired mutex 'lock2'"))
      << R[0].message;
}
#endif

TEST_F(RuntimeTest, Seed04ConsistentOrderIsSilent) {
  lockcheck::Mutex Lock1("lock1"), Lock2("lock2");
  long Work = 0;
  runThreads(2, [&](int) {
    for (int I = 0; I < 1000; ++I) {
      lockcheck::LockGuard A(Lock1);
      lockcheck::LockGuard B(Lock2);
      ++Work;
    }
  });
  EXPECT_EQ(Work, 2000);
}

// acquire(timeout=2) in both orders: the timeouts avoid the deadlock, and
// acquisitions that give up cannot deadlock, so nothing is reported.
TEST_F(RuntimeTest, Seed04AcquireWithTimeoutIsSilent) {
  lockcheck::TimedMutex Lock1("lock1"), Lock2("lock2");
  std::atomic<int> Done{0}, GaveUp{0};
  runThreads(2, [&](int I) {
    lockcheck::TimedMutex &First = I == 0 ? Lock1 : Lock2;
    lockcheck::TimedMutex &Second = I == 0 ? Lock2 : Lock1;
    for (int Round = 0; Round < 200; ++Round) {
      if (First.try_lock_for(2s)) {
        if (Second.try_lock_for(1ms)) {
          ++Done; // do work
          Second.unlock();
        } else {
          ++GaveUp; // "Could not acquire locks safely"
        }
        First.unlock();
      }
    }
  });
  EXPECT_EQ(Done.load() + GaveUp.load(), 400);
}

TEST_F(RuntimeTest, Seed04FileWriter) {
  lockcheck::Mutex FileLock("file_lock");
  std::string Path = ::testing::TempDir() + "lockcheck-seed04-data.txt";
  std::remove(Path.c_str());
  runThreads(4, [&](int) {
    lockcheck::LockGuard G(FileLock);
    std::ofstream F(Path, std::ios::app);
    F << "Logged entry\n";
  });
  std::ifstream In(Path);
  int Lines = 0;
  for (std::string L; std::getline(In, L);)
    Lines += L == "Logged entry";
  EXPECT_EQ(Lines, 4);
  std::remove(Path.c_str());
}

// --- 05: increment/decrement with lock, the RLock Box
TEST_F(RuntimeTest, Seed05IncrementDecrementWithLock) {
  lockcheck::Mutex SharedResourceLock;
  long SharedResource = 0;
  runThreads(2, [&](int I) {
    for (int K = 0; K < 20000; ++K) {
      SharedResourceLock.lock();
      SharedResource += I == 0 ? 1 : -1;
      SharedResourceLock.unlock();
    }
  });
  EXPECT_EQ(SharedResource, 0);
}

class Box {
public:
  explicit Box(int Items) : TotalItems(Items) {}
  void execute(int N) {
    BoxLock.lock();
    TotalItems += N;
    BoxLock.unlock();
  }
  // add() and remove() hold the RLock while execute() takes it again.
  void add() LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS {
    BoxLock.lock();
    execute(1);
    BoxLock.unlock();
  }
  void remove() LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS {
    BoxLock.lock();
    execute(-2);
    BoxLock.unlock();
  }
  int totalItems() {
    lockcheck::LockGuard G(BoxLock);
    return TotalItems;
  }
  static lockcheck::RecursiveMutex BoxLock; // a class attribute in the seed

private:
  int TotalItems;
};
lockcheck::RecursiveMutex Box::BoxLock("Box.lock");

TEST_F(RuntimeTest, Seed05RLockBox) {
  Box B(8);
  int Adds = 0, Removes = 0;
  std::thread Adder([&] {
    // The seed sleeps 3 s per add and 2 s per remove so that the box
    // empties; bounding the adds ends the run without sleeping.
    for (; Adds < 1000 && B.totalItems() > 0; ++Adds)
      B.add();
  });
  std::thread Remover([&] {
    for (; B.totalItems() > 0; ++Removes)
      B.remove();
  });
  Adder.join();
  Remover.join();
  EXPECT_EQ(B.totalItems(), 8 + Adds - 2 * Removes); // no update was lost
}

#if LOCKCHECK_VALIDATE
// "An acquired RLock can only be released by the thread which acquired it."
TEST_F(RuntimeTest, Seed05RLockReleasedByAnotherThread) {
  lockcheck::RecursiveMutex RLock("rlock");
  RLock.lock();
  std::string What;
  std::thread Other([&] {
    validator::setThreadName("intruder");
    try {
      RLock.unlock();
    } catch (const lockcheck::ValidationError &E) {
      What = E.what();
    }
  });
  Other.join();
  EXPECT_TRUE(contains(What, "'intruder' releases recursive mutex 'rlock'"))
      << What;
  EXPECT_TRUE(contains(What, "only the owner may release it")) << What;
  RLock.unlock();
}

// "If the state is unlocked, a call to release() raises a RuntimeError."
TEST_F(RuntimeTest, Seed05ReleasingAnUnlockedLock) {
  lockcheck::Mutex Lock("shared_resource_lock");
  try {
    Lock.unlock();
    FAIL() << "expected a release-not-held report";
  } catch (const std::system_error &E) { // what Python calls RuntimeError
    EXPECT_EQ(E.code(), std::errc::operation_not_permitted);
    EXPECT_TRUE(contains(E.what(), "but it is not locked")) << E.what();
  }
}
#endif

} // namespace
