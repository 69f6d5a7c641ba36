//===- PhaseOneOrder.h - which TU to parse first --------------------------===//
//
// A TU's flow analysis imports the lock wrappers of the TUs that finished
// before it started; one that started too early is analysed again. So the
// files that define what the rest of the project calls go first: a source
// file whose header (same path, .h/.hpp/.hh) most other TUs include, going
// by a quick scan of the `#include "..."` lines (no preprocessing), and
// among equals the one that includes least of the project. On rocksdb this
// puts the mutex wrappers' files second and eighth of 145 (docs/benchmarks.md,
// issue 14). The order changes how many TUs are analysed again, never the
// findings.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_PHASEONEORDER_H
#define LOCKCHECK_CLI_PHASEONEORDER_H

#include <string>
#include <vector>

namespace lockcheck::cli {

struct ScannedCommand {
  std::string File;      // absolute
  std::string Directory; // the command's working directory
  std::vector<std::string> Args;
};

/// Indices into \p Commands in the order to parse them.
std::vector<size_t> phaseOneOrder(const std::vector<ScannedCommand> &Commands);

} // namespace lockcheck::cli

#endif
