//===- ProjectLockGraph.cpp -----------------------------------------------===//
#include "ProjectLockGraph.h"
#include "lockcheck/CycleSearch.h"
#include "lockcheck/Messages.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <set>

namespace lockcheck::cli {

unsigned ProjectLockGraph::node(const std::string &Class) {
  auto [It, New] = NodeIds.try_emplace(Class, Nodes.size());
  if (New)
    Nodes.push_back(Class);
  return It->second;
}

void ProjectLockGraph::addTU(const TUFacts &F) {
  unsigned TU = NumTUs++;
  for (const FactEdge &E : F.Edges) {
    if (E.FromClass == E.ToClass)
      continue; // same-class nesting is the TU's own finding
    unsigned From = node(E.FromClass), To = node(E.ToClass);
    Pairs[{From, To}].push_back({TU, &E});
  }
}

static SourcePos posOf(const FactLocation &L) {
  if (L.File.empty())
    return {};
  return {L.File, static_cast<unsigned>(L.Line), static_cast<unsigned>(L.Column)};
}

std::vector<Report> ProjectLockGraph::crossTUCycles() {
  std::vector<std::pair<unsigned, unsigned>> Keys;
  Keys.reserve(Pairs.size());
  for (const auto &[Key, Occ] : Pairs)
    Keys.push_back(Key);
  WitnessCycles W = findWitnessCycles(Nodes.size(), Keys);
  // Every edge inside a group of locks ordered both ways lies on a cycle.
  for (unsigned I = 0; I < Keys.size(); ++I)
    if (W.OnCycle[I])
      OnCycle.insert(Keys[I]);
  EdgesNotSearched = W.EdgesNotSearched;
  std::vector<Report> Reports;
  // Shortest first, one finding per acquisition (as LockOrderGraph does).
  std::stable_sort(W.Cycles.begin(), W.Cycles.end(),
                   [](const auto &A, const auto &B) { return A.size() < B.size(); });
  std::set<const FactEdge *> ReportedAt;
  std::vector<std::pair<unsigned, unsigned>> Cycle;
  for (const std::vector<unsigned> &C : W.Cycles) {
    Cycle.clear();
    for (unsigned I : C)
      Cycle.push_back(Keys[I]);
    reportCycle(Cycle, ReportedAt, Reports);
  }
  return Reports;
}

void ProjectLockGraph::reportCycle(const std::vector<std::pair<unsigned, unsigned>> &Cycle,
                                   std::set<const FactEdge *> &ReportedAt,
                                   std::vector<Report> &Out) {
  // One TU whose own analysis saw every edge of the cycle has reported it
  // already. An edge the whole-project step added to the TU (at its call into
  // another TU) was not seen there: a cycle through it is reported here.
  std::vector<unsigned> Common;
  for (size_t I = 0; I < Cycle.size(); ++I) {
    std::vector<unsigned> TUs;
    for (const Occurrence &O : Pairs[Cycle[I]])
      if (!O.Edge->Declared && !O.Edge->AcrossTUs)
        TUs.push_back(O.TU);
    std::sort(TUs.begin(), TUs.end());
    if (I == 0) {
      Common = TUs;
    } else {
      std::vector<unsigned> Both;
      std::set_intersection(Common.begin(), Common.end(), TUs.begin(), TUs.end(),
                            std::back_inserter(Both));
      Common = std::move(Both);
    }
  }
  if (!Common.empty())
    return;

  // One place per edge: the first acquisition (declarations only if that is all).
  std::vector<const FactEdge *> Edges;
  for (const auto &P : Cycle) {
    const FactEdge *Pick = nullptr;
    for (const Occurrence &O : Pairs[P])
      if (!Pick || (Pick->Declared && !O.Edge->Declared) ||
          (Pick->Declared == O.Edge->Declared && posOf(O.Edge->Loc) < posOf(Pick->Loc)))
        Pick = O.Edge;
    Edges.push_back(Pick);
  }
  const FactEdge *At = nullptr;
  for (const FactEdge *E : Edges)
    if (!E->Declared && (!At || posOf(At->Loc) < posOf(E->Loc)))
      At = E;
  if (!At)
    return; // only declared orders: nothing was acquired
  if (!ReportedAt.insert(At).second)
    return; // a shorter cycle was reported at this acquisition

  Report R;
  R.CheckKind = Check::LockOrder;
  R.Where = posOf(At->Loc);
  R.Definite = false;
  if (Edges.size() == 2) {
    R.Message = msg::orderInversion(At->Kind, At->ToName, At->FromName);
  } else {
    size_t I = std::find(Edges.begin(), Edges.end(), At) - Edges.begin();
    std::string Text = msg::quoted(At->FromName);
    for (size_t K = 0; K < Edges.size(); ++K)
      Text += " -> " + msg::quoted(Edges[(I + K) % Edges.size()]->ToName);
    R.Message = msg::orderCycle(At->Kind, At->ToName, At->FromName, Text);
  }
  for (const FactNote &N : At->Chain)
    R.Notes.push_back(makeNote(posOf(N.Loc), N.Message));
  for (const FactEdge *E : Edges) {
    if (E == At)
      continue;
    if (E->Declared) {
      R.Notes.push_back({posOf(E->Loc), msg::declaredOrder(E->FromName, E->ToName)});
      continue;
    }
    R.Notes.push_back({posOf(E->Loc), msg::orderEdge(E->ToName, E->FromName)});
    for (const FactNote &N : E->Chain)
      R.Notes.push_back(makeNote(posOf(N.Loc), N.Message));
  }
  Out.push_back(std::move(R));
}

static std::string dotQuote(llvm::StringRef S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

void ProjectLockGraph::writeDot(llvm::raw_ostream &OS) const {
  OS << "// The project's lock-order graph, written by lockcheck.\n"
     << "// An edge A -> B: B was acquired while A was held. Red edges lie on a\n"
     << "// cycle: a potential deadlock.\n"
     << "digraph lockorder {\n  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n";
  std::set<unsigned> CycleNodes;
  for (const auto &P : OnCycle) {
    CycleNodes.insert(P.first);
    CycleNodes.insert(P.second);
  }
  for (unsigned I = 0; I < Nodes.size(); ++I) {
    OS << "  n" << I << " [label=" << dotQuote(Nodes[I]);
    if (CycleNodes.count(I))
      OS << ", color=red, penwidth=2";
    OS << "];\n";
  }
  for (const auto &[Key, Occ] : Pairs) {
    const FactEdge *First = Occ.front().Edge;
    std::string Label = (llvm::sys::path::filename(First->Loc.File) + ":" +
                         llvm::Twine(First->Loc.Line))
                            .str();
    if (First->Declared)
      Label = "declared";
    if (Occ.size() > 1)
      Label += " (+" + std::to_string(Occ.size() - 1) + ")";
    OS << "  n" << Key.first << " -> n" << Key.second << " [label=" << dotQuote(Label);
    if (OnCycle.count(Key))
      OS << ", color=red, fontcolor=red, penwidth=2";
    if (First->Declared)
      OS << ", style=dashed";
    OS << "];\n";
  }
  OS << "}\n";
}

} // namespace lockcheck::cli
