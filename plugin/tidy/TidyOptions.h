//===- TidyOptions.h - CheckOptions -> lockcheck::Config ----------*- C++ -*-===//
//
// The clang-tidy CheckOptions every lockcheck check understands. They describe
// the lock model (extra lock functions, recursive types, ...), which all checks
// share because the analysis runs once per translation unit; so each option is
// read with getLocalOrGlobal and the values of all enabled checks are merged.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_TIDY_TIDYOPTIONS_H
#define LOCKCHECK_TIDY_TIDYOPTIONS_H

#include "lockcheck/Config.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <string>

namespace lockcheck::tidy {

/// A list-valued option: ';'-separated items, each in the syntax of the
/// matching .lockcheck.yaml key.
struct ListOptionInfo {
  llvm::StringRef Name;    // "AcquireFunctions"
  llvm::StringRef YamlKey; // "acquire"
};
llvm::ArrayRef<ListOptionInfo> listOptions();
/// Single-valued options (a number or true/false), in the syntax of the
/// matching .lockcheck.yaml key; the first check that sets one wins.
llvm::ArrayRef<ListOptionInfo> scalarOptions();

/// A true/false option that sets one switch of the configuration.
struct SwitchOptionInfo {
  llvm::StringRef Name; // "ExceptionLeakOpaqueCalls" (exception-leak: opaque-calls)
  bool ExceptionLeakOptions::*Field;
};
llvm::ArrayRef<SwitchOptionInfo> switchOptions();

/// "ConfigFile": a .lockcheck.yaml path, "none", or unset/empty (the
/// nearest .lockcheck.yaml above the main file).
constexpr llvm::StringRef ConfigFileOption = "ConfigFile";
constexpr llvm::StringRef NoConfigFile = "none";

/// "Debug": true/false; like the plugin's `debug` argument, explain on
/// stderr what the analysis skips and why.
constexpr llvm::StringRef DebugOption = "Debug";

/// The option values one check read (only non-empty ones).
struct OptionValues {
  std::map<std::string, std::string> Values; // option name -> raw value
};

/// Builds the analysis configuration from the values of every enabled check
/// plus the .lockcheck.yaml they select. \p MainFile locates the nearest
/// .lockcheck.yaml when no check sets ConfigFile. Errors are one line each.
llvm::Expected<Config> buildConfig(llvm::ArrayRef<OptionValues> PerCheck,
                                   llvm::StringRef MainFile);

/// Whether any check asks for Debug output; an error for a value that is
/// not true or false. (Parsed here rather than with clang-tidy's
/// getLocalOrGlobal<bool>, whose mangled name differs between GCC and Clang,
/// so a GCC-built module would not find clang-tidy's copy.)
llvm::Expected<bool> debugRequested(llvm::ArrayRef<OptionValues> PerCheck);

} // namespace lockcheck::tidy

#endif
