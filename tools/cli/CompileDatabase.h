//===- CompileDatabase.h - reading compile_commands.json --------*- C++ -*-===//
#ifndef LOCKCHECK_CLI_COMPILEDATABASE_H
#define LOCKCHECK_CLI_COMPILEDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>

namespace lockcheck::cli {

/// Clang's JSONCompilationDatabase, after lockcheck's own check of the text:
/// Clang's reader parses it as YAML and prints the YAML parser's raw message
/// on stderr before it fails, and recurses on deep nesting. So the text is
/// first checked for size and depth and parsed as JSON here; a bad one gets
/// one message in \p Err and Clang's reader never sees it.
std::unique_ptr<clang::tooling::CompilationDatabase> loadCompileDatabase(llvm::StringRef Path,
                                                                         std::string &Err);

} // namespace lockcheck::cli

#endif
