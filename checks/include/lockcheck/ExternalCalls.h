//===- ExternalCalls.h - calls to functions the TU only declares -*- C++ -*-===//
//
// When facts are requested, each call to a function defined in another TU is
// recorded with what a later, whole-project step needs to apply that
// function's summary without this TU's source: the objects bound to `this`
// and to reference/pointer parameters, and the locks held at the call.
// Calls to the TU's own functions that reach another TU are recorded too
// (`Local`): what such a callee gains across TUs is checked at them.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_EXTERNALCALLS_H
#define LOCKCHECK_EXTERNALCALLS_H

#include "lockcheck/Summary.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace lockcheck {

struct ExternalArg {
  int Index = -1;       // -1: the object `this` refers to
  bool Pointee = false; // the object a pointer parameter points to
  SummaryLock Object;   // path, display and type of the object
};

struct ExternalHeld {
  SummaryLock Lock;
  clang::SourceLocation Site; // where it was acquired
  bool Definite = true;       // held on every path to the call
};

struct ExternalCall {
  const clang::FunctionDecl *Caller = nullptr, *Callee = nullptr;
  clang::SourceLocation Loc;
  llvm::SmallVector<ExternalArg, 2> Args;
  llvm::SmallVector<ExternalHeld, 2> Held;
  bool Local = false; // the callee is the TU's own and reaches another TU
  /// The TU applied another TU's summary of the callee (whole-project
  /// analysis): the call belongs to the TU's findings, not phase 2's.
  bool Imported = false;
  /// A virtual call that may run any overrider (FactCall::Virtual).
  bool Virtual = false;
  /// If the callee throws: the handlers on the way out of the caller
  /// (caught type names, innermost first; "..." catches all), and the manual
  /// locks the exception leaves held when it leaves the caller.
  llvm::SmallVector<std::string, 1> Catches;
  llvm::SmallVector<ExternalHeld, 1> LeaksIfThrows;
};

struct ExternalCallLog {
  std::vector<ExternalCall> Calls;
  /// Canonical declarations of the TU's functions that call a function the
  /// TU only declares, directly or through other functions of the TU.
  llvm::DenseSet<const clang::FunctionDecl *> ReachOtherTUs;
  bool reachesOtherTUs(const clang::FunctionDecl *FD) const {
    return ReachOtherTUs.contains(FD->getCanonicalDecl());
  }
};

} // namespace lockcheck

#endif
