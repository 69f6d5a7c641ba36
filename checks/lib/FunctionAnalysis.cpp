//===- FunctionAnalysis.cpp - CFG, fixpoint, exceptions, exits ------------===//
#include "lockcheck/FunctionAnalysis.h"
#include "lockcheck/ClangCompat.h"
#include "lockcheck/Messages.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace clang;

namespace lockcheck {

// Functions whose CFG is larger than this are skipped (said under --debug).
static constexpr unsigned MaxBlocks = 100000;
// Per-function budgets of the fixpoint (docs/design.md, "Bounds"): the
// distinct block states kept, and the work of the transfer functions
// (statements processed times the paths they are processed on) per CFG
// element. Past one, the function is solved again without remembering
// conditions; past it again, it is skipped.
static constexpr size_t MaxStateBytes = size_t(64) << 20;
static constexpr uint64_t MaxWorkPerElement = 2000, MinWork = 4'000'000;

void FunctionReporter::report(Finding F) {
  if (!wants(F))
    return;
  if (Seen.insert({static_cast<unsigned>(F.CheckKind), F.Loc.getRawEncoding(), F.Message})
          .second)
    Sink.report(std::move(F));
}

FunctionAnalysis::FunctionAnalysis(ASTContext &Ctx, const FunctionDecl *FD,
                                   TUContext &TU, bool Emit)
    : Ctx(Ctx), SM(Ctx.getSourceManager()), FD(FD), Model(TU.Model), Throws(TU.Throws),
      Opts(TU.Opts), Reporter(TU.Sink), Wrappers(TU.Wrappers), Summaries(TU.Summaries),
      Order(TU.Order), Imports(TU.Imports), Virtuals(TU.Virtuals), External(TU.External),
      Accesses(TU.Accesses), Emit(Emit), Writes(TU.Writes), TUSpecialised(TU.Specialised),
      IsRoot(TU.Roots && TU.Roots->contains(FD->getCanonicalDecl())) {
  if (!Writes) {
    OwnWrites = std::make_unique<WriteEffects>(Ctx, Model);
    Writes = OwnWrites.get();
  }
}

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
  for (const auto &A : compat::attrsOf<AttrT>(FD)) {
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
  Conds = std::make_unique<ConditionModel>(Ctx, Model, Escaping, LockPointers, *Writes);
  Conds->noteLogicalParents(FD->getBody());
  if (!buildCFG()) {
    debug("skipped: no CFG could be built");
    return false;
  }
  prescanExceptions();
  if (Cfg->getNumBlockIDs() > MaxBlocks) {
    debug("skipped: CFG has more than 100000 blocks");
    return false;
  }
  auto Intern = [&](const LockPath &P, const LockTraits &T, const Expr *E, bool Ptr) {
    return intern(P, T, E, Ptr);
  };
  ownAttributeLocks<AcquireCapabilityAttr>(FD, Paths, Model, Intern, ExpectedHeldAtExit);
  ownAttributeLocks<compat::TryAcquireAttr>(FD, Paths, Model, Intern, ExpectedHeldAtExit);
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
    if (!IsRoot && !FirstTouchAcquire.count(Id) && !isLocalLock(Id) &&
        PreHeld.insert(Id).second) {
      InferredPreHeld.insert(Id);
      Changed = true;
    }
  // Or held by the caller only when a flag parameter says so: seen at once
  // when the paths stay apart, or once held on entry conflicts with an
  // acquisition on the other mode's paths.
  if (!IsRoot)
    Changed |= splitByMode();
  if (Changed && !solve())
    return false;
  if (!IsRoot && !ModeFact && !InferredPreHeld.empty() && splitByMode() && !solve())
    return false;
  if (ModeFact && !modeNeutralAtExit()) {
    undoModeSplit();
    if (!solve())
      return false;
  }
  if (LostPrecision) {
    // Paths were dropped and conditions forgotten (five locks each taken
    // and released under its own condition are 32 locksets): what is left
    // would report, and pass on to callers and the lock order, locks held
    // on paths that do not exist.
    debug("skipped: more than 16 distinct locksets at a point (paths would be dropped)");
    return false;
  }
  if (Emit)
    for (LockId Id : PreHeld)
      if (!llvm::is_contained(ModeLocks, Id)) // it hands the lock back
        Wrappers.noteReleaseWrapper(Locks.info(Id).ClassKey);
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
  if (ModeFact) {
    // One path per value of the flag: the caller holds ModeLocks on one.
    Disjunct Without = S.Ds.front();
    for (LockId Id : ModeLocks)
      Without.dropHeld(Id);
    Fact Other = *ModeFact;
    Other.Value = !Other.Value;
    Without.setFact(std::move(Other));
    Without.Mode = 2;
    S.Ds.front().setFact(*ModeFact);
    S.Ds.front().Mode = 1;
    S.Ds.push_back(std::move(Without));
  }
  if (Assumed && Assumed->Param < FD->getNumParams()) {
    Fact F; // as factForStore would record `param = constant`
    F.Key = FD->getParamDecl(Assumed->Param);
    F.Value = Assumed->Value != 0;
    F.HasExact = F.Value;
    F.Exact = Assumed->Value;
    S.Ds.front().setFact(std::move(F));
  }
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

/// Whether \p B computes \p E itself (as a value), rather than branching on
/// its operands in blocks of their own.
static bool computesInBlock(const CFGBlock *B, const Stmt *E) {
  for (const CFGElement &El : *B)
    if (auto CS = El.getAs<CFGStmt>(); CS && CS->getStmt() == E)
      return true;
  return false;
}

bool FunctionAnalysis::edgeState(const CFGBlock *From, unsigned SuccIndex, State &S,
                                 bool *Unchanged) {
  if (isExceptionEdge(From, SuccIndex) || From->hasNoReturnElement())
    return false;
  const SharedState &FromOut = Out[From->getBlockID()];
  S = FromOut ? Pool.thaw(FromOut) : State();
  size_t Before = S.Ds.size();
  bool Dropped = false, Joins = false, AddsFacts = false;
  const Stmt *T = From->getTerminatorStmt();
  const auto *C = dyn_cast_or_null<Expr>(From->getTerminatorCondition());
  if (T && C && From->succ_size() == 2 && !isa<SwitchStmt>(T) && !isa<CXXTryStmt>(T)) {
    // A branch may add a fact to a path it keeps, except where those are
    // forgotten anyway (feasibleBranch) on paths that know nothing.
    AddsFacts = !ForgetsEdgeFacts ||
                llvm::any_of(S.Ds, [](const Disjunct &D) { return !D.Facts.empty(); });
    // `if (a && b)`: the CFG evaluated `a` in an earlier block; this one
    // decides on `b`.
    const Expr *Branch = computesInBlock(From, C) ? C : ConditionModel::branchedOn(C);
    bool Value = SuccIndex == 0;
    size_t Kept = 0; // in place: disjuncts are large
    for (size_t I = 0; I < S.Ds.size(); ++I)
      if (feasibleBranch(Branch, Value, S.Ds[I])) {
        if (I != Kept)
          S.Ds[Kept] = std::move(S.Ds[I]);
        ++Kept;
      }
    S.Ds.truncate(Kept);
    // A lock reached through a pointer that is null on this edge cannot be
    // held (`for (n = head; n;)` ends a hand-over-hand walk).
    if (const VarDecl *Null = nullOnEdge(Ctx, Branch, Value))
      for (Disjunct &D : S.Ds) {
        llvm::SmallVector<LockId, 2> Gone;
        for (const HeldLock &H : D.Held) {
          const LockPath &P = Locks.info(H.Id).Path;
          if (!H.Guard && P.Steps.size() > 1 && P.Steps[0].K == PathStep::Var &&
              P.Steps[0].Decl == Null && P.Steps[0].Const == 0 &&
              P.Steps[1].K == PathStep::Deref)
            Gone.push_back(H.Id);
        }
        for (LockId Id : Gone)
          D.dropHeld(Id);
        Dropped |= !Gone.empty();
      }
  }
  if (isa_and_nonnull<SwitchStmt>(T)) {
    llvm::erase_if(S.Ds,
                   [&](const Disjunct &D) { return !switchEdgeFeasible(From, SuccIndex, D); });
  }
  // Entering the block that computes a `&&`, `||` or `?:` as a value: what
  // this edge says it is.
  auto Succ = From->succ_begin() + SuccIndex;
  if (const CFGBlock *To = Succ->getReachableBlock(); To && Conds->valueJoin(To)) {
    Joins = true;
    for (Disjunct &D : S.Ds)
      Conds->enterValueJoin(From, SuccIndex, To, D);
  }
  // The coarse pass keeps block exit states normalised (solveWithin); the
  // precise pass does not, so that each edge picks its paths before
  // same-shape ones merge (and their facts are intersected away).
  if ((!Coarse || Dropped) && !S.normalize())
    LostPrecision = true;
  // Pruning paths, forgetting a lock or merging disjuncts changes the state.
  if (Unchanged)
    *Unchanged = FromOut && S.Ds.size() == Before && !Dropped && !Joins && !AddsFacts;
  return true;
}

bool FunctionAnalysis::feasibleBranch(const Expr *Branch, bool Value, Disjunct &D) {
  // In the coarse pass a block forgets the facts a branch adds as it is
  // entered (forgetConditions), and a path that knows nothing can go either
  // way: the CFG has already cut the edges of constant conditions (`if (0)`,
  // `while (1)`).
  if (ForgetsEdgeFacts && D.Facts.empty())
    return true;
  return Conds->assumeBranch(Branch, Value, D);
}

llvm::SmallVector<unsigned, 2> FunctionAnalysis::edgesTo(const CFGBlock *P, const CFGBlock *B) {
  llvm::SmallVector<unsigned, 2> Out;
  // A switch has a successor per case, and each case block asks for its
  // edge: scanning them all every time would be quadratic in the cases.
  constexpr unsigned Few = 16;
  if (P->succ_size() <= Few) {
    unsigned I = 0;
    for (const auto &Succ : P->succs()) {
      if (Succ.getReachableBlock() == B)
        Out.push_back(I);
      ++I;
    }
    return Out;
  }
  auto [It, New] = SuccEdges.try_emplace(P);
  if (New) {
    unsigned I = 0;
    for (const auto &Succ : P->succs()) {
      if (const CFGBlock *R = Succ.getReachableBlock())
        It->second[R->getBlockID()].push_back(I);
      ++I;
    }
  }
  auto Found = It->second.find(B->getBlockID());
  if (Found != It->second.end())
    Out.assign(Found->second.begin(), Found->second.end());
  return Out;
}

State FunctionAnalysis::incoming(const CFGBlock *B, SharedState &Same) {
  State S;
  Same = nullptr;
  ForgetsEdgeFacts = Coarse; // solveWithin forgets them right after
  struct ResetOnExit {
    bool &Flag;
    ~ResetOnExit() { Flag = false; }
  } Reset{ForgetsEdgeFacts};
  // Predecessors in reverse post-order: where paths disagree on a lock's
  // last release, the first edge's is kept (a note's site), and taking the
  // edges in the order the solver visits them keeps it from changing each
  // time a back edge comes in (8,000 goto labels: 2.9 visits per block in
  // the CFG's order, 1.0 in this one). edgesTo() gives every edge from a
  // predecessor, so one listed twice is taken once.
  llvm::SmallVector<const CFGBlock *, 4> Preds;
  for (const auto &Pred : B->preds()) {
    const CFGBlock *P = Pred.getReachableBlock();
    if (P && Visited[P->getBlockID()] && !isa_and_nonnull<CXXTryStmt>(P->getTerminatorStmt()))
      Preds.push_back(P);
  }
  std::stable_sort(Preds.begin(), Preds.end(), [&](const CFGBlock *X, const CFGBlock *Y) {
    return RPOIndex[X->getBlockID()] < RPOIndex[Y->getBlockID()];
  });
  Preds.erase(std::unique(Preds.begin(), Preds.end()), Preds.end());
  unsigned Edges = 0;
  for (const CFGBlock *P : Preds) {
    for (unsigned I : edgesTo(P, B)) {
      State E;
      bool Unchanged = false;
      if (!edgeState(P, I, E, &Unchanged))
        continue;
      bool Changed = false;
      if (!S.joinNormalized(std::move(E), &Changed))
        LostPrecision = true;
      // The first edge's state, if it crossed unchanged and no other edge
      // added to it.
      if (++Edges == 1)
        Same = Unchanged ? Out[P->getBlockID()] : nullptr;
      else if (Changed)
        Same = nullptr;
    }
  }
  auto EIt = ExceptionIn.find(B->getBlockID());
  if (EIt != ExceptionIn.end()) {
    Same = nullptr;
    if (!S.joinWith(EIt->second))
      LostPrecision = true;
  }
  return S;
}

void FunctionAnalysis::processBlock(const CFGBlock *B, State &St) {
  const Stmt *Throwing = throwingCall(B);
  bool Exceptions = Throws.exceptionsEnabled();
  for (const CFGElement &E : *B) {
    if (auto CS = E.getAs<CFGStmt>()) {
      const Stmt *S = CS->getStmt();
      if (Exceptions)
        exceptionAt(B, S, S == Throwing, St);
      transferStmt(S, St);
    } else if (auto D = E.getAs<CFGAutomaticObjDtor>()) {
      destroyGuard(D->getVarDecl(), D->getTriggerStmt(), St);
      transferImplicitDtor(E, St);
    } else if (E.getAs<CFGTemporaryDtor>() || E.getAs<CFGMemberDtor>() ||
               E.getAs<CFGBaseDtor>()) {
      transferImplicitDtor(E, St);
    } else if (auto L = E.getAs<CFGLifetimeEnds>()) {
      for (Disjunct &Dj : St.Ds)
        Dj.dropFactsAbout(L->getVarDecl());
      indexChanged(L->getVarDecl(), St);
    }
  }
  if (const CXXThrowExpr *TE = endingThrow(B); TE && Exceptions)
    propagateException(exceptionalSuccessor(B), St, TE, Throws.thrownBy(TE, FD));
}

/// Drops what the disjuncts remember about conditions, except try-lock
/// results (tested right after the call, and few). False if there were none.
static bool forgetConditions(State &S) {
  bool Any = false;
  for (Disjunct &D : S.Ds) {
    size_t Had = D.Facts.size();
    llvm::erase_if(D.Facts, [](const Fact &F) { return !F.IsTry; });
    Any |= D.Facts.size() != Had;
  }
  if (Any)
    S.normalize();
  return Any;
}

bool FunctionAnalysis::solve() {
  std::string Why;
  if (solveWithin(Why))
    return true;
  if (!Coarse) {
    // Remembered conditions are what multiplies the states (each branch
    // adds one); without them the function still gets its locksets.
    Coarse = true;
    Reporter.OnlyDefinite = true;
    debug("over budget (" + Why +
          "): analysed again without remembering conditions; only findings on every path "
          "are reported");
    if (solveWithin(Why))
      return true;
  }
  debug("skipped: over budget (" + Why + ") even without remembering conditions");
  return false;
}

bool FunctionAnalysis::solveWithin(std::string &Why) {
  unsigned N = Cfg->getNumBlockIDs();
  LostPrecision = false; // of this solution, not an earlier one
  Pool.clear();
  In.assign(N, nullptr);
  Out.assign(N, nullptr);
  ExceptionIn.clear();
  Visited.assign(N, false);
  Work.clear();
  enqueue(&Cfg->getEntry());
  uint64_t Elements = 0;
  for (const CFGBlock *B : *Cfg)
    Elements += B->size() + 1;
  uint64_t Steps = 0, MaxSteps = std::max(MinWork, MaxWorkPerElement * Elements);
  unsigned Visits = 0, Limit = 40 * N + 1000, Seen = 0;
  size_t NextForecast = MaxStateBytes / 16;
  while (!Work.empty()) {
    const CFGBlock *B = ByRPO[*Work.begin()];
    Work.erase(Work.begin());
    unsigned ID = B->getBlockID();
    SharedState Same; // NewIn as frozen already, if known
    State NewIn = B == &Cfg->getEntry() ? entryState() : incoming(B, Same);
    if (Coarse && forgetConditions(NewIn))
      Same = nullptr;
    if (!NewIn.reachable())
      continue;
    size_t Paths = NewIn.Ds.size();
    SharedState Frozen = Same ? Same : Pool.internKeeping(std::move(NewIn));
    if (Visited[ID] && Frozen == In[ID])
      continue; // interned: equal states are one pointer
    if (++Visits > Limit) {
      Why = "no fixpoint within " + std::to_string(Limit) + " block visits";
      return false;
    }
    Steps += (B->size() + 1) * Paths;
    In[ID] = std::move(Frozen);
    Seen += !Visited[ID];
    Visited[ID] = true;
    State NewOut = Pool.thaw(In[ID]); // kept thawed: a copy
    processBlock(B, NewOut);
    // Most blocks change nothing: no need to freeze the same state again.
    if (const State *Was = Pool.peekThawed(In[ID]); Was && NewOut == *Was) {
      Out[ID] = In[ID];
    } else {
      if (Coarse && !NewOut.normalize())
        LostPrecision = true;
      Out[ID] = Pool.internKeeping(std::move(NewOut)); // its successors read it next
    }
    if (Pool.bytes() > MaxStateBytes)
      Pool.sweep(); // the count includes states that fell out of use
    if (Pool.bytes() > MaxStateBytes) {
      Why = "its block states took more than " + std::to_string(MaxStateBytes >> 20) + " MiB";
      return false;
    }
    if (Pool.bytes() > NextForecast) {
      if (forecastOverBudget(Seen, N, Why))
        return false;
      NextForecast = Pool.bytes() + Pool.bytes() / 4;
    }
    if (Steps > MaxSteps) {
      Why = "more than " + std::to_string(MaxSteps) + " statement visits";
      return false;
    }
    for (const auto &Succ : B->succs())
      enqueue(Succ.getReachableBlock());
  }
  if (SolverStats *Stats = Opts.Stats) {
    Stats->Blocks += Seen;
    Stats->Visits += Visits;
  }
  return true;
}

// A pass that will run out of state memory is better stopped early: when
// every block adds states of its own (conditions remembered along 20,000
// branches), the budget was hit two thirds of the way through, and that
// work was thrown away. Past a sixteenth of the budget (and again each time
// the pool grows by a quarter), the blocks not yet seen are assumed to add
// what the seen ones did on average.
bool FunctionAnalysis::forecastOverBudget(unsigned Seen, unsigned Blocks, std::string &Why) {
  auto Forecast = [&] { return double(Pool.bytes()) / Seen * Blocks; };
  if (Forecast() <= MaxStateBytes)
    return false;
  Pool.sweep(); // states fallen out of use do not count
  if (Forecast() <= MaxStateBytes)
    return false;
  Why = "its block states would take more than " + std::to_string(MaxStateBytes >> 20) +
        " MiB: " + std::to_string(Pool.bytes() >> 20) + " MiB after " + std::to_string(Seen) +
        " of " + std::to_string(Blocks) + " blocks";
  return true;
}

/// Records \p L for a manual acquisition still held at a leaving point,
/// keeping the first such point in source order. False when \p H is no
/// candidate (a guard's, held on entry, or declared to be returned held).
bool FunctionAnalysis::keepEarliestLeak(
    std::map<std::pair<const Stmt *, unsigned>, Leak> &Into, const HeldLock &H, Leak L) {
  if (!H.Manual || !H.ManualSite || PreHeld.count(H.Id) || ExpectedHeldAtExit.count(H.Id) ||
      isPartlyReleased(H.Id))
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
        bool Definite = onEveryPath(llvm::count_if(S.Ds, [&](const Disjunct &O) { return O.held(H.Id); }),
                                   S.Ds.size());
        // Elements of an array locked in one loop and unlocked in another
        // stay held on paths where the loops ran different numbers of
        // times, which the analysis does not tell apart: only a path on
        // which they all stay held counts.
        if (!Definite && isEarlierElements(H.Id))
          continue;
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
  if (const auto *CCE = dyn_cast<CXXConstructExpr>(S)) // constructors by their class
    return CCE->getConstructor()->getParent()->getNameAsString();
  if (isa<CXXNewExpr>(S))
    return "new";
  if (isa<CXXDynamicCastExpr>(S))
    return "dynamic_cast";
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
  if (!Reporter.wants(F))
    return;
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
    const Stmt *Pt = EscapeStmts[Key];
    if (L.IsThrow) {
      F.Message = msg::leakOnThrow(kindOf(L.Id), nameOf(L.Id), Fn);
    } else {
      const FunctionDecl *Callee = nullptr;
      if (const auto *CE = dyn_cast<CallExpr>(Pt))
        Callee = CE->getDirectCallee();
      else if (const auto *CCE = dyn_cast<CXXConstructExpr>(Pt))
        Callee = CCE->getConstructor();
      ThrowDescription D = Throws.describe(EscapeThrown.lookup(Pt), Callee);
      F.Message = msg::leakOnCall(kindOf(L.Id), nameOf(L.Id), calleeName(Pt), D.Type,
                                  D.Thrower, D.In, D.Others);
    }
    F.Notes.push_back(
        noteAt(Key.first, msg::acquiredHereUseGuard(kindOf(L.Id), nameOf(L.Id))));
    deliver(L.Id, std::move(F));
  }
}

void FunctionAnalysis::reportPass() {
  Reporting = true;
  size_t FirstLogged = External ? External->Calls.size() : 0;
  for (const CFGBlock *B : ByRPO) {
    unsigned ID = B->getBlockID();
    if (!Visited[ID])
      continue;
    State Scratch = Pool.thaw(In[ID]);
    processBlock(B, Scratch);
  }
  checkExits();
  emitDeferred();
  forgetReportedLeaks(FirstLogged);
}

} // namespace lockcheck
