//===- CrossTU.h - phase 2 of the whole-project analysis, on facts -*- C++ -*-===//
//
// Every TU's facts record its calls to functions it only declares (the
// objects bound to `this` and the parameters, the locks held there), and its
// calls to its own functions that reach such functions (`local`). With
// all TUs' facts together, each such call gets the callee's summary from the
// TU that defines it: summaries grow across TUs (a caller acquires what its
// callees in other files acquire), calls made while holding a lock the callee
// takes are self-deadlocks, and held -> acquired pairs become lock-order
// edges; at a local call only what the callee gained here counts, the TU
// having applied the rest. No source is parsed, so `lockcheck merge` and `lockcheck -p` share it.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CROSSTU_H
#define LOCKCHECK_CROSSTU_H

#include "lockcheck/Facts.h"
#include <vector>

namespace lockcheck {

struct CrossTUResult {
  /// Per TU (same index as the input): findings at its calls, and the
  /// lock-order edges its calls add.
  std::vector<std::vector<FactFinding>> Findings;
  std::vector<std::vector<FactEdge>> Edges;
};

/// Extends every function's `acquires` with what its callees in other TUs
/// acquire (to a fixpoint, in place), then checks every recorded call.
CrossTUResult applyAcrossTUs(std::vector<TUFacts *> &TUs);

/// True when a function summary changes what its caller holds afterwards
/// (acquire or release wrappers): only a flow analysis of the caller can
/// apply it exactly.
bool changesCallerLockset(const FactFunction &F);

} // namespace lockcheck

#endif
