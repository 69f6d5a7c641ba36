//===- FunctionAnalysis.cpp - CFG, fixpoint, exceptions, exits ------------===//
#include "lockcheck/FunctionAnalysis.h"
#include "lockcheck/Messages.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace lockcheck {

// Functions whose CFG is larger than this are skipped (said under --debug).
static constexpr unsigned MaxBlocks = 100000;

void FunctionReporter::report(Finding F) {
  if (Seen.insert({static_cast<unsigned>(F.CheckKind), F.Loc.getRawEncoding(), F.Message})
          .second)
    Sink.report(std::move(F));
}

FunctionAnalysis::FunctionAnalysis(ASTContext &Ctx, const FunctionDecl *FD,
                                   TUContext &TU, bool Emit)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), FD(FD), Model(TU.Model), Throws(TU.Throws),
      Opts(TU.Opts), Reporter(TU.Sink), Wrappers(TU.Wrappers), Summaries(TU.Summaries),
      Order(TU.Order), Imports(TU.Imports), Virtuals(TU.Virtuals), External(TU.External), Emit(Emit),
      IsRoot(TU.Roots && TU.Roots->contains(FD->getCanonicalDecl())) {}

FunctionAnalysis::~FunctionAnalysis() = default;

void FunctionAnalysis::debug(llvm::StringRef Why) const {
  if (!Opts.DebugLog)
    return;
  *Opts.DebugLog << "lockcheck: " << FD->getQualifiedNameAsString() << " ("
                 << FD->getLocation().printToString(SM) << "): " << Why << "\n";
}

/// The attribute arguments of the function itself, as locks of its own body.
template <typename AttrT, typename InternFn>
static void ownAttributeLocks(const FunctionDecl *FD, const LockPathBuilder &Paths,
                              const LockModel &Model, InternFn Intern,
                              llvm::DenseSet<LockId> &Out) {
  for (const auto *A : FD->specific_attrs<AttrT>()) {
    bool Any = false;
    for (const Expr *E : A->args()) {
      if (isa<StringLiteral>(E->IgnoreParenImpCasts()))
        continue;
      Any = true;
      bool Ptr = E->getType()->isPointerType();
      LockPath P = Paths.fromExpr(E, Ptr);
      if (!P.empty())
        Out.insert(Intern(P, Model.traitsOfType(E->getType()), E, Ptr));
    }
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!Any && MD && MD->isInstance()) {
      LockPath P;
      P.Steps.push_back({PathStep::This});
      Out.insert(Intern(P, Model.traitsOfType(MD->getThisType()->getPointeeType()),
                        nullptr, false));
    }
  }
}

bool FunctionAnalysis::run() {
  const Stmt *Body = FD->getBody();
  if (!Body)
    return false;
  if (isa<CoroutineBodyStmt>(Body)) {
    debug("skipped: coroutine bodies are not analysed");
    return false;
  }
  prescan();
  Conds = std::make_unique<ConditionModel>(Ctx, Model, Escaping);
  if (!buildCFG()) {
    debug("skipped: no CFG could be built");
    return false;
  }
  if (Cfg->getNumBlockIDs() > MaxBlocks) {
    debug("skipped: CFG has more than 100000 blocks");
    return false;
  }
  auto Intern = [&](const LockPath &P, const LockTraits &T, const Expr *E, bool Ptr) {
    return intern(P, T, E, Ptr);
  };
  ownAttributeLocks<AcquireCapabilityAttr>(FD, Paths, Model, Intern, ExpectedHeldAtExit);
  ownAttributeLocks<TryAcquireCapabilityAttr>(FD, Paths, Model, Intern, ExpectedHeldAtExit);
  ownAttributeLocks<ExclusiveTrylockFunctionAttr>(FD, Paths, Model, Intern, ExpectedHeldAtExit);
  ownAttributeLocks<SharedTrylockFunctionAttr>(FD, Paths, Model, Intern, ExpectedHeldAtExit);
  // A lock's own lock()/unlock()/try_lock() (or an annotated lock function)
  // is where acquisition is defined: summarised, never reported as a leak or
  // a release of something not held.
  ImplementsLock = Model.isLockPrimitive(FD);
  ownAttributeLocks<RequiresCapabilityAttr>(FD, Paths, Model, Intern, PreHeld);
  ownAttributeLocks<ReleaseCapabilityAttr>(FD, Paths, Model, Intern, PreHeld);

  if (!solve())
    return false;
  // A lock whose first operation is a release (on some path, and never an
  // acquire first) is held by the caller: solve again with it held on entry.
  // A root has no caller to hold anything for it.
  bool Changed = false;
  for (LockId Id : FirstTouchRelease)
    if (!IsRoot && !FirstTouchAcquire.count(Id) && !isLocalLock(Id))
      Changed |= PreHeld.insert(Id).second;
  if (Changed && !solve())
    return false;
  if (Emit)
    for (LockId Id : PreHeld)
      Wrappers.noteReleaseWrapper(Locks.info(Id).ClassKey);
  if (LostPrecision)
    debug("note: more than 16 distinct locksets at a point; some paths were merged");
  reportPass();
  return true;
}

bool FunctionAnalysis::buildCFG() {
  CFG::BuildOptions BO;
  BO.AddEHEdges = Throws.exceptionsEnabled();
  BO.AddImplicitDtors = true;
  BO.AddLifetime = true; // facts about a variable die with it
  BO.AddTemporaryDtors = true;
  BO.AddInitializers = true;
  BO.AddCXXDefaultInitExprInCtors = true;
  BO.setAllAlwaysAdd();
  Cfg = CFG::buildCFG(FD, const_cast<Stmt *>(FD->getBody()), &Ctx, BO);
  if (!Cfg)
    return false;
  // Reverse post-order, so loops converge in few passes.
  unsigned N = Cfg->getNumBlockIDs();
  RPOIndex.assign(N, ~0u);
  std::vector<const CFGBlock *> Post;
  std::vector<std::pair<const CFGBlock *, CFGBlock::const_succ_iterator>> Stack;
  std::vector<bool> Seen(N, false);
  const CFGBlock *Entry = &Cfg->getEntry();
  Seen[Entry->getBlockID()] = true;
  Stack.push_back({Entry, Entry->succ_begin()});
  auto pushSucc = [&](const CFGBlock *S) {
    if (S && !Seen[S->getBlockID()]) {
      Seen[S->getBlockID()] = true;
      Stack.push_back({S, S->succ_begin()});
      return true;
    }
    return false;
  };
  while (!Stack.empty()) {
    auto &[B, It] = Stack.back();
    bool Pushed = false;
    while (It != B->succ_end() && !Pushed) {
      const CFGBlock *S = It->getReachableBlock();
      ++It;
      Pushed = pushSucc(S);
    }
    if (!Pushed) {
      Post.push_back(Stack.back().first);
      Stack.pop_back();
    }
  }
  // Handlers are reached only through our own exception routing; give them
  // (and anything else the walk missed) an order after the rest.
  for (const CFGBlock *B : *Cfg)
    if (!Seen[B->getBlockID()])
      Post.insert(Post.begin(), B);
  ByRPO.assign(Post.rbegin(), Post.rend());
  for (unsigned I = 0; I < ByRPO.size(); ++I)
    RPOIndex[ByRPO[I]->getBlockID()] = I;
  return true;
}

/// A lock that lives in this function's frame: no caller can hold it.
bool FunctionAnalysis::isLocalLock(LockId Id) const {
  const LockPath &P = Locks.info(Id).Path;
  const auto *VD = P.empty() ? nullptr : dyn_cast_or_null<VarDecl>(P.Steps.front().Decl);
  return VD && P.Steps.front().K == PathStep::Var && VD->hasLocalStorage() &&
         !isa<ParmVarDecl>(VD) && !VD->getType()->isReferenceType() &&
         !VD->getType()->isPointerType();
}

void FunctionAnalysis::enqueue(const CFGBlock *B) {
  if (B && !Reporting)
    Work.insert(RPOIndex[B->getBlockID()]);
}

State FunctionAnalysis::entryState() const {
  State S;
  S.Ds.emplace_back();
  for (LockId Id : PreHeld)
    S.Ds.front().holdOnEntry(Id);
  return S;
}

/// The call whose exception edge leaves \p B, if B ends in one.
const Stmt *FunctionAnalysis::throwingCall(const CFGBlock *B) const {
  if (!Throws.exceptionsEnabled() || B->getTerminatorStmt() || B->succ_size() != 2)
    return nullptr;
  for (auto It = B->rbegin(); It != B->rend(); ++It)
    if (auto CS = It->getAs<CFGStmt>())
      return isa<CallExpr>(CS->getStmt()) ? CS->getStmt() : nullptr;
  return nullptr;
}

/// The `throw` that ends \p B: the CFG makes it the last element, with the
/// exception's target as the only successor.
static const CXXThrowExpr *endingThrow(const CFGBlock *B) {
  for (auto It = B->rbegin(); It != B->rend(); ++It)
    if (auto CS = It->getAs<CFGStmt>())
      return dyn_cast<CXXThrowExpr>(CS->getStmt());
  return nullptr;
}

bool FunctionAnalysis::isExceptionEdge(const CFGBlock *B, unsigned SuccIndex) const {
  if (!Throws.exceptionsEnabled())
    return false;
  if (!B->getTerminatorStmt() && endingThrow(B))
    return true;
  if (B->hasNoReturnElement())
    return SuccIndex == 1;
  return SuccIndex == 1 && throwingCall(B);
}

/// The local pointer that condition \p C being \p Value says is null:
/// `p` or `p != nullptr` false, `!p` or `p == nullptr` true.
static const VarDecl *nullOnEdge(ASTContext &Ctx, const Expr *C, bool Value) {
  auto pointerVar = [](const Expr *E) -> const VarDecl * {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return VD && VD->hasLocalStorage() && VD->getType()->isPointerType() ? VD : nullptr;
  };
  C = C->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(C); UO && UO->getOpcode() == UO_LNot)
    return nullOnEdge(Ctx, UO->getSubExpr(), !Value);
  if (const auto *BO = dyn_cast<BinaryOperator>(C); BO && BO->isEqualityOp()) {
    const Expr *L = BO->getLHS(), *R = BO->getRHS();
    auto isNull = [&](const Expr *E) {
      return E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull) !=
             Expr::NPCK_NotNull;
    };
    const VarDecl *V = isNull(R) ? pointerVar(L) : isNull(L) ? pointerVar(R) : nullptr;
    bool SaysNull = BO->getOpcode() == BO_EQ ? Value : !Value;
    return V && SaysNull ? V : nullptr;
  }
  const VarDecl *V = pointerVar(C);
  return V && !Value ? V : nullptr;
}

bool FunctionAnalysis::edgeState(const CFGBlock *From, unsigned SuccIndex, State &S) {
  if (isExceptionEdge(From, SuccIndex) || From->hasNoReturnElement())
    return false;
  S = Out[From->getBlockID()];
  const Stmt *T = From->getTerminatorStmt();
  if (!T || From->succ_size() != 2 || isa<SwitchStmt>(T) || isa<CXXTryStmt>(T))
    return true;
  const auto *C = dyn_cast_or_null<Expr>(From->getTerminatorCondition());
  if (!C)
    return true;
  const CondAtom &A = Conds->analyze(C);
  bool Value = SuccIndex == 0;
  llvm::SmallVector<Disjunct, 2> Kept;
  for (Disjunct &D : S.Ds)
    if (Conds->assume(A, Value, D))
      Kept.push_back(std::move(D));
  S.Ds = std::move(Kept);
  // A lock reached through a pointer that is null on this edge cannot be
  // held (`for (n = head; n;)` ends a hand-over-hand walk).
  if (const VarDecl *Null = nullOnEdge(Ctx, C, Value))
    for (Disjunct &D : S.Ds) {
      llvm::SmallVector<LockId, 2> Gone;
      for (const HeldLock &H : D.Held) {
        const LockPath &P = Locks.info(H.Id).Path;
        if (!H.Guard && P.Steps.size() > 1 && P.Steps[0].K == PathStep::Var &&
            P.Steps[0].Decl == Null && P.Steps[0].Const == 0 && P.Steps[1].K == PathStep::Deref)
          Gone.push_back(H.Id);
      }
      for (LockId Id : Gone)
        D.dropHeld(Id);
    }
  if (!S.normalize())
    LostPrecision = true;
  return true;
}

State FunctionAnalysis::incoming(const CFGBlock *B) {
  State S;
  for (const auto &Pred : B->preds()) {
    const CFGBlock *P = Pred.getReachableBlock();
    if (!P || !Visited[P->getBlockID()] || isa_and_nonnull<CXXTryStmt>(P->getTerminatorStmt()))
      continue;
    unsigned I = 0;
    for (const auto &Succ : P->succs()) {
      if (Succ.getReachableBlock() == B) {
        State E;
        if (edgeState(P, I, E) && !S.joinWith(E))
          LostPrecision = true;
      }
      ++I;
    }
  }
  if (!S.joinWith(ExceptionIn[B->getBlockID()]))
    LostPrecision = true;
  return S;
}

void FunctionAnalysis::processBlock(const CFGBlock *B, const State &InState, State &OutState) {
  OutState = InState;
  const Stmt *Throwing = throwingCall(B);
  for (const CFGElement &E : *B) {
    if (auto CS = E.getAs<CFGStmt>()) {
      const Stmt *S = CS->getStmt();
      if (S == Throwing && Throws.callMayThrow(cast<CallExpr>(S)))
        propagateException(B, OutState, S);
      transferStmt(S, OutState);
    } else if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
      destroyGuard(D->getVarDecl(), OutState);
      transferImplicitDtor(E, OutState);
    } else if (E.getAs<CFGTemporaryDtor>() || E.getAs<CFGMemberDtor>() ||
               E.getAs<CFGBaseDtor>()) {
      transferImplicitDtor(E, OutState);
    } else if (auto L = E.getAs<CFGLifetimeEnds>()) {
      for (Disjunct &Dj : OutState.Ds)
        Dj.dropFactsAbout(L->getVarDecl());
    }
  }
  if (const CXXThrowExpr *TE = endingThrow(B); TE && Throws.exceptionsEnabled())
    propagateException(B, OutState, TE);
}

bool FunctionAnalysis::solve() {
  unsigned N = Cfg->getNumBlockIDs();
  In.assign(N, State());
  Out.assign(N, State());
  ExceptionIn.assign(N, State());
  Visited.assign(N, false);
  Work.clear();
  enqueue(&Cfg->getEntry());
  unsigned Visits = 0, Limit = 40 * N + 1000;
  while (!Work.empty()) {
    const CFGBlock *B = ByRPO[*Work.begin()];
    Work.erase(Work.begin());
    unsigned ID = B->getBlockID();
    State NewIn = B == &Cfg->getEntry() ? entryState() : incoming(B);
    if (!NewIn.reachable() || (Visited[ID] && NewIn == In[ID]))
      continue;
    if (++Visits > Limit) {
      debug("skipped: no fixpoint within the iteration limit");
      return false;
    }
    In[ID] = std::move(NewIn);
    Visited[ID] = true;
    State NewOut;
    processBlock(B, In[ID], NewOut);
    Out[ID] = std::move(NewOut);
    for (const auto &Succ : B->succs())
      enqueue(Succ.getReachableBlock());
  }
  return true;
}

namespace {
enum class Catches { No, Maybe, All };

/// What is thrown at a throw point, as far as handler matching needs it.
struct ThrownKind {
  const CXXRecordDecl *Record = nullptr; // `throw X(...)`
  QualType Type;                         // non-class `throw 42`
  bool StdLibrary = false;               // a call into namespace std
};

ThrownKind thrownAt(const Stmt *S) {
  ThrownKind K;
  auto inStd = [](const Decl *D) {
    for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
      if (DC->isStdNamespace())
        return true;
    return false;
  };
  if (const auto *TE = dyn_cast<CXXThrowExpr>(S)) {
    if (const Expr *Sub = TE->getSubExpr()) {
      K.Type = Sub->getType().getCanonicalType().getUnqualifiedType();
      K.Record = K.Type->getAsCXXRecordDecl();
    }
  } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      K.StdLibrary = inStd(Callee);
  }
  return K;
}

Catches handlerCatches(const CXXCatchStmt *H, const ThrownKind &K) {
  if (!H->getExceptionDecl())
    return Catches::All;
  QualType Caught = H->getCaughtType().getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (const auto *PT = Caught->getAs<PointerType>())
    (void)PT; // pointer handlers: matched like any other type below
  const CXXRecordDecl *RD = Caught->getAsCXXRecordDecl();
  if (K.Record) {
    if (RD && (K.Record == RD || K.Record->isDerivedFrom(RD)))
      return Catches::All;
    return Catches::No;
  }
  if (!K.Type.isNull())
    return K.Type == Caught ? Catches::All : Catches::No;
  if (K.StdLibrary && RD && RD->isInStdNamespace() && RD->getName() == "exception")
    return Catches::All;
  return Catches::Maybe;
}
} // namespace

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

void FunctionAnalysis::propagateException(const CFGBlock *B, State S, const Stmt *ThrowPt) {
  const CFGBlock *Target = nullptr;
  unsigned I = 0;
  for (const auto &Succ : B->succs()) {
    if (isExceptionEdge(B, I))
      Target = Succ.getReachableBlock();
    ++I;
  }
  ThrownKind K = thrownAt(ThrowPt);
  for (unsigned Depth = 0; Target && Depth < 64; ++Depth) {
    if (Target == &Cfg->getExit()) {
      recordEscape(S, ThrowPt);
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
      Catches C = handlerCatches(Catch, K);
      if (C != Catches::No && !Reporting) {
        State &EIn = ExceptionIn[H->getBlockID()];
        State Old = EIn;
        if (!EIn.joinWith(S))
          LostPrecision = true;
        if (!(Old == EIn))
          enqueue(H);
      }
      if (C == Catches::All)
        return;
    }
    Target = Next;
  }
}

void FunctionAnalysis::recordEscape(const State &S, const Stmt *ThrowPt) {
  // An exception leaving a noexcept function (destructors included) ends the
  // program in std::terminate; no lock outlives that.
  const auto *FPT = FD->getType()->getAs<FunctionProtoType>();
  if (!Reporting || (FPT && FPT->isNothrow()) || isa<CXXDestructorDecl>(FD))
    return;
  SourceLocation At = isa<Expr>(ThrowPt) ? cast<Expr>(ThrowPt)->getExprLoc()
                                         : ThrowPt->getBeginLoc();
  for (const Disjunct &D : S.Ds)
    for (const HeldLock &H : D.Held)
      if (keepEarliestLeak(Escapes, H, {At, H.Id, true, false, isa<CXXThrowExpr>(ThrowPt)}))
        EscapeStmts[{H.ManualSite, H.Id}] = ThrowPt;
}

/// Records \p L for a manual acquisition still held at a leaving point,
/// keeping the first such point in source order. False when \p H is no
/// candidate (a guard's, held on entry, or declared to be returned held).
bool FunctionAnalysis::keepEarliestLeak(
    std::map<std::pair<const Stmt *, unsigned>, Leak> &Into, const HeldLock &H, Leak L) {
  if (!H.Manual || !H.ManualSite || PreHeld.count(H.Id) || ExpectedHeldAtExit.count(H.Id))
    return false;
  auto Key = std::make_pair(H.ManualSite, H.Id);
  auto It = Into.find(Key);
  if (It != Into.end() && !SM.isBeforeInTranslationUnit(L.At, It->second.At))
    return false;
  Into[Key] = L;
  return true;
}

void FunctionAnalysis::checkExits() {
  const CFGBlock &Exit = Cfg->getExit();
  SourceLocation EndLoc = FD->getBody()->getEndLoc();
  // The states on the normal edges into the exit, grouped by where the
  // function leaves (a return statement, or the closing brace).
  ExitStates ByExit;
  for (const auto &Pred : Exit.preds()) {
    const CFGBlock *P = Pred.getReachableBlock();
    if (!P || !Visited[P->getBlockID()] || P->hasNoReturnElement())
      continue;
    State S;
    unsigned I = 0;
    for (const auto &Succ : P->succs()) {
      State E;
      if (Succ.getReachableBlock() == &Exit && edgeState(P, I, E))
        S.joinWith(E);
      ++I;
    }
    if (!S.reachable())
      continue;
    const ReturnStmt *Ret = nullptr;
    for (const CFGElement &E : *P)
      if (auto CS = E.getAs<CFGStmt>())
        if (const auto *R = dyn_cast<ReturnStmt>(CS->getStmt()))
          Ret = R;
    SourceLocation At = Ret ? Ret->getBeginLoc() : EndLoc;
    ExitState &Slot = ByExit[At.getRawEncoding()];
    Slot.S.joinWith(S);
    Slot.Ret = Ret;
  }
  summarizeExits(ByExit);
  summarizeObjectLocks(ByExit);
  for (const auto &[Raw, Entry] : ByExit) {
    const State &S = Entry.S;
    SourceLocation At = SourceLocation::getFromRawEncoding(Raw);
    for (const Disjunct &D : S.Ds)
      for (const HeldLock &H : D.Held) {
        if (HeldByContract.count({Raw, H.Id}))
          continue;
        bool Definite = llvm::all_of(S.Ds, [&](const Disjunct &O) { return O.held(H.Id); });
        keepEarliestLeak(Exits, H, {At, H.Id, Definite, Entry.Ret != nullptr, false});
      }
  }
}

std::string FunctionAnalysis::functionName() const {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda())
    return "lambda";
  return FD->getNameAsString();
}

/// The callee as the user wrote it: `push_back`, `cb` for `cb()` through a
/// pointer or a std::function.
static std::string calleeName(const Stmt *S) {
  const auto *CE = dyn_cast<CallExpr>(S);
  if (!CE)
    return "the callee";
  const Expr *Named = CE->getCallee();
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE); OCE && OCE->getOperator() == OO_Call)
    Named = OCE->getArg(0);
  else if (const FunctionDecl *Callee = CE->getDirectCallee())
    return Callee->getNameAsString();
  Named = Named->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(Named); UO && UO->getOpcode() == UO_Deref)
    Named = UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Named))
    return DRE->getDecl()->getNameAsString();
  if (const auto *ME = dyn_cast<MemberExpr>(Named))
    return ME->getMemberDecl()->getNameAsString();
  return "the callee";
}

/// A lock this function never releases may be its purpose to acquire (a
/// wrapper): that finding waits for the rest of the TU.
void FunctionAnalysis::deliver(LockId Id, Finding F) {
  if (!Emit)
    return;
  // A lock of a local object dies with this frame: no wrapper elsewhere can
  // release it.
  const PathStep &Root = Locks.info(Id).Path.Steps.front();
  const auto *RootVar = dyn_cast_or_null<VarDecl>(Root.Decl);
  bool LocalObject = Root.K == PathStep::Var && RootVar && RootVar->hasLocalStorage() &&
                     !isa<ParmVarDecl>(RootVar) && !RootVar->getType()->isReferenceType() &&
                     !RootVar->getType()->isPointerType();
  // At a root no caller is left to release what an acquire wrapper left held.
  if (ReleasedSomewhere.count(Id) || LocalObject || IsRoot)
    Reporter.report(std::move(F));
  else
    Wrappers.defer(Locks.info(Id).ClassKey, std::move(F));
}

void FunctionAnalysis::emitDeferred() {
  if (ImplementsLock)
    return;
  std::string Fn = functionName();
  for (const auto &[Key, L] : Exits) {
    if (!Opts.Enabled.contains(Check::MissingUnlock))
      break;
    Finding F;
    F.CheckKind = Check::MissingUnlock;
    F.Loc = L.At;
    F.Definite = L.Definite;
    const auto *ByCall = dyn_cast<CallExpr>(Key.first);
    const FunctionDecl *Wrapper = ByCall ? ByCall->getDirectCallee() : nullptr;
    if (IsRoot && Wrapper && !Model.classifyCall(ByCall))
      F.Message = msg::missingUnlockViaCall(kindOf(L.Id), nameOf(L.Id), Wrapper->getName(), Fn,
                                            L.AtReturn, L.Definite);
    else
      F.Message = msg::missingUnlock(kindOf(L.Id), nameOf(L.Id), Fn, L.AtReturn, L.Definite);
    F.Notes.push_back(noteAt(Key.first, msg::acquiredHere(kindOf(L.Id), nameOf(L.Id))));
    deliver(L.Id, std::move(F));
  }
  for (const auto &[Key, L] : Escapes) {
    if (!Opts.Enabled.contains(Check::ExceptionLeak))
      break;
    Finding F;
    F.CheckKind = Check::ExceptionLeak;
    F.Loc = L.At;
    F.Message = L.IsThrow ? msg::leakOnThrow(kindOf(L.Id), nameOf(L.Id), Fn)
                          : msg::leakOnCall(kindOf(L.Id), nameOf(L.Id),
                                            calleeName(EscapeStmts[Key]));
    F.Notes.push_back(
        noteAt(Key.first, msg::acquiredHereUseGuard(kindOf(L.Id), nameOf(L.Id))));
    deliver(L.Id, std::move(F));
  }
}

void FunctionAnalysis::reportPass() {
  Reporting = true;
  for (const CFGBlock *B : ByRPO) {
    unsigned ID = B->getBlockID();
    if (!Visited[ID])
      continue;
    State Scratch;
    processBlock(B, In[ID], Scratch);
  }
  checkExits();
  emitDeferred();
}

} // namespace lockcheck
