//===- CallEffects.cpp - calls through summaries, and the lock order ------===//
//
// At a call to a function with a summary, the callee's locks are mapped onto
// the caller's arguments: what it acquires is checked against what the
// caller holds (self-deadlock through a call chain) and becomes lock-order
// edges; what it returns holding or releases updates the caller's lockset.
// The same walk builds this function's own summary for its callers.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/FunctionAnalysis.h"
#include "lockcheck/Messages.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace lockcheck {

/// Caps the locks one summary lists (a function touching hundreds of locks
/// is summarised by the first ones).
static constexpr unsigned MaxSummaryLocks = 64;

/// Appends to one of the summary's capped lists. A list that outgrows its
/// first entry gets room for the cap at once (takeSummary trims it to its
/// size): grown one lock at a time, a list of 64 is reallocated seven times,
/// and a chain of 4,000 calls fills two such lists per function.
template <typename T> static void appendCapped(llvm::SmallVectorImpl<T> &List, T Item) {
  if (List.size() == List.capacity() && !List.empty())
    List.reserve(MaxSummaryLocks);
  List.push_back(std::move(Item));
}

static bool isSharedRoot(const PathStep &Root) {
  if (Root.K == PathStep::This)
    return true;
  if (Root.K != PathStep::Var)
    return false;
  if (isa_and_nonnull<ParmVarDecl>(Root.Decl))
    return true;
  const auto *VD = dyn_cast_or_null<VarDecl>(Root.Decl);
  return VD && VD->hasGlobalStorage();
}

/// A variable of the function around \p FD (a lambda's capture): the same
/// object for the lambda as for the function that defines it.
static bool declaredOutside(const PathStep &Root, const FunctionDecl *FD) {
  const auto *VD = dyn_cast_or_null<VarDecl>(Root.Decl);
  const DeclContext *Owner = VD ? VD->getDeclContext() : nullptr;
  return Root.K == PathStep::Var && VD && !VD->hasGlobalStorage() && Owner &&
         Owner->isFunctionOrMethod() && Owner != static_cast<const DeclContext *>(FD);
}

bool FunctionAnalysis::expressible(LockId Id) const {
  if (Id >= Expressible.size())
    Expressible.resize(Locks.size(), Tri::Unknown);
  if (Expressible[Id] == Tri::Unknown) {
    const LockPath &P = Locks.info(Id).Path;
    bool Yes = !P.empty() &&
               (isSharedRoot(P.Steps.front()) || declaredOutside(P.Steps.front(), FD)) &&
               // an index variable means nothing to callers
               llvm::none_of(P.Steps, [](const PathStep &S) {
                 return S.K == PathStep::Index && S.Decl;
               });
    Expressible[Id] = Yes ? Tri::True : Tri::False;
  }
  return Expressible[Id] == Tri::True;
}

SummaryLock FunctionAnalysis::summaryLock(LockId Id, bool Shared,
                                         const CallChain &Chain) const {
  LockDescRef &D = Descs[Id];
  if (!D) {
    const LockInfo &LI = Locks.info(Id);
    LockDesc Own;
    Own.Path = LI.Path;
    Own.Traits = LI.Traits;
    Own.Display = LI.Display;
    Own.LockType = LI.LockType;
    auto It = CalleeDescs.find(Id);
    D = It != CalleeDescs.end() && It->second->sameAs(Own) ? It->second
                                                            : new LockDesc(std::move(Own));
  }
  return SummaryLock(D, Shared, Chain.take(MaxChainSteps));
}

void FunctionAnalysis::addToSummary(llvm::SmallVectorImpl<SummaryLock> &List, LockId Id,
                                    bool Shared, const CallChain &Chain) {
  if (List.size() >= MaxSummaryLocks || !Listed.insert({&List, Id}).second)
    return;
  appendCapped(List, summaryLock(Id, Shared, Chain));
}

void FunctionAnalysis::recordNested(LockId Id, bool Shared, const State &St,
                                    llvm::ArrayRef<LockId> Together,
                                    const CallChain &Chain) {
  const LockInfo &To = Locks.info(Id);
  if (!expressible(Id) || PreHeld.count(Id))
    return;
  for (const Disjunct &D : St.Ds)
    for (const HeldLock &H : D.Held) {
      if (Summary.Nested.size() >= MaxSummaryLocks)
        return;
      const LockInfo &From = Locks.info(H.Id);
      // Same type: one lock if a caller passes one object twice. A class
      // that is only a type: the caller can name the locks better.
      bool Worth = From.LockType == To.LockType || !From.ClassDecl || !To.ClassDecl;
      if (H.Id == Id || !Worth || PreHeld.count(H.Id) ||
          !expressible(H.Id) || llvm::is_contained(Together, H.Id) ||
          llvm::is_contained(TakenTogether, H.Id))
        continue;
      if (!NestedPairs.insert({H.Id, Id}).second)
        continue;
      CallChain &HeldChain = HeldChains[{H.Site, H.Id}];
      if (H.Site && HeldChain.empty())
        HeldChain =
            CallChain({locationOf(H.Site), msg::chainAcquires(functionName(), From.Display)});
      appendCapped(Summary.Nested, NestedAcquire{summaryLock(H.Id, H.Shared, HeldChain),
                                                 summaryLock(Id, Shared, Chain)});
    }
}

static bool isParameterOf(const ParmVarDecl *PV, const FunctionDecl *Callee) {
  const auto *Owner = dyn_cast_or_null<FunctionDecl>(PV->getDeclContext());
  return Owner && Owner->getCanonicalDecl() == Callee->getCanonicalDecl();
}

/// \p L's display when \p P is its path: spares printing the path of each
/// of the 64 locks a call may pass up (see LockTable::intern).
static llvm::StringRef displayOf(const SummaryLock &L, const LockPath &P) {
  return L.Desc->DisplayIsPath && P == L.path() ? llvm::StringRef(L.display()) : "";
}

std::optional<LockId> FunctionAnalysis::translate(const SummaryLock &L, const CallSite &C) {
  const LockPath &P = L.path();
  if (P.empty())
    return std::nullopt;
  const PathStep &Root = P.Steps.front();
  LockPath Out;
  size_t Rest = 1;
  const auto *PV = dyn_cast_or_null<ParmVarDecl>(Root.Decl);
  if (Root.K == PathStep::This) {
    if (C.Object.empty())
      return std::nullopt;
    Out = C.Object;
  } else if (PV && isParameterOf(PV, C.Callee)) {
    unsigned Index = PV->getFunctionScopeIndex();
    if (Index >= C.Args.size())
      return std::nullopt;
    const Expr *Arg = C.Args[Index];
    if (PV->getType()->isPointerType() && P.Steps.size() > 1 &&
        P.Steps[1].K == PathStep::Deref) {
      Out = Paths.fromExpr(Arg, true);
      Rest = 2;
    } else if (PV->getType()->isReferenceType()) {
      Out = Paths.fromExpr(Arg, false);
    } else {
      return std::nullopt;
    }
  } else if (Root.K == PathStep::Var && Root.Decl) {
    // A global, or a variable a lambda captured: the same object here,
    // whatever the call (a chain of calls passes up 64 such locks per call).
    auto [It, New] = SameAtEveryCall.try_emplace(L.Desc.get(), L.Desc, 0);
    if (New) {
      It->second.second = internTyped(P, L.traits(), L.lockType(), displayOf(L, P));
      CalleeDescs.try_emplace(It->second.second, L.Desc);
    }
    return It->second.second;
  } else {
    return std::nullopt;
  }
  if (Out.empty())
    return std::nullopt;
  Out.Steps.append(P.Steps.begin() + Rest, P.Steps.end());
  LockId Id = internTyped(Out, L.traits(), L.lockType(), displayOf(L, Out));
  if (Out == P) // the callee's description may do (see summaryLock)
    CalleeDescs.try_emplace(Id, L.Desc);
  return Id;
}

std::string lockClassName(const LockInfo &LI) {
  if (LI.ClassDecl)
    return LI.ClassDecl->getQualifiedNameAsString();
  if (!LI.LockType)
    return "?";
  PrintingPolicy Policy{LangOptions()};
  Policy.SuppressTagKeyword = true; // 'std::mutex', not 'class std::mutex'
  return QualType(LI.LockType, 0).getAsString(Policy);
}

/// `if (from < to) { lock(from); lock(to); } else ...`: the code orders the
/// two objects itself (by address or any other comparison of the two).
static bool orderedByComparison(const State &St, const LockInfo &A, const LockInfo &B) {
  const NamedDecl *RA = A.Path.Steps.front().Decl, *RB = B.Path.Steps.front().Decl;
  if (!RA || !RB)
    return false;
  for (const Disjunct &D : St.Ds)
    for (const Fact &F : D.Facts)
      if (llvm::is_contained(F.Deps, RA) && llvm::is_contained(F.Deps, RB))
        return true;
  return false;
}

/// A step that stays inside the same object (a field, a variable held by value).
static bool isByValue(const PathStep &S) {
  const auto *VD = dyn_cast_or_null<ValueDecl>(S.Decl);
  return S.K == PathStep::Field ||
         (S.K == PathStep::Var && VD && !VD->getType()->isReferenceType());
}

/// The object a lock is part of: the path without its trailing by-value
/// fields (`this` for `this->mutex_.mu_`, `*logger_` for
/// `logger_->mutex_.mu_`), so that a mutex inside a wrapper class compares
/// like a plain one.
static llvm::ArrayRef<PathStep> ownerOf(const LockPath &P) {
  llvm::ArrayRef<PathStep> Steps(P.Steps);
  while (!Steps.empty() && isByValue(Steps.back()))
    Steps = Steps.drop_back();
  return Steps;
}

/// `node.child->m` after `node.m`: a lock nested inside the object whose
/// lock is held, a structural order rather than an arbitrary one.
static bool structurallyNested(const LockPath &A, const LockPath &B) {
  if (A.Steps.empty() || B.Steps.empty())
    return false;
  auto SharePrefix = [](llvm::ArrayRef<PathStep> PA, llvm::ArrayRef<PathStep> PB) {
    size_t N = std::min(PA.size(), PB.size());
    return N > 0 && PA.take_front(N) == PB.take_front(N);
  };
  return SharePrefix(llvm::ArrayRef<PathStep>(A.Steps).drop_back(),
                     llvm::ArrayRef<PathStep>(B.Steps).drop_back()) ||
         SharePrefix(ownerOf(A), ownerOf(B));
}

/// The field or variable that holds the lock by value: the first step after
/// the last dereference, call or index (`DBImpl::mutex_` for
/// `this->mutex_.mutex_.mu_`, `WriteThread::stall_mu_` for
/// `write_thread->stall_mu_.mu_`). Locks that end in the same field of a mutex
/// wrapper class share a class key, but when they are held by value in
/// different fields they are different locks, not two objects of one class
/// that callers can pass in either order.
static const NamedDecl *embeddingDecl(const LockPath &P) {
  const NamedDecl *D = nullptr;
  for (const PathStep &S : P.Steps) {
    if (isByValue(S))
      D = D ? D : S.Decl;
    else
      D = nullptr; // a new object starts after it (`this`, `*p`, a reference, a call)
  }
  return D;
}

void FunctionAnalysis::recordOrder(LockId Id, const Stmt *Site, const State &St,
                                   llvm::ArrayRef<LockId> Together,
                                   const CallChain &Chain) {
  if (!Emit)
    return;
  const LockInfo &To = Locks.info(Id);
  if (!To.ClassKey)
    return;
  unsigned ToNode = Order.addNode(To.ClassKey, To.ClassDecl);
  llvm::SmallDenseSet<LockId, 8> Seen; // a set: a function may hold 1,000 locks
  for (const Disjunct &D : St.Ds)
    for (const HeldLock &H : D.Held) {
      if (H.Id == Id || llvm::is_contained(Together, H.Id) ||
          llvm::is_contained(TakenTogether, H.Id) || !Seen.insert(H.Id).second)
        continue;
      const LockInfo &From = Locks.info(H.Id);
      if (!From.ClassKey)
        continue;
      SourceLocation Loc = locationOf(Site);
      if (From.ClassKey == To.ClassKey) {
        // Two locks of one class, nested: fine along a structure (parent
        // then child), a deadlock when the objects are unrelated (both
        // reachable by a caller in either order).
        if (!isSharedRoot(From.Path.Steps.front()) || !isSharedRoot(To.Path.Steps.front()) ||
            declaredOutside(From.Path.Steps.front(), FD) ||
            declaredOutside(To.Path.Steps.front(), FD) ||
            structurallyNested(From.Path, To.Path) ||
            embeddingDecl(From.Path) != embeddingDecl(To.Path) ||
            orderedByComparison(St, From, To))
          continue;
        std::string Class = lockClassName(From);
        llvm::SmallVector<FindingNote, 2> Notes;
        if (H.Site)
          Notes.push_back(noteAt(H.Site, msg::acquiredHere(From.Traits.KindName, From.Display)));
        for (const ChainStep &S : Chain)
          Notes.push_back({S.Loc, S.Message});
        Notes.push_back({Loc, msg::useScopedLock(Ctx.getLangOpts().CPlusPlus)});
        reportAt(Check::LockOrder, Site, msg::sameClassNesting(To.Display, From.Display, Class),
                 false, std::move(Notes));
        continue;
      }
      Order.addEdge(Order.addNode(From.ClassKey, From.ClassDecl), ToNode, From.Display,
                    To.Display, To.Traits.KindName, Loc, Chain, [&](const void *Key) {
                      return lockClassName(Key == From.ClassKey ? From : To);
                    });
    }
}

std::pair<unsigned, const HeldLock *>
FunctionAnalysis::heldWhere(const State &St, LockId Id,
                            llvm::function_ref<bool(const Disjunct &)> Blocks) const {
  unsigned Count = 0;
  const HeldLock *First = nullptr;
  for (const Disjunct &D : St.Ds)
    if (Blocks(D)) {
      ++Count;
      First = First ? First : D.held(Id);
    }
  return {Count, First};
}

llvm::SmallVector<FindingNote, 2> FunctionAnalysis::heldThenChain(const HeldLock &First,
                                                                  LockId Id,
                                                                  const CallChain &Chain) const {
  const LockInfo &LI = Locks.info(Id);
  llvm::SmallVector<FindingNote, 2> Notes;
  if (First.Site)
    Notes.push_back(noteAt(First.Site, msg::acquiredHere(LI.Traits.KindName, LI.Display)));
  for (const ChainStep &Step : Chain)
    Notes.push_back({Step.Loc, Step.Message});
  return Notes;
}

void FunctionAnalysis::applySummary(const CallSite &C, const FunctionSummary &S,
                                    State &St) {
  const FunctionDecl *Callee = C.Callee;
  std::string CalleeName = Callee->getNameAsString();
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Callee); MD && MD->getParent()->isLambda())
    CalleeName = "lambda";
  // Put in front of the chain of every lock the callee passes up (chains are
  // only looked at in the report pass).
  SharedStepRef Call;
  if (Reporting)
    Call = new SharedStep({locationOf(C.Site), msg::chainCalls(functionName(), CalleeName)});
  for (const SummaryLock &A : S.Acquires) {
    std::optional<LockId> Id = translate(A, C);
    if (!Id)
      continue;
    const LockInfo &LI = Locks.info(*Id);
    auto Blocks = [&](const Disjunct &D) {
      const HeldLock *H = D.held(*Id);
      return H && !LI.Traits.Recursive && !(A.Shared && H->Shared && LI.Traits.SharedReentrant);
    };
    // A lock the call takes before this function releases it is no
    // caller's: the function never gets it as held on entry.
    for (const Disjunct &D : St.Ds)
      if (!D.held(*Id) && !D.lastRelease(*Id))
        firstTouch(*Id, D, /*Release=*/false);
    auto [Conflict, First] = heldWhere(St, *Id, Blocks);
    if (Reporting) {
      CallChain Chain(Call, A.Chain);
      if (First) {
        bool Definite = onEveryPath(Conflict, St.Ds.size());
        reportAt(Check::DoubleLock, C.Site,
                 msg::callDoubleLock(CalleeName, LI.Traits.KindName, LI.Display, Definite),
                 Definite, heldThenChain(*First, *Id, A.Chain));
      }
      recordOrder(*Id, C.Site, St, {}, Chain);
      recordNested(*Id, A.Shared, St, {}, Chain);
      if (expressible(*Id) && !PreHeld.count(*Id))
        addToSummary(Summary.Acquires, *Id, A.Shared, Chain);
    }
    // The thread blocks forever inside the call. When the callee gives the
    // lock back before it returns, the analysis goes on as if it had not, so
    // that a second call re-acquiring the lock is a finding of its own; a
    // callee that returns holding it ends those paths (as a direct double
    // lock does), which keeps the bug from cascading into the releases.
    if (Conflict && !C.AcquisitionsOnly &&
        llvm::any_of(S.NetAcquired, [&](const SummaryLock &N) { return translate(N, C) == Id; }))
      llvm::erase_if(St.Ds, Blocks);
  }
  applyNested(C, CalleeName, Call, S);
  if (C.AcquisitionsOnly)
    return;
  for (const SummaryLock &A : S.NetAcquired)
    if (std::optional<LockId> Id = translate(A, C))
      for (Disjunct &D : St.Ds) {
        if (!D.held(*Id) && !D.lastRelease(*Id))
          firstTouch(*Id, D, /*Release=*/false);
        D.acquireLock(*Id, A.Shared, nullptr, C.Site);
      }
  for (const SummaryLock &A : S.NetReleased)
    if (std::optional<LockId> Id = translate(A, C))
      release({*Id}, C.Site, St, Callee);
  // Held after the call on some of the callee's paths, by a test the caller
  // cannot read: where it was not held, it may be now.
  for (const SummaryLock &A : S.MayAcquire)
    if (std::optional<LockId> Id = translate(A, C)) {
      UnknownAfter.insert(C.Site);
      MayAcquiredAt.insert(C.Site);
      for (Disjunct &D : St.Ds)
        if (!D.held(*Id))
          D.noteRelease(*Id, C.Site);
    }
  // A conditional acquire is a try-lock whose result the caller tests; a
  // caller that ignores the result is taken to trust it.
  for (const ConditionalAcquire &A : S.NetAcquiredIf)
    if (std::optional<LockId> Id = translate(A.Lock, C)) {
      if (!ResultUsed.count(dyn_cast<Expr>(C.Site))) {
        for (Disjunct &D : St.Ds)
          D.acquireLock(*Id, A.Lock.Shared, nullptr, C.Site);
        continue;
      }
      FromConditionalCall.insert(*Id);
      LockOp Try;
      Try.Kind = OpKind::TryAcquire;
      Try.Shared = A.Lock.Shared;
      Try.Success = A.Success;
      tryAcquire(Try, {*Id}, nullptr, C.Site, St);
    }
}

void FunctionAnalysis::applyNested(const CallSite &C, llvm::StringRef CalleeName,
                                   const SharedStepRef &Call, const FunctionSummary &S) {
  if (!Reporting)
    return;
  for (const NestedAcquire &N : S.Nested) {
    std::optional<LockId> Held = translate(N.Held, C), Acq = translate(N.Acquired, C);
    if (!Held || !Acq)
      continue;
    const LockInfo &LI = Locks.info(*Acq);
    auto prefixed = [&](const SummaryLock &L) { return CallChain(Call, L.Chain); };
    if (*Held != *Acq) {
      // The callee could only order these by type; here they have names.
      if (!N.Held.path().orderClassDecl() || !N.Acquired.path().orderClassDecl()) {
        State Inside;
        Inside.Ds.emplace_back();
        Inside.Ds.front().acquireLock(*Held, N.Held.Shared, nullptr, C.Site);
        recordOrder(*Acq, C.Site, Inside, {}, prefixed(N.Acquired));
      }
      // Still two locks here; a caller's arguments may make them one.
      if (expressible(*Held) && expressible(*Acq) && !PreHeld.count(*Held) &&
          !PreHeld.count(*Acq) && Summary.Nested.size() < MaxSummaryLocks &&
          NestedPairs.insert({*Held, *Acq}).second)
        appendCapped(Summary.Nested,
                     NestedAcquire{summaryLock(*Held, N.Held.Shared, prefixed(N.Held)),
                                   summaryLock(*Acq, N.Acquired.Shared, prefixed(N.Acquired))});
      continue;
    }
    if (LI.Traits.Recursive || (N.Held.Shared && N.Acquired.Shared && LI.Traits.SharedReentrant))
      continue;
    llvm::SmallVector<FindingNote, 2> Notes;
    for (const ChainStep &Step : N.Held.Chain)
      Notes.push_back({Step.Loc, Step.Message});
    for (const ChainStep &Step : N.Acquired.Chain)
      Notes.push_back({Step.Loc, Step.Message});
    reportAt(Check::DoubleLock, C.Site,
             msg::callAcquiresTwice(CalleeName, LI.Traits.KindName, LI.Display),
             /*Definite=*/true, std::move(Notes));
  }
}

bool FunctionAnalysis::conditionalAcquire(const ExitStates &ByExit, LockId Id) {
  // C's error-code convention: 0 is success, anything else an error. A bool
  // or a 1 returned with a lock held is as often a forgotten unlock, unless
  // the function passes on a try-lock's verdict (`return m.try_lock();`):
  // then true is success.
  const QualType RT = FD->getReturnType();
  if (!RT->isIntegerType())
    return false;
  const bool Bool = RT->isBooleanType();
  bool HeldSomewhere = false, FreeSomewhere = false, PassedOn = false;
  for (const auto &[Raw, Entry] : ByExit) {
    const Expr *Value = Entry.Ret ? Entry.Ret->getRetValue() : nullptr;
    if (!Value || Value->isValueDependent())
      return false;
    Expr::EvalResult R;
    bool Constant = Value->EvaluateAsInt(R, Ctx);
    for (const Disjunct &D : Entry.S.Ds) {
      // Does this path return 0? A constant says; so does the result of a
      // try-lock or conditional acquire that the function passes on.
      Tri Zero = Tri::Unknown;
      if (Constant) {
        Zero = R.Val.getInt().isZero() ? Tri::True : Tri::False;
      } else if (Tri NonZero = Conds->eval(Value, D); NonZero != Tri::Unknown) {
        Zero = NonZero == Tri::True ? Tri::False : Tri::True;
        PassedOn = true;
      }
      if (Bool && Zero != Tri::Unknown) // success is true, not 0
        Zero = Zero == Tri::True ? Tri::False : Tri::True;
      const HeldLock *H = D.held(Id);
      if (H && (!H->Manual || Zero != Tri::True))
        return false; // held where the result does not say success
      if (!H && Zero == Tri::True)
        return false; // success without the lock
      (H ? HeldSomewhere : FreeSomewhere) = true;
    }
  }
  // The function gives the lock back on its error paths, or got it from a
  // conditional acquire whose verdict it passes on.
  if (Bool && !PassedOn)
    return false;
  return HeldSomewhere && FreeSomewhere &&
         (ReleasedSomewhere.count(Id) || PassedOn || FromConditionalCall.count(Id));
}

void FunctionAnalysis::summarizeExits(const ExitStates &ByExit) {
  if (ByExit.empty())
    return;
  auto everywhere = [&](auto Pred) {
    for (const auto &[Raw, Entry] : ByExit)
      for (const Disjunct &D : Entry.S.Ds)
        if (!Pred(D))
          return false;
    return true;
  };
  // Candidates: locks held manually at some exit (the first path looked at
  // may be one where a checked lock failed).
  llvm::SmallVector<HeldLock, 4> Candidates;
  for (const auto &[Raw, Entry] : ByExit)
    for (const Disjunct &D : Entry.S.Ds)
      for (const HeldLock &H : D.Held)
        if (H.Manual && !llvm::any_of(Candidates, [&](const HeldLock &C) { return C.Id == H.Id; }))
          Candidates.push_back(H);
  for (const HeldLock &H : Candidates) {
    if (PreHeld.count(H.Id) || Asserted.count(H.Id))
      continue;
    if (!expressible(H.Id)) {
      // Held exactly when it returns success, through a pointer the caller
      // cannot name (`p = e->pages[b]; lock(&p->mutex); ... return 0;`): a
      // hand-over by the C error-code convention. No summary can carry it,
      // and it is no leak either.
      if (conditionalAcquire(ByExit, H.Id))
        for (const auto &[Raw, Entry] : ByExit)
          if (llvm::any_of(Entry.S.Ds, [&](const Disjunct &D) { return D.held(H.Id); }))
            HeldByContract.insert({Raw, H.Id});
      continue;
    }
    // A failed checked lock leaves the state unknown: it does not make the
    // function less of an acquire wrapper.
    if (everywhere([&](const Disjunct &D) {
          const HeldLock *O = D.held(H.Id);
          return (O && O->Manual) || UnknownAfter.count(D.lastRelease(H.Id));
        })) {
      addToSummary(Summary.NetAcquired, H.Id, H.Shared, {});
    } else if (conditionalAcquire(ByExit, H.Id)) {
      SuccessValue Success =
          FD->getReturnType()->isBooleanType() ? SuccessValue::True : SuccessValue::Zero;
      Summary.NetAcquiredIf.push_back({summaryLock(H.Id, H.Shared, {}), Success});
      for (const auto &[Raw, Entry] : ByExit)
        if (llvm::any_of(Entry.S.Ds, [&](const Disjunct &D) { return D.held(H.Id); }))
          HeldByContract.insert({Raw, H.Id});
    } else {
      addToSummary(Summary.MayAcquire, H.Id, H.Shared, {});
    }
  }
  // Unknown at an exit because a call may have taken it, and not held
  // anywhere: the caller's state is unknown too (a wrapper of such a wrapper).
  for (const auto &[Raw, Entry] : ByExit)
    for (const Disjunct &D : Entry.S.Ds)
      for (const auto &[Id, Site] : D.Released)
        if (MayAcquiredAt.count(Site) && !PreHeld.count(Id) && expressible(Id) &&
            !llvm::any_of(Candidates, [&](const HeldLock &C) { return C.Id == Id; }))
          addToSummary(Summary.MayAcquire, Id, false, {});
  for (LockId Id : PreHeld) {
    if (!expressible(Id))
      continue;
    addToSummary(Summary.HeldOnEntry, Id, false, {});
    if (everywhere([&](const Disjunct &D) { return !D.held(Id); }))
      addToSummary(Summary.NetReleased, Id, false, {});
  }
}

} // namespace lockcheck
