//===- FactsCollector.h - a TU's analysis results as Facts ------*- C++ -*-===//
#ifndef LOCKCHECK_FACTSCOLLECTOR_H
#define LOCKCHECK_FACTSCOLLECTOR_H

#include "lockcheck/ExternalCalls.h"
#include "lockcheck/Facts.h"
#include "lockcheck/Finding.h"
#include "lockcheck/LockOrder.h"
#include "lockcheck/Summary.h"

namespace clang {
class ASTContext;
class SourceManager;
} // namespace clang

namespace lockcheck {

/// What may leave one function of the TU (see ThrowModel.h).
struct FunctionThrows {
  const clang::FunctionDecl *Function;
  std::vector<FactThrow> Types;
  bool Unknown = false;
};

/// Functions with a non-empty summary, calls to other TUs' functions or
/// exceptions that may leave them, and every lock-order edge, in a stable
/// order.
TUFacts collectFacts(clang::ASTContext &Ctx, const SummaryTable &Summaries,
                     const LockOrderGraph &Order, const ExternalCallLog &External,
                     llvm::ArrayRef<FunctionThrows> Throws = {});

} // namespace lockcheck

namespace lockcheck {
/// The TU's findings (already filtered) as facts, each with the function it
/// is in, named as `lockcheck -p` names it.
std::vector<FactFinding> findingsAsFacts(const std::vector<Finding> &Findings,
                                         clang::ASTContext &Ctx);
} // namespace lockcheck

#endif
