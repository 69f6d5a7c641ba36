//===- SharedTUAnalysis.h - one analysis run per TU for all checks -*- C++ -*-===//
//
// clang-tidy creates one instance of every enabled check per translation unit.
// The lockcheck adapters of one TU share a SharedTUAnalysis: each registers its
// check, the first adapter whose matcher fires runs the analysis once with
// exactly the registered checks enabled, and every adapter then emits its own
// findings. Nothing is carried from one TU to the next.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_TIDY_SHAREDTUANALYSIS_H
#define LOCKCHECK_TIDY_SHAREDTUANALYSIS_H

#include "TidyOptions.h"
#include "lockcheck/CheckNames.h"
#include "lockcheck/Finding.h"
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
}

namespace lockcheck::tidy {

class SharedTUAnalysis {
public:
  /// The instance shared by the adapters of the current TU of \p TidyContext
  /// (a clang::tidy::ClangTidyContext, used only as a key).
  static std::shared_ptr<SharedTUAnalysis> forContext(const void *TidyContext);

  /// Called from registerMatchers: \p C takes part in this TU's run.
  void enable(Check C, OptionValues Options);

  /// Runs the analysis on the first call for \p Ctx and returns \p C's
  /// findings, sorted and deduplicated.
  const std::vector<Finding> &findingsFor(clang::ASTContext &Ctx, Check C);

  /// A configuration error of this TU, handed out once so that it is
  /// reported once, not by every check.
  std::optional<std::string> takeConfigError();

  /// Called at the end of every TU: forget the results (the next TU may
  /// reuse the ASTContext's address).
  void endTranslationUnit();

private:
  void run(clang::ASTContext &Ctx);

  CheckSet Enabled = CheckSet::none();
  std::vector<OptionValues> Options;
  const clang::ASTContext *Analysed = nullptr;
  std::array<std::vector<Finding>, NumChecks> Results;
  std::optional<std::string> ConfigError;
};

} // namespace lockcheck::tidy

#endif
