//===- CycleSearch.h - witness cycles of a directed graph -------*- C++ -*-===//
//
// The lock-order graphs (a TU's, and the whole project's) are searched for
// cycles in time that grows with the graph, not with its paths:
//  1. strongly connected components (Tarjan, iterative): an edge lies on a
//     cycle exactly when both its ends are in one component;
//  2. every such edge u -> v whose reverse v -> u exists closes a two-node
//     cycle (a plain inversion): found by a lookup, never limited;
//  3. for the other edges, one shortest cycle through the edge: a
//     breadth-first search from v inside the component finds the shortest
//     path back to u (one search per v serves every edge into v).
// Cycles found for several edges are returned once. Step 3 is bounded by a
// work budget (edges scanned); edges left without a witness are counted.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CYCLESEARCH_H
#define LOCKCHECK_CYCLESEARCH_H

#include "llvm/ADT/ArrayRef.h"
#include <cstdint>
#include <utility>
#include <vector>

namespace lockcheck {

/// Edges scanned by the breadth-first searches before giving up: far more
/// than any real program's graph needs (a complete graph of 1,000 locks in
/// one component is 500,000 edges).
constexpr uint64_t DefaultCycleSearchWork = 50'000'000;

struct WitnessCycles {
  /// Each cycle as indices into the edge list, in the order the edges follow
  /// one another, starting at the cycle's smallest edge index.
  std::vector<std::vector<unsigned>> Cycles;
  /// Edges inside a strongly connected component (each lies on some cycle).
  unsigned EdgesOnCycles = 0;
  /// Of those, edges whose search did not run because the budget ran out.
  unsigned EdgesNotSearched = 0;
  /// Nodes of the largest component.
  unsigned LargestComponent = 0;
  /// Which edges lie on a cycle, by index.
  std::vector<bool> OnCycle;
};

/// \p Edges are (from, to) node numbers below \p NumNodes. Self-loops are
/// ignored; a repeated pair on a cycle counts once (its first index). The
/// result depends on nothing but the input and its order.
WitnessCycles findWitnessCycles(unsigned NumNodes,
                                llvm::ArrayRef<std::pair<unsigned, unsigned>> Edges,
                                uint64_t MaxWork = DefaultCycleSearchWork);

} // namespace lockcheck

#endif
