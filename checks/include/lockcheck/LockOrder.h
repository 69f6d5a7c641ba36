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
#include <memory>
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
  explicit LockOrderGraph(const clang::SourceManager &SM) : SM(SM) {
    intern(""); // EmptyString
  }
  /// \p ClassDecl is the field or global the class stands for, if any.
  /// Returns the class's node number.
  unsigned addNode(const void *Class, const clang::NamedDecl *ClassDecl);
  /// Keeps the earliest edge per (From, To).
  void addEdge(OrderEdge E);
  /// The same without building an OrderEdge, between nodes numbered by
  /// addNode: \p ClassName gives a class's name, asked once per class (a
  /// function holding 1,000 locks adds 500,000 edges).
  void addEdge(unsigned From, unsigned To, llvm::StringRef FromName,
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
  size_t numEdges() const { return NumEdges; }
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
  std::vector<const clang::NamedDecl *> NodeDeclByNumber; // NodeDecl, by node number

  // A function holding 1,000 locks makes 500,000 edges: they are kept
  // compact, names as numbers into a table of distinct strings.
  struct StoredEdge {
    unsigned From, To; // node numbers
    unsigned FromName, ToName, ToKind, DeclaredIn; // string numbers
    clang::SourceLocation Loc;
    bool Declared; // before Chain: fills the padding after Loc
    CallChain Chain; // shared with the summaries it came through
  };
  unsigned intern(llvm::StringRef S);
  static constexpr unsigned EmptyString = 0;
  /// The slot for (From, To) if addEdge is to fill it, else null.
  StoredEdge *slotFor(unsigned From, unsigned To, bool Declared, clang::SourceLocation Loc);
  /// The edges in blocks: never reallocated (a function holding 1,000 locks
  /// makes 500,000 edges), one allocation per block (a deque makes one per
  /// ten edges).
  std::vector<std::unique_ptr<StoredEdge[]>> EdgeBlocks;
  size_t NumEdges = 0;
  static constexpr size_t EdgesPerBlock = 1024;
  StoredEdge &storedEdge(size_t I) { return EdgeBlocks[I / EdgesPerBlock][I % EdgesPerBlock]; }
  const StoredEdge &storedEdge(size_t I) const {
    return EdgeBlocks[I / EdgesPerBlock][I % EdgesPerBlock];
  }
  std::vector<unsigned> NodeClass; // string number of each node's class name
  /// Per node, the edges leaving it: target node -> edge number. One
  /// small table per node, not one for all edges: the edges a function adds
  /// leave the few locks it holds (a chain of 4,000 calls adds 256,000 edges,
  /// 64 at each call, all from the caller's lock). A deque: tables never move.
  std::deque<llvm::SmallDenseMap<unsigned, unsigned, 4>> EdgesFrom;
  llvm::StringMap<unsigned> StringIds;
  std::vector<llvm::StringRef> Strings;
};

} // namespace lockcheck

#endif
