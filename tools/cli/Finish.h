//===- Finish.h - what both modes do with their results -------------------===//
//
// `lockcheck -p` and `lockcheck merge` end alike: cross-TU cycles from the
// merged lock-order edges, baseline, lock graph, output, exit status.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_FINISH_H
#define LOCKCHECK_CLI_FINISH_H

#include "CommandLine.h"
#include "Output.h"
#include "Report.h"
#include "lockcheck/Facts.h"
#include <vector>

namespace lockcheck::cli {

struct Collected {
  std::vector<TUFacts> Facts;  // of every TU analysed or read
  std::vector<Report> Reports; // the TUs' own findings
  RunSummary Summary;
};

/// Returns the exit status (ExitCodes.h): 3 if an output could not be
/// written, else 2 if a TU was not analysed or an input was bad, else 1 if a
/// finding is at or above --fail-on, else 0.
int finishRun(Collected &C, const CliOptions &Opts);

} // namespace lockcheck::cli

#endif
