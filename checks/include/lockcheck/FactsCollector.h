//===- FactsCollector.h - a TU's analysis results as Facts ------*- C++ -*-===//
#ifndef LOCKCHECK_FACTSCOLLECTOR_H
#define LOCKCHECK_FACTSCOLLECTOR_H

#include "lockcheck/Facts.h"
#include "lockcheck/LockOrder.h"
#include "lockcheck/Summary.h"

namespace clang {
class ASTContext;
}

namespace lockcheck {

/// Functions with a non-empty summary and every lock-order edge, in a
/// stable order.
TUFacts collectFacts(clang::ASTContext &Ctx, const SummaryTable &Summaries,
                     const LockOrderGraph &Order);

} // namespace lockcheck

#endif
