//===- LockGraph.h - the global lock-order graph ----------------*- C++ -*-===//
//
// Nodes are locks (or lock classes); an edge A -> B means some thread
// acquired B while holding A. The graph is kept acyclic: an edge that would
// close a cycle is reported and remembered as "inverted" (so it is reported
// once) but not followed. Lookups of known edges go through sharded sets;
// only brand-new edges take the graph mutex, so steady-state locking never
// meets a global lock.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_RUNTIME_LOCKGRAPH_H
#define LOCKCHECK_RUNTIME_LOCKGRAPH_H

#include "lockcheck/Validator.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace lockcheck {
namespace detail {

struct EdgeRequest {
  std::uint64_t from, to;   // node ids
  const LockMeta *fromLock; // held by the calling thread
  const LockMeta *toLock;   // being acquired by it
  SiteInfo fromSite, toSite;
  std::uint64_t threadNumber; // the calling thread
  const char *threadName;     // its name ("" if none), copied if recorded
};

enum class EdgeOutcome {
  Known,     // already recorded (by another thread meanwhile)
  Added,     // recorded
  Cycle,     // closes a cycle: Message says how
  Full,      // not recorded: the graph is at its bound
  FullFirst, // as Full, the first time: Message says so
};

struct EdgeResult {
  EdgeOutcome outcome;
  std::string message;
};

/// Whether \p From -> \p To is recorded (or was reported), without the
/// graph mutex.
bool edgeKnown(std::uint64_t From, std::uint64_t To);
/// Records an edge; \p Stack is where the calling thread is now.
EdgeResult addEdge(const EdgeRequest &R, std::vector<void *> Stack);
/// Drops a node and all its edges (its lock or lock class is destroyed).
void removeNode(std::uint64_t Id) noexcept;
/// Changes whenever the graph is reset; per-thread caches compare it.
extern std::atomic<std::uint64_t> GraphEpoch;
void resetGraph();
void graphStats(std::size_t &Nodes, std::size_t &Edges);

} // namespace detail
} // namespace lockcheck

#endif
