//===- Hooks.cpp - the validator's checks on each lock operation ----------===//
//
// Called by the validated primitives around every native lock operation.
// The common case -- a thread taking one lock while holding none -- touches
// only thread-local data and the lock's own owner field.
//
//===----------------------------------------------------------------------===//

#include "Backtrace.h"
#include "LockGraph.h"
#include "Reporting.h"
#include "ThreadState.h"

#include <cstring>

#define LOCKCHECK_NOINLINE __attribute__((noinline))

namespace lockcheck {
namespace detail {
namespace {
thread_local ThreadState T; // zero-initialised: no constructor runs

std::uint64_t self() {
  if (!T.number)
    assignThreadNumber(T);
  return T.number;
}

bool isRecursive(LockKind K) {
  return K == LockKind::RecursiveMutex || K == LockKind::RecursiveTimedMutex;
}

HeldEntry *findHeld(const LockMeta *M) {
  for (unsigned I = T.nheld; I-- > 0;)
    if (T.held[I].lock == M)
      return &T.held[I];
  return nullptr;
}

void eraseHeld(HeldEntry *E) {
  HeldEntry *End = T.held + T.nheld;
  if (E + 1 != End) // not the innermost lock: keep the order of the others
    std::memmove(E, E + 1, (End - (E + 1)) * sizeof(HeldEntry));
  --T.nheld;
}

std::uint64_t nodeOf(LockMeta &M) {
  std::atomic<std::uint64_t> &Slot = M.lockClass ? M.lockClass->node : M.node;
  std::uint64_t Id = Slot.load(std::memory_order_relaxed);
  if (Id)
    return Id;
  std::uint64_t Fresh = newNodeId(T);
  return Slot.compare_exchange_strong(Id, Fresh, std::memory_order_relaxed)
             ? Fresh
             : Id;
}

std::string me() { return threadLabel(self()); }

// Frees the thread's edge cache when the thread ends.
struct CacheOwner {
  ~CacheOwner() {
    delete T.cache;
    T.cache = nullptr;
    T.cacheGone = true;
  }
};

// The thread's edge cache, or null while the thread is being torn down
// (destructors of other thread_locals may still lock).
EdgeCache *edgeCache() {
  std::uint64_t Epoch = GraphEpoch.load(std::memory_order_relaxed);
  if (!T.cache) {
    if (T.cacheGone)
      return nullptr;
    static thread_local CacheOwner Owner;
    (void)Owner;
    T.cache = new EdgeCache();
    T.cache->epoch = Epoch;
  } else if (T.cache->epoch != Epoch) { // the graph was reset
    T.cache->clear();
    T.cache->epoch = Epoch;
  }
  return T.cache;
}

const char *modeWord(Mode Md) {
  return Md == Mode::Shared ? "shared" : "exclusive";
}

// Reports a second acquisition of a lock the thread holds. Returns false
// (do not acquire) if the report did not throw or abort.
bool selfDeadlock(LockMeta &M, Mode Md, const SiteInfo &Where,
                  const HeldEntry &First, bool Try) {
  std::string S = "lockcheck: self-deadlock: " + me() +
                  (Try ? " tries to acquire " : " acquires ") + lockLabel(M);
  if (Md == Mode::Shared)
    S += " shared";
  S += " at " + siteLabel(Where) + "\n";
  S += "  but already holds it";
  if (First.mode == Mode::Shared)
    S += " shared";
  S += ", acquired at " + siteLabel(First.site) + "\n";
  if (First.mode == Mode::Shared && Md == Mode::Exclusive)
    S += "  upgrading a shared lock to exclusive waits for itself";
  else if (M.kind == LockKind::SharedMutex)
    S += "  a shared mutex is not re-entrant in either mode";
  else
    S += "  the mutex is not recursive; use lockcheck::RecursiveMutex if "
         "re-entry is intended";
  raise(ReportKind::SelfDeadlock, std::move(S), validator::misuseAction());
  return false;
}

bool releaseNotHeld(LockMeta &M, Mode Md, const SiteInfo &Where,
                    const HeldEntry *Other) {
  std::string S =
      "lockcheck: release-not-held: " + me() + " releases " + lockLabel(M);
  if (Md == Mode::Shared)
    S += " (shared)";
  S += " at " + siteLabel(Where) + "\n";
  std::uint64_t Owner = M.owner.load(std::memory_order_relaxed);
  if (Other)
    S += std::string("  but holds it ") + modeWord(Other->mode) +
         ", acquired at " + siteLabel(Other->site) + "; release it with " +
         (Other->mode == Mode::Shared ? "unlock_shared()" : "unlock()");
  else if (Owner)
    S += "  but it is held by " + threadLabel(Owner) +
         "; only the owner may release it";
  else if (M.sharedHolders.load(std::memory_order_relaxed))
    S += "  but this thread does not hold it; other threads hold it shared";
  else
    S += "  but it is not locked";
  raise(ReportKind::ReleaseNotHeld, std::move(S), validator::misuseAction());
  return false;
}

// Adds "held -> M" for the locks this thread holds. Walking down the held
// stack can stop after the first lock taken by a blocking lock(): the edges
// recorded when it was taken already lead from the locks below it.
LOCKCHECK_NOINLINE void checkOrder(LockMeta &M, const SiteInfo &Where,
                                   const void *Caller) {
  EdgeCache *Cache = edgeCache();
  std::uint64_t To = nodeOf(M);
  for (unsigned I = T.nheld; I-- > 0;) {
    HeldEntry &H = T.held[I];
    std::uint64_t From = nodeOf(*H.lock);
    if (From != To) {
      EdgeKey K{From, To};
      std::uint64_t Hash = hashEdge(K);
      if (!Cache || !Cache->contains(K, Hash)) {
        bool Known = edgeKnown(From, To);
        if (Cache) // before raising: each order is reported once
          Cache->insert(K, Hash);
        if (!Known) {
          EdgeRequest R{From, To, H.lock, &M, H.site, Where, self(), T.name};
          EdgeResult Res = addEdge(R, captureStack(stackDepth(), Caller));
          if (Res.outcome == EdgeOutcome::Cycle)
            raise(ReportKind::LockOrderCycle, std::move(Res.message),
                  validator::orderAction());
          else if (Res.outcome == EdgeOutcome::FullFirst)
            raise(ReportKind::CapacityExceeded, std::move(Res.message),
                  Action::Report);
        }
      }
    }
    if (H.blocking)
      break;
  }
}

// The held stack is full: further locks are not tracked (bounded memory).
LOCKCHECK_NOINLINE void heldStackFull() {
  ++T.untracked;
  if (T.overflowReported)
    return;
  T.overflowReported = true;
  raise(ReportKind::CapacityExceeded,
        "lockcheck: capacity-exceeded: " + me() + " holds more than " +
            std::to_string(kMaxHeld) +
            " locks at once; locks beyond that are not checked",
        Action::Report);
}
} // namespace

LOCKCHECK_NOINLINE bool beforeLock(LockMeta &M, Mode Md,
                                   const SiteInfo &Where) {
  if (T.nheld == 0)
    return true;
  if (HeldEntry *E = findHeld(&M)) {
    if (isRecursive(M.kind))
      return true;
    selfDeadlock(M, Md, Where, *E, /*Try=*/false);
    // Action::Report: count it, as if the lock were recursive. (Look the
    // entry up again: the report handler may have locked and unlocked.)
    if (HeldEntry *Again = findHeld(&M))
      ++Again->phantom;
    return false;
  }
  checkOrder(M, Where, __builtin_return_address(0));
  return true;
}

bool beforeTryLock(LockMeta &M, Mode Md, const SiteInfo &Where) {
  if (T.nheld == 0)
    return true;
  if (HeldEntry *E = findHeld(&M)) {
    if (isRecursive(M.kind))
      return true;
    return selfDeadlock(M, Md, Where, *E, /*Try=*/true);
  }
  return true;
}

void afterLock(LockMeta &M, Mode Md, const SiteInfo &Where, bool Blocking) {
  unsigned N = T.nheld;
  if (Md == Mode::Exclusive) {
    if (N && isRecursive(M.kind))
      if (HeldEntry *E = findHeld(&M)) {
        ++E->depth;
        return;
      }
    M.owner.store(self(), std::memory_order_relaxed);
  } else {
    M.sharedHolders.fetch_add(1, std::memory_order_relaxed);
  }
  if (N == kMaxHeld)
    return heldStackFull();
  // Field by field: building a HeldEntry and copying it stalls on
  // store forwarding.
  HeldEntry &E = T.held[N];
  E.lock = &M;
  E.site.file = Where.file;
  E.site.function = Where.function;
  E.site.line = Where.line;
  E.depth = 1;
  E.phantom = 0;
  E.mode = Md;
  E.blocking = Blocking;
  T.nheld = N + 1;
}

bool beforeUnlock(LockMeta &M, Mode Md, const SiteInfo &Where) {
  HeldEntry *E = T.nheld ? findHeld(&M) : nullptr;
  if (!E) {
    if (T.untracked) { // most likely one of the untracked acquisitions
      --T.untracked;
      if (Md == Mode::Exclusive)
        M.owner.store(0, std::memory_order_relaxed);
      else
        M.sharedHolders.fetch_sub(1, std::memory_order_relaxed);
      return true;
    }
    return releaseNotHeld(M, Md, Where, nullptr);
  }
  if (E->phantom) { // a re-entry reported with Action::Report
    --E->phantom;
    return false;
  }
  if (E->mode != Md)
    return releaseNotHeld(M, Md, Where, E);
  if (E->depth > 1) {
    --E->depth;
    return true;
  }
  eraseHeld(E);
  // Before the native unlock: the next owner may set it right after.
  if (Md == Mode::Exclusive)
    M.owner.store(0, std::memory_order_relaxed);
  else
    M.sharedHolders.fetch_sub(1, std::memory_order_relaxed);
  return true;
}

void checkHeld(const LockMeta &M, Mode Md, const SiteInfo &Where) {
  const HeldEntry *E = findHeld(&M);
  if (E && (Md == Mode::Shared || E->mode == Mode::Exclusive))
    return;
  std::string S = "lockcheck: not-held: " + me() + " asserts that it holds " +
                  lockLabel(M) + (Md == Mode::Shared ? " (shared)" : "") +
                  " at " + siteLabel(Where) + "\n  but ";
  if (E)
    S += "it holds it only shared, acquired at " + siteLabel(E->site);
  else if (std::uint64_t Owner = M.owner.load(std::memory_order_relaxed))
    S += "it is held by " + threadLabel(Owner);
  else
    S += "it does not hold it";
  raise(ReportKind::NotHeld, std::move(S), validator::misuseAction());
}

void onDestroy(LockMeta &M) noexcept {
  std::uint64_t Owner = M.owner.load(std::memory_order_relaxed);
  if (Owner || M.sharedHolders.load(std::memory_order_relaxed)) {
    std::string S = "lockcheck: destroyed-while-held: " + me() + " destroys " +
                    lockLabel(M) + " while ";
    HeldEntry *E = findHeld(&M);
    if (E)
      S += "it holds it, acquired at " + siteLabel(E->site);
    else if (Owner)
      S += threadLabel(Owner) + " holds it";
    else
      S += "other threads hold it shared";
    if (E)
      eraseHeld(E);
    try {
      raise(ReportKind::DestroyedWhileHeld, std::move(S),
            validator::misuseAction(), /*MayThrow=*/false);
    } catch (...) { // a report handler that throws cannot leave a destructor
    }
  }
  if (M.inGraph.load(std::memory_order_relaxed) && !M.lockClass)
    removeNode(M.node.load(std::memory_order_relaxed));
}

void onClassDestroy(ClassMeta &C) noexcept {
  removeNode(C.node.load(std::memory_order_relaxed));
}

} // namespace detail

namespace validator {
void setThreadName(const char *Name) {
  using namespace detail;
  std::strncpy(T.name, Name ? Name : "", kThreadNameSize - 1);
  T.name[kThreadNameSize - 1] = '\0';
  registerThreadName(self(), T.name);
}

Stats stats() {
  Stats S;
  detail::graphStats(S.nodes, S.edges);
  S.reports = detail::reportCount();
  return S;
}

void resetForTesting() {
  detail::resetGraph();
  detail::resetReportCount();
  detail::T.overflowReported = false;
}
} // namespace validator
} // namespace lockcheck
