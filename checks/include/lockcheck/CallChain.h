//===- CallChain.h - call-chain notes, shared between summaries -*- C++ -*-===//
//
// A lock acquired N calls down is listed in the summary of every function on
// the way up, each time with the chain of calls that leads to it. Copied per
// summary, those chains made a call chain 4,000 deep cost 6x the compiler's
// memory. A CallChain is a persistent list instead: putting a step in front
// shares the rest, so each summary pays for one step, and copying a chain
// is a reference count.
//
// A chain is a view of the first size() steps of its list: cutting it to
// MaxChainSteps (take()) keeps the list and shows less of it.
//
// A call that passes up 64 locks puts the same step ("'f' calls 'g' here")
// in front of 64 chains: the step is shared as well (SharedStep), so each of
// those chains costs one small list node, not a copy of the text.
//
// The counts are not atomic: chains belong to one translation unit's
// analysis, which runs on one thread.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CALLCHAIN_H
#define LOCKCHECK_CALLCHAIN_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include <cstddef>
#include <iterator>
#include <string>

namespace lockcheck {

/// One step of a call chain, shown as a note.
struct ChainStep {
  clang::SourceLocation Loc;
  std::string Message; // "'deposit' calls 'update_balance' here", ...
};

/// One step, stored once for all the chains it starts.
struct SharedStep : llvm::RefCountedBase<SharedStep> {
  explicit SharedStep(ChainStep S) : Step(std::move(S)) {}
  const ChainStep Step;
};
using SharedStepRef = llvm::IntrusiveRefCntPtr<const SharedStep>;

/// Chains longer than this are cut in summaries (the notes would not help).
constexpr unsigned MaxChainSteps = 8;

class CallChain {
  struct Node {
    mutable unsigned Refs;
    SharedStepRef Step;
    const Node *Next;
  };

public:
  CallChain() = default;
  /// \p First, then the steps of \p Rest (shared, not copied).
  CallChain(ChainStep First, const CallChain &Rest);
  CallChain(SharedStepRef First, const CallChain &Rest);
  explicit CallChain(ChainStep Only);
  CallChain(const CallChain &O) : Head(O.Head), Size(O.Size) { retain(Head); }
  CallChain(CallChain &&O) noexcept : Head(O.Head), Size(O.Size) {
    O.Head = nullptr;
    O.Size = 0;
  }
  CallChain &operator=(CallChain O) noexcept {
    std::swap(Head, O.Head);
    std::swap(Size, O.Size);
    return *this;
  }
  ~CallChain() { release(Head); }

  /// The first \p N steps (the calls nearest the caller).
  CallChain take(size_t N) const {
    CallChain C(*this);
    C.Size = N < Size ? static_cast<unsigned>(N) : Size;
    return C;
  }
  size_t size() const { return Size; }
  bool empty() const { return Size == 0; }

  class iterator {
  public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = ChainStep;
    using difference_type = std::ptrdiff_t;
    using pointer = const ChainStep *;
    using reference = const ChainStep &;
    iterator() = default;
    reference operator*() const { return N->Step->Step; }
    pointer operator->() const { return &N->Step->Step; }
    iterator &operator++() {
      N = --Left ? N->Next : nullptr;
      return *this;
    }
    iterator operator++(int) {
      iterator Old = *this;
      ++*this;
      return Old;
    }
    bool operator==(const iterator &O) const { return N == O.N; }
    bool operator!=(const iterator &O) const { return N != O.N; }

  private:
    friend class CallChain;
    iterator(const Node *N, unsigned Left) : N(Left ? N : nullptr), Left(Left) {}
    const Node *N = nullptr;
    unsigned Left = 0;
  };
  iterator begin() const { return iterator(Head, Size); }
  iterator end() const { return iterator(); }

private:
  static void retain(const Node *N) {
    if (N)
      ++N->Refs;
  }
  /// Iterative: a list may be as long as the longest call chain.
  static void release(const Node *N);

  const Node *Head = nullptr;
  unsigned Size = 0; // steps shown; the list may go on (see take())
};

} // namespace lockcheck

#endif
