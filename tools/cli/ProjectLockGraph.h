//===- ProjectLockGraph.h - the lock-order edges of every TU, merged ------===//
//
// Nodes are lock classes (the facts' merge key), an edge A -> B says some TU
// acquired B while holding A. Cycles whose edges the analysis of one TU all
// found itself were already reported by it; the rest (spanning files, or
// through an edge the whole-project step found at a TU's call into another)
// are reported here, at the acquisition seen last, with a note per other edge.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_PROJECTLOCKGRAPH_H
#define LOCKCHECK_CLI_PROJECTLOCKGRAPH_H

#include "Report.h"
#include "lockcheck/Facts.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <set>
#include <vector>

namespace lockcheck::cli {

class ProjectLockGraph {
public:
  /// Adds the edges of one TU; \p F must outlive the graph.
  void addTU(const TUFacts &F);

  /// Finds one shortest cycle through every edge that lies on a cycle
  /// (CycleSearch.h), marks those edges for the drawing and returns findings
  /// for the cycles that span more than one TU.
  std::vector<Report> crossTUCycles();
  /// Edges on cycles that the search budget left without a witness.
  unsigned edgesNotSearched() const { return EdgesNotSearched; }

  /// Graphviz text: one node per lock class, edges labelled with where they
  /// happen; edges on a cycle are red and bold.
  void writeDot(llvm::raw_ostream &OS) const;

  size_t numEdges() const { return Pairs.size(); }

private:
  struct Occurrence {
    unsigned TU;
    const FactEdge *Edge;
  };
  unsigned node(const std::string &Class);
  /// Reports \p Cycle at its acquisition seen last, unless a cycle was
  /// reported there already (\p ReportedAt).
  void reportCycle(const std::vector<std::pair<unsigned, unsigned>> &Cycle,
                   std::set<const FactEdge *> &ReportedAt, std::vector<Report> &Out);

  std::vector<std::string> Nodes;
  llvm::StringMap<unsigned> NodeIds;
  /// (from, to) -> every place that edge occurs, in TU order.
  std::map<std::pair<unsigned, unsigned>, std::vector<Occurrence>> Pairs;
  std::set<std::pair<unsigned, unsigned>> OnCycle;
  unsigned NumTUs = 0;
  unsigned EdgesNotSearched = 0;
};

} // namespace lockcheck::cli

#endif
