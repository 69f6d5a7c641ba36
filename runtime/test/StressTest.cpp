//===- StressTest.cpp - the validator under many threads ------------------===//
//
// Sized to finish in seconds under ThreadSanitizer on two cores. Set
// LOCKCHECK_STRESS_SCALE=10 for a longer run.
//
//===----------------------------------------------------------------------===//

#include "TestSupport.h"

#include <atomic>
#include <cstdlib>
#include <memory>
#include <random>
#include <thread>
#include <vector>

using lctest::RuntimeTest;
namespace validator = lockcheck::validator;

namespace {

int scaled(int N) {
  const char *S = std::getenv("LOCKCHECK_STRESS_SCALE");
  int K = S ? std::atoi(S) : 1;
  return N * (K > 0 ? K : 1);
}

void runThreads(int N, const std::function<void(int)> &Body) {
  std::vector<std::thread> Ts;
  for (int I = 0; I < N; ++I)
    Ts.emplace_back(Body, I);
  for (auto &T : Ts)
    T.join();
}

TEST_F(RuntimeTest, StressContendedCounter) {
  lockcheck::Mutex M("counter");
  long Counter = 0;
  const int PerThread = scaled(20000);
  runThreads(8, [&](int) {
    for (int I = 0; I < PerThread; ++I) {
      lockcheck::LockGuard G(M);
      ++Counter;
    }
  });
  EXPECT_EQ(Counter, 8L * PerThread);
}

// Sixteen locks always taken in index order, by eight threads at random:
// many edges, inserted concurrently, and never a cycle.
TEST_F(RuntimeTest, StressConsistentOrderAcrossThreads) {
  constexpr int N = 16;
  std::vector<std::unique_ptr<lockcheck::Mutex>> Locks;
  std::vector<long> Values(N, 0);
  for (int I = 0; I < N; ++I)
    Locks.push_back(std::make_unique<lockcheck::Mutex>());
  const int Rounds = scaled(8000);
  runThreads(8, [&](int T) {
    std::mt19937 Rng(T);
    for (int R = 0; R < Rounds; ++R) {
      int A = Rng() % N, B = Rng() % N;
      if (A == B)
        continue;
      if (A > B)
        std::swap(A, B);
      lockcheck::LockGuard GA(*Locks[A]);
      lockcheck::LockGuard GB(*Locks[B]);
      ++Values[A];
      ++Values[B];
    }
  });
  long Sum = 0;
  for (long V : Values)
    Sum += V;
  EXPECT_EQ(Sum % 2, 0);
  EXPECT_GT(validator::stats().edges, 0u);
  EXPECT_EQ(validator::stats().reports, 0u);
}

// Locks created, nested and destroyed concurrently: the graph must stay
// consistent and end up empty.
TEST_F(RuntimeTest, StressLocksComeAndGo) {
  lockcheck::Mutex Anchor("anchor");
  const int Rounds = scaled(2000);
  runThreads(6, [&](int) {
    for (int R = 0; R < Rounds; ++R) {
      lockcheck::Mutex A, B;
      lockcheck::LockGuard G0(Anchor);
      lockcheck::LockGuard G1(A);
      lockcheck::LockGuard G2(B);
    }
  });
  EXPECT_EQ(validator::stats().edges, 0u);
  EXPECT_EQ(validator::stats().nodes, 0u);
}

// Eight threads establish A -> B, then eight threads take B -> A at the
// same time: exactly one report, and no deadlock (the second phase agrees
// on its own order).
TEST_F(RuntimeTest, StressInversionReportedExactlyOnce) {
  lockcheck::Mutex A("A"), B("B");
  const int Rounds = scaled(500);
  runThreads(8, [&](int) {
    for (int R = 0; R < Rounds; ++R) {
      lockcheck::LockGuard GA(A);
      lockcheck::LockGuard GB(B);
    }
  });
  runThreads(8, [&](int) {
    for (int R = 0; R < Rounds; ++R) {
      lockcheck::LockGuard GB(B);
      lockcheck::LockGuard GA(A);
    }
  });
  auto R = reports();
  ASSERT_EQ(R.size(), 1u);
  EXPECT_EQ(R[0].kind, lockcheck::ReportKind::LockOrderCycle);
}

TEST_F(RuntimeTest, StressReadersAndWriters) {
  lockcheck::SharedMutex M("rw");
  long Value = 0;
  std::atomic<long> ReadSum{0};
  const int Rounds = scaled(8000);
  runThreads(8, [&](int T) {
    for (int R = 0; R < Rounds; ++R) {
      if (T % 4 == 0) {
        lockcheck::LockGuard W(M);
        ++Value;
      } else {
        lockcheck::SharedLock Rd(M);
        ReadSum += Value;
      }
    }
  });
  EXPECT_EQ(Value, 2L * Rounds);
}

TEST_F(RuntimeTest, StressRecursiveNesting) {
  lockcheck::RecursiveMutex M("r");
  long Value = 0;
  const int Rounds = scaled(8000);
  std::function<void(int)> Nest = [&](int Depth) {
    lockcheck::LockGuard G(M);
    ++Value;
    if (Depth > 0)
      Nest(Depth - 1);
  };
  runThreads(4, [&](int) {
    for (int R = 0; R < Rounds; ++R)
      Nest(3);
  });
  EXPECT_EQ(Value, 4L * Rounds * 4);
}

} // namespace
