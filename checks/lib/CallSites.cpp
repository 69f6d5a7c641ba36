//===- CallSites.cpp - calls, constructions and destructions as call sites ===//
//
// Every way code runs a function the TU can summarise becomes a CallSite:
// the callee, the object it runs on and its arguments, so that one mapping
// (CallEffects.cpp) serves calls, operators, constructors, destructors and
// the overriders a virtual call may reach.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/FunctionAnalysis.h"
#include "lockcheck/ClangCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace lockcheck {

static LockPath variablePath(const VarDecl *VD) {
  LockPath P;
  P.Steps.push_back({PathStep::Var, VD});
  return P;
}

void FunctionAnalysis::transferCall(const CallExpr *CE, const FunctionDecl *Callee, State &St) {
  CallSite C;
  C.Site = CE;
  C.Callee = Callee;
  llvm::ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
    checkJoin(MCE, St);
    if (const Expr *Obj = MCE->getImplicitObjectArgument())
      C.Object = Paths.fromExpr(Obj, Obj->getType()->isPointerType());
  } else if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Callee) && !Args.empty()) {
    C.Object = Paths.fromExpr(Args.front(), false); // `a == b` calls a.operator==(b)
    Args = Args.drop_front();
  }
  C.Args.assign(Args.begin(), Args.end());
  applyCallee(C, St);
  // A virtual call may run any overrider the TU defines.
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE); MCE && dispatchesVirtually(MCE))
    for (const CXXMethodDecl *Over : Virtuals.of(MCE->getMethodDecl())) {
      if (Over->getCanonicalDecl() == Callee->getCanonicalDecl())
        continue;
      CallSite O = C;
      O.Callee = Over;
      O.AcquisitionsOnly = true;
      applyCallee(O, St);
    }
}

void FunctionAnalysis::transferConstruct(const CXXConstructExpr *CE, LockPath Object,
                                         const Stmt *Site, State &St) {
  CallSite C;
  C.Site = Site;
  C.Callee = CE->getConstructor();
  C.Object = std::move(Object);
  C.Args.assign(CE->arg_begin(), CE->arg_end());
  // A class that locks in its constructor and unlocks in its destructor
  // holds the lock through a member the caller cannot name: only what the
  // constructor acquires while it runs is visible to the caller.
  C.AcquisitionsOnly = true;
  applyCallee(C, St);
}

void FunctionAnalysis::transferDestroy(const CXXDestructorDecl *Dtor, LockPath Object,
                                       const Stmt *Site, State &St) {
  if (!Dtor)
    return;
  CallSite C;
  C.Site = Site;
  C.Callee = Dtor;
  C.Object = std::move(Object);
  C.AcquisitionsOnly = true; // see transferConstruct
  applyCallee(C, St);
}

void FunctionAnalysis::transferDelete(const CXXDeleteExpr *DE, State &St) {
  const CXXDestructorDecl *Dtor = destructorOf(DE->getDestroyedType());
  if (!Dtor)
    return;
  transferDestroy(Dtor, Paths.fromExpr(DE->getArgument(), true), DE, St);
  // Deleting through a base pointer runs the most derived destructor.
  for (const CXXMethodDecl *Over : Virtuals.of(Dtor))
    transferDestroy(cast<CXXDestructorDecl>(Over), LockPath(), DE, St);
}

void FunctionAnalysis::transferImplicitDtor(const CFGElement &E, State &St) {
  const Stmt *End = FD->getBody(); // members and bases die at the closing brace
  if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
    const VarDecl *VD = D->getVarDecl();
    const Stmt *At = D->getTriggerStmt() ? D->getTriggerStmt() : End;
    checkImplicitJoin(VD, At, St);
    if (!Model.isGuardType(VD->getType()))
      transferDestroy(destructorOf(VD->getType()), variablePath(VD), At, St);
    else
      endUnlocker(VD, At, St);
  } else if (auto T = E.getAs<CFGTemporaryDtor>()) {
    const CXXBindTemporaryExpr *BTE = T->getBindTemporaryExpr();
    if (!Model.isGuardType(BTE->getType()))
      transferDestroy(BTE->getTemporary()->getDestructor(), LockPath(), BTE, St);
  } else if (auto M = E.getAs<CFGMemberDtor>()) {
    const FieldDecl *Field = M->getFieldDecl();
    LockPath P;
    P.Steps.push_back({PathStep::This});
    P.Steps.push_back({PathStep::Field, Field});
    transferDestroy(destructorOf(Field->getType()), std::move(P), End, St);
  } else if (auto B = E.getAs<CFGBaseDtor>()) {
    LockPath P;
    P.Steps.push_back({PathStep::This});
    transferDestroy(destructorOf(B->getBaseSpecifier()->getType()), std::move(P), End, St);
  }
}

void FunctionAnalysis::applyCallee(const CallSite &C, State &St) {
  bool Recording = External && Emit && Reporting;
  auto It = Summaries.find(C.Callee->getCanonicalDecl());
  if (It != Summaries.end()) {
    const FunctionSummary *S = &It->second;
    const SpecialisedSummary *Narrow =
        TUSpecialised ? specialisedSummary(*TUSpecialised, C.Callee, C.Args, Ctx) : nullptr;
    if (Narrow)
      S = &Narrow->Summary;
    // What the TU's own callee gains from other TUs is applied here later,
    // unless these arguments keep it from calling into them.
    bool Leaves = External && External->reachesOtherTUs(C.Callee) &&
                  !(Narrow && Narrow->StaysInTU);
    CallsOtherTUs |= Reporting && Leaves;
    if (Recording && Leaves)
      recordExternalCall(C, St, /*Local=*/true, /*Imported=*/false);
    if (!S->empty())
      applySummary(C, *S, St);
    return;
  }
  if (C.Callee->hasBody())
    return;
  const FunctionSummary *S = Imports.lookup(C.Callee);
  bool Imported = S && !S->empty();
  bool Outside = !SM.isInSystemHeader(SM.getExpansionLoc(C.Callee->getLocation()));
  CallsOtherTUs |= Reporting && Outside;
  if (Recording && Outside)
    recordExternalCall(C, St, /*Local=*/false, Imported);
  if (Imported)
    applySummary(C, *S, St);
}

void FunctionAnalysis::recordExternalCall(const CallSite &C, const State &St, bool Local,
                                          bool Imported) {
  ExternalCall X;
  X.Local = Local;
  X.Imported = Imported;
  const auto *MCE = dyn_cast<CXXMemberCallExpr>(C.Site);
  // The named method of a virtual call (its overriders are recorded apart).
  X.Virtual = MCE && dispatchesVirtually(MCE) &&
              MCE->getMethodDecl()->getCanonicalDecl() == C.Callee->getCanonicalDecl();
  X.Caller = FD;
  X.Callee = C.Callee;
  X.Loc = locationOf(C.Site);
  auto object = [](LockPath P, QualType T) {
    LockDesc L;
    L.Display = P.display();
    L.Path = std::move(P);
    if (!T.isNull())
      L.LockType = T.getCanonicalType().getTypePtr();
    return SummaryLock(std::move(L));
  };
  if (!C.Object.empty())
    if (const auto *MD = dyn_cast<CXXMethodDecl>(C.Callee))
      X.Args.push_back({-1, false, object(C.Object, compat::recordType(Ctx, MD->getParent()))});
  for (unsigned I = 0; I < C.Args.size() && I < C.Callee->getNumParams(); ++I) {
    QualType PT = C.Callee->getParamDecl(I)->getType();
    bool Pointer = PT->isPointerType();
    if (!Pointer && !PT->isReferenceType())
      continue;
    LockPath P = Paths.fromExpr(C.Args[I], Pointer);
    if (!P.empty())
      X.Args.push_back({static_cast<int>(I), Pointer, object(std::move(P), PT->getPointeeType())});
  }
  for (const Disjunct &D : St.Ds)
    for (const HeldLock &H : D.Held) {
      if (llvm::any_of(X.Held,
                       [&](const ExternalHeld &E) { return E.Lock.path() == Locks.info(H.Id).Path; }))
        continue;
      bool Everywhere = llvm::all_of(St.Ds, [&](const Disjunct &O) { return O.held(H.Id); });
      X.Held.push_back({summaryLock(H.Id, H.Shared, {}),
                        H.Site ? locationOf(H.Site) : SourceLocation(), Everywhere});
    }
  X.Catches = handlersAround(C.Site);
  if (!llvm::is_contained(X.Catches, "..."))
    for (const HeldLock *H : leaksIfThrown(St))
      X.LeaksIfThrows.push_back({summaryLock(H->Id, H->Shared, {}),
                                 locationOf(H->ManualSite), true});
  External->Calls.push_back(std::move(X));
}

} // namespace lockcheck
