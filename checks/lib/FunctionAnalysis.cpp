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
  auto Key = std::make_pair(static_cast<unsigned>(F.CheckKind),
                            F.Loc.getRawEncoding());
  if (Seen.insert(Key).second)
    Sink.report(std::move(F));
}

FunctionAnalysis::FunctionAnalysis(ASTContext &Ctx, const FunctionDecl *FD,
                                   const LockModel &Model, ThrowModel &Throws,
                                   const AnalysisOptions &Opts, FindingSink &Sink)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), FD(FD), Model(Model), Throws(Throws),
      Opts(Opts), Reporter(Sink) {}

FunctionAnalysis::~FunctionAnalysis() = default;

void FunctionAnalysis::debug(llvm::StringRef Why) const {
  if (!Opts.DebugLog)
    return;
  *Opts.DebugLog << "lockcheck: " << FD->getQualifiedNameAsString() << " ("
                 << FD->getLocation().printToString(SM) << "): " << Why << "\n";
}

/// The attribute arguments of the function itself, as locks of its own body.
template <typename AttrT>
static void ownAttributeLocks(const FunctionDecl *FD, const LockPathBuilder &Paths,
                              const LockModel &Model, LockTable &Locks,
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
        Out.insert(Locks.intern(P, Model.traitsOfType(E->getType())));
    }
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    if (!Any && MD && MD->isInstance()) {
      LockPath P;
      P.Steps.push_back({PathStep::This});
      Out.insert(Locks.intern(
          P, Model.traitsOfType(MD->getThisType()->getPointeeType())));
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
  ownAttributeLocks<AcquireCapabilityAttr>(FD, Paths, Model, Locks, ExpectedHeldAtExit);
  ownAttributeLocks<TryAcquireCapabilityAttr>(FD, Paths, Model, Locks, ExpectedHeldAtExit);
  ownAttributeLocks<RequiresCapabilityAttr>(FD, Paths, Model, Locks, PreHeld);
  ownAttributeLocks<ReleaseCapabilityAttr>(FD, Paths, Model, Locks, PreHeld);

  if (!solve())
    return false;
  // A lock whose first operation is a release (on some path, and never an
  // acquire first) is held by the caller: solve again with it held on entry.
  bool Changed = false;
  for (LockId Id : FirstTouchRelease)
    if (!FirstTouchAcquire.count(Id))
      Changed |= PreHeld.insert(Id).second;
  if (Changed && !solve())
    return false;
  if (LostPrecision)
    debug("note: more than 16 distinct locksets at a point; some paths were merged");
  reportPass();
  return true;
}

bool FunctionAnalysis::buildCFG() {
  CFG::BuildOptions BO;
  BO.AddEHEdges = Throws.exceptionsEnabled();
  BO.AddImplicitDtors = true;
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

void FunctionAnalysis::enqueue(const CFGBlock *B) {
  if (B && !Reporting)
    Work.insert(RPOIndex[B->getBlockID()]);
}

State FunctionAnalysis::entryState() const {
  State S;
  S.Ds.emplace_back();
  for (LockId Id : PreHeld)
    S.Ds.front().setHeld({Id, 1, false, nullptr, nullptr});
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

bool FunctionAnalysis::isExceptionEdge(const CFGBlock *B, unsigned SuccIndex) const {
  if (!Throws.exceptionsEnabled())
    return false;
  if (isa_and_nonnull<CXXThrowExpr>(B->getTerminatorStmt()))
    return true;
  if (B->hasNoReturnElement())
    return SuccIndex == 1;
  return SuccIndex == 1 && throwingCall(B);
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
    }
  }
  if (const auto *TE = dyn_cast_or_null<CXXThrowExpr>(B->getTerminatorStmt()))
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
  if (const auto *TE = dyn_cast<CXXThrowExpr>(S)) {
    if (const Expr *Sub = TE->getSubExpr()) {
      K.Type = Sub->getType().getCanonicalType().getUnqualifiedType();
      K.Record = K.Type->getAsCXXRecordDecl();
    }
  } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      K.StdLibrary = Callee->isInStdNamespace();
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
          if (HeldLock *H = D.held(Id); H && --H->Count == 0)
            D.dropHeld(Id);
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
  if (!Reporting)
    return;
  SourceLocation At = isa<Expr>(ThrowPt) ? cast<Expr>(ThrowPt)->getExprLoc()
                                         : ThrowPt->getBeginLoc();
  for (const Disjunct &D : S.Ds)
    for (const HeldLock &H : D.Held) {
      if (H.Guard || !H.Site || !ReleasedSomewhere.count(H.Id) ||
          PreHeld.count(H.Id) || ExpectedHeldAtExit.count(H.Id))
        continue;
      auto Key = std::make_pair(H.Site, H.Id);
      auto It = Escapes.find(Key);
      if (It != Escapes.end() && !SM.isBeforeInTranslationUnit(At, It->second.At))
        continue;
      Escapes[Key] = {At, H.Id, true, false, isa<CXXThrowExpr>(ThrowPt)};
      EscapeStmts[Key] = ThrowPt;
    }
}

void FunctionAnalysis::checkExits() {
  const CFGBlock &Exit = Cfg->getExit();
  SourceLocation EndLoc = FD->getBody()->getEndLoc();
  for (const auto &Pred : Exit.preds()) {
    const CFGBlock *P = Pred.getReachableBlock();
    if (!P || !Visited[P->getBlockID()] || P->hasNoReturnElement())
      continue;
    // The state on the normal edges into the exit (branch facts applied).
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
    for (const Disjunct &D : S.Ds)
      for (const HeldLock &H : D.Held) {
        if (H.Guard || !H.Site || !ReleasedSomewhere.count(H.Id) ||
            PreHeld.count(H.Id) || ExpectedHeldAtExit.count(H.Id))
          continue;
        auto Key = std::make_pair(H.Site, H.Id);
        auto It = Exits.find(Key);
        if (It != Exits.end() && !SM.isBeforeInTranslationUnit(At, It->second.At))
          continue;
        bool Definite = llvm::all_of(S.Ds, [&](const Disjunct &O) { return O.held(H.Id); });
        Exits[Key] = {At, H.Id, Definite, Ret != nullptr, false};
      }
  }
}

static std::string functionName(const FunctionDecl *FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda())
    return "lambda";
  return FD->getNameAsString();
}

static std::string calleeName(const Stmt *S) {
  if (const auto *CE = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      return Callee->getNameAsString();
  return "the callee";
}

void FunctionAnalysis::emitDeferred() {
  std::string Fn = functionName(FD);
  for (const auto &[Key, L] : Exits) {
    if (!Opts.Enabled.contains(Check::MissingUnlock))
      break;
    Finding F;
    F.CheckKind = Check::MissingUnlock;
    F.Loc = L.At;
    F.Definite = L.Definite;
    F.Message = msg::missingUnlock(kindOf(L.Id), nameOf(L.Id), Fn, L.AtReturn, L.Definite);
    F.Notes.push_back(noteAt(Key.first, msg::acquiredHere(kindOf(L.Id), nameOf(L.Id))));
    Reporter.report(std::move(F));
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
    Reporter.report(std::move(F));
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
