//===- Analysis.h - the entry point of the lockcheck core -------*- C++ -*-===//
//
// Front ends call analyzeTranslationUnit() once per parsed TU. It finds the
// functions that touch locks, runs the lockset dataflow on each, and reports
// Findings to the sink in no particular order; FindingFilter.h sorts,
// deduplicates and applies NOLINT for front ends that want it.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_ANALYSIS_H
#define LOCKCHECK_ANALYSIS_H

#include "lockcheck/CheckNames.h"
#include "lockcheck/Config.h"
#include "lockcheck/Facts.h"
#include "lockcheck/Finding.h"

namespace clang {
class ASTContext;
}
namespace llvm {
class raw_ostream;
}

namespace lockcheck {

/// What the dataflow solver did, summed over the functions analysed: how
/// fast it converges, which no finding shows (test/unit/SolverTest.cpp).
struct SolverStats {
  uint64_t Blocks = 0; // CFG blocks reached, once per pass that finished
  uint64_t Visits = 0; // times a block was processed with a new input
};

struct AnalysisOptions {
  CheckSet Enabled = CheckSet::defaults();
  /// Extra lock functions, recursive types, nothrow functions, orders.
  Config Cfg;
  /// Where "skipped function X: why" lines go; null for none.
  llvm::raw_ostream *DebugLog = nullptr;
  /// When set, receives the TU's summaries and lock-order edges.
  TUFacts *Facts = nullptr;
  /// Summaries of functions defined in other TUs (whole-project analysis):
  /// calls to functions this TU only declares are checked through them.
  const ImportedSummaries *Imported = nullptr;
  /// lockcheck-unguarded-access decides from this TU's accesses. The
  /// whole-project tool turns this off and decides over every TU's facts.
  bool DecideAccessesHere = true;
  /// When set, the solver adds its counts here.
  SolverStats *Stats = nullptr;
};

/// Analyses every function defined in the TU (outside system headers).
void analyzeTranslationUnit(clang::ASTContext &Ctx, const AnalysisOptions &Opts,
                            FindingSink &Sink);

} // namespace lockcheck

#endif
