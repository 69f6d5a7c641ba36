//===- ResultCache.h - skip TUs that did not change since the last run ----===//
//
// An entry holds one TU's findings and facts. Its key hashes what decides
// the result before parsing: the compile command and directory, the main
// file's contents, the configuration, the lockcheck version and (phase 2)
// the other TUs' summaries it used. The entry lists every file the TU read
// with a hash of its contents, so an edited header invalidates it too.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_RESULTCACHE_H
#define LOCKCHECK_CLI_RESULTCACHE_H

#include "TUAnalyzer.h"
#include <optional>
#include <string>

namespace lockcheck::cli {

class ResultCache {
public:
  explicit ResultCache(std::string Dir) : Dir(std::move(Dir)) {}
  /// Creates the directory; an error names it and why.
  llvm::Error prepare();

  /// "" when the main file cannot be read (the TU is then analysed, and its
  /// own error reported).
  std::string key(const clang::tooling::CompileCommand &Cmd, llvm::StringRef ConfigText,
                  llvm::StringRef ImportDigest) const;
  /// The entry for \p Key if it exists and every input is unchanged. A
  /// damaged entry sets \p Problem (and counts as a miss).
  std::optional<TUOutcome> load(llvm::StringRef Key, std::string &Problem) const;
  /// Writes atomically (a temporary file renamed into place); parallel
  /// workers and parallel runs may share the directory.
  void store(llvm::StringRef Key, const TUOutcome &Out, std::string &Problem) const;

private:
  std::string entryPath(llvm::StringRef Key) const;
  std::string Dir;
};

} // namespace lockcheck::cli

#endif
