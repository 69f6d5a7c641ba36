//===- ModeSwitch.cpp - functions whose flag says who holds the lock ------===//
//
//   Status WriteOptions(bool mutex_already_held) {
//     if (!mutex_already_held) mu_.Lock();
//     ...
//     mu_.Unlock();            // expensive part without the lock
//     ...
//     if (mutex_already_held) mu_.Lock();
//   }
//
// On the paths where the flag is true the first thing done to `mu_` is a
// release: the caller holds it. On the others it is an acquisition. Neither
// "acquire first" nor "release first" describes the whole function, so
// without this it would be reported as releasing a lock that may not be held
// and returning with one that may be held. When every path that releases
// first knows the flag to be one way and every path that acquires first
// knows it the other way, the function is analysed from two entry paths: the
// flag true (false) with the lock held by the caller, and the other without.
// The function must hand the lock back as it got it in both modes: with
//   void log(bool verbose) { if (verbose) m.lock(); ... m.unlock(); }
// the "verbose == false" path would be a release wrapper, and that is far
// more often a lock taken on one branch only (reported).
//
//===----------------------------------------------------------------------===//
#include "lockcheck/FunctionAnalysis.h"
#include "clang/AST/Decl.h"
#include "clang/Analysis/CFG.h"

namespace lockcheck {

bool FunctionAnalysis::isOwnParam(const void *Key) const {
  return llvm::any_of(FD->parameters(),
                      [&](const clang::ParmVarDecl *P) { return P == Key; });
}

void FunctionAnalysis::firstTouch(LockId Id, const Disjunct &D, bool Release) {
  (Release ? FirstTouchRelease : FirstTouchAcquire).insert(Id);
  TouchModes &M = (Release ? ReleaseModes : AcquireModes)[Id];
  // A parameter's truth: keyed by the parameter (a constant argument) or by
  // an expression of it alone (`if (locked)`, `if (!held)`).
  auto IsFlag = [&](const Fact &F) {
    return !F.IsTry && !F.HasExact &&
           (isOwnParam(F.Key) || (F.Deps.size() == 1 && isOwnParam(F.Deps.front())));
  };
  if (!M.Seen) {
    M.Seen = true;
    for (const Fact &F : D.Facts)
      if (IsFlag(F))
        M.Facts.push_back(F);
    return;
  }
  llvm::erase_if(M.Facts, [&](const Fact &F) {
    const Fact *Here = D.fact(F.Key);
    return !Here || !IsFlag(*Here) || Here->Value != F.Value;
  });
}

bool FunctionAnalysis::splitByMode() {
  bool Added = false;
  for (LockId Id : FirstTouchRelease) {
    if (!FirstTouchAcquire.count(Id) || isLocalLock(Id) ||
        (PreHeld.count(Id) && !InferredPreHeld.count(Id)) || llvm::is_contained(ModeLocks, Id))
      continue;
    for (const Fact &R : ReleaseModes[Id].Facts) {
      const Fact *A = nullptr;
      for (const Fact &F : AcquireModes[Id].Facts)
        if (F.Key == R.Key && F.Value != R.Value)
          A = &F;
      // One flag decides for all such locks (a second one is not tracked).
      if (!A || (ModeFact && (ModeFact->Key != R.Key || ModeFact->Value != R.Value)))
        continue;
      if (!ModeFact)
        ModeFact = R;
      ModeLocks.push_back(Id);
      PreHeld.insert(Id);
      Added = true;
      break;
    }
  }
  return Added;
}

bool FunctionAnalysis::modeNeutralAtExit() const {
  const SharedState &AtExit = In[Cfg->getExit().getBlockID()];
  if (!AtExit)
    return true; // no normal exit
  State S = AtExit->thaw();
  for (const Disjunct &D : S.Ds) {
    bool Flagged = D.Mode == 1;
    for (LockId Id : ModeLocks)
      if (static_cast<bool>(D.held(Id)) != Flagged)
        return false;
  }
  return true;
}

void FunctionAnalysis::undoModeSplit() {
  for (LockId Id : ModeLocks)
    if (!InferredPreHeld.count(Id)) // held on entry on every path, as before
      PreHeld.erase(Id);
  ModeLocks.clear();
  ModeFact.reset();
}

} // namespace lockcheck
