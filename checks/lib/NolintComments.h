//===- NolintComments.h - NOLINT directives of one file ---------*- C++ -*-===//
//
// The suppression comments clang-tidy users already write:
//   NOLINT / NOLINT(globs)                  this line
//   NOLINTNEXTLINE / NOLINTNEXTLINE(globs)  the next line
//   NOLINTBEGIN(globs) ... NOLINTEND(globs) every line in between (inclusive);
//                                           an END closes the latest BEGIN
//                                           with the same glob list
// Globs are a comma-separated clang-tidy glob list ("lockcheck-*,
// -lockcheck-lock-order"); no parentheses means every check.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LIB_NOLINTCOMMENTS_H
#define LOCKCHECK_LIB_NOLINTCOMMENTS_H

#include "lockcheck/CheckNames.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace lockcheck {

class NolintComments {
public:
  /// Scans \p Buffer once for every directive.
  explicit NolintComments(llvm::StringRef Buffer);

  /// True if a directive covers 1-based \p Line for check \p C.
  bool suppresses(unsigned Line, Check C) const;

private:
  struct Scope {
    unsigned FirstLine, LastLine;
    std::optional<std::string> Globs; // nullopt: every check
  };
  static bool globsMatch(const std::optional<std::string> &Globs, Check C);
  std::vector<Scope> Scopes;
};

} // namespace lockcheck

#endif
