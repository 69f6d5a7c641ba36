//===- AccessLog.h - reads and writes of shared state, with their locks -*- C++ -*-===//
//
// For lockcheck-unguarded-access: every read and write of a field or global
// variable in the TU's functions, with the locks held on every path reaching
// it. Accesses are found by one syntactic walk before the analysis (which
// also decides read or write from the context); the locks come from the
// report pass of each function's dataflow (FunctionAnalysis calls onStmt at
// every statement). A function that touches no lock is not analysed: its
// accesses hold nothing of their own.
//
// Through calls: a function that is not virtual, not a lambda and whose
// address is never taken, called from the TU, holds on entry what every call
// site holds (in its own terms: the callee's `this` and parameters, and
// globals). A function only constructors or destructors call is init-only
// like them. A function with no caller in the TU gains nothing.
//
// "The same lock": a lock held at an access `B.x` (B the object's path) is
// keyed by the part of both paths after their longest common prefix, so
// `this->mu_` at `this->x` and `a->mu_` at `a->x` are one key, and `b->mu_`
// at `a->x` is unrelated. Locks rooted at a global are keyed by their path.
// For a global variable the key is the lock's class (its field or variable).
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_ACCESSLOG_H
#define LOCKCHECK_ACCESSLOG_H

#include "lockcheck/Facts.h"
#include "lockcheck/Finding.h"
#include "lockcheck/LockState.h"
#include "lockcheck/UnguardedAccess.h"
#include "llvm/ADT/ArrayRef.h"
#include "clang/Basic/SourceLocation.h"
#include <memory>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace lockcheck {

class LockModel;

class AccessLog {
public:
  AccessLog(clang::ASTContext &Ctx, const LockModel &Model,
            llvm::ArrayRef<const clang::FunctionDecl *> Fns);
  ~AccessLog();

  /// The report pass of \p FD's analysis is at \p S, in state \p St.
  void onStmt(const clang::FunctionDecl *FD, const clang::Stmt *S, const State &St,
              const LockTable &Locks, const LockPathBuilder &Paths);
  /// \p FD's analysis ran its report pass (\p Completed) or gave up.
  void analysed(const clang::FunctionDecl *FD, bool Completed);

  struct Entry {
    VarAccess Access;
    clang::SourceLocation Loc;
    const clang::FunctionDecl *Fn;
  };
  /// Every access with the locks its function and its callers hold, one per
  /// location (instantiations merged).
  std::vector<Entry> finish();

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};

/// Reports the TU's unguarded accesses.
void reportUnguarded(llvm::ArrayRef<AccessLog::Entry> Entries, const GuardThresholds &T,
                     FindingSink &Sink);

/// The accesses as facts, for whole-program decisions.
std::vector<FactAccess> accessesAsFacts(llvm::ArrayRef<AccessLog::Entry> Entries,
                                        clang::ASTContext &Ctx);

/// The whole program's unguarded accesses, from every TU's facts.
std::vector<FactFinding> unguardedAcrossTUs(llvm::ArrayRef<const TUFacts *> TUs,
                                            const GuardThresholds &T);

} // namespace lockcheck

#endif
