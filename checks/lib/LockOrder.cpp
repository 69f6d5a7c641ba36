//===- LockOrder.cpp - the TU's lock-order graph and its cycles -----------===//
#include "lockcheck/LockOrder.h"
#include "lockcheck/CycleSearch.h"
#include "lockcheck/Messages.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <algorithm>
#include <set>
#include <tuple>

using namespace clang;

namespace lockcheck {

unsigned LockOrderGraph::addNode(const void *Class, const NamedDecl *ClassDecl) {
  auto [It, New] = NodeIndex.try_emplace(Class, Nodes.size());
  unsigned N = It->second;
  if (New) {
    Nodes.push_back(Class);
    NodeClass.push_back(~0u);
    EdgesFrom.emplace_back();
    NodeDeclByNumber.push_back(nullptr);
  }
  // Once per node and declaration, not once per edge.
  if (ClassDecl && NodeDeclByNumber[N] != ClassDecl)
    NodeDecl[Class] = NodeDeclByNumber[N] = ClassDecl;
  return N;
}

unsigned LockOrderGraph::intern(llvm::StringRef S) {
  auto [It, New] = StringIds.try_emplace(S, Strings.size());
  if (New)
    Strings.push_back(It->first());
  return It->second;
}

LockOrderGraph::StoredEdge *LockOrderGraph::slotFor(unsigned From, unsigned To, bool Declared,
                                                    SourceLocation Loc) {
  auto [It, New] = EdgesFrom[From].try_emplace(To, NumEdges);
  if (New) {
    if (NumEdges % EdgesPerBlock == 0)
      EdgeBlocks.push_back(std::make_unique<StoredEdge[]>(EdgesPerBlock));
    return &storedEdge(NumEdges++);
  }
  // A declaration never replaces an acquisition; an earlier acquisition
  // replaces a later one or a declaration.
  StoredEdge &Old = storedEdge(It->second);
  if (Declared || !(Old.Declared || SM.isBeforeInTranslationUnit(Loc, Old.Loc)))
    return nullptr;
  return &Old;
}

void LockOrderGraph::addEdge(OrderEdge E) {
  if (!E.From || !E.To || E.From == E.To)
    return;
  unsigned From = addNode(E.From, nullptr), To = addNode(E.To, nullptr);
  if (NodeClass[From] == ~0u)
    NodeClass[From] = intern(E.FromClass);
  if (NodeClass[To] == ~0u)
    NodeClass[To] = intern(E.ToClass);
  StoredEdge *S = slotFor(From, To, E.Declared, E.Loc);
  if (!S)
    return;
  *S = {From,        To,    intern(E.FromName), intern(E.ToName), intern(E.ToKind),
        intern(E.DeclaredIn), E.Loc, E.Declared, E.Chain};
}

void LockOrderGraph::addEdge(unsigned From, unsigned To, llvm::StringRef FromName,
                             llvm::StringRef ToName, llvm::StringRef ToKind, SourceLocation Loc,
                             const CallChain &Chain,
                             llvm::function_ref<std::string(const void *)> ClassName) {
  if (From == To)
    return;
  StoredEdge *S = slotFor(From, To, /*Declared=*/false, Loc);
  if (!S)
    return;
  if (NodeClass[From] == ~0u)
    NodeClass[From] = intern(ClassName(Nodes[From]));
  if (NodeClass[To] == ~0u)
    NodeClass[To] = intern(ClassName(Nodes[To]));
  *S = {From, To, intern(FromName), intern(ToName), intern(ToKind), EmptyString, Loc, false,
        Chain};
}

OrderEdge LockOrderGraph::edge(size_t I) const {
  const StoredEdge &S = storedEdge(I);
  OrderEdge E;
  E.From = Nodes[S.From];
  E.To = Nodes[S.To];
  E.FromName = Strings[S.FromName].str();
  E.ToName = Strings[S.ToName].str();
  E.ToKind = Strings[S.ToKind].str();
  E.FromClass = Strings[NodeClass[S.From]].str();
  E.ToClass = Strings[NodeClass[S.To]].str();
  E.DeclaredIn = Strings[S.DeclaredIn].str();
  E.Loc = S.Loc;
  E.Declared = S.Declared;
  E.Chain = S.Chain;
  return E;
}

static const NamedDecl *declOfAttrArg(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  return nullptr;
}

void LockOrderGraph::addDeclaredOrders(const Config &Cfg) {
  if (DeclaredAdded)
    return;
  DeclaredAdded = true;
  auto declare = [&](const NamedDecl *Before, const NamedDecl *After, SourceLocation Loc,
                     std::string In = "") {
    OrderEdge E;
    E.DeclaredIn = std::move(In);
    E.From = Before;
    E.To = After;
    E.FromName = E.FromClass = Before->getQualifiedNameAsString();
    E.ToName = E.ToClass = After->getQualifiedNameAsString();
    E.Loc = Loc;
    E.Declared = true;
    addNode(Before, Before);
    addNode(After, After);
    addEdge(std::move(E));
  };
  std::vector<std::pair<const void *, const NamedDecl *>> Known(NodeDecl.begin(), NodeDecl.end());
  // Attributes on the lock declarations the TU's edges mention, and on the
  // locks those attributes name, and so on: `L1 after L2` and `L2 after L3`
  // order L1 after L3 even if L2 is never acquired here.
  llvm::SmallVector<const NamedDecl *, 16> Work;
  llvm::SmallPtrSet<const NamedDecl *, 16> Read;
  for (const auto &[Class, D] : Known)
    Work.push_back(D);
  while (!Work.empty()) {
    const NamedDecl *D = Work.pop_back_val();
    if (!Read.insert(D).second)
      continue;
    for (const auto *A : D->specific_attrs<AcquiredAfterAttr>())
      for (const Expr *Arg : A->args())
        if (const NamedDecl *Other = declOfAttrArg(Arg)) {
          declare(Other, D, A->getLocation());
          Work.push_back(Other);
        }
    for (const auto *A : D->specific_attrs<AcquiredBeforeAttr>())
      for (const Expr *Arg : A->args())
        if (const NamedDecl *Other = declOfAttrArg(Arg)) {
          declare(D, Other, A->getLocation());
          Work.push_back(Other);
        }
  }
  // The configuration's lock-order chains, by qualified name.
  // Entries that name no lock of this TU are skipped over, so `[A, B, C]`
  // still orders A before C where B is never used.
  for (const std::vector<std::string> &Chain : Cfg.LockOrders) {
    const NamedDecl *Before = nullptr;
    for (const std::string &Entry : Chain) {
      const NamedDecl *Here = nullptr;
      for (const auto &[Class, D] : Known)
        if (nameMatches(Entry, D->getQualifiedNameAsString()))
          Here = D;
      if (!Here)
        continue;
      if (Before && Before != Here)
        declare(Before, Here, SourceLocation(),
                Cfg.FileName.empty() ? "the configuration" : Cfg.FileName);
      Before = Here;
    }
  }
}

void LockOrderGraph::reportCycles(const Config &Cfg, FindingSink &Sink,
                                  llvm::raw_ostream *DebugLog) {
  addDeclaredOrders(Cfg);
  std::vector<std::pair<unsigned, unsigned>> Pairs;
  Pairs.reserve(NumEdges);
  for (size_t I = 0; I < NumEdges; ++I)
    Pairs.push_back({storedEdge(I).From, storedEdge(I).To});
  WitnessCycles W = findWitnessCycles(Nodes.size(), Pairs);
  // Shortest first, and one finding per acquisition: several edges' witness
  // cycles can end at the same one (A -> B, then B -> C -> A and B -> D -> A
  // for an acquisition of A while B is held), and one fix serves them all.
  std::stable_sort(W.Cycles.begin(), W.Cycles.end(),
                   [](const auto &A, const auto &B) { return A.size() < B.size(); });
  std::set<std::tuple<unsigned, std::string, std::string>> ReportedAt;
  std::vector<OrderEdge> Cycle;
  for (const std::vector<unsigned> &C : W.Cycles) {
    Cycle.clear();
    for (unsigned I : C)
      Cycle.push_back(edge(I));
    const OrderEdge *At = reportedEdge(Cycle);
    if (At && ReportedAt.insert({At->Loc.getRawEncoding(), At->FromName, At->ToName}).second)
      reportCycle(Cycle, *At, Sink);
  }
  if (DebugLog && W.EdgesNotSearched)
    *DebugLog << "lockcheck: lock-order: " << W.EdgesNotSearched << " of the "
              << W.EdgesOnCycles << " edges on cycles (largest group of locks ordered "
              << "both ways: " << W.LargestComponent
              << ") got no witness cycle: the search budget ran out\n";
}

const OrderEdge *LockOrderGraph::reportedEdge(const std::vector<OrderEdge> &Cycle) const {
  // The acquisition seen last; null when only declarations: nothing was acquired.
  const OrderEdge *At = nullptr;
  for (const OrderEdge &E : Cycle)
    if (!E.Declared && (!At || SM.isBeforeInTranslationUnit(At->Loc, E.Loc)))
      At = &E;
  return At;
}

void LockOrderGraph::reportCycle(const std::vector<OrderEdge> &Cycle, const OrderEdge &AtEdge,
                                 FindingSink &Sink) {
  // Warn at \p AtEdge; the other edges become notes.
  const OrderEdge *At = &AtEdge;
  Finding F;
  F.CheckKind = Check::LockOrder;
  F.Loc = At->Loc;
  F.Definite = false;
  if (Cycle.size() == 2) {
    F.Message = msg::orderInversion(At->ToKind, At->ToName, At->FromName);
  } else {
    // Name the cycle starting at the reported edge.
    size_t I = At - Cycle.data();
    std::string Text = msg::quoted(At->FromName);
    for (size_t K = 0; K < Cycle.size(); ++K)
      Text += " -> " + msg::quoted(Cycle[(I + K) % Cycle.size()].ToName);
    F.Message = msg::orderCycle(At->ToKind, At->ToName, At->FromName, Text);
  }
  for (const ChainStep &S : At->Chain)
    F.Notes.push_back({S.Loc, S.Message});
  for (const OrderEdge &E : Cycle) {
    if (&E == At)
      continue;
    if (E.Declared) {
      std::string Text = msg::declaredOrder(E.FromName, E.ToName);
      if (!E.DeclaredIn.empty()) // "... here" has no location: name the file
        Text = Text.substr(0, Text.size() - 5) + " in " + E.DeclaredIn;
      F.Notes.push_back({E.Loc, std::move(Text)});
      continue;
    }
    F.Notes.push_back({E.Loc, msg::orderEdge(E.ToName, E.FromName)});
    for (const ChainStep &S : E.Chain)
      F.Notes.push_back({S.Loc, S.Message});
  }
  Sink.report(std::move(F));
}

} // namespace lockcheck
