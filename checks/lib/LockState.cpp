//===- LockState.cpp - the dataflow lattice -------------------------------===//
#include "lockcheck/LockState.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include <algorithm>

namespace lockcheck {

// A state keeps at most this many distinct locksets; past it, facts are
// forgotten, then paths dropped (reported under the debug flag).
static constexpr unsigned MaxDisjuncts = 16;

LockId LockTable::intern(const LockPath &P, const LockTraits &Traits,
                         const void *ClassKey, const clang::NamedDecl *ClassDecl,
                         const clang::Type *LockType, llvm::StringRef Display) {
  llvm::SmallString<64> Key; // on the stack: a function may intern 64 locks per call
  for (const PathStep &S : P.Steps) {
    Key.push_back(static_cast<char>(S.K));
    Key.append(llvm::StringRef(reinterpret_cast<const char *>(&S.Decl), sizeof(S.Decl)));
    Key.append(llvm::StringRef(reinterpret_cast<const char *>(&S.Const), sizeof(S.Const)));
  }
  auto [It, New] = ByKey.try_emplace(Key, Infos.size());
  if (New)
    Infos.push_back({P, Display.empty() ? P.display() : Display.str(), Traits, ClassKey,
                     ClassDecl, LockType});
  return It->second;
}

template <typename Vec, typename KeyT, typename Proj>
static auto lowerBound(Vec &V, KeyT K, Proj P) {
  return llvm::partition_point(V, [&](const auto &E) { return P(E) < K; });
}

HeldLock *Disjunct::held(LockId Id) {
  auto It = lowerBound(Held, Id, [](const HeldLock &H) { return H.Id; });
  return It != Held.end() && It->Id == Id ? &*It : nullptr;
}
const HeldLock *Disjunct::held(LockId Id) const {
  return const_cast<Disjunct *>(this)->held(Id);
}
void Disjunct::setHeld(const HeldLock &H) {
  auto It = lowerBound(Held, H.Id, [](const HeldLock &X) { return X.Id; });
  if (It != Held.end() && It->Id == H.Id)
    *It = H;
  else
    Held.insert(It, H);
}
void Disjunct::dropHeld(LockId Id) {
  auto It = lowerBound(Held, Id, [](const HeldLock &H) { return H.Id; });
  if (It != Held.end() && It->Id == Id)
    Held.erase(It);
}

static constexpr uint16_t MaxCount = 8; // recursion depth we distinguish

void Disjunct::acquireLock(LockId Id, bool Shared, const clang::VarDecl *Guard,
                           const clang::Stmt *Site) {
  if (HeldLock *H = held(Id)) {
    H->Count = std::min<uint16_t>(H->Count + 1, MaxCount);
    if (Guard) {
      H->Guard = H->Guard ? H->Guard : Guard;
    } else {
      if (H->Manual == 0)
        H->ManualSite = Site;
      // Bounded like Count: a loop taking a recursive lock again and again
      // would otherwise never reach a fixpoint.
      H->Manual = std::min<uint16_t>(H->Manual + 1, H->Count);
    }
    return;
  }
  HeldLock H;
  H.Id = Id;
  H.Shared = Shared;
  H.Guard = Guard;
  H.Site = Site;
  H.Manual = Guard ? 0 : 1;
  H.ManualSite = Guard ? nullptr : Site;
  setHeld(H);
}

void Disjunct::releaseByGuard(LockId Id) {
  HeldLock *H = held(Id);
  if (!H)
    return;
  if (--H->Count == 0)
    return dropHeld(Id);
  H->Manual = std::min(H->Manual, H->Count);
}

void Disjunct::releaseManual(LockId Id) {
  HeldLock *H = held(Id);
  if (!H)
    return;
  if (H->Manual > 0)
    --H->Manual;
  if (--H->Count == 0)
    dropHeld(Id);
}

void Disjunct::holdOnEntry(LockId Id) {
  HeldLock H;
  H.Id = Id;
  H.Manual = 1;
  setHeld(H);
}

GuardEntry *Disjunct::guard(const clang::VarDecl *V) {
  auto It = lowerBound(Guards, V, [](const GuardEntry &G) { return G.Var; });
  return It != Guards.end() && It->Var == V ? &*It : nullptr;
}
GuardEntry &Disjunct::addGuard(const clang::VarDecl *V) {
  auto It = lowerBound(Guards, V, [](const GuardEntry &G) { return G.Var; });
  if (It != Guards.end() && It->Var == V) {
    *It = GuardEntry();
    It->Var = V;
    return *It;
  }
  GuardEntry E;
  E.Var = V;
  return *Guards.insert(It, std::move(E));
}
void Disjunct::dropGuard(const clang::VarDecl *V) {
  auto It = lowerBound(Guards, V, [](const GuardEntry &G) { return G.Var; });
  if (It != Guards.end() && It->Var == V)
    Guards.erase(It);
}

const Fact *Disjunct::fact(const void *Key) const {
  auto It = lowerBound(Facts, Key, [](const Fact &F) { return F.Key; });
  return It != Facts.end() && It->Key == Key ? &*It : nullptr;
}
// Facts a disjunct keeps at most; past it the lowest key goes (a function
// with hundreds of live conditions gains nothing from remembering them all).
static constexpr unsigned MaxFacts = 32;

void Disjunct::setFact(Fact F) {
  if (Facts.size() >= MaxFacts && !fact(F.Key))
    Facts.erase(Facts.begin());
  auto It = lowerBound(Facts, F.Key, [](const Fact &X) { return X.Key; });
  if (It != Facts.end() && It->Key == F.Key)
    *It = std::move(F);
  else
    Facts.insert(It, std::move(F));
}
void Disjunct::dropFactsAbout(const clang::ValueDecl *D) {
  llvm::erase_if(Facts, [&](const Fact &F) {
    return F.Key == D || llvm::is_contained(F.Deps, D);
  });
}

const clang::Stmt *Disjunct::lastRelease(LockId Id) const {
  auto It = lowerBound(Released, Id, [](const auto &R) { return R.first; });
  return It != Released.end() && It->first == Id ? It->second : nullptr;
}
void Disjunct::noteRelease(LockId Id, const clang::Stmt *S) {
  auto It = lowerBound(Released, Id, [](const auto &R) { return R.first; });
  if (It != Released.end() && It->first == Id)
    It->second = S;
  else
    Released.insert(It, {Id, S});
}

/// Keeps the facts \p Other shares and adds its releases; false if that
/// changed nothing.
static bool intersectFacts(Disjunct &Into, const Disjunct &Other) {
  size_t Facts = Into.Facts.size(), Released = Into.Released.size();
  llvm::erase_if(Into.Facts, [&](const Fact &F) {
    const Fact *G = Other.fact(F.Key);
    return !G || !(*G == F);
  });
  for (const auto &[L, S] : Other.Released)
    if (!Into.lastRelease(L))
      Into.noteRelease(L, S);
  // Facts are only removed and releases only added: a count tells.
  return Into.Facts.size() != Facts || Into.Released.size() != Released;
}

bool State::normalize() {
  // In place: a disjunct is large, and this runs on every edge.
  size_t Kept = 0;
  for (size_t I = 0; I < Ds.size(); ++I) {
    auto *It = std::find_if(Ds.begin(), Ds.begin() + Kept,
                            [&](const Disjunct &O) { return O.sameShape(Ds[I]); });
    if (It != Ds.begin() + Kept) {
      intersectFacts(*It, Ds[I]);
      continue;
    }
    if (I != Kept)
      Ds[Kept] = std::move(Ds[I]);
    ++Kept;
  }
  Ds.truncate(Kept);
  return bound();
}

bool State::bound() {
  if (Ds.size() <= MaxDisjuncts)
    return true;
  for (Disjunct &D : Ds)
    D.Facts.clear();
  Ds.resize(MaxDisjuncts);
  return false;
}

bool State::joinWith(const State &O) {
  Ds.reserve(Ds.size() + O.Ds.size());
  Ds.append(O.Ds.begin(), O.Ds.end());
  return normalize();
}

bool State::joinNormalized(State &&O, bool *Changed) {
  if (Changed)
    *Changed = !O.Ds.empty();
  if (Ds.empty()) {
    Ds = std::move(O.Ds);
    return true;
  }
  // Neither side has two disjuncts of one shape: only pairs across them can.
  bool Any = false;
  size_t Mine = Ds.size();
  Ds.reserve(Mine + O.Ds.size());
  for (Disjunct &D : O.Ds) {
    auto *It = std::find_if(Ds.begin(), Ds.begin() + Mine,
                            [&](const Disjunct &X) { return X.sameShape(D); });
    if (It != Ds.begin() + Mine) {
      Any |= intersectFacts(*It, D);
    } else {
      Ds.push_back(std::move(D));
      Any = true;
    }
  }
  if (Changed)
    *Changed = Any;
  return bound();
}

bool State::operator==(const State &O) const {
  if (Ds.size() != O.Ds.size())
    return false;
  if (std::equal(Ds.begin(), Ds.end(), O.Ds.begin())) // the usual case: same order
    return true;
  for (const Disjunct &D : Ds)
    if (!llvm::is_contained(O.Ds, D))
      return false;
  return true;
}

} // namespace lockcheck
