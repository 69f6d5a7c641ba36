//===- CommandLine.h - lockcheck-lsp's arguments ---------------*- C++ -*-===//
//
// Editors pass their clangd arguments to whatever they launch as clangd, so
// every argument that is not lockcheck-lsp's own goes to clangd unchanged;
// lockcheck-lsp's own options carry a "lockcheck" or "clangd=" prefix that
// clangd does not use.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_COMMANDLINE_H
#define LOCKCHECK_LSP_COMMANDLINE_H

#include "Log.h"
#include "llvm/Support/Error.h"
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace lockcheck::lsp {

struct LaunchOptions {
  std::optional<std::string> Clangd; // --clangd=PATH
  std::chrono::milliseconds Debounce{250};
  LogLevel Verbosity = LogLevel::Info;
  bool Help = false;
  bool Version = false;
  std::vector<std::string> ClangdArgs;
  /// clangd's --compile-commands-dir, which the analysis must honour too.
  std::optional<std::string> CompileCommandsDir;
};

/// The error is one line naming the bad argument and the valid choices.
llvm::Expected<LaunchOptions> parseCommandLine(int Argc, const char *const *Argv);

void printUsage(llvm::raw_ostream &OS);

} // namespace lockcheck::lsp

#endif
