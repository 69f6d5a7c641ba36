//===- IndexedLocks.cpp - elements of arrays of locks ---------------------===//
//
// `m[i]` and `m[j]` are different locks unless the index is the same
// unchanged variable (or the same constant). When an index variable changes
// (`++i`, `i = ...`, the end of its lifetime), the locks it indexed stand for
// "elements indexed by earlier values of i": a lock of its own, so that
//   for (i = 0; i < n; ++i) lock(&m[i]);   ...   for (j ...) unlock(&m[j]);
// is no double lock. Releasing an element that is not held while such
// earlier elements are releases one of them; from then on they are "partly
// released", and an exit that still has them is not reported (which of them
// remain is not known).
//
//===----------------------------------------------------------------------===//
#include "lockcheck/FunctionAnalysis.h"
#include <limits>

using namespace clang;

namespace lockcheck {

// Index step constants (with the index variable kept for display).
static constexpr int64_t EarlierIndex = std::numeric_limits<int64_t>::min();
static constexpr int64_t PartlyReleasedIndex = EarlierIndex + 1;

static bool isEarlierStep(const PathStep &S) {
  return S.K == PathStep::Index && S.Decl &&
         (S.Const == EarlierIndex || S.Const == PartlyReleasedIndex);
}

bool FunctionAnalysis::isVariableElement(LockId Id) const {
  return llvm::any_of(Locks.info(Id).Path.Steps,
                      [](const PathStep &S) { return S.K == PathStep::Index && S.Decl; });
}

bool FunctionAnalysis::isEarlierElements(LockId Id) const {
  return llvm::any_of(Locks.info(Id).Path.Steps, isEarlierStep);
}

bool FunctionAnalysis::isPartlyReleased(LockId Id) const {
  for (const PathStep &S : Locks.info(Id).Path.Steps)
    if (S.K == PathStep::Index && S.Decl && S.Const == PartlyReleasedIndex)
      return true;
  return false;
}

/// Replaces \p From by \p To in \p D (guards included); if \p To is already
/// held, the two merge.
static void renameHeld(Disjunct &D, LockId From, LockId To) {
  HeldLock H = *D.held(From);
  D.dropHeld(From);
  if (!D.held(To)) {
    H.Id = To;
    D.setHeld(H);
  }
  for (GuardEntry &G : D.Guards)
    for (LockId &Id : G.Locks)
      if (Id == From)
        Id = To;
}

void FunctionAnalysis::indexChanged(const ValueDecl *V, State &St) {
  for (Disjunct &D : St.Ds) {
    llvm::SmallVector<std::pair<LockId, LockId>, 2> Renames;
    for (const HeldLock &H : D.Held) {
      const LockInfo &LI = Locks.info(H.Id);
      bool Indexed = false;
      LockPath P = LI.Path;
      for (PathStep &S : P.Steps)
        if (S.K == PathStep::Index && S.Decl == V && !isEarlierStep(S)) {
          S.Const = EarlierIndex;
          Indexed = true;
        }
      if (Indexed)
        Renames.push_back({H.Id, internTyped(P, LI.Traits, LI.LockType)});
    }
    for (auto [From, To] : Renames)
      renameHeld(D, From, To);
  }
}

std::optional<LockId> FunctionAnalysis::heldEarlierElement(const Disjunct &D,
                                                           LockId Id) const {
  const LockPath &P = Locks.info(Id).Path;
  if (llvm::none_of(P.Steps, [](const PathStep &S) { return S.K == PathStep::Index; }))
    return std::nullopt;
  for (const HeldLock &H : D.Held) {
    const LockPath &Q = Locks.info(H.Id).Path;
    if (Q.Steps.size() != P.Steps.size())
      continue;
    bool Earlier = false, Same = true;
    for (size_t I = 0; I < Q.Steps.size() && Same; ++I) {
      if (isEarlierStep(Q.Steps[I])) {
        Earlier = true;
        Same = P.Steps[I].K == PathStep::Index;
      } else {
        Same = Q.Steps[I] == P.Steps[I];
      }
    }
    if (Earlier && Same)
      return H.Id;
  }
  return std::nullopt;
}

void FunctionAnalysis::releaseEarlierElement(Disjunct &D, LockId Earlier) {
  if (isPartlyReleased(Earlier))
    return;
  const LockInfo &LI = Locks.info(Earlier);
  LockPath P = LI.Path;
  for (PathStep &S : P.Steps)
    if (isEarlierStep(S))
      S.Const = PartlyReleasedIndex;
  renameHeld(D, Earlier, internTyped(P, LI.Traits, LI.LockType));
}

} // namespace lockcheck
