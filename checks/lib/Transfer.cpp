//===- Transfer.cpp - what each statement does to the lockset -------------===//
//
// Every transfer function first looks at all disjuncts to decide whether to
// report (definite when every disjunct has the problem, possible when some
// do), then updates each disjunct.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/FunctionAnalysis.h"
#include "lockcheck/AccessLog.h"
#include "lockcheck/Messages.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace lockcheck {

SourceLocation locationOf(const Stmt *S) {
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    return (*DS->decl_begin())->getLocation();
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return CS->getRBracLoc();
  if (const auto *E = dyn_cast<Expr>(S))
    return E->getExprLoc();
  return S->getBeginLoc();
}

FindingNote FunctionAnalysis::noteAt(const Stmt *S, std::string Msg) const {
  return {locationOf(S), std::move(Msg)};
}

llvm::StringRef FunctionAnalysis::kindOf(LockId Id) const {
  return Locks.info(Id).Traits.KindName;
}
std::string FunctionAnalysis::nameOf(LockId Id) const { return Locks.info(Id).Display; }

void FunctionAnalysis::reportAt(Check C, const Stmt *At, std::string Msg, bool Definite,
                                llvm::SmallVector<FindingNote, 2> Notes) {
  if (!Reporting || !Emit || !Opts.Enabled.contains(C) ||
      (ImplementsLock && C == Check::UnlockNotHeld))
    return;
  Finding F;
  F.CheckKind = C;
  F.Loc = locationOf(At);
  F.Message = std::move(Msg);
  F.Definite = Definite;
  F.Notes = std::move(Notes);
  Reporter.report(std::move(F));
}

llvm::SmallVector<LockId, 2> FunctionAnalysis::resolve(const LockOp &Op) {
  if (Op.InferredCtor)
    return resolveInferred(Op);
  llvm::SmallVector<LockId, 2> Ids;
  for (const LockRef &R : Op.Locks) {
    LockPath P = Paths.fromExpr(R.E, R.IsPointer, Op.Binding.get());
    if (P.empty()) {
      if (!SaidUnnamed)
        debug("note: a lock expression could not be named; its operations are ignored");
      SaidUnnamed = true;
      continue;
    }
    LockTraits T = Op.Locks.size() == 1 ? Op.Traits : Model.traitsOfType(R.E->getType());
    if (P.Steps.size() == 1 && P.Steps.front().K == PathStep::Var &&
        Model.initializedRecursive(dyn_cast_or_null<VarDecl>(P.Steps.front().Decl)))
      T.Recursive = true;
    Ids.push_back(intern(P, T, R.E, R.IsPointer));
  }
  return Ids;
}

LockId FunctionAnalysis::intern(const LockPath &P, const LockTraits &T, const Expr *E,
                                bool IsPointer) {
  QualType Ty = E ? E->getType().getNonReferenceType() : QualType();
  if (!Ty.isNull() && IsPointer && Ty->isPointerType())
    Ty = Ty->getPointeeType();
  return internTyped(P, T, Ty.isNull() ? nullptr : Ty.getCanonicalType().getTypePtr());
}

LockId FunctionAnalysis::internTyped(const LockPath &P, const LockTraits &T,
                                     const Type *LockType, llvm::StringRef Display) {
  const NamedDecl *D = P.orderClassDecl();
  LockTraits Traits = T;
  Traits.Recursive |= Model.isRecursiveLockByConfig(D) || Model.isRecursiveBySetup(D);
  return Locks.intern(P, Traits, D ? static_cast<const void *>(D) : LockType, D, LockType,
                      Display);
}

static const ValueDecl *assignedDecl(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  return nullptr;
}

/// The construction a variable's initializer performs, through the wrappers
/// C++17 leaves around it (`auto g = std::unique_lock<std::mutex>(m);`).
static const CXXConstructExpr *initConstruct(const Expr *E) {
  for (unsigned I = 0; E && I < 8; ++I) {
    E = E->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->isElidable() && CE->getNumArgs() == 1) {
        E = CE->getArg(0);
        continue;
      }
      return CE;
    }
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
      E = FC->getSubExpr();
    else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E))
      E = BT->getSubExpr();
    else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
      E = MT->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

/// Records the calls whose value \p S looks at: conditions, operands,
/// initialisers, return values (not statements, nor casts to void).
void FunctionAnalysis::markUsedResults(const Stmt *S) {
  auto mark = [&](const Stmt *Child) {
    if (const auto *E = dyn_cast_or_null<Expr>(Child))
      if (const auto *CE = dyn_cast<CallExpr>(E->IgnoreParenImpCasts()))
        ResultUsed.insert(CE);
  };
  if (const auto *If = dyn_cast<IfStmt>(S))
    return mark(If->getCond());
  if (const auto *W = dyn_cast<WhileStmt>(S))
    return mark(W->getCond());
  if (const auto *D = dyn_cast<DoStmt>(S))
    return mark(D->getCond());
  if (const auto *F = dyn_cast<ForStmt>(S))
    return mark(F->getCond());
  if (const auto *Sw = dyn_cast<SwitchStmt>(S))
    return mark(Sw->getCond());
  if (const auto *R = dyn_cast<ReturnStmt>(S))
    return mark(R->getRetValue());
  if (const auto *CE = dyn_cast<CastExpr>(S); CE && CE->getType()->isVoidType())
    return;
  if (isa<Expr>(S) && !isa<ExprWithCleanups>(S) && !isa<StmtExpr>(S)) {
    const auto *BO = dyn_cast<BinaryOperator>(S);
    for (const Stmt *Child : S->children())
      if (!BO || !BO->isCommaOp() || Child == BO->getRHS())
        mark(Child);
    return;
  }
  if (isa<DeclStmt>(S))
    for (const Stmt *Child : S->children())
      mark(Child);
}

/// `guard.release()` on a guard variable constructed from a lock expression:
/// that expression (the pointer returned points to it).
const Expr *FunctionAnalysis::releasedByGuard(const Expr *Init) const {
  const auto *MCE = dyn_cast_or_null<CXXMemberCallExpr>(Init ? Init->IgnoreParenImpCasts() : nullptr);
  std::optional<LockOp> Op = MCE ? Model.classifyCall(MCE) : std::nullopt;
  if (!Op || Op->Kind != OpKind::GuardDisown || !Op->Guard || !Op->Guard->getInit())
    return nullptr;
  const CXXConstructExpr *CCE = initConstruct(Op->Guard->getInit());
  std::optional<LockOp> Made = CCE ? Model.classifyConstruct(CCE, Op->Guard) : std::nullopt;
  if (!Made || Made->Locks.size() != 1 || Made->Locks.front().IsPointer)
    return nullptr;
  const Expr *E = Made->Locks.front().E;
  // An attribute names the constructor's parameter: take the argument.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()); DRE && Made->Binding)
    if (const auto *PV = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
      auto It = Made->Binding->Args.find(PV);
      return It == Made->Binding->Args.end() ? nullptr : It->second;
    }
  return E;
}

void FunctionAnalysis::prescan() {
  const Stmt *Body = FD->getBody();
  llvm::SmallVector<const Stmt *, 64> Work{Body};
  llvm::DenseSet<const ValueDecl *> Assigned;
  llvm::SmallVector<const VarDecl *, 8> PointerLocals;
  llvm::SmallVector<std::pair<const VarDecl *, const Expr *>, 4> ReferenceLocals;
  llvm::SmallVector<LockRef, 8> LockOperands;
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    markUsedResults(S);
    if (const auto *CE = dyn_cast<CallExpr>(S))
      if (std::optional<LockOp> Op = Model.classifyCall(CE))
        LockOperands.append(Op->Locks.begin(), Op->Locks.end());
    if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->getOpcode() == UO_AddrOf) {
        if (const ValueDecl *D = assignedDecl(UO->getSubExpr()))
          Escaping.insert(D);
      } else if (UO->isIncrementDecrementOp()) {
        if (const ValueDecl *D = assignedDecl(UO->getSubExpr()))
          Assigned.insert(D);
      }
    } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->isAssignmentOp())
        if (const ValueDecl *D = assignedDecl(BO->getLHS()))
          Assigned.insert(D);
    } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
      // Bound to a non-const reference parameter: the callee may change it.
      if (const FunctionDecl *Callee = CE->getDirectCallee()) {
        unsigned Shift = isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
        for (unsigned I = Shift; I < CE->getNumArgs(); ++I) {
          if (I - Shift >= Callee->getNumParams())
            break;
          QualType PT = Callee->getParamDecl(I - Shift)->getType();
          if (PT->isReferenceType() && !PT.getNonReferenceType().isConstQualified())
            if (const ValueDecl *D = assignedDecl(CE->getArg(I)))
              Escaping.insert(D);
        }
      }
    } else if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      for (const LambdaCapture &C : LE->captures())
        if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
          if (const auto *V = dyn_cast<ValueDecl>(C.getCapturedVar()))
            Escaping.insert(V);
      for (const Expr *Init : LE->capture_inits())
        Work.push_back(Init);
      continue; // its body is a function of its own
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls()) {
        const auto *VD = dyn_cast<VarDecl>(D);
        if (!VD || !VD->getInit())
          continue;
        if (const CXXConstructExpr *CCE = initConstruct(VD->getInit()))
          InitConstructs.insert(CCE);
        QualType T = VD->getType();
        if (T->isReferenceType()) {
          // A reference names its initializer for good.
          ReferenceLocals.push_back({VD, VD->getInit()});
          if (!T.getNonReferenceType().isConstQualified())
            if (const ValueDecl *Ref = assignedDecl(VD->getInit()))
              Escaping.insert(Ref);
        } else if (T->isPointerType()) {
          PointerLocals.push_back(VD);
        }
      }
    } else if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
      // Guards declared inside the try block are destroyed when an
      // exception leaves it.
      auto &Guards = GuardsInTry[Try];
      llvm::SmallVector<const Stmt *, 16> Inner{Try->getTryBlock()};
      while (!Inner.empty()) {
        const Stmt *I = Inner.pop_back_val();
        if (!I || isa<LambdaExpr>(I))
          continue;
        if (const auto *DS = dyn_cast<DeclStmt>(I))
          for (const Decl *D : DS->decls())
            if (const auto *VD = dyn_cast<VarDecl>(D); VD && Model.isGuardType(VD->getType()))
              Guards.push_back(VD);
        for (const Stmt *C : I->children())
          Inner.push_back(C);
      }
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  // A pointer that is never reassigned points where it was initialised, as
  // long as what the initialiser reads does not change either.
  auto readsAssigned = [&](const Expr *E) {
    llvm::SmallVector<const Stmt *, 8> Work{E};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(S))
        if (Assigned.count(DRE->getDecl()))
          return true;
      if (S)
        for (const Stmt *C : S->children())
          Work.push_back(C);
    }
    return false;
  };
  for (const ValueDecl *D : Assigned)
    if (const auto *VD = dyn_cast<VarDecl>(D);
        VD && VD->hasLocalStorage() && VD->getType()->isPointerType())
      MovingPointers.insert(VD);
  for (const VarDecl *VD : PointerLocals) {
    if (Assigned.count(VD) || Escaping.count(VD) || readsAssigned(VD->getInit()))
      continue;
    if (const Expr *Owned = releasedByGuard(VD->getInit()))
      Paths.addPointsTo(VD, Owned);
    else
      Paths.addAlias(VD, VD->getInit(), true);
  }
  for (const auto &[VD, Init] : ReferenceLocals)
    if (!readsAssigned(Init))
      Paths.addAlias(VD, Init, false);
  // `if (l->lock) lock(l->lock); f(l); if (l->lock) unlock(l->lock);`: the
  // lock keeps its name `*l->lock` across f(l), so f is taken not to change
  // l->lock; the test of it must survive the call too, or the two readings
  // contradict each other (a "may not be held" on a path that took it).
  for (const LockRef &R : LockOperands) {
    LockPath P = Paths.fromExpr(R.E, R.IsPointer);
    for (size_t I = 0; I + 1 < P.Steps.size(); ++I) {
      const auto *D = dyn_cast_or_null<ValueDecl>(P.Steps[I].Decl);
      bool Memory = P.Steps[I].K == PathStep::Field ||
                    (P.Steps[I].K == PathStep::Var && isa_and_nonnull<VarDecl>(D) &&
                     cast<VarDecl>(D)->hasGlobalStorage());
      if (D && Memory && P.Steps[I + 1].K == PathStep::Deref)
        LockPointers.insert(D);
    }
  }
  for (const ValueDecl *D : Assigned)
    if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getType()->isReferenceType())
      Escaping.insert(VD);
}

void FunctionAnalysis::storeFacts(const ValueDecl *Var, const Expr *Value, State &St) {
  for (Disjunct &D : St.Ds) {
    D.dropFactsAbout(Var);
    if (std::optional<Fact> F = Conds->factForStore(Var, Value, D))
      D.setFact(std::move(*F));
  }
}

void FunctionAnalysis::transferStmt(const Stmt *S, State &St) {
  if (Accesses && Reporting && Emit) // lockcheck-unguarded-access (AccessLog.cpp)
    Accesses->onStmt(FD, S, St, Locks, Paths);
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    if (std::optional<LockOp> Op = Model.classifyCall(CE)) {
      applyOp(*Op, CE, St);
      return;
    }
    // A remembered condition on what the call may write no longer holds.
    Conds->callMayWrite(CE, St);
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      transferCall(CE, Callee, St);
    return;
  }
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(S)) {
    if (InitConstructs.count(CCE))
      return; // handled with its DeclStmt, which names the variable
    if (std::optional<LockOp> Op = Model.classifyConstruct(CCE, nullptr))
      applyOp(*Op, CCE, St);
    else
      transferConstruct(CCE, LockPath(), CCE, St);
    return;
  }
  if (const auto *DE = dyn_cast<CXXDeleteExpr>(S)) {
    transferDelete(DE, St);
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        transferDecl(VD, DS, St);
    return;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (!BO->isAssignmentOp())
      return;
    if (const ValueDecl *D = assignedDecl(BO->getLHS())) {
      if (isa<VarDecl>(D))
        indexChanged(D, St);
      if (const auto *VD = dyn_cast<VarDecl>(D);
          VD && BO->getOpcode() == BO_Assign && VD->getType()->isPointerType())
        pointerAssigned(VD, BO->getRHS(), St);
      if (BO->getOpcode() == BO_Assign && isa<VarDecl>(D))
        storeFacts(D, BO->getRHS(), St);
      else
        for (Disjunct &Dj : St.Ds)
          Dj.dropFactsAbout(D);
    }
    return;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp())
      if (const ValueDecl *D = assignedDecl(UO->getSubExpr())) {
        for (Disjunct &Dj : St.Ds)
          Dj.dropFactsAbout(D);
        if (isa<VarDecl>(D))
          indexChanged(D, St);
      }
  }
}

void FunctionAnalysis::transferDecl(const VarDecl *VD, const Stmt *Site, State &St) {
  indexChanged(VD, St); // declared again in a loop: a new value
  const Expr *Init = VD->getInit();
  if (!Init)
    return;
  if (Model.isGuardType(VD->getType())) {
    if (const CXXConstructExpr *CCE = initConstruct(Init)) {
      if (std::optional<LockOp> Op = Model.classifyConstruct(CCE, VD))
        applyOp(*Op, Site, St);
      return;
    }
    // A guard returned by a call: what it owns is unknown, so say nothing
    // about it.
    for (Disjunct &D : St.Ds)
      D.dropGuard(VD);
    return;
  }
  if (const CXXConstructExpr *CCE = initConstruct(Init)) {
    LockPath Self;
    Self.Steps.push_back({PathStep::Var, VD});
    transferConstruct(CCE, std::move(Self), Site, St);
  }
  if (VD->getType()->isPointerType())
    pointerAssigned(VD, Init, St);
  if (!VD->getType()->isReferenceType())
    storeFacts(VD, Init, St);
}

/// `n = next;` in a hand-over-hand walk: locks reached through the old value
/// of `n` keep their state under a stale name, and those reached through
/// `next` are now reached through `n`.
void FunctionAnalysis::pointerAssigned(const VarDecl *V, const Expr *Value, State &St) {
  if (!V->hasLocalStorage())
    return;
  renameRoot(St, V, 0, V, 1);
  // A pointer never reassigned is read as its initialiser (LockPath.h): a
  // lock named through it is the one named through the initialiser, so
  // nothing moves to the new name (`T *l = p; unlock(l);` releases `*p`).
  if (!Value || Paths.isAlias(V))
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Value->IgnoreParenImpCasts()))
    if (const auto *W = dyn_cast<VarDecl>(DRE->getDecl()); W && W != V && W->hasLocalStorage())
      renameRoot(St, W, 0, V, 0);
}

bool FunctionAnalysis::rootedAtMovingPointer(LockId Id) const {
  const LockPath &P = Locks.info(Id).Path;
  if (P.Steps.empty() || P.Steps.front().K != PathStep::Var)
    return false;
  const auto *V = dyn_cast_or_null<VarDecl>(P.Steps.front().Decl);
  return V && MovingPointers.count(V);
}

void FunctionAnalysis::renameRoot(State &St, const VarDecl *From, int64_t FromVersion,
                                  const VarDecl *To, int64_t ToVersion) {
  // The lock \p Id names through the new root, if it is rooted at the old one.
  auto renamed = [&](LockId Id) -> std::optional<LockId> {
    const LockInfo &LI = Locks.info(Id);
    const PathStep &Root = LI.Path.Steps.front();
    if (Root.K != PathStep::Var || Root.Decl != From || Root.Const != FromVersion)
      return std::nullopt;
    LockPath P = LI.Path;
    P.Steps.front() = {PathStep::Var, To, ToVersion};
    return internTyped(P, LI.Traits, LI.LockType);
  };
  for (Disjunct &D : St.Ds) {
    llvm::SmallVector<std::pair<LockId, LockId>, 2> Renames;
    for (const HeldLock &H : D.Held)
      if (std::optional<LockId> New = renamed(H.Id))
        Renames.push_back({H.Id, *New});
    // What this path released through the old value was released on
    // another object: a later release through the new value is not a
    // second one (a walk down a list releasing each node's lock).
    llvm::SmallVector<std::pair<LockId, const Stmt *>, 2> Moved;
    llvm::erase_if(D.Released, [&](const std::pair<LockId, const Stmt *> &R) {
      std::optional<LockId> New = renamed(R.first);
      if (New)
        Moved.push_back({*New, R.second});
      return New.has_value();
    });
    for (auto [New, Site] : Moved)
      D.noteRelease(New, Site);
    for (auto [Old, New] : Renames) {
      HeldLock H = *D.held(Old);
      D.dropHeld(Old);
      if (!D.held(New)) {
        H.Id = New;
        D.setHeld(H);
      }
      for (GuardEntry &G : D.Guards)
        for (LockId &Id : G.Locks)
          if (Id == Old)
            Id = New;
    }
  }
}

void FunctionAnalysis::reportGuardWithoutLock(const VarDecl *G, const Stmt *At,
                                              const State &St) {
  if (!Reporting || !At)
    return;
  unsigned Missing = 0;
  LockId Which = 0;
  const Stmt *ReleasedAt = nullptr, *GuardSite = nullptr;
  for (const Disjunct &D : St.Ds) {
    const GuardEntry *E = const_cast<Disjunct &>(D).guard(G);
    if (!E || !E->Owns)
      continue;
    for (LockId Id : E->Locks)
      if (!D.held(Id)) {
        if (!Missing++) {
          Which = Id;
          ReleasedAt = D.lastRelease(Id);
          GuardSite = E->Site;
        }
        break;
      }
  }
  if (!Missing)
    return;
  const LockInfo &LI = Locks.info(Which);
  llvm::SmallVector<FindingNote, 2> Notes;
  if (GuardSite)
    Notes.push_back(noteAt(GuardSite, msg::guardAcquiredHere(G->getName(), LI.Display)));
  if (ReleasedAt)
    Notes.push_back(noteAt(ReleasedAt, msg::releasedHere(LI.Traits.KindName, LI.Display)));
  bool Definite = onEveryPath(Missing, St.Ds.size());
  reportAt(Check::UnlockNotHeld, At,
           msg::guardReleasesUnheld(G->getName(), LI.Traits.KindName, LI.Display, Definite),
           Definite, std::move(Notes));
}

void FunctionAnalysis::destroyGuard(const VarDecl *VD, const Stmt *At, State &St) {
  // A lock_guard unlocks its mutex unconditionally: if the code unlocked it
  // by hand and did not lock it again, that is a second unlock.
  reportGuardWithoutLock(VD, At, St);
  for (Disjunct &D : St.Ds) {
    GuardEntry *E = D.guard(VD);
    if (!E || E->Unlocker) // an unlocker re-acquires (endUnlocker)
      continue;
    if (E->Owns)
      for (LockId Id : E->Locks) {
        ReleasedSomewhere.insert(Id);
        D.releaseByGuard(Id);
      }
    D.dropGuard(VD);
  }
}

void FunctionAnalysis::applyOp(const LockOp &Op, const Stmt *Site, State &St) {
  switch (Op.Kind) {
  case OpKind::Acquire: {
    // C lock functions report failure; code that checks holds the lock only
    // on success.
    if (Op.Success == SuccessValue::Zero && ResultUsed.count(dyn_cast<Expr>(Site))) {
      LockOp Try = Op;
      Try.Kind = OpKind::TryAcquire;
      llvm::SmallVector<LockId, 2> Ids = resolve(Try);
      tryAcquire(Try, Ids, nullptr, Site, St);
      // On the failure branch the lock's state is unknown to us (code that
      // goes on usually aborts in a logger we cannot see): remember the
      // failed call as the last "release", which release() does not hold
      // against the code.
      UnknownAfter.insert(Site);
      for (Disjunct &D : St.Ds)
        for (LockId Id : Ids)
          if (!D.held(Id))
            D.noteRelease(Id, Site);
      return;
    }
    // std::lock(lk1, lk2) locks through deferred guards, all at once.
    LockOp Plain = Op;
    Plain.Locks.clear();
    llvm::SmallVector<const VarDecl *, 2> Guards;
    for (const LockRef &R : Op.Locks) {
      const VarDecl *G = namedLocalVar(R.E);
      if (G && Model.isGuardType(G->getType()))
        Guards.push_back(G);
      else
        Plain.Locks.push_back(R);
    }
    llvm::SmallVector<LockId, 2> Ids = resolve(Plain);
    if (Op.Together) {
      TakenTogether.assign(Ids.begin(), Ids.end());
      for (const VarDecl *G : Guards)
        for (const Disjunct &D : St.Ds)
          if (const GuardEntry *E = const_cast<Disjunct &>(D).guard(G))
            TakenTogether.append(E->Locks.begin(), E->Locks.end());
    }
    for (const VarDecl *G : Guards) {
      LockOp GL;
      GL.Kind = OpKind::GuardLock;
      GL.Guard = G;
      guardOp(GL, Site, St);
    }
    acquire(Plain, Ids, nullptr, Site, St);
    TakenTogether.clear();
    return;
  }
  case OpKind::Release:
    release(resolve(Op), Site, St, nullptr,
            Op.ModeSpecific ? std::optional<bool>(Op.Shared) : std::nullopt);
    return;
  case OpKind::TryAcquire: {
    llvm::SmallVector<LockId, 2> Ids = resolve(Op);
    // A tested try-lock takes the lock only where the code checked: a
    // function returning 0 exactly there is a conditional acquire wrapper
    // (`int take(void) { if (pthread_mutex_trylock(&m)) return EBUSY; return 0; }`).
    if (ResultUsed.count(dyn_cast<Expr>(Site)))
      FromConditionalCall.insert(Ids.begin(), Ids.end());
    tryAcquire(Op, Ids, nullptr, Site, St);
    return;
  }
  case OpKind::ChangeMode: {
    // Promote/demote: the old mode is given up, the new one taken.
    llvm::SmallVector<LockId, 2> Ids = resolve(Op);
    release(Ids, Site, St, nullptr, !Op.Shared);
    acquire(Op, Ids, nullptr, Site, St);
    return;
  }
  case OpKind::AssertHeld:
    assertHeld(resolve(Op), St);
    return;
  default:
    guardOp(Op, Site, St);
    return;
  }
}

/// The guard that owns \p Id although the code unlocked it by hand
/// (`std::lock_guard g(m); m.unlock(); slow(); m.lock();`): locking it again
/// gives it back to that guard.
static const VarDecl *retakenFor(Disjunct &D, LockId Id) {
  if (D.held(Id))
    return nullptr;
  for (const GuardEntry &G : D.Guards)
    if (G.Owns && llvm::is_contained(G.Locks, Id))
      return G.Var;
  return nullptr;
}

void FunctionAnalysis::acquire(const LockOp &Op, llvm::ArrayRef<LockId> Ids,
                               const VarDecl *Guard, const Stmt *Site, State &St,
                               llvm::function_ref<bool(const Disjunct &)> Applies) {
  for (LockId Id : Ids) {
    const LockInfo &LI = Locks.info(Id);
    unsigned Conflict = 0, Upgrade = 0, Total = 0;
    const HeldLock *First = nullptr;
    for (const Disjunct &D : St.Ds) {
      if (Applies && !Applies(D))
        continue;
      ++Total;
      const HeldLock *H = D.held(Id);
      if (!H) {
        if (!D.lastRelease(Id))
          firstTouch(Id, D, /*Release=*/false);
        continue;
      }
      bool SharedOk = Op.Shared && H->Shared && LI.Traits.SharedReentrant;
      if (LI.Traits.Recursive || SharedOk)
        continue;
      // Held only because a release elsewhere made us assume the caller
      // holds it: on this path the first operation may be this acquisition
      // (a mode flag; ModeSwitch.cpp).
      if (!H->Site && InferredPreHeld.count(Id))
        firstTouch(Id, D, /*Release=*/false);
      (!Op.Shared && H->Shared) ? ++Upgrade : ++Conflict;
      if (!First)
        First = H;
    }
    if (Reporting) {
      CallChain Here({locationOf(Site), msg::chainAcquires(functionName(), LI.Display)});
      // A lock the caller holds and this function re-acquires (after its
      // own release) is no new acquisition for the caller.
      if (expressible(Id) && !PreHeld.count(Id))
        addToSummary(Summary.Acquires, Id, Op.Shared, Here);
      recordOrder(Id, Site, St, Op.Together ? Ids : llvm::ArrayRef<LockId>(), {});
      recordNested(Id, Op.Shared, St, Op.Together ? Ids : llvm::ArrayRef<LockId>(), Here);
    }
    if (Reporting && First) {
      llvm::SmallVector<FindingNote, 2> Notes;
      if (First->Site)
        Notes.push_back(noteAt(First->Site, msg::acquiredHere(LI.Traits.KindName, LI.Display)));
      bool Definite = onEveryPath(Conflict + Upgrade, Total);
      std::string M = Conflict ? msg::doubleLock(LI.Traits.KindName, LI.Display, Definite)
                               : msg::upgrade(LI.Traits.KindName, LI.Display);
      reportAt(Check::DoubleLock, Site, std::move(M), Definite, std::move(Notes));
    }
    // A thread that blocks on a lock it holds never continues: those paths
    // end here (which also keeps one bug from cascading into more).
    if (Conflict + Upgrade)
      llvm::erase_if(St.Ds, [&](const Disjunct &D) {
        if (Applies && !Applies(D))
          return false;
        const HeldLock *H = D.held(Id);
        return H && !LI.Traits.Recursive &&
               !(Op.Shared && H->Shared && LI.Traits.SharedReentrant);
      });
    for (Disjunct &D : St.Ds)
      if (!Applies || Applies(D))
        D.acquireLock(Id, Op.Shared, Guard ? Guard : retakenFor(D, Id), Site);
  }
}

void FunctionAnalysis::release(llvm::ArrayRef<LockId> Ids, const Stmt *Site, State &St,
                               const FunctionDecl *Via, std::optional<bool> ReleasesShared) {
  for (LockId Id : Ids) {
    ReleasedSomewhere.insert(Id);
    const LockInfo &LI = Locks.info(Id);
    unsigned NotHeld = 0;
    const Stmt *Previous = nullptr;
    const HeldLock *WrongMode = nullptr;
    bool ElementsElsewhere = isVariableElement(Id) && llvm::any_of(St.Ds, [&](const Disjunct &D) {
                               return !D.held(Id) && heldEarlierElement(D, Id);
                             });
    for (const Disjunct &D : St.Ds) {
      const HeldLock *H = D.held(Id);
      // (A lock held on entry has no known mode: it is not checked.)
      if (H && H->Site && ReleasesShared && H->Shared != *ReleasesShared && !WrongMode)
        WrongMode = H;
      if (!H) {
        if (UnknownAfter.count(D.lastRelease(Id))) {
          // Released after a call that may have taken it: that call is a
          // (conditional) acquire wrapper, as below.
          if (Emit && Reporting && MayAcquiredAt.count(D.lastRelease(Id)))
            Wrappers.noteReleaseWrapper(LI.ClassKey);
          continue; // after a failed blocking lock or such a call: unknown, not "not held"
        }
        if (heldEarlierElement(D, Id))
          continue; // one of the elements an earlier index locked
        // A path that locked no element of the array, while others did: how
        // often two loops over it ran is not tracked.
        if (ElementsElsewhere)
          continue;
        // Named through a local pointer the function moves (`n = n->next`),
        // never taken or released through its current value on this path:
        // whose lock it is, and whether the caller holds it, is not known.
        if (!D.lastRelease(Id) && rootedAtMovingPointer(Id))
          continue;
        ++NotHeld;
        if (const Stmt *R = D.lastRelease(Id))
          Previous = Previous ? Previous : R;
        else
          firstTouch(Id, D, /*Release=*/true);
      } else if (Emit && Reporting && H->ManualSite && isa<CallExpr>(H->ManualSite) &&
                 !Model.classifyCall(cast<CallExpr>(H->ManualSite))) {
        // Released here after a call acquired it: that call is an acquire
        // wrapper, so its own "missing unlock" is no bug.
        Wrappers.noteReleaseWrapper(LI.ClassKey);
      }
    }
    if (Reporting && WrongMode) {
      llvm::SmallVector<FindingNote, 2> Notes;
      if (WrongMode->Site)
        Notes.push_back(
            noteAt(WrongMode->Site, msg::acquiredHere(LI.Traits.KindName, LI.Display)));
      reportAt(Check::UnlockNotHeld, Site,
               msg::wrongModeRelease(LI.Traits.KindName, LI.Display, WrongMode->Shared),
               true, std::move(Notes));
    } else if (Reporting && NotHeld) {
      bool Definite = onEveryPath(NotHeld, St.Ds.size());
      llvm::SmallVector<FindingNote, 2> Notes;
      if (Previous)
        Notes.push_back(noteAt(Previous, msg::releasedHere(LI.Traits.KindName, LI.Display)));
      std::string M = Via ? msg::callReleaseNotHeld(Via->getName(), LI.Traits.KindName,
                                                    LI.Display, Definite)
                          : msg::unlockNotHeld(LI.Traits.KindName, LI.Display, Definite);
      reportAt(Check::UnlockNotHeld, Site, std::move(M), Definite, std::move(Notes));
    }
    for (Disjunct &D : St.Ds) {
      if (!D.held(Id))
        if (std::optional<LockId> Earlier = heldEarlierElement(D, Id))
          releaseEarlierElement(D, *Earlier);
      D.releaseManual(Id);
      D.noteRelease(Id, Site);
    }
  }
}

void FunctionAnalysis::tryAcquire(const LockOp &Op, llvm::ArrayRef<LockId> Ids,
                                  const VarDecl *Guard, const Stmt *Site, State &St,
                                  llvm::function_ref<bool(const Disjunct &)> Applies) {
  State Next;
  for (Disjunct &D : St.Ds) {
    if (Applies && !Applies(D)) {
      Next.Ds.push_back(std::move(D));
      continue;
    }
    bool CanSucceed = true;
    for (LockId Id : Ids) {
      const HeldLock *H = D.held(Id);
      const LockTraits &T = Locks.info(Id).Traits;
      if (!H && !D.lastRelease(Id))
        firstTouch(Id, D, /*Release=*/false);
      if (H && !T.Recursive && !(Op.Shared && H->Shared && T.SharedReentrant))
        CanSucceed = false; // try-locking a lock we hold fails
    }
    Fact F;
    F.Key = Site;
    F.IsTry = true;
    F.Enc = Op.Success;
    Disjunct Fail = D;
    Fail.setFact(F);
    if (Guard)
      if (GuardEntry *E = Fail.guard(Guard))
        E->Owns = false;
    Next.Ds.push_back(std::move(Fail));
    if (!CanSucceed)
      continue;
    Disjunct Win = std::move(D);
    for (LockId Id : Ids)
      Win.acquireLock(Id, Op.Shared, Guard ? Guard : retakenFor(Win, Id), Site);
    F.Value = true;
    Win.setFact(F);
    if (Guard)
      if (GuardEntry *E = Win.guard(Guard)) {
        E->Owns = true;
        E->Site = Site;
      }
    Next.Ds.push_back(std::move(Win));
  }
  if (!Next.normalize())
    LostPrecision = true;
  St = std::move(Next);
}

/// The disjunct knows guard \p G and it owns nothing now.
static bool guardNotOwning(const Disjunct &D, const VarDecl *G) {
  const GuardEntry *E = const_cast<Disjunct &>(D).guard(G);
  return E && !E->Owns;
}

void FunctionAnalysis::guardOp(const LockOp &Op, const Stmt *Site, State &St) {
  const VarDecl *G = Op.Guard;
  switch (Op.Kind) {
  case OpKind::GuardCreate: {
    llvm::SmallVector<LockId, 2> Ids = resolve(Op);
    auto addEntry = [&](bool Owns) {
      if (!G)
        return;
      for (Disjunct &D : St.Ds) {
        GuardEntry &E = D.addGuard(G);
        E.Locks.assign(Ids.begin(), Ids.end());
        E.Owns = Owns;
        E.Shared = Op.Shared;
        E.Site = Site;
      }
    };
    switch (Op.Mode) {
    case GuardMode::Lock:
      acquire(Op, Ids, G, Site, St);
      if (!G) { // a temporary: released at the end of the full expression
        for (Disjunct &D : St.Ds)
          for (LockId Id : Ids)
            D.releaseByGuard(Id);
        return;
      }
      addEntry(true);
      return;
    case GuardMode::Defer:
      addEntry(false);
      return;
    case GuardMode::Adopt:
      // The guard takes over a manual acquisition; a temporary that adopts
      // (`return std::unique_lock<std::mutex>(m, std::adopt_lock);`) carries
      // it away.
      for (Disjunct &D : St.Ds)
        for (LockId Id : Ids) {
          HeldLock *H = D.held(Id);
          if (!G) {
            ReleasedSomewhere.insert(Id);
            D.releaseManual(Id);
          } else if (H) {
            H->Guard = G;
            if (H->Manual > 0 && --H->Manual == 0)
              H->ManualSite = nullptr;
          } else {
            D.acquireLock(Id, Op.Shared, G, Site);
          }
        }
      addEntry(true);
      return;
    case GuardMode::Try:
      if (!G)
        return; // a temporary that may lock releases at once either way
      addEntry(false);
      tryAcquire(Op, Ids, G, Site, St);
      return;
    case GuardMode::Unlock:
      createUnlocker(Op, Ids, Site, St);
      return;
    }
    return;
  }
  case OpKind::GuardMove:
    for (Disjunct &D : St.Ds) {
      if (GuardEntry *Old = D.guard(G); Old && Old->Owns) // move assignment
        for (LockId Id : llvm::SmallVector<LockId, 2>(Old->Locks))
          D.releaseByGuard(Id);
      GuardEntry *Src = Op.MoveFrom ? D.guard(Op.MoveFrom) : nullptr;
      if (!Src) {
        D.dropGuard(G);
        continue;
      }
      GuardEntry Moved = *Src;
      Src->Locks.clear();
      Src->Owns = false;
      for (LockId Id : Moved.Locks)
        if (HeldLock *H = D.held(Id); H && H->Guard == Op.MoveFrom)
          H->Guard = G;
      Moved.Var = G;
      D.addGuard(G) = Moved;
    }
    return;
  case OpKind::GuardMoveAway:
    // The locks leave with a temporary or an argument; whoever receives
    // them releases them.
    for (Disjunct &D : St.Ds) {
      GuardEntry *Src = D.guard(Op.MoveFrom);
      if (!Src)
        continue;
      if (Src->Owns)
        for (LockId Id : Src->Locks) {
          ReleasedSomewhere.insert(Id);
          D.releaseByGuard(Id);
        }
      Src->Locks.clear();
      Src->Owns = false;
    }
    return;
  case OpKind::GuardLock: {
    const GuardEntry *First = nullptr;
    unsigned Owning = 0, Known = 0;
    for (Disjunct &D : St.Ds)
      if (const GuardEntry *E = D.guard(G)) {
        ++Known;
        if (E->Owns) {
          ++Owning;
          First = First ? First : E;
        }
      }
    if (Reporting && First && !First->Locks.empty()) {
      const LockInfo &LI = Locks.info(First->Locks.front());
      llvm::SmallVector<FindingNote, 2> Notes;
      if (First->Site)
        Notes.push_back(noteAt(First->Site, msg::acquiredHere(LI.Traits.KindName, LI.Display)));
      bool Definite = onEveryPath(Owning, St.Ds.size());
      reportAt(Check::DoubleLock, Site, msg::doubleLock(LI.Traits.KindName, LI.Display, Definite),
               Definite, std::move(Notes));
    }
    if (Known == Owning)
      return;
    // Disjuncts may know different locks for the guard; take them from the
    // first that knows it and does not own them.
    llvm::SmallVector<LockId, 2> Ids;
    for (Disjunct &D : St.Ds)
      if (const GuardEntry *E = D.guard(G); E && !E->Owns) {
        Ids.assign(E->Locks.begin(), E->Locks.end());
        break;
      }
    auto NotOwning = [G](const Disjunct &D) { return guardNotOwning(D, G); };
    LockOp Acq = Op;
    for (Disjunct &D : St.Ds)
      if (const GuardEntry *GE = D.guard(G)) {
        Acq.Shared = GE->Shared;
        break;
      }
    acquire(Acq, Ids, G, Site, St, NotOwning);
    for (Disjunct &D : St.Ds)
      if (GuardEntry *E = D.guard(G); E && !E->Owns) {
        E->Owns = true;
        E->Site = Site;
      }
    return;
  }
  case OpKind::GuardUnlock: {
    unsigned NotOwning = 0;
    const GuardEntry *Sample = nullptr;
    for (Disjunct &D : St.Ds)
      if (const GuardEntry *E = D.guard(G); E && !E->Owns) {
        ++NotOwning;
        Sample = Sample ? Sample : E;
      }
    reportGuardWithoutLock(G, Site, St);
    if (Reporting && Sample && !Op.IfOwned) {
      llvm::StringRef Kind = Sample->Locks.empty() ? "mutex" : kindOf(Sample->Locks.front());
      llvm::SmallVector<FindingNote, 2> Notes;
      if (Sample->ReleaseSite && !Sample->Locks.empty())
        Notes.push_back(noteAt(Sample->ReleaseSite,
                               msg::guardReleasedHere(G->getName(), nameOf(Sample->Locks.front()))));
      bool Definite = onEveryPath(NotOwning, St.Ds.size());
      reportAt(Check::UnlockNotHeld, Site, msg::guardNotOwning(G->getName(), Kind, Definite),
               Definite, std::move(Notes));
    }
    for (Disjunct &D : St.Ds) {
      GuardEntry *E = D.guard(G);
      if (!E || !E->Owns)
        continue;
      for (LockId Id : E->Locks) {
        ReleasedSomewhere.insert(Id);
        D.releaseByGuard(Id);
        D.noteRelease(Id, Site);
      }
      E = D.guard(G);
      E->Owns = false;
      E->ReleaseSite = Site;
    }
    return;
  }
  case OpKind::GuardTryLock: {
    // Disjuncts may know different locks for the guard; take them from the
    // first that knows it and does not own them.
    llvm::SmallVector<LockId, 2> Ids;
    for (Disjunct &D : St.Ds)
      if (const GuardEntry *E = D.guard(G); E && !E->Owns) {
        Ids.assign(E->Locks.begin(), E->Locks.end());
        break;
      }
    auto NotOwning = [G](const Disjunct &D) { return guardNotOwning(D, G); };
    tryAcquire(Op, Ids, G, Site, St, NotOwning);
    return;
  }
  case OpKind::GuardDisown:
    for (Disjunct &D : St.Ds) {
      GuardEntry *E = D.guard(G);
      if (!E)
        continue;
      if (E->Owns)
        for (LockId Id : E->Locks)
          if (HeldLock *H = D.held(Id); H && H->Guard == G) {
            H->Guard = nullptr; // now the caller's to unlock by hand
            H->ManualSite = H->ManualSite ? H->ManualSite : H->Site;
            H->Manual = H->Count;
          }
      E->Locks.clear();
      E->Owns = false;
    }
    return;
  default:
    return;
  }
}

} // namespace lockcheck
