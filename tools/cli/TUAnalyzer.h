//===- TUAnalyzer.h - parse one TU from its compile command and analyse it ===//
//
// Each call builds its own compiler (and its own view of the file system,
// whose working directory is the command's), so calls run in parallel.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_TUANALYZER_H
#define LOCKCHECK_CLI_TUANALYZER_H

#include "Report.h"
#include "lockcheck/Analysis.h"
#include "lockcheck/Facts.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <cstdint>
#include <string>
#include <vector>

namespace lockcheck::cli {

struct FileDigest {
  std::string Path; // absolute
  uint64_t Hash = 0;
};

struct TUOutcome {
  bool Analysed = false;
  /// Why the TU was not analysed (its first compile error, a crash, ...).
  std::string Problem;
  std::vector<Report> Reports;
  TUFacts Facts;
  /// Of the other TUs' summaries the analysis imported (importDigest).
  std::string ImportDigest;
  /// Every file the TU read, with a hash of its contents (for the cache).
  std::vector<FileDigest> Inputs;
};

/// Parses the TU of \p Cmd (with -fsyntax-only; the project's own plugin
/// arguments are dropped) and runs the analysis with \p Opts (whose Facts
/// pointer is ignored: the outcome gets the facts). \p RecordInputs asks for
/// the input digests.
TUOutcome analyzeTU(const clang::tooling::CompileCommand &Cmd,
                    const AnalysisOptions &Opts, bool RecordInputs);

/// The command line the analysis runs for \p Cmd: no output or dependency
/// files, -fsyntax-only, no flags Clang does not know, no lockcheck plugin.
std::vector<std::string> analysisCommandLine(const clang::tooling::CompileCommand &Cmd);

/// \p Path made absolute against \p Dir, with "." and ".." removed.
std::string absolutePath(llvm::StringRef Path, llvm::StringRef Dir);

/// \p Path made absolute against the current directory.
std::string absolutePathFromCwd(llvm::StringRef Path);

/// Makes every location in \p F absolute against \p Dir (facts spell files
/// the way the compile command did).
void absolutizeFacts(TUFacts &F, llvm::StringRef Dir);

} // namespace lockcheck::cli

#endif
