//===- CheckNames.h - the fixed names of lockcheck's checks -----*- C++ -*-===//
//
// Users write these names in configs, NOLINT comments and clang-tidy --checks,
// so they never change. A CheckSet is the "enabled checks" of one run.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CHECKNAMES_H
#define LOCKCHECK_CHECKNAMES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>

namespace lockcheck {

enum class Check : uint8_t {
  DoubleLock,
  UnlockNotHeld,
  MissingUnlock,
  ExceptionLeak,
  UnusedGuard,
  LockOrder,
  UnguardedAccess,
};
constexpr unsigned NumChecks = 7;

/// "lockcheck-double-lock", ...
llvm::StringRef checkName(Check C);
/// The inverse of checkName; std::nullopt for an unknown name.
std::optional<Check> checkFromName(llvm::StringRef Name);
/// Every check, in declaration order.
llvm::ArrayRef<Check> allChecks();
/// One line per check: what it finds (for `help` output).
llvm::StringRef checkSummary(Check C);
/// False for checks that run only when a glob names them.
bool checkOnByDefault(Check C);

/// A set of enabled checks.
class CheckSet {
public:
  static CheckSet all() { return CheckSet((1u << NumChecks) - 1); }
  /// What runs when nothing says otherwise: every check but those that ship
  /// off by default (checkOnByDefault).
  static CheckSet defaults();
  static CheckSet none() { return CheckSet(0); }
  bool contains(Check C) const { return Bits & bit(C); }
  void set(Check C, bool On) { Bits = On ? (Bits | bit(C)) : (Bits & ~bit(C)); }
  bool empty() const { return Bits == 0; }
  bool operator==(CheckSet O) const { return Bits == O.Bits; }

  /// Applies a clang-tidy style glob list ("-*,lockcheck-double-lock",
  /// "lockcheck-*,-lockcheck-lock-order") to this set, left to right.
  /// A glob that matches no lockcheck check is an error naming the valid ones.
  llvm::Error applyGlobList(llvm::StringRef Globs);

private:
  explicit CheckSet(uint32_t B) : Bits(B) {}
  static uint32_t bit(Check C) { return 1u << static_cast<unsigned>(C); }
  uint32_t Bits;
};

} // namespace lockcheck

#endif
