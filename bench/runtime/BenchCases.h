//===- BenchCases.h - lock benchmarks, generic over the mutex type -*- C++
//-*-===//
//
// Included by one translation unit per validator mode; each registers the
// cases for its own lockcheck types (lockcheck::plain:: or ::validated::)
// and the standard ones they are compared with.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_BENCH_RUNTIME_CASES_H
#define LOCKCHECK_BENCH_RUNTIME_CASES_H

#include <benchmark/benchmark.h>

#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace lcbench {

// glibc (2.35+) skips the atomic instructions in pthread_mutex_lock while a
// process has only ever had one thread. Start one first so every case
// measures the multi-threaded lock that real programs use.
inline const bool MultiThreaded = [] {
  std::thread([] {}).join();
  return true;
}();

/// lock()/unlock() of a mutex no other thread touches.
template <class M> void uncontended(benchmark::State &State) {
  M Mu;
  long Counter = 0;
  for (auto _ : State) {
    Mu.lock();
    benchmark::DoNotOptimize(++Counter);
    Mu.unlock();
  }
}

/// Every thread of the benchmark increments one counter under one mutex.
template <class M> void contended(benchmark::State &State) {
  static M Mu;
  static long Counter = 0;
  for (auto _ : State) {
    Mu.lock();
    benchmark::DoNotOptimize(++Counter);
    Mu.unlock();
  }
}

/// 1,000 locks whose order graph is a chain (lock i before lock i+1); each
/// iteration nests one neighbouring pair, walking along the chain, so the
/// validator checks a known edge of a 1,000-node graph every time.
template <class M> void graph1000(benchmark::State &State) {
  constexpr int N = 1000;
  static std::unique_ptr<M[]> Locks(new M[N]);
  int I = State.thread_index() * (N / 2);
  for (auto _ : State) {
    int J = I % (N - 1);
    Locks[J].lock();
    Locks[J + 1].lock();
    Locks[J + 1].unlock();
    Locks[J].unlock();
    ++I;
  }
}

/// Two fresh mutexes nested and destroyed per iteration: with the validator
/// every iteration records a new order (with a call stack) and removes it.
template <class M> void newOrder(benchmark::State &State) {
  for (auto _ : State) {
    M A, B;
    A.lock();
    B.lock();
    B.unlock();
    A.unlock();
    benchmark::ClobberMemory();
  }
}

template <class M> void registerAll(const std::string &Name, bool Recursive) {
  benchmark::RegisterBenchmark(("uncontended/" + Name).c_str(),
                               &uncontended<M>);
  if (Recursive)
    return;
  benchmark::RegisterBenchmark(("contended/" + Name).c_str(), &contended<M>)
      ->Threads(2)
      ->Threads(8)
      ->UseRealTime();
  benchmark::RegisterBenchmark(("graph1000/" + Name).c_str(), &graph1000<M>)
      ->Threads(1)
      ->Threads(2)
      ->UseRealTime();
  benchmark::RegisterBenchmark(("new-order/" + Name).c_str(), &newOrder<M>);
}

} // namespace lcbench

#endif
