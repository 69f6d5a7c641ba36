//===- Analysis.cpp - the translation-unit driver -------------------------===//
//
// Finds every function the TU defines outside system headers (template
// instantiations and lambda bodies included), orders them callees first
// (strongly connected components of the call graph, recursion iterated to a
// fixpoint), and analyses each function that touches a lock or calls one
// that does, so that every call sees its callee's summary.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/Analysis.h"
#include "lockcheck/AccessLog.h"
#include "lockcheck/CallTargets.h"
#include "lockcheck/EntryPoints.h"
#include "lockcheck/FactsCollector.h"
#include "lockcheck/FindingFilter.h"
#include "lockcheck/FunctionAnalysis.h"
#include "lockcheck/GuardClasses.h"
#include "lockcheck/RecursiveInit.h"
#include "lockcheck/Roots.h"
#include "lockcheck/StrongComponents.h"
#include "lockcheck/LockModel.h"
#include "lockcheck/LockOrder.h"
#include "lockcheck/ParamSpecialisation.h"
#include "lockcheck/Roots.h"
#include "lockcheck/SwitchModes.h"
#include "lockcheck/ThrowModel.h"
#include "lockcheck/UnusedGuard.h"
#include "lockcheck/WrapperEvidence.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include <algorithm>
#include <set>
#include <tuple>

using namespace clang;

namespace lockcheck {
namespace {

// Rounds over a recursive cycle before its summaries are taken as final.
constexpr unsigned MaxRecursionRounds = 3;

class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(const SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    // Nothing in a system header is reported, so none of it is walked.
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    add(FD);
    return true;
  }

  /// Special members the compiler defines (an implicit destructor runs the
  /// members' destructors) are not visited as code; they are calls all the same.
  bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
    if (RD->hasDefinition() && RD->isThisDeclarationADefinition())
      for (const Decl *D : RD->decls())
        if (const auto *MD = dyn_cast<CXXMethodDecl>(D); MD && MD->isImplicit())
          add(MD);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *LE) {
    CXXMethodDecl *Op = LE->getCallOperator();
    add(Op);
    if (FunctionTemplateDecl *FTD = Op->getDescribedFunctionTemplate())
      for (FunctionDecl *Spec : FTD->specializations())
        add(Spec);
    return true;
  }

  std::vector<const FunctionDecl *> Functions;

private:
  void add(const FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isInvalidDecl() ||
        FD->isDependentContext() || !Seen.insert(FD).second)
      return;
    Functions.push_back(FD);
  }
  const SourceManager &SM;
  llvm::DenseSet<const FunctionDecl *> Seen;
};


/// The functions from which some call chain reaches one marked in \p Marked
/// (the marked ones included): a walk backwards along the calls.
std::vector<unsigned> reachingAny(const std::vector<std::vector<unsigned>> &Calls,
                                  const std::vector<bool> &Marked) {
  std::vector<std::vector<unsigned>> Callers(Calls.size());
  for (unsigned I = 0; I < Calls.size(); ++I)
    for (unsigned Callee : Calls[I])
      Callers[Callee].push_back(I);
  std::vector<bool> Seen(Marked);
  std::vector<unsigned> Work, Out;
  for (unsigned I = 0; I < Marked.size(); ++I)
    if (Marked[I])
      Work.push_back(I);
  while (!Work.empty()) {
    unsigned V = Work.back();
    Work.pop_back();
    Out.push_back(V);
    for (unsigned Caller : Callers[V])
      if (!Seen[Caller]) {
        Seen[Caller] = true;
        Work.push_back(Caller);
      }
  }
  return Out;
}

bool sameSummary(const FunctionSummary &A, const FunctionSummary &B) {
  // Two lists with the same locks (by \p Key) in the same order.
  auto Same = [](const auto &X, const auto &Y, auto Key) {
    return X.size() == Y.size() &&
           std::equal(X.begin(), X.end(), Y.begin(),
                      [&](const auto &L, const auto &R) { return Key(L) == Key(R); });
  };
  auto Lock = [](const SummaryLock &L) { return std::tie(L.path(), L.Shared); };
  auto Pair = [](const NestedAcquire &N) { return std::tie(N.Held.path(), N.Acquired.path()); };
  auto If = [](const ConditionalAcquire &C) { return std::tie(C.Lock.path(), C.Success); };
  auto Guard = [](const GuardLock &G) { return std::tie(G.Lock.path(), G.Member.path()); };
  return Same(A.Acquires, B.Acquires, Lock) && Same(A.NetAcquired, B.NetAcquired, Lock) &&
         Same(A.NetReleased, B.NetReleased, Lock) && Same(A.Nested, B.Nested, Pair) &&
         Same(A.NetAcquiredIf, B.NetAcquiredIf, If) && Same(A.MayRelease, B.MayRelease, Lock) &&
         Same(A.MayAcquire, B.MayAcquire, Lock) &&
         A.Guard.Unlocker == B.Guard.Unlocker && Same(A.Guard.Locks, B.Guard.Locks, Guard);
}

} // namespace

void analyzeTranslationUnit(ASTContext &Ctx, const AnalysisOptions &Opts,
                            FindingSink &Sink) {
  FunctionCollector Collector(Ctx.getSourceManager());
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  const std::vector<const FunctionDecl *> &Fns = Collector.Functions;

  // The call graph between the TU's own function definitions.
  llvm::DenseMap<const FunctionDecl *, unsigned> IndexOf;
  for (unsigned I = 0; I < Fns.size(); ++I)
    IndexOf[Fns[I]->getCanonicalDecl()] = I;
  std::vector<std::vector<unsigned>> Calls(Fns.size());
  std::vector<bool> SelfCall(Fns.size(), false);
  VirtualOverriders Virtuals;
  for (const FunctionDecl *FD : Fns)
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      Virtuals.add(MD);
  LockModel Model(Ctx, Opts.Cfg);
  Model.setRecursiveSetups(mutexesSetUpRecursive(Ctx, Fns));
  // A function the TU only declares: its summary may come from another TU.
  const SourceManager &SM = Ctx.getSourceManager();
  auto isExternal = [&](const FunctionDecl *Callee) {
    return !Callee->hasBody() && !SM.isInSystemHeader(SM.getExpansionLoc(Callee->getLocation())) &&
           !Model.isLockPrimitive(Callee);
  };
  std::vector<bool> CallsExternal(Fns.size(), false);
  for (unsigned I = 0; I < Fns.size(); ++I)
    forEachCallee(Fns[I], Virtuals, [&](const FunctionDecl *Callee) {
      auto It = IndexOf.find(Callee->getCanonicalDecl());
      if (It == IndexOf.end()) {
        CallsExternal[I] = CallsExternal[I] || (Opts.Facts && isExternal(Callee));
        return;
      }
      if (It->second == I)
        SelfCall[I] = true;
      Calls[I].push_back(It->second);
    });

  ImportResolver Imports(Ctx, Opts.Imported);
  ThrowModel Throws(Ctx, Model, Opts.Cfg, Virtuals, &Imports);
  WrapperEvidence Wrappers;
  SummaryTable Summaries;
  LockOrderGraph Order(Ctx.getSourceManager());
  GuardClassTable GuardClasses(Summaries, Imports);
  Model.setGuardClasses(&GuardClasses);
  ExternalCallLog External;
  if (Opts.Facts)
    for (unsigned I : reachingAny(Calls, CallsExternal))
      External.ReachOtherTUs.insert(Fns[I]->getCanonicalDecl());
  llvm::DenseSet<const FunctionDecl *> Roots = findRoots(Fns);
  std::unique_ptr<AccessLog> Accesses;
  if (Opts.Enabled.contains(Check::UnguardedAccess))
    Accesses = std::make_unique<AccessLog>(Ctx, Model, Fns);
  TUContext TU{Model,   Throws,  Opts,     Sink,
               Wrappers, Summaries, Order, Imports,
               Virtuals, Opts.Facts ? &External : nullptr, Accesses.get()};
  TU.Roots = &Roots;
  WriteEffects Writes(Ctx, Model);
  TU.Writes = &Writes;

  auto relevant = [&](const FunctionDecl *FD) {
    // A function the configuration declares a lock function is a primitive
    // by declaration: its body is its implementation, not a use.
    if (Model.configRole(FD))
      return false;
    // Analysed, and reported once, where it is used (Roots.h).
    if (isUnusedSharedHelper(FD))
      return false;
    if (Model.mentionsLocks(FD->getBody()))
      return true;
    // Facts record its calls that reach other TUs, for the whole-project step.
    if (Opts.Facts && External.reachesOtherTUs(FD))
      return true;
    bool CallsLocking = false;
    forEachCallee(FD, Virtuals, [&](const FunctionDecl *Callee) {
      auto It = Summaries.find(Callee->getCanonicalDecl());
      CallsLocking |= It != Summaries.end() && !It->second.empty();
      if (!CallsLocking && !Callee->hasBody())
        if (const FunctionSummary *S = Imports.lookup(Callee))
          CallsLocking = !S->empty();
    });
    return CallsLocking;
  };
  // Flag parameters that calls pass constants to (ParamSpecialisation.h).
  auto ConstantArgs = constantArguments(Fns, Ctx);
  SpecialisedTable Specialised;
  TU.Specialised = &Specialised;
  auto specialise = [&](const FunctionDecl *FD, const FunctionSummary &General) {
    auto Args = ConstantArgs.find(FD->getCanonicalDecl());
    // A function that calls into other TUs may, for some constant, not: its
    // calls passing it are then not replayed on the facts (CallSites.cpp).
    bool Leaves = Opts.Facts && External.reachesOtherTUs(FD);
    if (Args == ConstantArgs.end() || (General.empty() && !Leaves))
      return false;
    llvm::SmallVector<SpecialisedSummary, 1> Narrow;
    for (const ParamValue &PV : Args->second) {
      FunctionAnalysis FA(Ctx, FD, TU, /*Emit=*/false);
      FA.assumeParam(PV);
      if (!FA.run())
        continue;
      bool StaysInTU = Leaves && !FA.callsOtherTUs();
      if (StaysInTU || !sameSummary(FA.summary(), General))
        Narrow.push_back({PV, FA.summary(), StaysInTU});
    }
    llvm::SmallVector<SpecialisedSummary, 1> &Slot = Specialised[FD->getCanonicalDecl()];
    bool Changed = Slot.size() != Narrow.size() ||
                   !llvm::all_of(llvm::zip(Slot, Narrow), [](const auto &P) {
                     return std::get<0>(P).At == std::get<1>(P).At &&
                            std::get<0>(P).StaysInTU == std::get<1>(P).StaysInTU &&
                            sameSummary(std::get<0>(P).Summary, std::get<1>(P).Summary);
                   });
    Slot = std::move(Narrow);
    return Changed;
  };
  auto analyse = [&](const FunctionDecl *FD, bool Emit) {
    // A switch on a parameter may choose between acquiring and releasing
    // (SwitchModes.h): its findings wait until the modes are checked alone.
    llvm::SmallVector<ParamValue, 8> Modes;
    if (Emit)
      Modes = switchedParamValues(FD, Ctx);
    CollectingSink Held;
    WrapperEvidence HeldWrappers;
    TUContext Buffered = TU.redirected(Held, HeldWrappers, Order, /*KeepLogs=*/true);
    FunctionAnalysis FA(Ctx, FD, Modes.empty() ? TU : Buffered, Emit);
    bool Completed = FA.run();
    if (!Modes.empty()) {
      std::vector<Finding> ByMode;
      WrapperEvidence ModeEvidence;
      bool PerMode = (!Held.Findings.empty() || HeldWrappers.hasDeferred()) &&
                     analyseModes(Ctx, FD, TU, Modes, ByMode, ModeEvidence);
      if (PerMode && Opts.DebugLog)
        *Opts.DebugLog << "lockcheck: " << FD->getQualifiedNameAsString() << ": reported as the "
                       << Modes.size() << " values of its switch are, one at a time\n";
      for (Finding &F : PerMode ? ByMode : Held.Findings)
        Sink.report(std::move(F));
      Wrappers.absorb(HeldWrappers, /*WithDeferred=*/!PerMode);
      Wrappers.absorb(ModeEvidence, /*WithDeferred=*/true);
    }
    if (Emit && Accesses)
      Accesses->analysed(FD, Completed);
    FunctionSummary &Slot = Summaries[FD->getCanonicalDecl()];
    bool Changed = !sameSummary(Slot, FA.summary());
    Slot = FA.takeSummary();
    Changed |= specialise(FD, Slot);
    return Changed;
  };

  for (const std::vector<unsigned> &Component : componentsCalleesFirst(Calls)) {
    llvm::SmallVector<const FunctionDecl *, 4> Members;
    bool Recursive = Component.size() > 1 || SelfCall[Component.front()];
    // In a recursive cycle, a member that touches no lock itself may still
    // call one that does: the summaries are not known yet, so take them all.
    for (unsigned I : Component)
      if (!Model.configRole(Fns[I]) && (Recursive || relevant(Fns[I])))
        Members.push_back(Fns[I]);
    // A recursive cycle: iterate its summaries (quietly) until they settle.
    for (unsigned Round = 0; Recursive && Round < MaxRecursionRounds; ++Round) {
      bool Changed = false;
      for (const FunctionDecl *FD : Members)
        Changed |= analyse(FD, /*Emit=*/false);
      if (!Changed)
        break;
    }
    for (const FunctionDecl *FD : Members) {
      if (Opts.Enabled.contains(Check::UnusedGuard))
        checkUnusedGuards(FD->getBody(), Ctx, Model, Sink);
      analyse(FD, /*Emit=*/true);
    }
  }
  Wrappers.flush(Sink);
  if (Opts.Enabled.contains(Check::LockOrder))
    Order.reportCycles(Opts.Cfg, Sink, Opts.DebugLog);
  if (Opts.Facts) {
    Order.addDeclaredOrders(Opts.Cfg);
    // A guard constructor whose destructor does not release its lock (or is
    // nowhere to be seen) builds no guard: other TUs take it as a call.
    for (auto &[FD, S] : Summaries)
      if (!S.Guard.empty())
        if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD); !GuardClasses.constructor(Ctor))
          S.Guard = GuardConstructor();
    // What may leave each function, for callers in other TUs.
    std::vector<FunctionThrows> ThrowsOf;
    for (const FunctionDecl *FD : Fns) {
      ThrowSet TS = Throws.functionThrows(FD);
      if (TS.empty())
        continue;
      FunctionThrows T{FD, {}, TS.Unknown};
      for (size_t I = 0; I < TS.Types.size(); ++I) {
        const ThrownType &Ty = Throws.type(TS.Types[I]);
        const ThrowOrigin &O = Throws.origin(TS.Origins[I]);
        T.Types.push_back({Ty.Name, {Ty.Bases.begin(), Ty.Bases.end()}, O.Thrower, O.In});
      }
      ThrowsOf.push_back(std::move(T));
    }
    *Opts.Facts = collectFacts(Ctx, Summaries, Order, External, ThrowsOf);
    // Calls another TU's summary could say more about.
    std::set<std::string> Callees;
    for (const FunctionDecl *FD : Fns)
      forEachCallee(FD, Virtuals, [&](const FunctionDecl *Callee) {
        if (isExternal(Callee))
          Callees.insert(usrOf(Callee));
      });
    Callees.erase("");
    Opts.Facts->ExternalCalls.assign(Callees.begin(), Callees.end());
    // Entry points only the whole program can tell (EntryPoints.h).
    Opts.Facts->Named = namedFunctions(Ctx, [](const FunctionDecl *F) { return F->hasBody(); });
    for (const FunctionDecl *FD : Fns) {
      auto It = Summaries.find(FD->getCanonicalDecl());
      if (It == Summaries.end() || Roots.contains(FD->getCanonicalDecl()) ||
          !mayBeUncalledEntry(FD) ||
          (It->second.NetAcquired.empty() && It->second.NetReleased.empty() &&
           It->second.NetAcquiredIf.empty()))
        continue; // no obligation for callers: a root would find nothing new
      CollectingSink Caught;
      WrapperEvidence Scratch;
      LockOrderGraph NoOrder(SM);
      llvm::DenseSet<const FunctionDecl *> Only{FD->getCanonicalDecl()};
      TUContext AsRoot = TU.redirected(Caught, Scratch, NoOrder, /*KeepLogs=*/false);
      AsRoot.Roots = &Only;
      FunctionAnalysis(Ctx, FD, AsRoot, /*Emit=*/true).run();
      std::string Usr = usrOf(FD->getCanonicalDecl());
      for (FactFinding &F : findingsAsFacts(finalizeFindings(std::move(Caught.Findings), SM), Ctx))
        Opts.Facts->IfUncalled.push_back({Usr, std::move(F)});
    }
  }
  if (Accesses) {
    std::vector<AccessLog::Entry> Entries = Accesses->finish();
    if (Opts.DebugLog)
      *Opts.DebugLog << "lockcheck: " << Entries.size()
                     << " accesses to shared state (lockcheck-unguarded-access)\n";
    GuardThresholds Thresholds = GuardThresholds::from(Opts.Cfg);
    if (Opts.DecideAccessesHere)
      reportUnguarded(Entries, Thresholds, Sink);
    if (Opts.Facts) {
      Opts.Facts->Accesses = accessesAsFacts(Entries, Ctx);
      Opts.Facts->Guards = Thresholds;
    }
  }
}

} // namespace lockcheck
