// The lockcheck types with the validator on.
#define LOCKCHECK_VALIDATE 1
#include "lockcheck/runtime.h"

#include "BenchCases.h"

namespace {

// newOrder without call stacks: what the graph itself costs per new edge.
void newOrderNoStacks(benchmark::State &State) {
  lockcheck::validator::setStackDepth(0);
  lcbench::newOrder<lockcheck::Mutex>(State);
  lockcheck::validator::setStackDepth(16);
}

// Short-lived locks in two lock classes: the classes' edge is recorded once,
// so fresh instances cost no new edge.
void newInstancesOfClasses(benchmark::State &State) {
  static lockcheck::LockClass Outer("outer"), Inner("inner");
  for (auto _ : State) {
    lockcheck::Mutex A(Outer), B(Inner);
    A.lock();
    B.lock();
    B.unlock();
    A.unlock();
    benchmark::ClobberMemory();
  }
}

const bool Registered = [] {
  lcbench::registerAll<lockcheck::Mutex>("lockcheck::Mutex(validator on)",
                                         false);
  lcbench::registerAll<lockcheck::RecursiveMutex>(
      "lockcheck::RecursiveMutex(validator on)", true);
  benchmark::RegisterBenchmark(
      "new-order/lockcheck::Mutex(validator on, no stacks)", newOrderNoStacks);
  benchmark::RegisterBenchmark(
      "new-order/lockcheck::Mutex(validator on, lock classes)",
      newInstancesOfClasses);
  return true;
}();
} // namespace
