// The baselines and the lockcheck types with the validator off.
#define LOCKCHECK_VALIDATE 0
#include "lockcheck/runtime.h"

#include "BenchCases.h"

namespace {
const bool Registered = [] {
  lcbench::registerAll<std::mutex>("std::mutex", false);
  lcbench::registerAll<lockcheck::Mutex>("lockcheck::Mutex(validator off)",
                                         false);
  lcbench::registerAll<std::recursive_mutex>("std::recursive_mutex", true);
  lcbench::registerAll<lockcheck::RecursiveMutex>(
      "lockcheck::RecursiveMutex(validator off)", true);
  return true;
}();
} // namespace
