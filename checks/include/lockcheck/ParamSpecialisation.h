//===- ParamSpecialisation.h - summaries for constant arguments -*- C++ -*-===//
//
// Many functions take a flag that selects what they do with a lock:
//
//   Status WriteOptionsFile(bool mutex_already_held) {
//     if (!mutex_already_held) mu_.Lock(); ... }
//   void handler(int fd) { if (fd == -42) reschedule(); else accept(); }
//
// Their summary covers every value, so a caller holding `mu_` that calls
// `WriteOptionsFile(true)` would be told the call acquires `mu_` again. For
// each constant a call in the TU passes to such a parameter (one tested in a
// condition of the callee), the callee is analysed once more, quietly, with
// the parameter known to hold that constant; calls passing that constant use
// the narrower summary.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_PARAMSPECIALISATION_H
#define LOCKCHECK_PARAMSPECIALISATION_H

#include "lockcheck/Summary.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
} // namespace clang

namespace lockcheck {

/// Parameter \c Param holds the constant \c Value.
struct ParamValue {
  unsigned Param = 0;
  int64_t Value = 0;
  bool operator==(const ParamValue &O) const { return Param == O.Param && Value == O.Value; }
};

struct SpecialisedSummary {
  ParamValue At;
  FunctionSummary Summary;
  /// With this constant the function calls nothing that leads into another
  /// TU, though it does for other values (`if (fd == -42) return;` before
  /// the call): a call passing it is not replayed on the facts.
  bool StaysInTU = false;
};

/// Canonical declaration -> its summaries for particular constant arguments.
using SpecialisedTable =
    llvm::DenseMap<const clang::FunctionDecl *, llvm::SmallVector<SpecialisedSummary, 1>>;

/// At most this many constants per function are analysed separately.
constexpr unsigned MaxSpecialisations = 4;

/// The constants calls in \p Fns pass to a flag parameter of another of
/// \p Fns, keyed by the callee's canonical declaration.
llvm::DenseMap<const clang::FunctionDecl *, llvm::SmallVector<ParamValue, 2>>
constantArguments(llvm::ArrayRef<const clang::FunctionDecl *> Fns, clang::ASTContext &Ctx);

/// The summary of \p Callee specialised for the constants among \p Args
/// (bound to its parameters in order), or null.
const SpecialisedSummary *specialisedSummary(const SpecialisedTable &Table,
                                          const clang::FunctionDecl *Callee,
                                          llvm::ArrayRef<const clang::Expr *> Args,
                                          const clang::ASTContext &Ctx);

} // namespace lockcheck

#endif
