//===- LockGraph.cpp - the global lock-order graph ------------------------===//

#include "LockGraph.h"

#include "Backtrace.h"
#include "Reporting.h"
#include "ThreadState.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

namespace lockcheck {
namespace detail {
namespace {

struct EdgeRec {
  std::uint64_t from, to;
  bool inverted; // closed a cycle when it was seen: reported, not followed
  SiteInfo fromSite, toSite;
  std::uint64_t threadNumber;
  char threadName[kThreadNameSize];
  std::vector<void *> stack;
};

// What a node's label is made of; the text is built only for a report.
// A lock's name outlives the lock and the node goes with the lock, so the
// pointers stay valid.
struct Node {
  const void *address = nullptr; // the lock, or null for a lock class
  const char *name = nullptr;
  LockKind kind = LockKind::Mutex;
  std::vector<std::unique_ptr<EdgeRec>> out; // owned here
  std::vector<EdgeRec *> in;
};

struct KeyHash {
  std::size_t operator()(const EdgeKey &K) const {
    return static_cast<std::size_t>(hashEdge(K));
  }
};

constexpr unsigned kShards = 64;
struct alignas(64) Shard {
  std::mutex Mu;
  std::unordered_set<EdgeKey, KeyHash> Keys;
};

struct Graph {
  std::mutex Mu; // taken only to add or remove edges, after the shards
  std::unordered_map<std::uint64_t, Node> Nodes;
  std::size_t EdgeCount = 0;
  bool FullReported = false;
  Shard Shards[kShards];
};

// Never destroyed: locks with static storage may be destroyed after any
// static object of this file.
Graph &graph() {
  static Graph *G = new Graph;
  return *G;
}

Shard &shardOf(const EdgeKey &K) {
  return graph().Shards[(hashEdge(K) >> 32) % kShards];
}

void shardInsert(const EdgeKey &K) {
  Shard &S = shardOf(K);
  std::lock_guard<std::mutex> L(S.Mu);
  S.Keys.insert(K);
}

void shardErase(const EdgeKey &K) {
  Shard &S = shardOf(K);
  std::lock_guard<std::mutex> L(S.Mu);
  S.Keys.erase(K);
}

void describeNode(Node &N, const LockMeta &M) {
  if (M.lockClass) {
    N.name = M.lockClass->name;
  } else {
    N.address = &M;
    N.name = M.name;
    N.kind = M.kind;
  }
}

std::string nodeLabel(const Node &N) {
  if (!N.address)
    return std::string("lock class '") + (N.name ? N.name : "") + "'";
  return lockLabel(N.kind, N.name, N.address);
}

std::string threadText(std::uint64_t Number, const char *Name) {
  std::string S = "thread #" + std::to_string(Number);
  if (Name && *Name)
    S += std::string(" '") + Name + "'";
  return S;
}

void markInGraph(const LockMeta &M) {
  if (M.lockClass)
    M.lockClass->inGraph.store(true, std::memory_order_relaxed);
  else
    const_cast<LockMeta &>(M).inGraph.store(true, std::memory_order_relaxed);
}

/// Edges from \p Start to \p Goal over non-inverted edges, or empty.
std::vector<const EdgeRec *> findPath(Graph &G, std::uint64_t Start,
                                      std::uint64_t Goal) {
  std::unordered_map<std::uint64_t, const EdgeRec *> Via{{Start, nullptr}};
  std::vector<std::uint64_t> Work{Start};
  while (!Work.empty()) {
    std::uint64_t N = Work.back();
    Work.pop_back();
    auto It = G.Nodes.find(N);
    if (It == G.Nodes.end())
      continue;
    for (const auto &E : It->second.out) {
      if (E->inverted || !Via.emplace(E->to, E.get()).second)
        continue;
      if (E->to == Goal) {
        std::vector<const EdgeRec *> Path;
        for (const EdgeRec *P = E.get(); P; P = Via[P->from])
          Path.push_back(P);
        std::reverse(Path.begin(), Path.end());
        return Path;
      }
      Work.push_back(E->to);
    }
  }
  return {};
}

std::string cycleMessage(Graph &G, const EdgeRequest &R,
                         const std::vector<void *> &Stack,
                         const std::vector<const EdgeRec *> &Path) {
  auto withClass = [](const LockMeta &M) {
    std::string S = lockLabel(M);
    if (M.lockClass)
      S += " of " + classLabel(*M.lockClass);
    return S;
  };
  std::string S = "lockcheck: lock-order-cycle: potential deadlock in " +
                  threadText(R.threadNumber, R.threadName) + "\n";
  S += "  acquiring " + withClass(*R.toLock) + " at " + siteLabel(R.toSite) +
       "\n";
  S += "  while holding " + withClass(*R.fromLock) + ", acquired at " +
       siteLabel(R.fromSite) + "\n";
  if (!Stack.empty()) {
    S += "  stack:\n";
    appendStack(S, Stack, "    ");
  }
  S += Path.size() == 1
           ? "  but the opposite order was seen before:\n"
           : "  but these orders, which lead back, were seen before:\n";
  unsigned I = 1;
  for (const EdgeRec *E : Path) {
    S += "  (" + std::to_string(I++) + ") " +
         threadText(E->threadNumber, E->threadName) + " acquired " +
         nodeLabel(G.Nodes[E->to]) + " at " + siteLabel(E->toSite) + "\n";
    S += "      while holding " + nodeLabel(G.Nodes[E->from]) +
         ", acquired at " + siteLabel(E->fromSite) + "\n";
    if (!E->stack.empty()) {
      S += "      stack:\n";
      appendStack(S, E->stack, "        ");
    }
  }
  S += "  threads taking these locks in these orders at the same time "
       "deadlock";
  return S;
}

// Removes \p E (owned by Nodes[E->from]) from both endpoints.
void unlinkFromTarget(Graph &G, const EdgeRec *E) {
  auto It = G.Nodes.find(E->to);
  if (It == G.Nodes.end())
    return;
  auto &In = It->second.in;
  In.erase(std::find(In.begin(), In.end(), E));
  if (In.empty() && It->second.out.empty())
    G.Nodes.erase(It);
}

void unlinkFromSource(Graph &G, const EdgeRec *E) {
  auto It = G.Nodes.find(E->from);
  if (It == G.Nodes.end())
    return;
  auto &Out = It->second.out;
  Out.erase(std::find_if(Out.begin(), Out.end(),
                         [E](const auto &P) { return P.get() == E; }));
  if (Out.empty() && It->second.in.empty())
    G.Nodes.erase(It);
}
} // namespace

bool edgeKnown(std::uint64_t From, std::uint64_t To) {
  EdgeKey K{From, To};
  Shard &S = shardOf(K);
  std::lock_guard<std::mutex> L(S.Mu);
  return S.Keys.count(K) != 0;
}

EdgeResult addEdge(const EdgeRequest &R, std::vector<void *> Stack) {
  Graph &G = graph();
  EdgeKey K{R.from, R.to};
  std::lock_guard<std::mutex> L(G.Mu);
  if (edgeKnown(R.from, R.to))
    return {EdgeOutcome::Known, {}};
  if (G.EdgeCount >= maxEdges()) {
    if (G.FullReported)
      return {EdgeOutcome::Full, {}};
    G.FullReported = true;
    return {EdgeOutcome::FullFirst,
            "lockcheck: capacity-exceeded: the lock-order graph holds " +
                std::to_string(G.EdgeCount) +
                " edges (validator::setMaxEdges); new lock orders are no "
                "longer checked"};
  }
  auto FromIt = G.Nodes.try_emplace(R.from);
  if (FromIt.second)
    describeNode(FromIt.first->second, *R.fromLock);
  auto ToIt = G.Nodes.try_emplace(R.to);
  if (ToIt.second)
    describeNode(ToIt.first->second, *R.toLock);
  Node &From = FromIt.first->second, &To = ToIt.first->second;

  // A lock with no successors (the common new edge) closes no cycle.
  std::vector<const EdgeRec *> Path;
  if (!To.out.empty())
    Path = findPath(G, R.to, R.from);
  EdgeResult Result{EdgeOutcome::Added, {}};
  if (!Path.empty())
    Result = {EdgeOutcome::Cycle, cycleMessage(G, R, Stack, Path)};

  auto E = std::make_unique<EdgeRec>();
  E->from = R.from;
  E->to = R.to;
  E->inverted = !Path.empty();
  E->fromSite = R.fromSite;
  E->toSite = R.toSite;
  E->threadNumber = R.threadNumber;
  std::strncpy(E->threadName, R.threadName ? R.threadName : "",
               kThreadNameSize - 1);
  E->threadName[kThreadNameSize - 1] = '\0';
  E->stack = std::move(Stack);
  To.in.push_back(E.get());
  From.out.push_back(std::move(E));
  ++G.EdgeCount;
  shardInsert(K);
  markInGraph(*R.fromLock);
  markInGraph(*R.toLock);
  return Result;
}

void removeNode(std::uint64_t Id) noexcept {
  Graph &G = graph();
  std::lock_guard<std::mutex> L(G.Mu);
  auto It = G.Nodes.find(Id);
  if (It == G.Nodes.end())
    return;
  // Detach first: unlinking may erase neighbours, never this node.
  Node N = std::move(It->second);
  G.Nodes.erase(It);
  for (const auto &E : N.out) {
    shardErase({E->from, E->to});
    unlinkFromTarget(G, E.get());
    --G.EdgeCount;
  }
  for (EdgeRec *E : N.in) {
    shardErase({E->from, E->to});
    --G.EdgeCount;
    unlinkFromSource(G, E);
  }
}

std::atomic<std::uint64_t> GraphEpoch{1};

void resetGraph() {
  Graph &G = graph();
  std::lock_guard<std::mutex> L(G.Mu);
  G.Nodes.clear();
  G.EdgeCount = 0;
  G.FullReported = false;
  for (Shard &S : G.Shards) {
    std::lock_guard<std::mutex> SL(S.Mu);
    S.Keys.clear();
  }
  GraphEpoch.fetch_add(1);
}

void graphStats(std::size_t &Nodes, std::size_t &Edges) {
  Graph &G = graph();
  std::lock_guard<std::mutex> L(G.Mu);
  Nodes = G.Nodes.size();
  Edges = G.EdgeCount;
}

} // namespace detail
} // namespace lockcheck
