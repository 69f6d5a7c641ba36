//===- FindingFilter.h - the post-processing every front end shares -*- C++ -*-===//
//
// Drops findings in system headers and on NOLINT lines, removes duplicates
// (template instantiations report the same problem once per instantiation)
// and sorts by location.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_FINDINGFILTER_H
#define LOCKCHECK_FINDINGFILTER_H

#include "lockcheck/Finding.h"
#include <vector>

namespace clang {
class SourceManager;
}

namespace lockcheck {

/// A sink that keeps findings for finalize().
class CollectingSink : public FindingSink {
public:
  void report(Finding F) override { Findings.push_back(std::move(F)); }
  std::vector<Finding> Findings;
};

struct FilterOptions {
  bool DropSystemHeaders = true;
  /// clang-tidy applies NOLINT itself; the other front ends ask for it here.
  bool ApplyNolint = true;
};

std::vector<Finding> finalizeFindings(std::vector<Finding> Findings,
                                      const clang::SourceManager &SM,
                                      FilterOptions Opts = {});

/// True if the line of \p Loc carries "NOLINT" or "NOLINT(<globs>)" whose
/// globs match \p C, or the previous line carries "NOLINTNEXTLINE(...)".
bool isSuppressedByNolint(const clang::SourceManager &SM,
                          clang::SourceLocation Loc, Check C);

} // namespace lockcheck

#endif
