//===- StatePool.h - one compact copy of each distinct block state -*- C++ -*-===//
//
// A function's analysis keeps the state at the entry and exit of every CFG
// block. A State is built for speed (inline space for a few locks, guards
// and facts per path, about 1 KiB even when nearly empty); tens of
// thousands of blocks of those are what made a 20,000-branch function take
// gigabytes. The blocks therefore keep frozen states: the contents in one
// array of words, in a canonical order (so equal states are equal words),
// one copy of each distinct state shared by every block that has it. The
// pool counts their bytes so that the analysis can bound its memory.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_STATEPOOL_H
#define LOCKCHECK_STATEPOOL_H

#include "lockcheck/LockState.h"
#include "llvm/ADT/DenseMap.h"
#include <cstdint>
#include <memory>
#include <vector>

namespace lockcheck {

/// Buffers reused by every freezing (one per pool, so one per thread).
struct FreezeScratch {
  std::vector<uint64_t> Words;
  struct Part {
    size_t Begin, End; // in Words
    unsigned Index;    // of the disjunct in the State
  };
  std::vector<Part> Parts; // in the frozen order
};

class FrozenState {
public:
  FrozenState(const State &S, FreezeScratch &Scratch);
  State thaw() const;
  size_t bytes() const { return sizeof(*this) + Words.capacity() * sizeof(uint64_t); }
  bool operator==(const FrozenState &O) const { return Words == O.Words; }
  uint64_t hash() const;

private:
  std::vector<uint64_t> Words;
};

/// Null: no state yet. Two blocks with equal states share one pointer.
using SharedState = std::shared_ptr<const FrozenState>;

class StatePool {
public:
  /// The pool's copy of \p S (equal states, whatever the order of their
  /// disjuncts, give the same pointer).
  SharedState intern(const State &S);
  /// \p S thawed. The last few states thawed are kept thawed: a block's
  /// state is read by each of its successors and again when reporting, and
  /// copying a State is cheaper than decoding it.
  State thaw(const SharedState &S);
  /// intern(), keeping \p S (reordered as thawing would give it) as the
  /// thawed form: a block's exit state, about to be read by its successors.
  SharedState internKeeping(State &&S);
  /// The thawed form of \p S if kept, else null (valid until the next call).
  const State *peekThawed(const SharedState &S) const;
  /// Bytes of the distinct states kept (those fallen out of use count until
  /// the next sweep).
  size_t bytes() const { return Bytes; }
  /// Forgets the states no block refers to any more (also done now and then
  /// by intern) and counts the bytes again.
  void sweep();
  void clear();

private:
  llvm::DenseMap<uint64_t, llvm::SmallVector<SharedState, 1>> ByHash;
  FreezeScratch Scratch;
  static constexpr unsigned Recent = 4;
  std::pair<SharedState, State> Thawed[Recent];
  unsigned NextThawed = 0;
  void keepThawed(const SharedState &S, State &&Decoded);
  size_t Bytes = 0;
  size_t SweptBytes = 0; // Bytes right after the last sweep
};

} // namespace lockcheck

#endif
