//===- CompileCommands.h - the compile command clangd would use -*- C++ -*-===//
//
// The same lookup as clangd: --compile-commands-dir (or the client's
// compilationDatabasePath) if given, otherwise the nearest directory above
// the file holding compile_commands.json or compile_flags.txt, also checking
// a "build" subdirectory of each. Files the database does not list get a
// command inferred from a similar file, and files with no database at all a
// fallback command. Databases are reloaded when their file changes.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_COMPILECOMMANDS_H
#define LOCKCHECK_LSP_COMPILECOMMANDS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include <memory>
#include <mutex>
#include <optional>

namespace lockcheck::lsp {

struct CompileCommandSettings {
  /// clangd's --compile-commands-dir, or initializationOptions.compilationDatabasePath.
  std::optional<std::string> DatabaseDir;
  /// initializationOptions.fallbackFlags, added to the fallback command.
  std::vector<std::string> FallbackFlags;
};

struct FoundCommand {
  clang::tooling::CompileCommand Command;
  std::string Origin; // for the log: the database directory or "fallback"
};

class CompileCommandFinder {
public:
  void configure(CompileCommandSettings S);

  /// \p File is absolute. \p IsC selects the fallback driver (clang vs clang++).
  FoundCommand find(llvm::StringRef File, bool IsC);

private:
  struct LoadedDatabase {
    std::string Signature; // sizes and mtimes of the files it came from
    std::shared_ptr<clang::tooling::CompilationDatabase> DB; // null: none here
  };
  std::shared_ptr<clang::tooling::CompilationDatabase> databaseIn(llvm::StringRef Dir);

  std::mutex M;
  CompileCommandSettings Settings;
  llvm::StringMap<LoadedDatabase> Cache;
};

} // namespace lockcheck::lsp

#endif
