//===- SwitchModes.cpp - a parameter's switch selects what a function does ===//
//
//   void pause_threads(enum pause_type type) {
//     switch (type) {
//     case PAUSE:  pthread_mutex_lock(&hang_lock);   break;
//     case RESUME: pthread_mutex_unlock(&hang_lock); break;
//     }
//   }
//
// One function, two wrappers: an acquire wrapper for PAUSE and a release
// wrapper for RESUME. Analysed over all its paths at once it releases a lock
// that may not be held and returns with one that may be. When every value
// the switch names, analysed alone (the other cases cut off), gives no
// finding, and some values acquire while others release, those findings
// came from mixing the modes. So such a function is
// reported as its modes are: what each value's own analysis finds (a lock
// left held on one mode's error path), and nothing for mixing them.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/SwitchModes.h"
#include "lockcheck/FindingFilter.h"
#include "lockcheck/FunctionAnalysis.h"
#include "lockcheck/LockOrder.h"
#include "lockcheck/StmtWalk.h"
#include "lockcheck/WrapperEvidence.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/CFG.h"
#include <set>
#include <tuple>

using namespace clang;

namespace lockcheck {

/// Values a switch names at most, for it to count as a choice of modes.
constexpr unsigned MaxModes = 8;

static const ParmVarDecl *switchedParam(const SwitchStmt *Sw) {
  const Expr *C = Sw->getCond();
  const auto *DRE = C ? dyn_cast<DeclRefExpr>(C->IgnoreParenImpCasts()) : nullptr;
  return DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
}

static std::optional<int64_t> caseValue(const CaseStmt *CS, const ASTContext &Ctx) {
  Expr::EvalResult R;
  if (CS->caseStmtIsGNURange() || CS->getLHS()->isValueDependent() ||
      !CS->getLHS()->EvaluateAsInt(R, Ctx) || R.Val.getInt().getSignificantBits() > 64)
    return std::nullopt;
  return R.Val.getInt().getExtValue();
}

llvm::SmallVector<ParamValue, 8> switchedParamValues(const FunctionDecl *FD,
                                                     const ASTContext &Ctx) {
  llvm::SmallVector<ParamValue, 8> Out;
  forEachStmt(FD->getBody(), [&](const Stmt *S) {
    const auto *Sw = dyn_cast<SwitchStmt>(S);
    const ParmVarDecl *P = Sw ? switchedParam(Sw) : nullptr;
    if (!P || P->getDeclContext() != FD)
      return false;
    llvm::SmallVector<ParamValue, 8> Values;
    for (const SwitchCase *SC = Sw->getSwitchCaseList(); SC; SC = SC->getNextSwitchCase())
      if (const auto *CS = dyn_cast<CaseStmt>(SC)) {
        std::optional<int64_t> V = caseValue(CS, Ctx);
        if (!V)
          return true; // a case that is no constant: no modes at all
        // Past MaxModes the values are not kept (deduplicating 20,000 cases
        // would be quadratic), only checked to be constants.
        ParamValue PV{P->getFunctionScopeIndex(), *V};
        if (Values.size() <= MaxModes && !llvm::is_contained(Values, PV))
          Values.push_back(PV);
      }
    if (Values.size() < 2 || Values.size() > MaxModes)
      return false;
    Out = std::move(Values); // the first such switch decides
    return true;
  });
  return Out;
}

bool FunctionAnalysis::switchEdgeFeasible(const CFGBlock *From, unsigned SuccIndex,
                                          const Disjunct &D) const {
  const auto *Sw = dyn_cast_or_null<SwitchStmt>(From->getTerminatorStmt());
  const ParmVarDecl *P = Sw ? switchedParam(Sw) : nullptr;
  const Fact *F = P ? D.fact(P) : nullptr;
  if (!F || F->IsTry || !(F->HasExact || !F->Value))
    return true; // nothing known about the value
  int64_t Known = F->HasExact ? F->Exact : 0;
  const CFGBlock *To = (From->succ_begin() + SuccIndex)->getReachableBlock();
  if (!To)
    return true;
  if (const auto *CS = dyn_cast_or_null<CaseStmt>(To->getLabel())) {
    std::optional<int64_t> V = caseValue(CS, Ctx);
    return !V || *V == Known;
  }
  // The default (or the way past the switch): taken when no case matches.
  for (const SwitchCase *SC = Sw->getSwitchCaseList(); SC; SC = SC->getNextSwitchCase())
    if (const auto *CS = dyn_cast<CaseStmt>(SC))
      if (std::optional<int64_t> V = caseValue(CS, Ctx); V && *V == Known)
        return false;
  return true;
}

bool analyseModes(ASTContext &Ctx, const FunctionDecl *FD, const TUContext &TU,
                  llvm::ArrayRef<ParamValue> Values, std::vector<Finding> &Findings,
                  WrapperEvidence &Evidence) {
  std::set<std::tuple<unsigned, unsigned, std::string>> Seen;
  bool Acquiring = false, Releasing = false;
  for (const ParamValue &PV : Values) {
    CollectingSink Caught;
    LockOrderGraph NoOrder(Ctx.getSourceManager());
    TUContext Alone = TU.redirected(Caught, Evidence, NoOrder, /*KeepLogs=*/false);
    FunctionAnalysis FA(Ctx, FD, Alone, /*Emit=*/true);
    FA.assumeParam(PV);
    if (!FA.run())
      return false;
    Acquiring |= !FA.summary().NetAcquired.empty() || !FA.summary().NetAcquiredIf.empty();
    Releasing |= !FA.summary().NetReleased.empty();
    for (Finding &F : Caught.Findings) // one mistake in code the modes share, once
      if (Seen.insert({static_cast<unsigned>(F.CheckKind), F.Loc.getRawEncoding(), F.Message})
              .second)
        Findings.push_back(std::move(F));
  }
  // Locking on one value and unlocking on another is an interface; a value
  // that only unlocks, with none that locks, is a lock taken in one case only.
  return Acquiring && Releasing;
}

} // namespace lockcheck
