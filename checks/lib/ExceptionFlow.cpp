//===- ExceptionFlow.cpp - where exceptions go, and what they leave held --===//
//
// Clang's CFG gives calls and `throw` an exception edge (to the enclosing
// try's dispatch block, or the exit) but skips guard destructors on it, and
// gives constructors and `new` none. Here each throwing point asks the
// ThrowModel what it may throw; a point that throws nothing known is no
// exception path at all. The exception is then routed by hand: leaving a try
// block releases its guards, each handler takes the types it matches (a
// handler for a base catches the derived; an exception of unknown type may
// or may not be caught by a typed handler), and what reaches the exit is an
// escape.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/FunctionAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"

using namespace clang;

namespace lockcheck {

void FunctionAnalysis::prescanExceptions() {
  if (!Throws.exceptionsEnabled())
    return;
  for (const CFGBlock *B : *Cfg)
    if (const auto *Try = dyn_cast_or_null<CXXTryStmt>(B->getTerminatorStmt()))
      TryDispatch[Try] = B;
  // Which try block each statement is in (handlers belong to the try
  // around their try statement), and what is not a run-time throwing point.
  struct Item {
    const Stmt *S;
    const CXXTryStmt *Try;
    bool Quiet; // evaluated at compile time, or part of a `throw` operand
  };
  llvm::SmallVector<Item, 64> Work{{FD->getBody(), nullptr, false}};
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Work.push_back({Init->getInit(), nullptr, false});
  while (!Work.empty()) {
    auto [S, Try, Quiet] = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue; // a lambda's body is a function of its own
    if (Try)
      EnclosingTry[S] = Try;
    if (Quiet)
      NotThrowPoints.insert(S);
    if (const auto *T = dyn_cast<CXXTryStmt>(S)) {
      Work.push_back({T->getTryBlock(), T, Quiet});
      for (unsigned I = 0; I < T->getNumHandlers(); ++I)
        Work.push_back({T->getHandler(I), Try, Quiet});
      continue;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit()) {
          // A constexpr variable's initializer runs in the compiler.
          bool CompileTime =
              VD->isConstexpr() || (VD->isStaticLocal() && !VD->getInit()->isValueDependent() &&
                                    VD->hasConstantInitialization());
          Work.push_back({VD->getInit(), Try, Quiet || CompileTime});
        }
      continue;
    }
    // The exception object's construction is part of the `throw` (which is
    // reported itself); constant expressions run in the compiler; sizeof,
    // noexcept and typeid of a non-polymorphic operand do not run theirs.
    const auto *TI = dyn_cast<CXXTypeidExpr>(S);
    bool QuietChildren = Quiet || isa<CXXThrowExpr>(S) || isa<ConstantExpr>(S) ||
                         isa<UnaryExprOrTypeTraitExpr>(S) || isa<CXXNoexceptExpr>(S) ||
                         (TI && !TI->isPotentiallyEvaluated());
    for (const Stmt *C : S->children())
      Work.push_back({C, Try, QuietChildren});
  }
}

const CFGBlock *FunctionAnalysis::exceptionalSuccessor(const CFGBlock *B) const {
  unsigned I = 0;
  const CFGBlock *Target = nullptr;
  for (const auto &Succ : B->succs()) {
    if (isExceptionEdge(B, I))
      Target = Succ.getReachableBlock();
    ++I;
  }
  return Target;
}

/// Where an exception from \p S goes when the CFG has no edge for it: the
/// dispatch block of the try block around it, or the exit.
const CFGBlock *FunctionAnalysis::exceptionTarget(const Stmt *S) const {
  auto It = EnclosingTry.find(S);
  if (It != EnclosingTry.end())
    if (auto D = TryDispatch.find(It->second); D != TryDispatch.end())
      return D->second;
  return &Cfg->getExit();
}

void FunctionAnalysis::exceptionAt(const CFGBlock *B, const Stmt *S, bool CallWithEdge,
                                   const State &St) {
  if (NotThrowPoints.count(S))
    return;
  ThrowSet Thrown;
  const CFGBlock *Target = nullptr;
  if (CallWithEdge) {
    Thrown = Throws.callThrows(cast<CallExpr>(S), FD);
    Target = exceptionalSuccessor(B);
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
    Thrown = Throws.constructThrows(CE);
    Target = exceptionTarget(S);
  } else if (const auto *NE = dyn_cast<CXXNewExpr>(S)) {
    Thrown = Throws.newThrows(NE);
    Target = exceptionTarget(S);
  } else if (const auto *DC = dyn_cast<CXXDynamicCastExpr>(S)) {
    Thrown = Throws.dynamicCastThrows(DC);
    Target = exceptionTarget(S);
  }
  if (!Thrown.empty())
    propagateException(Target, St, S, std::move(Thrown));
}

void FunctionAnalysis::releaseGuardsLeaving(State &S,
                                            llvm::ArrayRef<const VarDecl *> Guards) {
  for (Disjunct &D : S.Ds)
    for (const VarDecl *G : Guards) {
      GuardEntry *E = D.guard(G);
      if (!E)
        continue;
      if (E->Owns)
        for (LockId Id : E->Locks)
          D.releaseByGuard(Id);
      D.dropGuard(G);
    }
}

void FunctionAnalysis::propagateException(const CFGBlock *Target, State S, const Stmt *ThrowPt,
                                          ThrowSet Thrown) {
  for (unsigned Depth = 0; Target && !Thrown.empty() && Depth < 64; ++Depth) {
    if (Target == &Cfg->getExit()) {
      recordEscape(S, ThrowPt, Thrown);
      return;
    }
    const auto *Try = dyn_cast_or_null<CXXTryStmt>(Target->getTerminatorStmt());
    if (!Try)
      return;
    auto GIt = GuardsInTry.find(Try);
    if (GIt != GuardsInTry.end())
      releaseGuardsLeaving(S, GIt->second);
    const CFGBlock *Next = nullptr;
    for (const auto &Succ : Target->succs()) {
      const CFGBlock *H = Succ.getReachableBlock();
      if (!H)
        continue;
      const auto *Catch = dyn_cast_or_null<CXXCatchStmt>(H->getLabel());
      if (!Catch) {
        Next = H;
        continue;
      }
      if (Thrown.empty())
        continue;
      // The types this handler takes; an unknown type may be this one.
      bool Enters = false;
      ThrowSet Rest;
      if (!Catch->getExceptionDecl()) {
        Enters = true;
      } else {
        for (size_t I = 0; I < Thrown.Types.size(); ++I)
          if (Throws.catches(Catch, Thrown.Types[I]))
            Enters = true;
          else
            Rest.add(Thrown.Types[I], Thrown.Origins[I]);
        Enters |= Thrown.Unknown;
        Rest.Unknown = Thrown.Unknown;
      }
      if (Enters && !Reporting) {
        State &EIn = ExceptionIn[H->getBlockID()];
        State Old = EIn;
        if (!EIn.joinWith(S))
          LostPrecision = true;
        if (!(Old == EIn))
          enqueue(H);
      }
      Thrown = std::move(Rest);
    }
    Target = Next;
  }
}

bool FunctionAnalysis::exceptionsEndHere() const {
  // An exception leaving a noexcept function (destructors included) ends the
  // program in std::terminate; no lock outlives that.
  const auto *FPT = FD->getType()->getAs<FunctionProtoType>();
  return (FPT && FPT->isNothrow()) || isa<CXXDestructorDecl>(FD);
}

void FunctionAnalysis::recordEscape(const State &S, const Stmt *ThrowPt,
                                    const ThrowSet &Thrown) {
  if (!Reporting || exceptionsEndHere())
    return;
  EscapeThrown[ThrowPt].merge(Thrown);
  SourceLocation At = isa<Expr>(ThrowPt) ? cast<Expr>(ThrowPt)->getExprLoc()
                                         : ThrowPt->getBeginLoc();
  for (const Disjunct &D : S.Ds)
    for (const HeldLock &H : D.Held)
      if (keepEarliestLeak(Escapes, H, {At, H.Id, true, false, isa<CXXThrowExpr>(ThrowPt)}))
        EscapeStmts[{H.ManualSite, H.Id}] = ThrowPt;
}

llvm::SmallVector<std::string, 1> FunctionAnalysis::handlersAround(const Stmt *S) {
  llvm::SmallVector<std::string, 1> Out;
  if (!Throws.exceptionsEnabled())
    return Out;
  for (auto It = EnclosingTry.find(S); It != EnclosingTry.end();
       It = EnclosingTry.find(It->second))
    for (unsigned I = 0; I < It->second->getNumHandlers(); ++I)
      Out.push_back(Throws.caughtName(It->second->getHandler(I)));
  if (exceptionsEndHere())
    Out.push_back("...");
  return Out;
}

llvm::SmallVector<const HeldLock *, 2> FunctionAnalysis::leaksIfThrown(const State &St) const {
  llvm::SmallVector<const HeldLock *, 2> Out;
  for (const Disjunct &D : St.Ds)
    for (const HeldLock &H : D.Held)
      if (H.Manual && H.ManualSite && !PreHeld.count(H.Id) &&
          !ExpectedHeldAtExit.count(H.Id) &&
          (ReleasedSomewhere.count(H.Id) || isLocalLock(H.Id)) &&
          llvm::none_of(Out, [&](const HeldLock *O) { return O->Id == H.Id; }))
        Out.push_back(&H);
  return Out;
}

void FunctionAnalysis::forgetReportedLeaks(size_t FirstLogged) {
  if (!External || Escapes.empty())
    return;
  for (size_t I = FirstLogged; I < External->Calls.size(); ++I) {
    auto &Leaks = External->Calls[I].LeaksIfThrows;
    llvm::erase_if(Leaks, [&](const ExternalHeld &L) {
      return llvm::any_of(Escapes, [&](const auto &E) {
        return locationOf(E.first.first) == L.Site && Locks.info(E.first.second).Path == L.Lock.path();
      });
    });
  }
}

} // namespace lockcheck
