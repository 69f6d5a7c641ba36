//===- ThreadState.h - what the validator keeps per thread ------*- C++ -*-===//
//
// The locks a thread holds (a small fixed stack: threads rarely nest more
// than a few), its number and name for reports, and a cache of lock-order
// edges it has already seen so that the global graph is only consulted for
// new pairs. Plain data with zero initial state, so the thread_local needs
// no constructor, guard or destructor.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_RUNTIME_THREADSTATE_H
#define LOCKCHECK_RUNTIME_THREADSTATE_H

#include "lockcheck/Validator.h"

#include <cstdint>
#include <string>

namespace lockcheck {
namespace detail {

constexpr unsigned kMaxHeld = 64;
constexpr unsigned kThreadNameSize = 32;

struct HeldEntry {
  LockMeta *lock;
  SiteInfo site;
  std::uint32_t depth;   // native acquisitions (recursive mutexes)
  std::uint32_t phantom; // re-entries reported with Action::Report
  Mode mode;
  bool blocking; // acquired by lock(), not by a try
};

struct EdgeKey {
  std::uint64_t from, to;
  bool operator==(const EdgeKey &O) const {
    return from == O.from && to == O.to;
  }
};

inline std::uint64_t hashEdge(const EdgeKey &K) {
  return (K.from * 0x9E3779B97F4A7C15ull) ^ (K.to * 0xC2B2AE3D27D4EB4Full);
}

/// The lock-order edges a thread has seen: 4-way set-associative, one cache
/// line per set, 4096 edges (64 KiB). Allocated the first time the thread
/// nests two locks; node ids are never reused, so entries for destroyed
/// locks are merely dead, never wrong.
struct EdgeCache {
  static constexpr unsigned kSetBits = 10, kWays = 4;
  struct alignas(64) Set {
    EdgeKey way[kWays];
  };
  Set sets[1u << kSetBits];
  std::uint64_t epoch;
  unsigned victim;

  bool contains(const EdgeKey &K, std::uint64_t H) const {
    const Set &S = sets[H >> (64 - kSetBits)];
    for (const EdgeKey &W : S.way)
      if (W == K)
        return true;
    return false;
  }
  void insert(const EdgeKey &K, std::uint64_t H) {
    Set &S = sets[H >> (64 - kSetBits)];
    for (EdgeKey &W : S.way)
      if (W.from == 0) {
        W = K;
        return;
      }
    S.way[victim++ % kWays] = K;
  }
  void clear() {
    for (Set &S : sets)
      S = Set{};
  }
};

struct ThreadState {
  std::uint64_t number; // 0 until first needed
  char name[kThreadNameSize];
  HeldEntry held[kMaxHeld];
  unsigned nheld;
  unsigned untracked; // acquisitions beyond kMaxHeld
  bool overflowReported;
  EdgeCache *cache;            // null until first needed
  bool cacheGone;              // freed at thread exit
  std::uint64_t idNext, idEnd; // block of node ids owned by this thread
};

/// Gives the thread its number (and the name "main" on the main thread).
void assignThreadNumber(ThreadState &T);
/// Remembers \p Name for thread \p Number so other threads can print it.
void registerThreadName(std::uint64_t Number, const char *Name);
/// "thread #3 'worker'" for any thread (names registered above).
std::string threadLabel(std::uint64_t Number);
/// A graph id never used before, from the thread's block.
std::uint64_t newNodeId(ThreadState &T);

} // namespace detail
} // namespace lockcheck

#endif
