//===- ExitCodes.h - what lockcheck's exit status means ---------*- C++ -*-===//
//
// Documented in docs/integrations/ci.md. When several apply, the highest
// wins: an output that could not be written makes the run useless, a TU not
// analysed makes it incomplete, and findings are the ordinary result.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_EXITCODES_H
#define LOCKCHECK_CLI_EXITCODES_H

namespace lockcheck::cli {

enum ExitCode : int {
  ExitClean = 0,    // no finding at or above --fail-on
  ExitFindings = 1, // findings at or above --fail-on
  ExitInput = 2,    // bad usage or input, or a TU not analysed
  ExitIO = 3,       // an output (findings, baseline, lock graph) not written
};

} // namespace lockcheck::cli

#endif
