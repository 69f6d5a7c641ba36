//===- UnguardedAccess.h - which lock guards a variable, and who skips it -*- C++ -*-===//
//
// lockcheck-unguarded-access decides, per field or global variable, which
// lock guards it (an explicit GUARDED_BY, or the lock held at most of its
// accesses), and reports the accesses made without it. The decision works on
// plain data (no AST), so one TU (plugin, clang-tidy) and the whole program
// (`lockcheck -p`, `lockcheck merge`, from the accesses in every TU's facts)
// decide alike. AccessLog.h collects the accesses of a TU.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_UNGUARDEDACCESS_H
#define LOCKCHECK_UNGUARDEDACCESS_H

#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace lockcheck {

struct Config;

/// A lock held on every path reaching an access, named relative to the
/// accessed object (see AccessLog.h for the key).
struct HeldGuard {
  std::string Key;     // identifies "the same lock" across functions and TUs
  std::string Display; // how messages name it ('mu_', 'g_lock')
  bool Exclusive = true; // held exclusively on every path (shared counts for reads)
  bool operator==(const HeldGuard &O) const {
    return Key == O.Key && Display == O.Display && Exclusive == O.Exclusive;
  }
};

/// One read or write of a field or global variable.
struct VarAccess {
  std::string Var;     // the field's or variable's USR
  std::string VarName; // as messages name it
  /// The key and display of the lock a GUARDED_BY / PT_GUARDED_BY names
  /// (empty: not annotated).
  std::string AnnotatedKey, AnnotatedDisplay;
  bool Write = false;
  /// In a constructor or destructor, or a function only they call.
  bool InitOnly = false;
  /// Under a lock that belongs to no object related to the accessed one
  /// (`b->mu` held at `a->x`): such an access neither counts nor is reported.
  bool Indeterminate = false;
  std::vector<HeldGuard> Held;
  bool operator==(const VarAccess &O) const {
    return Var == O.Var && VarName == O.VarName && AnnotatedKey == O.AnnotatedKey &&
           AnnotatedDisplay == O.AnnotatedDisplay && Write == O.Write &&
           InitOnly == O.InitOnly && Indeterminate == O.Indeterminate && Held == O.Held;
  }
};

struct GuardThresholds {
  unsigned MinAccesses = 3;
  unsigned MinPercent = 75;
  bool Reads = true;
  static GuardThresholds from(const Config &C);
};

/// One access made without its guard.
struct UnguardedVerdict {
  size_t Access;               // index into the accesses given
  std::string Message;
  std::vector<size_t> GuardedAt; // 2-3 accesses that hold the guard (notes)
  std::string NoteMessage;       // the text of those notes
};

/// Decides over \p Accesses (one TU's or the whole program's; the same access
/// seen twice, at one location, must be merged first with mergeAccess).
std::vector<UnguardedVerdict> decideUnguarded(llvm::ArrayRef<VarAccess> Accesses,
                                              const GuardThresholds &T);

/// Two records of one access (template instantiations, a header in several
/// TUs): held only where both hold it.
void mergeAccess(VarAccess &Into, const VarAccess &Other);

} // namespace lockcheck

#endif
