//===- RecheckOrder.h - which TU to check again after which ---------------===//
//
// After phase 1, a TU whose analysis imported other summaries than the final
// ones is analysed again. Doing that may change its own wrappers' summaries
// (a function that calls another TU's acquire wrapper becomes one), which
// the TUs calling it import in turn. Checking the TUs in the order of these
// dependencies settles a chain of wrappers through any number of files with
// at most one more analysis per TU; only TUs that depend on each other in a
// cycle may need more.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_RECHECKORDER_H
#define LOCKCHECK_CLI_RECHECKORDER_H

#include "lockcheck/Facts.h"
#include <vector>

namespace lockcheck::cli {

/// TUs whose summaries do not depend on each other in a cycle are checked
/// in one step; a cycle is checked in one step too, but may need repeating.
struct RecheckStep {
  std::vector<unsigned> TUs;
  std::vector<unsigned> InCycles; // the TUs of TUs that belong to a cycle
};

/// Steps over \p TUs (indices into it), each after the steps of the TUs
/// whose summaries it may import. TU I depends on TU J when I calls a
/// function J defines (J first among the TUs defining it) that itself calls
/// into other TUs: only such a summary can change when J is analysed again.
std::vector<RecheckStep> recheckSteps(const std::vector<const TUFacts *> &TUs);

} // namespace lockcheck::cli

#endif
