//===- SwitchModes.h - a parameter's switch selects what a function does -*- C++ -*-===//
//
// `pause_threads(PAUSE)` acquires, `pause_threads(RESUME)` releases: see
// SwitchModes.cpp. FunctionAnalysis::switchEdgeFeasible cuts the cases a
// known parameter value does not take.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_SWITCHMODES_H
#define LOCKCHECK_SWITCHMODES_H

#include "lockcheck/Finding.h"
#include "lockcheck/ParamSpecialisation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace lockcheck {

struct TUContext;
class WrapperEvidence;

/// The case values of the first `switch` on one of \p FD's parameters that
/// names 2 to 8 values (all constant); empty when there is none.
llvm::SmallVector<ParamValue, 8> switchedParamValues(const clang::FunctionDecl *FD,
                                                     const clang::ASTContext &Ctx);

/// Analyses \p FD once for each of \p Values alone (the other cases cut
/// off): the findings of all of them (each once) into \p Findings, what they
/// say about wrappers into \p Evidence. False when one of them was skipped,
/// or when not some values acquire and others release (then the modes are
/// no interface, and the whole function is reported as usual).
bool analyseModes(clang::ASTContext &Ctx, const clang::FunctionDecl *FD, const TUContext &TU,
                  llvm::ArrayRef<ParamValue> Values, std::vector<Finding> &Findings,
                  WrapperEvidence &Evidence);

} // namespace lockcheck

#endif
