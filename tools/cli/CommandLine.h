//===- CommandLine.h - the options of `lockcheck` and `lockcheck merge` ---===//
#ifndef LOCKCHECK_CLI_COMMANDLINE_H
#define LOCKCHECK_CLI_COMMANDLINE_H

#include "Output.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace lockcheck::cli {

enum class FailOn { Warning, Error };

struct CliOptions {
  bool Merge = false;                 // `lockcheck merge <facts...>`
  std::optional<std::string> BuildDir; // -p
  std::vector<std::string> Paths;      // files/dirs, or facts files/dirs
  unsigned Jobs = 0;                   // 0: every core
  OutputFormat Format = OutputFormat::Text;
  std::optional<std::string> OutputFile;
  FailOn Fail = FailOn::Warning;
  bool Werror = false;
  std::vector<std::string> CheckGlobs;
  std::optional<std::string> ConfigFile;
  std::optional<std::string> LockGraph;
  std::optional<std::string> BaselineFile, WriteBaselineFile;
  std::optional<std::string> CacheDir;
  std::optional<std::string> ProjectRoot;
  bool WholeProgram = false; // --whole-program: uncalled functions are entry points
  bool Progress = false;   // --progress: also when stderr is no terminal
  bool NoProgress = false; // --no-progress: never
  bool ReverseParseOrder = false; // hidden, for tests of determinism
};

/// Parses argv; errors are one line naming the option and the valid choices.
/// A request for --help/--version prints and exits.
llvm::Expected<CliOptions> parseCommandLine(int Argc, const char **Argv);

} // namespace lockcheck::cli

#endif
