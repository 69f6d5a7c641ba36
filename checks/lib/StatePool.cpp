//===- StatePool.cpp ------------------------------------------------------===//
#include "lockcheck/StatePool.h"
#include "llvm/Support/xxhash.h"
#include <algorithm>

namespace lockcheck {

namespace {
template <typename T> uint64_t word(const T *P) { return reinterpret_cast<uintptr_t>(P); }
template <typename T> const T *pointer(uint64_t W) {
  return reinterpret_cast<const T *>(static_cast<uintptr_t>(W));
}

/// One disjunct as words: each list is its length, then its entries.
void encode(const Disjunct &D, std::vector<uint64_t> &W) {
  W.push_back(D.Mode);
  W.push_back(D.Held.size());
  for (const HeldLock &H : D.Held) {
    W.push_back(H.Id);
    W.push_back(uint64_t(H.Count) | uint64_t(H.Manual) << 16 | uint64_t(H.Shared) << 32);
    W.push_back(word(H.Guard));
    W.push_back(word(H.Site));
    W.push_back(word(H.ManualSite));
  }
  W.push_back(D.Guards.size());
  for (const GuardEntry &G : D.Guards) {
    W.push_back(word(G.Var));
    W.push_back(uint64_t(G.Owns) | uint64_t(G.Shared) << 1 | uint64_t(G.Unlocker) << 2);
    W.push_back(word(G.Site));
    W.push_back(word(G.ReleaseSite));
    W.push_back(word(G.RestoreTo));
    W.push_back(G.Locks.size());
    W.insert(W.end(), G.Locks.begin(), G.Locks.end());
  }
  W.push_back(D.Facts.size());
  for (const Fact &F : D.Facts) {
    W.push_back(word(F.Key));
    W.push_back(uint64_t(F.IsTry) | uint64_t(F.Enc) << 8 | uint64_t(F.Value) << 16 |
                uint64_t(F.HasExact) << 24);
    W.push_back(static_cast<uint64_t>(F.Exact));
    // Interned: equal lists are one pointer.
    W.push_back(word(F.Deps.data()));
    W.push_back(F.Deps.size());
  }
  W.push_back(D.Released.size());
  for (const auto &[Id, Site] : D.Released) {
    W.push_back(Id);
    W.push_back(word(Site));
  }
}

/// Reads back one disjunct from \p At, which it advances, into \p D
/// (fresh: built in place, a disjunct is large to move).
void decode(const uint64_t *&At, Disjunct &D) {
  D.Mode = static_cast<uint8_t>(*At++);
  for (uint64_t N = *At++; N; --N) {
    HeldLock H;
    H.Id = At[0];
    H.Count = At[1] & 0xffff;
    H.Manual = (At[1] >> 16) & 0xffff;
    H.Shared = (At[1] >> 32) & 1;
    H.Guard = pointer<clang::VarDecl>(At[2]);
    H.Site = pointer<clang::Stmt>(At[3]);
    H.ManualSite = pointer<clang::Stmt>(At[4]);
    At += 5;
    D.Held.push_back(H);
  }
  for (uint64_t N = *At++; N; --N) {
    GuardEntry G;
    G.Var = pointer<clang::VarDecl>(At[0]);
    G.Owns = At[1] & 1;
    G.Shared = (At[1] >> 1) & 1;
    G.Unlocker = (At[1] >> 2) & 1;
    G.Site = pointer<clang::Stmt>(At[2]);
    G.ReleaseSite = pointer<clang::Stmt>(At[3]);
    G.RestoreTo = pointer<clang::VarDecl>(At[4]);
    uint64_t Locks = At[5];
    At += 6;
    for (; Locks; --Locks)
      G.Locks.push_back(static_cast<LockId>(*At++));
    D.Guards.push_back(std::move(G));
  }
  for (uint64_t N = *At++; N; --N) {
    Fact F;
    F.Key = pointer<void>(At[0]);
    F.IsTry = At[1] & 1;
    F.Enc = static_cast<SuccessValue>((At[1] >> 8) & 0xff);
    F.Value = (At[1] >> 16) & 1;
    F.HasExact = (At[1] >> 24) & 1;
    F.Exact = static_cast<int64_t>(At[2]);
    F.Deps = {pointer<const clang::ValueDecl *>(At[3]), static_cast<size_t>(At[4])};
    At += 5;
    D.Facts.push_back(F);
  }
  for (uint64_t N = *At++; N; --N) {
    D.Released.push_back({static_cast<LockId>(At[0]), pointer<clang::Stmt>(At[1])});
    At += 2;
  }
}
} // namespace

FrozenState::FrozenState(const State &S, FreezeScratch &Buffers) {
  // Disjuncts in the order of their words: a state is a set of them. All
  // are encoded into one scratch buffer (one allocation, not one each),
  // then copied in order. (The buffers are the pool's, not thread_local:
  // in a shared library every access to those is a call.)
  std::vector<uint64_t> &Scratch = Buffers.Words;
  std::vector<FreezeScratch::Part> &Parts = Buffers.Parts;
  Scratch.clear();
  Parts.clear();
  for (const Disjunct &D : S.Ds) {
    size_t Begin = Scratch.size();
    encode(D, Scratch);
    Parts.push_back({Begin, Scratch.size(), unsigned(Parts.size())});
  }
  const uint64_t *Base = Scratch.data();
  std::sort(Parts.begin(), Parts.end(), [Base](const auto &A, const auto &B) {
    return std::lexicographical_compare(Base + A.Begin, Base + A.End, Base + B.Begin,
                                        Base + B.End);
  });
  Words.reserve(Scratch.size() + 1);
  Words.push_back(S.Ds.size());
  for (const FreezeScratch::Part &P : Parts)
    Words.insert(Words.end(), Base + P.Begin, Base + P.End);
}

State FrozenState::thaw() const {
  State S;
  const uint64_t *At = Words.data();
  uint64_t N = *At++;
  S.Ds.reserve(N);
  for (; N; --N)
    decode(At, S.Ds.emplace_back());
  return S;
}

uint64_t FrozenState::hash() const {
  return llvm::xxh3_64bits(llvm::ArrayRef<uint8_t>(
      reinterpret_cast<const uint8_t *>(Words.data()), Words.size() * sizeof(uint64_t)));
}

SharedState StatePool::intern(const State &S) {
  auto Frozen = std::make_shared<const FrozenState>(S, Scratch);
  auto &Bucket = ByHash[Frozen->hash()];
  for (const SharedState &Have : Bucket)
    if (*Have == *Frozen)
      return Have;
  Bytes += Frozen->bytes();
  Bucket.push_back(Frozen);
  // States fall out of use as blocks move on: sweep once the pool has
  // doubled since the last sweep (amortised, and at most half garbage).
  if (Bytes > 2 * SweptBytes + (size_t(1) << 20))
    sweep();
  return Frozen;
}

const State *StatePool::peekThawed(const SharedState &S) const {
  for (const auto &[Frozen, Copy] : Thawed)
    if (Frozen == S)
      return &Copy;
  return nullptr;
}

State StatePool::thaw(const SharedState &S) {
  if (const State *Kept = peekThawed(S))
    return *Kept;
  keepThawed(S, S->thaw());
  return Thawed[(NextThawed + Recent - 1) % Recent].second;
}

SharedState StatePool::internKeeping(State &&S) {
  SharedState Frozen = intern(S);
  // Scratch.Parts still has the frozen order of S's disjuncts (equal states
  // freeze alike, so it is the order of the pool's copy too).
  State Ordered;
  Ordered.Ds.reserve(S.Ds.size());
  for (const FreezeScratch::Part &P : Scratch.Parts)
    Ordered.Ds.push_back(std::move(S.Ds[P.Index]));
  keepThawed(Frozen, std::move(Ordered));
  return Frozen;
}

void StatePool::keepThawed(const SharedState &S, State &&Decoded) {
  if (peekThawed(S))
    return;
  auto &[Frozen, Copy] = Thawed[NextThawed];
  NextThawed = (NextThawed + 1) % Recent;
  Frozen = S;
  Copy = std::move(Decoded);
}

void StatePool::sweep() {
  Bytes = 0;
  llvm::SmallVector<uint64_t, 16> Empty;
  for (auto &[Hash, Bucket] : ByHash) {
    llvm::erase_if(Bucket, [](const SharedState &S) { return S.use_count() == 1; });
    for (const SharedState &S : Bucket)
      Bytes += S->bytes();
    if (Bucket.empty())
      Empty.push_back(Hash);
  }
  for (uint64_t H : Empty)
    ByHash.erase(H);
  SweptBytes = Bytes;
}

void StatePool::clear() {
  ByHash.clear();
  for (auto &[Frozen, Copy] : Thawed) {
    Frozen = nullptr;
    Copy = State();
  }
  Bytes = 0;
  SweptBytes = 0;
}

} // namespace lockcheck
