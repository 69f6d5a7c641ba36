//===- AttributeEffects.cpp - thread-safety attributes beyond acquire/release -===//
//
// assert_capability (assert_exclusive_lock, assert_shared_lock) says the lock
// is held at that point without taking it: a lock this function has not
// acquired is then its caller's, held on entry; one it released before is
// held again without the function having acquired it.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/FunctionAnalysis.h"

namespace lockcheck {

void FunctionAnalysis::assertHeld(llvm::ArrayRef<LockId> Ids, State &St) {
  for (LockId Id : Ids)
    for (Disjunct &D : St.Ds) {
      Asserted.insert(Id); // no acquisition to hand on to a caller
      if (D.held(Id))
        continue;
      if (!D.lastRelease(Id) && !isLocalLock(Id))
        firstTouch(Id, D, /*Release=*/true); // solved again with it held on entry
      D.holdOnEntry(Id);
    }
}

} // namespace lockcheck
