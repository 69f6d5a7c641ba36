//===- CycleSearch.cpp - components, inversions, shortest witness cycles --===//
#include "lockcheck/CycleSearch.h"
#include "llvm/ADT/DenseMap.h"
#include <algorithm>
#include <set>

namespace lockcheck {
namespace {

constexpr unsigned None = ~0u;

/// Adjacency in compressed rows: the out-edges of node N are
/// Targets[Begin[N] .. Begin[N + 1]), in input order.
struct Adjacency {
  std::vector<unsigned> Begin, Targets, EdgeIds;
};

Adjacency adjacency(unsigned NumNodes, llvm::ArrayRef<std::pair<unsigned, unsigned>> Edges,
                    const std::vector<bool> &Use) {
  Adjacency A;
  A.Begin.assign(NumNodes + 1, 0);
  for (unsigned E = 0; E < Edges.size(); ++E)
    if (Use[E])
      ++A.Begin[Edges[E].first + 1];
  for (unsigned N = 0; N < NumNodes; ++N)
    A.Begin[N + 1] += A.Begin[N];
  A.Targets.resize(A.Begin[NumNodes]);
  A.EdgeIds.resize(A.Begin[NumNodes]);
  std::vector<unsigned> Fill(A.Begin.begin(), A.Begin.end() - 1);
  for (unsigned E = 0; E < Edges.size(); ++E)
    if (Use[E]) {
      unsigned At = Fill[Edges[E].first]++;
      A.Targets[At] = Edges[E].second;
      A.EdgeIds[At] = E;
    }
  return A;
}

/// Tarjan's algorithm without recursion (a graph can be deep).
std::vector<unsigned> components(unsigned NumNodes, const Adjacency &A) {
  std::vector<unsigned> Index(NumNodes, None), Low(NumNodes, 0), Comp(NumNodes, None);
  std::vector<bool> OnStack(NumNodes, false);
  std::vector<unsigned> Stack;
  std::vector<std::pair<unsigned, unsigned>> Frames; // node, next adjacency slot
  unsigned Counter = 0, NumComps = 0;
  auto enter = [&](unsigned N) {
    Index[N] = Low[N] = Counter++;
    Stack.push_back(N);
    OnStack[N] = true;
    Frames.push_back({N, A.Begin[N]});
  };
  for (unsigned Start = 0; Start < NumNodes; ++Start) {
    if (Index[Start] != None)
      continue;
    enter(Start);
    while (!Frames.empty()) {
      auto &[V, Next] = Frames.back();
      if (Next < A.Begin[V + 1]) {
        unsigned W = A.Targets[Next++];
        if (Index[W] == None)
          enter(W); // invalidates V and Next; the loop reads them again
        else if (OnStack[W])
          Low[V] = std::min(Low[V], Index[W]);
        continue;
      }
      unsigned Done = V;
      Frames.pop_back();
      if (Low[Done] == Index[Done]) {
        unsigned W;
        do {
          W = Stack.back();
          Stack.pop_back();
          OnStack[W] = false;
          Comp[W] = NumComps;
        } while (W != Done);
        ++NumComps;
      }
      if (!Frames.empty())
        Low[Frames.back().first] = std::min(Low[Frames.back().first], Low[Done]);
    }
  }
  return Comp;
}

/// The rotation of \p Cycle that starts at its smallest edge index.
std::vector<unsigned> canonical(std::vector<unsigned> Cycle) {
  std::rotate(Cycle.begin(), std::min_element(Cycle.begin(), Cycle.end()), Cycle.end());
  return Cycle;
}

} // namespace

WitnessCycles findWitnessCycles(unsigned NumNodes,
                                llvm::ArrayRef<std::pair<unsigned, unsigned>> Edges,
                                uint64_t MaxWork) {
  WitnessCycles R;
  R.OnCycle.assign(Edges.size(), false);
  std::vector<bool> Use(Edges.size(), false);
  for (unsigned E = 0; E < Edges.size(); ++E) {
    auto [From, To] = Edges[E];
    Use[E] = From != To && From < NumNodes && To < NumNodes;
  }
  Adjacency A = adjacency(NumNodes, Edges, Use);
  std::vector<unsigned> Comp = components(NumNodes, A);
  // The first index of every pair inside a component (where reverses are).
  // (A pair key: DenseMap's hash of a 64-bit integer keeps its low half.)
  llvm::DenseMap<std::pair<unsigned, unsigned>, unsigned> PairIndex;
  for (unsigned E = 0; E < Edges.size(); ++E)
    if (Use[E] && Comp[Edges[E].first] == Comp[Edges[E].second])
      Use[E] = PairIndex.try_emplace(Edges[E], E).second;
  {
    std::vector<unsigned> Size(NumNodes, 0);
    for (unsigned C : Comp)
      if (C != None)
        R.LargestComponent = std::max(R.LargestComponent, ++Size[C]);
  }

  std::set<std::vector<unsigned>> Seen;
  auto add = [&](std::vector<unsigned> Cycle) {
    Cycle = canonical(std::move(Cycle));
    if (Seen.insert(Cycle).second)
      R.Cycles.push_back(std::move(Cycle));
  };
  // Inversions first: a reverse edge is the shortest possible witness.
  std::vector<std::vector<unsigned>> Need(NumNodes); // edges into a node, by target
  for (unsigned E = 0; E < Edges.size(); ++E) {
    if (!Use[E])
      continue;
    auto [From, To] = Edges[E];
    if (Comp[From] != Comp[To])
      continue;
    R.OnCycle[E] = true;
    ++R.EdgesOnCycles;
    auto Rev = PairIndex.find({To, From});
    if (Rev != PairIndex.end())
      add({E, Rev->second});
    else
      Need[To].push_back(E);
  }

  // Then one breadth-first search per node that edges without an inversion
  // lead into: the shortest way from it back to each of their sources.
  uint64_t Work = 0;
  std::vector<unsigned> ParentEdge(NumNodes, None), Wanted(NumNodes, None);
  std::vector<unsigned> Touched, Queue;
  for (unsigned V = 0; V < NumNodes; ++V) {
    if (Need[V].empty())
      continue;
    if (Work > MaxWork) {
      R.EdgesNotSearched += Need[V].size();
      continue;
    }
    unsigned Remaining = 0;
    for (unsigned E : Need[V])
      if (Wanted[Edges[E].first] != V) {
        Wanted[Edges[E].first] = V;
        ++Remaining;
      }
    for (unsigned N : Touched)
      ParentEdge[N] = None;
    Touched.clear();
    Queue.assign(1, V);
    ParentEdge[V] = None - 1; // reached, no parent
    Touched.push_back(V);
    for (size_t Head = 0; Head < Queue.size() && Remaining && Work <= MaxWork; ++Head) {
      unsigned At = Queue[Head];
      for (unsigned I = A.Begin[At]; I < A.Begin[At + 1] && Remaining; ++I) {
        ++Work;
        unsigned W = A.Targets[I];
        if (ParentEdge[W] != None || Comp[W] != Comp[V])
          continue;
        ParentEdge[W] = A.EdgeIds[I];
        Touched.push_back(W);
        Queue.push_back(W);
        if (Wanted[W] == V)
          --Remaining;
      }
    }
    for (unsigned E : Need[V]) {
      unsigned U = Edges[E].first;
      if (ParentEdge[U] == None) { // the budget ran out before U was reached
        ++R.EdgesNotSearched;
        continue;
      }
      std::vector<unsigned> Cycle;
      for (unsigned N = U; N != V; N = Edges[ParentEdge[N]].first)
        Cycle.push_back(ParentEdge[N]);
      std::reverse(Cycle.begin(), Cycle.end());
      Cycle.push_back(E);
      add(std::move(Cycle));
    }
  }
  return R;
}

} // namespace lockcheck
