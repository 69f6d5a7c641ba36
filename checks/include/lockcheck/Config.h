//===- Config.h - .lockcheck.yaml, one format for every front end -*- C++ -*-===//
//
// Describes what the lock model cannot see by itself: wrapper functions that
// lock (whose bodies live in another TU or a binary library), recursive lock
// types or lock objects, functions that never throw, and declared lock orders.
//
// Example:
//   checks: 'lockcheck-*,-lockcheck-lock-order'
//   acquire:        ['my_lock(0)', 'Spin::grab(this)']
//   acquire-shared: ['rw_rdlock(0)']
//   release:        ['my_unlock(0)', 'rw_unlock(0)']
//   try-acquire:    ['my_trylock(0) == 0', 'Spin::try_grab(this) == true']
//   recursive-types: ['MyRecursiveMutex']
//   recursive-locks: ['sqlite3::mutex']
//   nothrow:        ['log_*']
//   exception-leak: {opaque-calls: true, allocation: true}
//   lock-order:     [['Bank::m', 'Account::m']]
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CONFIG_H
#define LOCKCHECK_CONFIG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <optional>
#include <string>
#include <vector>

namespace lockcheck {

/// What a successful try-acquire function returns.
enum class TrySuccess { True, Zero };

/// "name(N)" / "name(this)" [" == 0" | " == true"]: a function (a glob over
/// its qualified name, or over its plain name when the pattern has no "::")
/// and which argument is the lock (0-based; -1 means the object `this`).
struct LockFunctionPattern {
  std::string NameGlob;
  int LockArg = 0;
  TrySuccess Success = TrySuccess::True; // only for try-acquire
  unsigned Line = 0;                     // where it was written, for errors
};

/// Which exceptions lockcheck-exception-leak counts beyond the ones it knows
/// are possible (a visible `throw`, documented standard library throws).
struct ExceptionLeakOptions {
  /// A call to a function with no body to read (declared only, through a
  /// pointer, a virtual call's unseen overriders) may throw anything.
  bool OpaqueCalls = false;
  /// `new` and standard library calls that allocate may throw std::bad_alloc.
  bool Allocation = false;
  bool operator==(const ExceptionLeakOptions &O) const {
    return OpaqueCalls == O.OpaqueCalls && Allocation == O.Allocation;
  }
};

struct Config {
  std::string FileName; // where it was read from ("" for defaults)
  std::optional<std::string> Checks;
  std::vector<LockFunctionPattern> Acquire, AcquireShared, Release, TryAcquire,
      TryAcquireShared;
  std::vector<std::string> RecursiveTypes; // globs over qualified type names
  std::vector<std::string> RecursiveLocks; // globs over qualified lock names (Class::field)
  std::vector<std::string> NoThrow;        // globs over qualified function names
  std::vector<std::vector<std::string>> LockOrders; // each: earlier..later
  /// lockcheck-unguarded-access: a lock guards a variable when it is held at
  /// GuardMinAccesses or more of its accesses and at GuardMinPercent percent
  /// of them; unguarded reads are reported when UnguardedReads.
  std::optional<unsigned> GuardMinAccesses, GuardMinPercent;
  std::optional<bool> UnguardedReads;
  ExceptionLeakOptions ExceptionLeak;

  bool empty() const;
};

/// Parses YAML text. Errors name the file, line and the valid choices.
llvm::Expected<Config> parseConfig(llvm::StringRef Text, llvm::StringRef FileName);
llvm::Expected<Config> loadConfigFile(llvm::StringRef Path);
/// The nearest ".lockcheck.yaml" in the directory of \p SourceFile or above.
std::optional<std::string> findConfigFile(llvm::StringRef SourceFile);
/// Glob match ('*' and '?') of \p Glob against a qualified name; a glob with
/// no "::" is matched against the last component only.
/// A glob with "::" matches the whole name or a suffix of it that starts at a
/// component ("Spin::grab" matches "ns::Spin::grab"); a leading "::" anchors
/// it to the whole name.
bool nameMatches(llvm::StringRef Glob, llvm::StringRef QualifiedName);

/// The error parseConfig/loadConfigFile return. message() is the one line
/// "<file>:<line>:<col>: error: <problem>" ("<file>: error: <problem>" when
/// no position applies); front ends with a source manager may instead show
/// Problem at File/Line/Column themselves.
class ConfigError : public llvm::ErrorInfo<ConfigError> {
public:
  static char ID;
  ConfigError(std::string File, unsigned Line, unsigned Column,
              std::string Problem)
      : File(std::move(File)), Line(Line), Column(Column),
        Problem(std::move(Problem)) {}
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;

  std::string File;
  unsigned Line;   // 1-based; 0 when the whole file is meant
  unsigned Column; // 1-based
  std::string Problem;
};

/// Validates a "checks" glob list as CheckSet::applyGlobList does, and also
/// rejects a glob that matches no lockcheck check ("double-lock" instead of
/// "lockcheck-double-lock"), which would otherwise silently change nothing.
llvm::Error validateCheckGlobs(llvm::StringRef Globs);

/// Writes \p C as .lockcheck.yaml text that parseConfig reads back to the
/// same Config (used by debug output and `--dump-config` style options).
void printConfig(llvm::raw_ostream &OS, const Config &C);

} // namespace lockcheck

#endif
