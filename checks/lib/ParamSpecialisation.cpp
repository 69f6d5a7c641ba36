//===- ParamSpecialisation.cpp - summaries for constant arguments --------===//
#include "lockcheck/ParamSpecialisation.h"
#include "lockcheck/StmtWalk.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace lockcheck {
namespace {

/// The integer or bool constant \p E is, if it is one.
std::optional<int64_t> constantArgument(const Expr *E, const ASTContext &Ctx) {
  if (!E || E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  QualType T = E->IgnoreParenImpCasts()->getType();
  if (!T->isIntegralOrEnumerationType())
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsInt(R, Ctx) || R.Val.getInt().getSignificantBits() > 64)
    return std::nullopt;
  return R.Val.getInt().getExtValue();
}

/// Adds the parameters that \p E mentions to \p Out.
void paramsIn(const Stmt *S, llvm::DenseSet<const ParmVarDecl *> &Out, unsigned Depth = 0) {
  if (!S || Depth > 32)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
      Out.insert(P);
  for (const Stmt *C : S->children())
    paramsIn(C, Out, Depth + 1);
}

/// The parameters of \p FD that a branch of its body tests.
llvm::DenseSet<const ParmVarDecl *> testedParams(const FunctionDecl *FD) {
  llvm::DenseSet<const ParmVarDecl *> Tested;
  forEachStmt(FD->getBody(), [&](const Stmt *S) {
    const Expr *Cond = nullptr;
    if (const auto *If = dyn_cast<IfStmt>(S))
      Cond = If->getCond();
    else if (const auto *CO = dyn_cast<AbstractConditionalOperator>(S))
      Cond = CO->getCond();
    else if (const auto *Sw = dyn_cast<SwitchStmt>(S))
      Cond = Sw->getCond();
    else if (const auto *W = dyn_cast<WhileStmt>(S))
      Cond = W->getCond();
    else if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isLogicalOp())
      Cond = BO->getLHS();
    paramsIn(Cond, Tested);
    return false;
  });
  return Tested;
}

} // namespace

llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<ParamValue, 2>>
constantArguments(llvm::ArrayRef<const FunctionDecl *> Fns, ASTContext &Ctx) {
  llvm::DenseMap<const FunctionDecl *, const FunctionDecl *> Defined; // canonical -> definition
  for (const FunctionDecl *FD : Fns)
    Defined[FD->getCanonicalDecl()] = FD;
  llvm::DenseMap<const FunctionDecl *, llvm::DenseSet<const ParmVarDecl *>> TestedCache;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<ParamValue, 2>> Out;
  for (const FunctionDecl *Caller : Fns)
    forEachStmt(Caller->getBody(), [&](const Stmt *S) {
      const auto *CE = dyn_cast<CallExpr>(S);
      const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
      if (!Callee || isa<CXXOperatorCallExpr>(CE))
        return false;
      auto Def = Defined.find(Callee->getCanonicalDecl());
      if (Def == Defined.end())
        return false;
      const FunctionDecl *Body = Def->second;
      auto [TIt, New] = TestedCache.try_emplace(Body);
      if (New)
        TIt->second = testedParams(Body);
      for (unsigned I = 0; I < CE->getNumArgs() && I < Body->getNumParams(); ++I) {
        if (!TIt->second.count(Body->getParamDecl(I)))
          continue;
        std::optional<int64_t> V = constantArgument(CE->getArg(I), Ctx);
        if (!V)
          continue;
        llvm::SmallVector<ParamValue, 2> &Vs = Out[Body->getCanonicalDecl()];
        ParamValue PV{I, *V};
        if (Vs.size() < MaxSpecialisations && !llvm::is_contained(Vs, PV))
          Vs.push_back(PV);
      }
      return false;
    });
  return Out;
}

const SpecialisedSummary *specialisedSummary(const SpecialisedTable &Table,
                                          const FunctionDecl *Callee,
                                          llvm::ArrayRef<const Expr *> Args,
                                          const ASTContext &Ctx) {
  auto It = Table.find(Callee->getCanonicalDecl());
  if (It == Table.end())
    return nullptr;
  for (const SpecialisedSummary &S : It->second)
    if (S.At.Param < Args.size())
      if (std::optional<int64_t> V = constantArgument(Args[S.At.Param], Ctx); V && *V == S.At.Value)
        return &S;
  return nullptr;
}

} // namespace lockcheck
