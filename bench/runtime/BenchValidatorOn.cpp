// The lockcheck types with the validator on.
#define LOCKCHECK_VALIDATE 1
#include "lockcheck/runtime.h"

#include "BenchCases.h"

namespace {
const bool Registered = [] {
  lcbench::registerAll<lockcheck::Mutex>("lockcheck::Mutex(validator on)",
                                         false);
  lcbench::registerAll<lockcheck::RecursiveMutex>(
      "lockcheck::RecursiveMutex(validator on)", true);
  return true;
}();
} // namespace
