//===- Output.h - findings as text, JSON or SARIF 2.1.0 -------------------===//
#ifndef LOCKCHECK_CLI_OUTPUT_H
#define LOCKCHECK_CLI_OUTPUT_H

#include "Report.h"
#include "llvm/Support/raw_ostream.h"
#include <string>
#include <vector>

namespace lockcheck::cli {

enum class OutputFormat { Text, Json, Sarif };

struct SkippedTU {
  std::string File;
  std::string Why;
};

struct RunSummary {
  /// What a unit is: "compile commands" (lockcheck -p), "translation units"
  /// (lockcheck merge, one per facts file).
  std::string Unit = "translation units";
  /// Total: every unit considered; Analysed + Merged + Skipped add up to it.
  unsigned Analysed = 0, Total = 0, FromCache = 0, Reanalysed = 0, Baselined = 0;
  /// Compile commands identical to another one of the same file (after
  /// dropping output options): analysed once, with the other.
  std::vector<SkippedTU> Merged;
  std::vector<SkippedTU> Skipped;
};

/// Clang-style lines: "file:line:col: warning: msg [lockcheck-x]" then notes.
void writeText(llvm::raw_ostream &OS, const std::vector<Report> &Reports);
/// \p BaseDir is the root of fingerprints (see Baseline.h).
void writeJson(llvm::raw_ostream &OS, const std::vector<Report> &Reports,
               const RunSummary &Summary, llvm::StringRef BaseDir);
/// SARIF 2.1.0: rules for every check, related locations for notes, a code
/// flow for call chains; paths under \p BaseDir become relative URIs against
/// %SRCROOT%.
void writeSarif(llvm::raw_ostream &OS, const std::vector<Report> &Reports,
                const RunSummary &Summary, llvm::StringRef BaseDir);

} // namespace lockcheck::cli

#endif
