//===- LockOrder.h - the TU's lock-order graph and its cycles ---*- C++ -*-===//
//
// Nodes are lock classes (a field, a global, or a lock type); an edge A -> B
// says B was acquired (directly or inside a call) while A was held. A cycle
// means two threads can each hold one lock of it and wait for the next:
// a potential deadlock, reported once per elementary cycle. Declared orders
// (acquired_before/after, the config's lock-order) are edges too, so one
// acquisition against a declared order already closes a cycle.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LOCKORDER_H
#define LOCKCHECK_LOCKORDER_H

#include "lockcheck/CheckNames.h"
#include "lockcheck/Config.h"
#include "lockcheck/Finding.h"
#include "lockcheck/Summary.h"
#include "llvm/ADT/DenseMap.h"
#include <map>
#include <string>
#include <vector>

namespace clang {
class NamedDecl;
class SourceManager;
} // namespace clang

namespace lockcheck {

struct OrderEdge {
  const void *From = nullptr, *To = nullptr;
  std::string FromName, ToName, ToKind;
  std::string FromClass, ToClass; // qualified names of the lock classes
  clang::SourceLocation Loc; // where To is acquired while From is held
  llvm::SmallVector<ChainStep, 2> Chain;
  bool Declared = false;
  std::string DeclaredIn; // the configuration file, for declared orders from it
};

class LockOrderGraph {
public:
  explicit LockOrderGraph(const clang::SourceManager &SM) : SM(SM) {}
  /// \p ClassDecl is the field or global the class stands for, if any.
  void addNode(const void *Class, const clang::NamedDecl *ClassDecl);
  /// Keeps the earliest edge per (From, To).
  void addEdge(OrderEdge E);
  /// Adds the declared orders, then reports every elementary cycle once.
  void reportCycles(const Config &Cfg, FindingSink &Sink);
  /// Adds the declared orders (reportCycles does this itself).
  void addDeclaredOrders(const Config &Cfg);
  const std::map<std::pair<unsigned, unsigned>, OrderEdge> &edges() const { return Edges; }

private:
  bool DeclaredAdded = false;
  void reportCycle(const std::vector<const OrderEdge *> &Cycle, FindingSink &Sink);

  const clang::SourceManager &SM;
  std::vector<const void *> Nodes; // in first-seen order, for determinism
  llvm::DenseMap<const void *, unsigned> NodeIndex;
  llvm::DenseMap<const void *, const clang::NamedDecl *> NodeDecl;
  std::map<std::pair<unsigned, unsigned>, OrderEdge> Edges;
};

} // namespace lockcheck

#endif
