//===- ProjectRun.h - `lockcheck -p <build-dir>` and `lockcheck merge` ----===//
#ifndef LOCKCHECK_CLI_PROJECTRUN_H
#define LOCKCHECK_CLI_PROJECTRUN_H

#include "CommandLine.h"

namespace lockcheck::cli {

/// Phase 1 (each TU alone, in parallel), phase 2 (TUs that call functions
/// other TUs define, again with those summaries, until nothing changes),
/// then the cross-TU lock-order cycles. Returns the exit status.
int runProject(const CliOptions &Opts);

/// Phase 2's cycle search on facts files alone. Returns the exit status.
int runMerge(const CliOptions &Opts);

} // namespace lockcheck::cli

#endif
