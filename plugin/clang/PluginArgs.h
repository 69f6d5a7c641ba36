//===- PluginArgs.h - -fplugin-arg-lockcheck-<arg> ---------------*- C++ -*-===//
#ifndef LOCKCHECK_PLUGIN_PLUGINARGS_H
#define LOCKCHECK_PLUGIN_PLUGINARGS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>

namespace lockcheck {

struct PluginArgs {
  /// Every checks= value, in order; applied after the config's `checks`.
  std::vector<std::string> CheckGlobs;
  bool Werror = false;
  /// Findings stay warnings under -Werror (`no-werror`).
  bool NoWerror = false;
  bool Help = false;
  bool Debug = false;
  std::optional<std::string> ConfigPath;
  /// Where the TU's facts go (issue 3); recorded, not yet written.
  std::optional<std::string> FactsPath;
};

/// Parses the arguments clang passes to the plugin. The error is one line
/// naming the bad argument and the valid ones.
llvm::Expected<PluginArgs> parsePluginArgs(llvm::ArrayRef<std::string> Args);

/// The `help` text: arguments, then every check with what it finds.
void printPluginHelp(llvm::raw_ostream &OS);

} // namespace lockcheck

#endif
