//===- WrapperEvidence.h - lock wrappers, inferred over the TU --*- C++ -*-===//
//
// A function that acquires a lock and never releases it is either a bug
// (a forgotten unlock) or an acquire wrapper (`begin()` locks, `end()`
// unlocks). The evidence for a wrapper is another function of the TU that
// releases a lock of the same class without acquiring it first (a release
// wrapper), or an annotation. Findings that a wrapper would excuse wait here
// until the whole TU has been seen.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_WRAPPEREVIDENCE_H
#define LOCKCHECK_WRAPPEREVIDENCE_H

#include "lockcheck/Finding.h"
#include "llvm/ADT/DenseSet.h"
#include <utility>
#include <vector>

namespace lockcheck {

class WrapperEvidence {
public:
  /// Some function releases locks of \p LockClass that its caller holds.
  void noteReleaseWrapper(const void *LockClass) { ReleaseWrappers.insert(LockClass); }
  /// \p F stands unless a release wrapper for \p LockClass turns up.
  void defer(const void *LockClass, Finding F) {
    Deferred.emplace_back(LockClass, std::move(F));
  }
  /// Takes \p O's evidence, and its deferred findings when \p WithDeferred.
  void absorb(WrapperEvidence &O, bool WithDeferred) {
    ReleaseWrappers.insert(O.ReleaseWrappers.begin(), O.ReleaseWrappers.end());
    if (WithDeferred)
      for (auto &D : O.Deferred)
        Deferred.push_back(std::move(D));
    O.ReleaseWrappers.clear();
    O.Deferred.clear();
  }
  bool hasDeferred() const { return !Deferred.empty(); }
  void flush(FindingSink &Sink) {
    for (auto &[Class, F] : Deferred)
      if (!ReleaseWrappers.count(Class))
        Sink.report(std::move(F));
    Deferred.clear();
  }

private:
  llvm::DenseSet<const void *> ReleaseWrappers;
  std::vector<std::pair<const void *, Finding>> Deferred;
};

} // namespace lockcheck

#endif
