//===- GuardClasses.cpp - the project's own scoped guards ------------------===//
//
// Recognising a guard class (GuardClassTable) and what its objects do in the
// functions that use them (FunctionAnalysis's inferred-guard operations).
// See GuardClasses.h.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/GuardClasses.h"
#include "lockcheck/FunctionAnalysis.h"
#include "lockcheck/ImportResolver.h"
#include "lockcheck/Messages.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace lockcheck {
namespace {

bool samePath(const SummaryLock &A, const SummaryLock &B) { return A.path() == B.path(); }

bool listed(llvm::ArrayRef<SummaryLock> List, const SummaryLock &L) {
  return llvm::any_of(List, [&](const SummaryLock &X) { return samePath(X, L); });
}

/// A guard's constructor records its parameters in members: `mu_(mu)` (both
/// pointers, or both references), `mu_(&mu)` (a pointer member, a reference
/// parameter). The member's path (`this, mu_` or `this, mu_, deref`) and
/// the parameter's (`mu`) then name one lock object.
struct MemberBinding {
  LockPath Member, Param;
};

llvm::SmallVector<MemberBinding, 2> memberBindings(const CXXConstructorDecl *Ctor) {
  llvm::SmallVector<MemberBinding, 2> Out;
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    const FieldDecl *Field = Init->getMember();
    if (!Field || !Init->getInit())
      continue;
    const Expr *E = Init->getInit()->IgnoreParenImpCasts();
    bool AddressOf = false;
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf) {
      E = UO->getSubExpr()->IgnoreParenImpCasts();
      AddressOf = true;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *PV = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!PV)
      continue;
    QualType FT = Field->getType(), PT = PV->getType();
    MemberBinding B;
    B.Member.Steps.push_back({PathStep::This});
    B.Member.Steps.push_back({PathStep::Field, Field});
    B.Param.Steps.push_back({PathStep::Var, PV});
    if (AddressOf && FT->isPointerType() && PT->isReferenceType())
      B.Member.Steps.push_back({PathStep::Deref});
    else if (AddressOf || !((FT->isReferenceType() && PT->isReferenceType()) ||
                            (FT->isPointerType() && PT->isPointerType())))
      continue;
    Out.push_back(std::move(B));
  }
  return Out;
}

bool startsWith(const LockPath &P, const LockPath &Prefix) {
  return P.Steps.size() >= Prefix.Steps.size() &&
         std::equal(Prefix.Steps.begin(), Prefix.Steps.end(), P.Steps.begin());
}

LockPath replacePrefix(const LockPath &P, const LockPath &Old, const LockPath &New) {
  LockPath Out = New;
  Out.Steps.append(P.Steps.begin() + Old.Steps.size(), P.Steps.end());
  return Out;
}

/// \p L (a lock the constructor returns holding, or releases) as a lock of
/// the guard: reached through a member bound to a parameter, either way.
std::optional<GuardLock> asGuardLock(const SummaryLock &L,
                                     llvm::ArrayRef<MemberBinding> Bindings) {
  for (const MemberBinding &B : Bindings) {
    LockDesc Lock = *L.Desc, Member = *L.Desc;
    if (startsWith(L.path(), B.Member))
      Lock.Path = replacePrefix(L.path(), B.Member, B.Param);
    else if (startsWith(L.path(), B.Param))
      Member.Path = replacePrefix(L.path(), B.Param, B.Member);
    else
      continue;
    Lock.Display = Lock.Path.display();
    Member.Display = Member.Path.display();
    GuardLock G;
    G.Lock = SummaryLock(std::move(Lock), L.Shared);
    G.Member = SummaryLock(std::move(Member), L.Shared);
    return G;
  }
  return std::nullopt;
}

bool hasRefOrPointerParam(const CXXConstructorDecl *Ctor) {
  return llvm::any_of(Ctor->parameters(), [](const ParmVarDecl *P) {
    return P->getType()->isReferenceType() || P->getType()->isPointerType();
  });
}

} // namespace

// --- the table ----------------------------------------------------------

bool GuardClassTable::mayBeGuard(const CXXRecordDecl *RD) {
  auto [It, New] = Shape.try_emplace(RD, false);
  if (!New)
    return It->second;
  bool Result = false;
  if (RD->hasDefinition() && !RD->isInStdNamespace() && !RD->hasAttr<ScopedLockableAttr>() &&
      !RD->hasTrivialDestructor())
    if (const CXXDestructorDecl *Dtor = RD->getDestructor(); Dtor && Dtor->isUserProvided())
      Result = llvm::any_of(RD->ctors(), [](const CXXConstructorDecl *C) {
        return !C->isCopyOrMoveConstructor() && hasRefOrPointerParam(C);
      });
  Shape[RD] = Result;
  return Result;
}

const FunctionSummary *GuardClassTable::summaryOf(const FunctionDecl *FD) {
  auto It = Local.find(FD->getCanonicalDecl());
  if (It != Local.end())
    return &It->second;
  if (FD->hasBody())
    return nullptr; // not analysed: it touches no lock
  return Imports.lookup(FD);
}

const GuardConstructor *GuardClassTable::constructor(const CXXConstructorDecl *Ctor) {
  const CXXRecordDecl *RD = Ctor->getParent();
  if (Ctor->isCopyOrMoveConstructor() || !mayBeGuard(RD))
    return nullptr;
  const FunctionSummary *S = summaryOf(Ctor);
  if (!S || S->Guard.empty())
    return nullptr;
  const FunctionSummary *D = summaryOf(RD->getDestructor());
  if (!D)
    return nullptr;
  for (const GuardLock &L : S->Guard.Locks) {
    bool Agrees = S->Guard.Unlocker
                      ? listed(D->NetAcquired, L.Member)
                      : listed(D->NetReleased, L.Member) || listed(D->MayRelease, L.Member);
    if (!Agrees)
      return nullptr;
  }
  return &S->Guard;
}

bool GuardClassTable::isGuardClass(const CXXRecordDecl *RD) {
  if (!RD || !mayBeGuard(RD))
    return false;
  return llvm::any_of(RD->ctors(),
                      [&](const CXXConstructorDecl *C) { return constructor(C) != nullptr; });
}

std::optional<GuardMethod> GuardClassTable::method(const CXXMethodDecl *MD) {
  if (!MD->isInstance() || isa<CXXConstructorDecl>(MD) || isa<CXXDestructorDecl>(MD))
    return std::nullopt;
  const GuardConstructor *G = nullptr;
  for (const CXXConstructorDecl *C : MD->getParent()->ctors())
    if ((G = constructor(C)))
      break;
  if (!G || G->Unlocker)
    return std::nullopt;
  // Copied: looking up the method's summary may grow the tables G lives in.
  llvm::SmallVector<SummaryLock, 2> Members;
  for (const GuardLock &L : G->Locks)
    Members.push_back(L.Member);
  const FunctionSummary *S = summaryOf(MD);
  if (!S)
    return std::nullopt;
  auto covers = [&](auto In) { return llvm::all_of(Members, In); };
  if (covers([&](const SummaryLock &L) { return listed(S->NetReleased, L); }))
    return GuardMethod{OpKind::GuardUnlock, false, SuccessValue::True};
  if (covers([&](const SummaryLock &L) {
        return listed(S->NetReleased, L) || listed(S->MayRelease, L);
      }))
    return GuardMethod{OpKind::GuardUnlock, true, SuccessValue::True};
  if (covers([&](const SummaryLock &L) { return listed(S->NetAcquired, L); }))
    return GuardMethod{OpKind::GuardLock, false, SuccessValue::True};
  if (!S->NetAcquiredIf.empty() && covers([&](const SummaryLock &L) {
        return llvm::any_of(S->NetAcquiredIf,
                            [&](const ConditionalAcquire &C) { return samePath(C.Lock, L); });
      }))
    return GuardMethod{OpKind::GuardTryLock, false, S->NetAcquiredIf.front().Success};
  return std::nullopt;
}

LockPath inferredGuardLock(const LockModel &Model, const CXXConstructExpr *CE,
                           const LockPathBuilder &Paths) {
  GuardClassTable *Table = Model.guardClasses();
  const GuardConstructor *G = Table ? Table->constructor(CE->getConstructor()) : nullptr;
  if (!G)
    return {};
  const LockPath &In = G->Locks.front().Lock.path();
  const auto *PV = dyn_cast_or_null<ParmVarDecl>(In.Steps.front().Decl);
  if (!PV || PV->getFunctionScopeIndex() >= CE->getNumArgs())
    return {};
  const Expr *Arg = CE->getArg(PV->getFunctionScopeIndex());
  bool ViaPointer = PV->getType()->isPointerType();
  size_t Rest = ViaPointer ? 2 : 1;
  if (ViaPointer && (In.Steps.size() < 2 || In.Steps[1].K != PathStep::Deref))
    return {};
  LockPath Out = Paths.fromExpr(Arg, ViaPointer);
  if (!Out.empty())
    Out.Steps.append(In.Steps.begin() + Rest, In.Steps.end());
  return Out;
}

// --- the analysis of a guard class's members ----------------------------

void FunctionAnalysis::summarizeObjectLocks(const ExitStates &ByExit) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || !MD->isInstance())
    return;
  // Released on some paths only (`if (owned_) mu_->Unlock();`).
  for (LockId Id : PreHeld) {
    const LockPath &P = Locks.info(Id).Path;
    if (!expressible(Id) || P.Steps.front().K != PathStep::This ||
        llvm::any_of(Summary.NetReleased, [&](const SummaryLock &L) { return L.path() == P; }))
      continue;
    bool FreeSomewhere = llvm::any_of(ByExit, [&](const auto &Exit) {
      return llvm::any_of(Exit.second.S.Ds, [&](const Disjunct &D) { return !D.held(Id); });
    });
    if (FreeSomewhere)
      addToSummary(Summary.MayRelease, Id, false, {});
  }

  // A destructor that takes back a lock it reaches through a pointer or
  // reference member (a scoped unlocker's) leaves it to its owner.
  if (isa<CXXDestructorDecl>(FD))
    for (LockId Id = 0; Id < Locks.size(); ++Id) {
      const LockPath &P = Locks.info(Id).Path;
      const auto *F = P.Steps.size() > 1 && P.Steps[0].K == PathStep::This &&
                              P.Steps[1].K == PathStep::Field
                          ? dyn_cast_or_null<FieldDecl>(P.Steps[1].Decl)
                          : nullptr;
      if (F && (F->getType()->isPointerType() || F->getType()->isReferenceType()))
        ExpectedHeldAtExit.insert(Id);
    }

  const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD);
  if (!Ctor || Ctor->isCopyOrMoveConstructor() || Ctor->getParent()->isInStdNamespace() ||
      Ctor->getParent()->hasAttr<ScopedLockableAttr>())
    return;
  llvm::SmallVector<MemberBinding, 2> Bindings = memberBindings(Ctor);
  if (Bindings.empty())
    return;
  GuardConstructor G;
  for (const SummaryLock &L : Summary.NetAcquired)
    if (std::optional<GuardLock> GL = asGuardLock(L, Bindings))
      G.Locks.push_back(std::move(*GL));
  if (G.Locks.empty()) {
    G.Unlocker = true;
    for (const SummaryLock &L : Summary.NetReleased)
      if (std::optional<GuardLock> GL = asGuardLock(L, Bindings))
        G.Locks.push_back(std::move(*GL));
  }
  if (G.Locks.empty())
    return;
  // What a guard's constructor leaves held is the object's, not a leak.
  if (!G.Unlocker)
    for (LockId Id = 0; Id < Locks.size(); ++Id)
      if (llvm::any_of(G.Locks, [&](const GuardLock &L) {
            return L.Lock.path() == Locks.info(Id).Path || L.Member.path() == Locks.info(Id).Path;
          }))
        ExpectedHeldAtExit.insert(Id);
  Summary.Guard = std::move(G);
}

llvm::SmallVector<LockId, 2> FunctionAnalysis::resolveInferred(const LockOp &Op) {
  llvm::SmallVector<LockId, 2> Ids;
  const CXXConstructExpr *CE = Op.InferredCtor;
  GuardClassTable *Table = Model.guardClasses();
  const GuardConstructor *G = Table ? Table->constructor(CE->getConstructor()) : nullptr;
  if (!G)
    return Ids;
  llvm::SmallVector<SummaryLock, 2> Wanted;
  for (const GuardLock &L : G->Locks)
    Wanted.push_back(L.Lock);
  CallSite C;
  C.Site = CE;
  C.Callee = CE->getConstructor();
  C.Args.assign(CE->arg_begin(), CE->arg_end());
  for (const SummaryLock &L : Wanted)
    if (std::optional<LockId> Id = translate(L, C))
      Ids.push_back(*Id);
  return Ids;
}

void FunctionAnalysis::createUnlocker(const LockOp &Op, llvm::ArrayRef<LockId> Ids,
                                      const Stmt *Site, State &St) {
  const VarDecl *U = Op.Guard;
  std::string Ctor = Op.InferredCtor ? Op.InferredCtor->getConstructor()->getNameAsString()
                                     : std::string("the constructor");
  for (LockId Id : Ids) {
    ReleasedSomewhere.insert(Id);
    const LockInfo &LI = Locks.info(Id);
    unsigned NotHeld = 0;
    const Stmt *Previous = nullptr;
    for (const Disjunct &D : St.Ds)
      if (!D.held(Id)) {
        ++NotHeld;
        Previous = Previous ? Previous : D.lastRelease(Id);
        // As for a release by hand: a lock this function first touches by
        // releasing it is its caller's (solved again with it held on entry).
        if (!D.lastRelease(Id) && !isLocalLock(Id))
          firstTouch(Id, D, /*Release=*/true);
      }
    if (Reporting && NotHeld) {
      bool Definite = onEveryPath(NotHeld, St.Ds.size());
      llvm::SmallVector<FindingNote, 2> Notes;
      if (Previous)
        Notes.push_back(noteAt(Previous, msg::releasedHere(LI.Traits.KindName, LI.Display)));
      reportAt(Check::UnlockNotHeld, Site,
               msg::callReleaseNotHeld(Ctor, LI.Traits.KindName, LI.Display, Definite), Definite,
               std::move(Notes));
    }
    for (Disjunct &D : St.Ds) {
      const VarDecl *Owner = nullptr;
      bool Shared = Op.Shared, Held = false;
      if (const HeldLock *H = D.held(Id)) {
        Held = true;
        Shared = H->Shared;
        if (H->Guard && H->Manual == 0) {
          Owner = H->Guard;
          if (GuardEntry *E = D.guard(Owner)) {
            E->Owns = false;
            E->ReleaseSite = Site;
          }
          D.releaseByGuard(Id);
        } else {
          D.releaseManual(Id);
        }
      }
      D.noteRelease(Id, Site);
      if (!U)
        continue; // a temporary: re-acquires at once
      GuardEntry *E = D.guard(U);
      if (!E) {
        E = &D.addGuard(U);
        E->Unlocker = true;
        E->Site = Site;
      }
      if (!Held)
        continue; // reported above; nothing to take back at the end
      E->Locks.push_back(Id);
      E->RestoreTo = Owner;
      E->Shared = Shared;
    }
  }
  if (!U) {
    LockOp Again = Op;
    Again.Mode = GuardMode::Lock;
    acquire(Again, Ids, nullptr, Site, St);
  }
}

void FunctionAnalysis::endUnlocker(const VarDecl *VD, const Stmt *At, State &St) {
  // The owners the disjuncts give the locks back to (usually one).
  llvm::SmallVector<const VarDecl *, 2> Owners;
  bool Any = false;
  for (const Disjunct &D : St.Ds)
    if (const GuardEntry *E = const_cast<Disjunct &>(D).guard(VD); E && E->Unlocker) {
      Any = true;
      if (!llvm::is_contained(Owners, E->RestoreTo))
        Owners.push_back(E->RestoreTo);
    }
  if (!Any)
    return;
  for (const VarDecl *Owner : Owners) {
    auto Mine = [&](const Disjunct &D) {
      const GuardEntry *E = const_cast<Disjunct &>(D).guard(VD);
      return E && E->Unlocker && E->RestoreTo == Owner;
    };
    llvm::SmallVector<LockId, 2> Ids;
    LockOp Op;
    Op.Kind = OpKind::Acquire;
    for (const Disjunct &D : St.Ds)
      if (Mine(D)) {
        const GuardEntry *E = const_cast<Disjunct &>(D).guard(VD);
        Ids.assign(E->Locks.begin(), E->Locks.end());
        Op.Shared = E->Shared;
        break;
      }
    if (!Ids.empty())
      Op.Traits = Locks.info(Ids.front()).Traits;
    // Marks first, as acquire() may end the paths that deadlock here.
    for (Disjunct &D : St.Ds)
      if (Mine(D))
        if (GuardEntry *O = Owner ? D.guard(Owner) : nullptr) {
          O->Owns = true;
          O->Site = At;
        }
    acquire(Op, Ids, Owner, At, St, Mine);
  }
  for (Disjunct &D : St.Ds)
    D.dropGuard(VD);
}

} // namespace lockcheck
