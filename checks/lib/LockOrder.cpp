//===- LockOrder.cpp - the TU's lock-order graph and its cycles -----------===//
#include "lockcheck/LockOrder.h"
#include "lockcheck/Messages.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <algorithm>
#include <functional>

using namespace clang;

namespace lockcheck {

// Bounds on the search: cycles longer than this, or more of them, are not
// enumerated (the graph of a large TU can be big; a few cycles suffice).
static constexpr unsigned MaxCycleLength = 6;
static constexpr unsigned MaxCycles = 256;

void LockOrderGraph::addNode(const void *Class, const NamedDecl *ClassDecl) {
  auto [It, New] = NodeIndex.try_emplace(Class, Nodes.size());
  if (New)
    Nodes.push_back(Class);
  if (ClassDecl)
    NodeDecl[Class] = ClassDecl;
}

void LockOrderGraph::addEdge(OrderEdge E) {
  if (!E.From || !E.To || E.From == E.To)
    return;
  addNode(E.From, nullptr);
  addNode(E.To, nullptr);
  auto Key = std::make_pair(NodeIndex[E.From], NodeIndex[E.To]);
  auto It = Edges.find(Key);
  if (It == Edges.end())
    Edges.emplace(Key, std::move(E));
  else if (!E.Declared && (It->second.Declared ||
                           SM.isBeforeInTranslationUnit(E.Loc, It->second.Loc)))
    It->second = std::move(E);
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

void LockOrderGraph::reportCycles(const Config &Cfg, FindingSink &Sink) {
  addDeclaredOrders(Cfg);
  std::vector<std::vector<std::pair<unsigned, const OrderEdge *>>> Out(Nodes.size());
  for (const auto &[Key, E] : Edges)
    Out[Key.first].push_back({Key.second, &E});
  unsigned Found = 0;
  // Each elementary cycle is enumerated once, from its smallest node.
  std::vector<const OrderEdge *> Path;
  std::vector<bool> OnPath(Nodes.size(), false);
  std::function<void(unsigned, unsigned)> Walk = [&](unsigned Start, unsigned At) {
    for (const auto &[Next, E] : Out[At]) {
      if (Found >= MaxCycles || Next < Start)
        continue;
      if (Next == Start) {
        Path.push_back(E);
        reportCycle(Path, Sink);
        Path.pop_back();
        ++Found;
        continue;
      }
      if (OnPath[Next] || Path.size() + 1 >= MaxCycleLength)
        continue;
      OnPath[Next] = true;
      Path.push_back(E);
      Walk(Start, Next);
      Path.pop_back();
      OnPath[Next] = false;
    }
  };
  for (unsigned S = 0; S < Nodes.size() && Found < MaxCycles; ++S) {
    OnPath[S] = true;
    Walk(S, S);
    OnPath[S] = false;
  }
}

void LockOrderGraph::reportCycle(const std::vector<const OrderEdge *> &Cycle,
                                 FindingSink &Sink) {
  // Warn at the acquisition seen last; the other edges become notes.
  const OrderEdge *At = nullptr;
  for (const OrderEdge *E : Cycle)
    if (!E->Declared && (!At || SM.isBeforeInTranslationUnit(At->Loc, E->Loc)))
      At = E;
  if (!At)
    return; // only declarations: nothing was acquired
  Finding F;
  F.CheckKind = Check::LockOrder;
  F.Loc = At->Loc;
  F.Definite = false;
  if (Cycle.size() == 2) {
    F.Message = msg::orderInversion(At->ToKind, At->ToName, At->FromName);
  } else {
    // Name the cycle starting at the reported edge.
    size_t I = std::find(Cycle.begin(), Cycle.end(), At) - Cycle.begin();
    std::string Text = "'" + At->FromName + "'";
    for (size_t K = 0; K < Cycle.size(); ++K)
      Text += " -> '" + Cycle[(I + K) % Cycle.size()]->ToName + "'";
    F.Message = msg::orderCycle(At->ToKind, At->ToName, At->FromName, Text);
  }
  for (const ChainStep &S : At->Chain)
    F.Notes.push_back({S.Loc, S.Message});
  for (const OrderEdge *E : Cycle) {
    if (E == At)
      continue;
    if (E->Declared) {
      std::string Text = msg::declaredOrder(E->FromName, E->ToName);
      if (!E->DeclaredIn.empty()) // "... here" has no location: name the file
        Text = Text.substr(0, Text.size() - 5) + " in " + E->DeclaredIn;
      F.Notes.push_back({E->Loc, std::move(Text)});
      continue;
    }
    F.Notes.push_back({E->Loc, msg::orderEdge(E->ToName, E->FromName)});
    for (const ChainStep &S : E->Chain)
      F.Notes.push_back({S.Loc, S.Message});
  }
  Sink.report(std::move(F));
}

} // namespace lockcheck
