//===- LockOrder.h - the TU's lock-order graph and its cycles ---*- C++ -*-===//
//
// Nodes are lock classes (a field, a global, or a lock type); an edge A -> B
// says B was acquired (directly or inside a call) while A was held. A cycle
// means two threads can each hold one lock of it and wait for the next:
// a potential deadlock. Every edge on a cycle is reported with one shortest
// cycle through it (CycleSearch.h); a cycle found for several edges, once. Declared orders
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
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"
#include <deque>
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
  CallChain Chain;
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
  /// The same without building an OrderEdge: \p ClassName gives a class's
  /// name, asked once per class (a function holding 1,000 locks adds
  /// 500,000 edges).
  void addEdge(const void *From, const void *To, llvm::StringRef FromName,
               llvm::StringRef ToName, llvm::StringRef ToKind, clang::SourceLocation Loc,
               const CallChain &Chain,
               llvm::function_ref<std::string(const void *)> ClassName);
  /// Adds the declared orders, then reports one shortest cycle through every
  /// edge that lies on a cycle (each distinct cycle once). \p DebugLog hears
  /// about edges the search budget left out.
  void reportCycles(const Config &Cfg, FindingSink &Sink,
                    llvm::raw_ostream *DebugLog = nullptr);
  /// Adds the declared orders (reportCycles does this itself).
  void addDeclaredOrders(const Config &Cfg);
  /// The edges, in the order they were first added.
  size_t numEdges() const { return EdgeList.size(); }
  OrderEdge edge(size_t I) const;

private:
  bool DeclaredAdded = false;
  /// Where a cycle is reported: its acquisition seen last (null: none).
  const OrderEdge *reportedEdge(const std::vector<OrderEdge> &Cycle) const;
  void reportCycle(const std::vector<OrderEdge> &Cycle, const OrderEdge &At, FindingSink &Sink);

  const clang::SourceManager &SM;
  std::vector<const void *> Nodes; // in first-seen order, for determinism
  llvm::DenseMap<const void *, unsigned> NodeIndex;
  llvm::DenseMap<const void *, const clang::NamedDecl *> NodeDecl;

  // A function holding 1,000 locks makes 500,000 edges: they are kept
  // compact, names as numbers into a table of distinct strings.
  struct StoredEdge {
    unsigned From, To; // node numbers
    unsigned FromName, ToName, ToKind, DeclaredIn; // string numbers
    clang::SourceLocation Loc;
    CallChain Chain; // shared with the summaries it came through
    bool Declared;
  };
  unsigned intern(llvm::StringRef S);
  /// The slot for (From, To) if addEdge is to fill it, else null.
  StoredEdge *slotFor(unsigned From, unsigned To, bool Declared, clang::SourceLocation Loc);
  std::deque<StoredEdge> EdgeList; // no reallocation: it may be large
  std::vector<unsigned> NodeClass; // string number of each node's class name
  llvm::DenseMap<std::pair<unsigned, unsigned>, unsigned> EdgeIndex; // into EdgeList
  llvm::StringMap<unsigned> StringIds;
  std::vector<llvm::StringRef> Strings;
};

} // namespace lockcheck

#endif
