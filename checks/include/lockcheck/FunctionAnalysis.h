//===- FunctionAnalysis.h - the lockset dataflow of one function -*- C++ -*-===//
//
// A forward dataflow over the function's clang::CFG (built with exception
// edges). Block states are joined at merge points and loops iterate to a
// fixpoint; a final pass over the fixpoint reports. Exceptional control flow
// is modelled here, not taken from the CFG as is: the CFG's exception edges
// skip guard destructors, so leaving a try block (or the function) releases
// every guard declared inside it on that edge.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_FUNCTIONANALYSIS_H
#define LOCKCHECK_FUNCTIONANALYSIS_H

#include "lockcheck/Analysis.h"
#include "lockcheck/CallTargets.h"
#include "lockcheck/ExternalCalls.h"
#include "lockcheck/Conditions.h"
#include "lockcheck/LockModel.h"
#include "lockcheck/LockState.h"
#include "lockcheck/ParamSpecialisation.h"
#include "lockcheck/ThrowModel.h"
#include "lockcheck/WriteEffects.h"
#include "lockcheck/WrapperEvidence.h"
#include "lockcheck/LockOrder.h"
#include "lockcheck/StatePool.h"
#include "lockcheck/Summary.h"
#include "lockcheck/ImportResolver.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "clang/Basic/SourceLocation.h"
#include <map>
#include <set>
#include <tuple>
#include <memory>
#include <vector>

namespace clang {
class ASTContext;
class CFG;
class CFGBlock;
class CFGElement;
class CXXConstructExpr;
class CXXDeleteExpr;
class CXXDestructorDecl;
class CXXTryStmt;
class FunctionDecl;
class ReturnStmt;
class SourceManager;
} // namespace clang

namespace lockcheck {

class AccessLog;

/// Collects one function's findings, one per (check, location).
class FunctionReporter {
public:
  explicit FunctionReporter(FindingSink &Sink) : Sink(Sink) {}
  void report(Finding F);
  /// A function analysed coarsely (over budget) reports only what holds on
  /// every path: its "possible" findings may come from paths it could no
  /// longer tell apart.
  bool OnlyDefinite = false;
  bool wants(const Finding &F) const {
    return !OnlyDefinite || F.Definite || F.CheckKind == Check::LockOrder;
  }

private:
  FindingSink &Sink;
  std::set<std::tuple<unsigned, unsigned, std::string>> Seen; // check, location, text
};

/// What every function's analysis shares within one TU.
struct TUContext {
  const LockModel &Model;
  ThrowModel &Throws;
  const AnalysisOptions &Opts;
  FindingSink &Sink;
  WrapperEvidence &Wrappers;
  const SummaryTable &Summaries;
  LockOrderGraph &Order;
  ImportResolver &Imports;
  const VirtualOverriders &Virtuals;
  /// Receives calls to functions defined elsewhere (null: facts not wanted).
  ExternalCallLog *External;
  /// Receives the locks held at accesses to shared state (null: not wanted).
  AccessLog *Accesses = nullptr;
  /// What calls may write, for forgetting conditions (null: per function).
  WriteEffects *Writes = nullptr;
  /// Functions no caller of the program reaches through a call: main and
  /// functions threads start with (canonical declarations; see Roots.cpp).
  const llvm::DenseSet<const clang::FunctionDecl *> *Roots = nullptr;
  /// Callees' summaries for constant arguments (ParamSpecialisation.h).
  const SpecialisedTable *Specialised = nullptr;

  /// The same TU with findings, wrapper evidence and lock order sent
  /// elsewhere, for a function analysed once more (a switch's modes, as an
  /// entry point) or whose findings wait for a verdict. The facts logs stay
  /// only with \p KeepLogs: a second look must not record calls twice.
  TUContext redirected(FindingSink &S, WrapperEvidence &W, LockOrderGraph &O,
                       bool KeepLogs) const {
    TUContext C{Model,
                Throws,
                Opts,
                S,
                W,
                Summaries,
                O,
                Imports,
                Virtuals,
                KeepLogs ? External : nullptr,
                KeepLogs ? Accesses : nullptr};
    C.Writes = Writes;
    C.Roots = Roots;
    C.Specialised = Specialised;
    return C;
  }
};

/// A call as summaries see it. Constructors, destructors and delete have no
/// CallExpr, so the pieces a summary is mapped through are spelled out.
struct CallSite {
  const clang::Stmt *Site = nullptr; // reported at
  const clang::FunctionDecl *Callee = nullptr;
  /// The callee's `*this` in the caller's terms; empty when unknown or a
  /// fresh object (its own locks cannot be held by anyone yet).
  LockPath Object;
  /// Args[i] is bound to parameter i.
  llvm::SmallVector<const clang::Expr *, 4> Args;
  /// Only what the callee acquires while it runs counts, not what it leaves
  /// held or released: one of several possible targets (a virtual call's
  /// overrider), or a constructor or destructor (see CallSites.cpp).
  bool AcquisitionsOnly = false;
};

/// Where a statement is reported: a declaration's name, an expression's
/// operator, a block's closing brace (destructors at scope end).
clang::SourceLocation locationOf(const clang::Stmt *S);

class FunctionAnalysis {
public:
  /// With \p Emit false the analysis only computes the summary (the first
  /// rounds over a recursive call cycle).
  FunctionAnalysis(clang::ASTContext &Ctx, const clang::FunctionDecl *FD,
                   TUContext &TU, bool Emit);
  ~FunctionAnalysis();
  const FunctionSummary &summary() const { return Summary; }
  /// Whether the report pass met a call that leads into another TU (only
  /// known when the TU collects facts).
  bool callsOtherTUs() const { return CallsOtherTUs; }
  /// Analyse as if the parameter held the constant (a call's argument):
  /// branches on it that cannot be taken are not (ParamSpecialisation.h).
  void assumeParam(ParamValue PV) { Assumed = PV; }
  /// Moves the summary out, for the table that outlives the analysis.
  FunctionSummary takeSummary() {
    Summary.shrinkToFit();
    return std::move(Summary);
  }

  /// Runs the analysis; returns false (and says why under the debug flag)
  /// when the function was skipped.
  bool run();

private:
  // --- set-up (FunctionAnalysis.cpp)
  void prescan();
  const clang::Expr *releasedByGuard(const clang::Expr *Init) const;
  void markUsedResults(const clang::Stmt *S);
  bool buildCFG();
  bool solve();
  void reportPass();
  State entryState() const;
  /// The join of \p B's incoming edges. \p Same is set to the state
  /// already frozen as the result when one edge leads in and changes nothing.
  State incoming(const clang::CFGBlock *B, SharedState &Same);
  /// Whether the edge where \p Branch is \p Value is feasible on \p D
  /// (adding what it says to \p D's facts).
  bool feasibleBranch(const clang::Expr *Branch, bool Value, Disjunct &D);
  /// Set while incoming() joins edges whose facts the coarse pass forgets.
  bool ForgetsEdgeFacts = false;
  /// The numbers of \p P's successor edges that lead to \p B.
  llvm::SmallVector<unsigned, 2> edgesTo(const clang::CFGBlock *P, const clang::CFGBlock *B);
  /// The state on \p From's edge \p SuccIndex; false for edges no state
  /// crosses (exceptions, noreturn). \p Unchanged, if given, says whether
  /// it is \p From's exit state as it was.
  bool edgeState(const clang::CFGBlock *From, unsigned SuccIndex, State &S,
                 bool *Unchanged = nullptr);
  /// False when \p D knows the switched parameter's value and the edge is a
  /// case it does not take (SwitchModes.cpp).
  bool switchEdgeFeasible(const clang::CFGBlock *From, unsigned SuccIndex,
                          const Disjunct &D) const;
  /// Runs \p B's statements on \p St, its state on entry, leaving its
  /// state on exit.
  void processBlock(const clang::CFGBlock *B, State &St);
  // --- exceptions (ExceptionFlow.cpp)
  void prescanExceptions();
  /// \p S may throw (\p CallWithEdge: it is the call whose exception edge
  /// ends \p B): routes what it may throw from the state before it.
  void exceptionAt(const clang::CFGBlock *B, const clang::Stmt *S, bool CallWithEdge,
                   const State &St);
  void propagateException(const clang::CFGBlock *Target, State S, const clang::Stmt *ThrowPt,
                          ThrowSet Thrown);
  const clang::CFGBlock *exceptionalSuccessor(const clang::CFGBlock *B) const;
  const clang::CFGBlock *exceptionTarget(const clang::Stmt *S) const;
  /// No exception leaves the function (noexcept, a destructor).
  bool exceptionsEndHere() const;
  /// The caught types of the handlers an exception from \p S passes on its
  /// way out, innermost first ("..." for a catch-all or a noexcept function).
  llvm::SmallVector<std::string, 1> handlersAround(const clang::Stmt *S);
  /// The manual locks in \p St that an exception leaving here would leak.
  llvm::SmallVector<const HeldLock *, 2> leaksIfThrown(const State &St) const;
  /// Drops from the calls this function logged (from \p FirstLogged on)
  /// the leaks it reports itself: another TU's exception adds nothing there.
  void forgetReportedLeaks(size_t FirstLogged);
  void checkExits();
  void emitDeferred();
  void deliver(LockId Id, Finding F);
  void debug(llvm::StringRef Why) const;

  // --- transfer functions (Transfer.cpp)
  void transferStmt(const clang::Stmt *S, State &St);
  void transferDecl(const clang::VarDecl *VD, const clang::Stmt *Site, State &St);
  /// \p At ends guard \p VD's scope (its destructor runs there).
  void destroyGuard(const clang::VarDecl *VD, const clang::Stmt *At, State &St);
  /// Reports a guard that releases a lock unlocked by hand and not locked
  /// again (see retakenFor in Transfer.cpp).
  void reportGuardWithoutLock(const clang::VarDecl *G, const clang::Stmt *At,
                              const State &St);
  void applyOp(const LockOp &Op, const clang::Stmt *Site, State &St);
  /// Acquires \p Ids in the disjuncts \p Applies accepts (all when null).
  void acquire(const LockOp &Op, llvm::ArrayRef<LockId> Ids,
               const clang::VarDecl *Guard, const clang::Stmt *Site, State &St,
               llvm::function_ref<bool(const Disjunct &)> Applies = nullptr);
  void release(llvm::ArrayRef<LockId> Ids, const clang::Stmt *Site, State &St,
               const clang::FunctionDecl *Via = nullptr,
               std::optional<bool> ReleasesShared = std::nullopt);
  void tryAcquire(const LockOp &Op, llvm::ArrayRef<LockId> Ids,
                  const clang::VarDecl *Guard, const clang::Stmt *Site, State &St,
                  llvm::function_ref<bool(const Disjunct &)> Applies = nullptr);
  void guardOp(const LockOp &Op, const clang::Stmt *Site, State &St);
  /// assert_capability: the lock is held from here on; a caller holds it
  /// when this function has not taken it itself (AttributeEffects.cpp).
  void assertHeld(llvm::ArrayRef<LockId> Ids, State &St);
  // --- calls (CallEffects.cpp, CallSites.cpp)
  void transferCall(const clang::CallExpr *CE, const clang::FunctionDecl *Callee, State &St);
  /// `t.join()` on a std::thread whose function acquires a lock held here
  /// (ThreadJoin.cpp).
  void checkJoin(const clang::CXXMemberCallExpr *Join, State &St);
  /// A std::jthread joins when it goes out of scope at \p At.
  void checkImplicitJoin(const clang::VarDecl *Thread, const clang::Stmt *At, State &St);
  void checkJoin(const clang::VarDecl *Thread, const clang::Stmt *Join, bool AtScopeEnd,
                 State &St);
  void transferConstruct(const clang::CXXConstructExpr *CE, LockPath Object,
                         const clang::Stmt *Site, State &St);
  void transferDestroy(const clang::CXXDestructorDecl *Dtor, LockPath Object,
                       const clang::Stmt *Site, State &St);
  void transferDelete(const clang::CXXDeleteExpr *DE, State &St);
  /// Destructors the CFG runs implicitly (scope ends, temporaries, members).
  void transferImplicitDtor(const clang::CFGElement &E, State &St);
  /// Applies the summary of \p C's callee (this TU's, else an imported one).
  void applyCallee(const CallSite &C, State &St);
  void applySummary(const CallSite &C, const FunctionSummary &S, State &St);
  /// How many of \p St's paths hold \p Id in a way \p Blocks accepts, and
  /// the first such holding.
  std::pair<unsigned, const HeldLock *>
  heldWhere(const State &St, LockId Id, llvm::function_ref<bool(const Disjunct &)> Blocks) const;
  /// Notes for a lock a call needs while it is held: where it was acquired,
  /// then the callee's chain down to its acquisition.
  llvm::SmallVector<FindingNote, 2> heldThenChain(const HeldLock &First, LockId Id,
                                                  const CallChain &Chain) const;
  /// Logs a call to a function defined in another TU, or (\p Local) to one
  /// of the TU's own that reaches another TU (see ExternalCalls.h).
  void recordExternalCall(const CallSite &C, const State &St, bool Local, bool Imported);
  std::optional<LockId> translate(const SummaryLock &L, const CallSite &C);
  /// Whether a caller can name the lock (a parameter, `this`, a global).
  bool expressible(LockId Id) const;
  /// expressible(), by lock: asked for each of the 64 locks a call may pass up,
  /// several times.
  mutable std::vector<Tri> Expressible;
  void addToSummary(llvm::SmallVectorImpl<SummaryLock> &List, LockId Id, bool Shared,
                    const CallChain &Chain);
  SummaryLock summaryLock(LockId Id, bool Shared, const CallChain &Chain) const;
  /// Records, for the summary, that \p Id is acquired while a lock of its
  /// type is held (see NestedAcquire).
  void recordNested(LockId Id, bool Shared, const State &St, llvm::ArrayRef<LockId> Together,
                    const CallChain &Chain);
  void applyNested(const CallSite &C, llvm::StringRef CalleeName, const SharedStepRef &Call,
                   const FunctionSummary &S);
  void recordOrder(LockId Id, const clang::Stmt *Site, const State &St,
                   llvm::ArrayRef<LockId> Together, const CallChain &Chain);
  /// The state where the function leaves, at one return (or the closing brace).
  struct ExitState {
    State S;
    const clang::ReturnStmt *Ret = nullptr;
  };
  using ExitStates = std::map<unsigned, ExitState>; // by raw location
  void summarizeExits(const ExitStates &ByExit);
  // --- guard classes inferred from their bodies (GuardClasses.cpp)
  /// Member functions: locks of the object released on some paths only; a
  /// constructor: the guard it builds (GuardConstructor), whose locks are
  /// then held for the object, not leaked.
  void summarizeObjectLocks(const ExitStates &ByExit);
  /// The locks of an inferred guard's construction, in this function's terms.
  llvm::SmallVector<LockId, 2> resolveInferred(const LockOp &Op);
  /// A scoped unlocker's construction releases, its end re-acquires.
  void createUnlocker(const LockOp &Op, llvm::ArrayRef<LockId> Ids, const clang::Stmt *Site,
                      State &St);
  void endUnlocker(const clang::VarDecl *VD, const clang::Stmt *At, State &St);
  /// A lock held on every path that returns 0 and on no other, which the
  /// function releases on some path or whose holding follows a result it
  /// passes on: it acquires it conditionally (see ConditionalAcquire).
  bool conditionalAcquire(const ExitStates &ByExit, LockId Id);
  void releaseGuardsLeaving(State &S, llvm::ArrayRef<const clang::VarDecl *> Guards);
  void recordEscape(const State &S, const clang::Stmt *ThrowPt, const ThrowSet &Thrown);
  bool isExceptionEdge(const clang::CFGBlock *B, unsigned SuccIndex) const;
  const clang::Stmt *throwingCall(const clang::CFGBlock *B) const;
  void enqueue(const clang::CFGBlock *B);
  bool isLocalLock(LockId Id) const;
  llvm::SmallVector<LockId, 2> resolve(const LockOp &Op);
  LockId intern(const LockPath &P, const LockTraits &T, const clang::Expr *E,
                bool IsPointer);
  LockId internTyped(const LockPath &P, const LockTraits &T, const clang::Type *LockType,
                     llvm::StringRef Display = {});
  std::string functionName() const;
  void storeFacts(const clang::ValueDecl *Var, const clang::Expr *Value, State &St);
  // --- arrays of locks (IndexedLocks.cpp)
  /// Index variable \p V changed: the locks it indexed become "elements
  /// indexed by earlier values".
  void indexChanged(const clang::ValueDecl *V, State &St);
  /// The held earlier elements of the array that \p Id is an element of.
  std::optional<LockId> heldEarlierElement(const Disjunct &D, LockId Id) const;
  /// One of the earlier elements \p Earlier was released.
  void releaseEarlierElement(Disjunct &D, LockId Earlier);
  bool isPartlyReleased(LockId Id) const;
  /// An element indexed by a variable (`m[i]`), or elements indexed by its
  /// earlier values.
  bool isVariableElement(LockId Id) const;
  bool isEarlierElements(LockId Id) const;
  void pointerAssigned(const clang::VarDecl *V, const clang::Expr *Value, State &St);
  void renameRoot(State &St, const clang::VarDecl *From, int64_t FromVersion,
                  const clang::VarDecl *To, int64_t ToVersion);
  /// A lock named through a local pointer the function assigns (`n->mu`
  /// in a walk `n = n->next`).
  bool rootedAtMovingPointer(LockId Id) const;
  void reportAt(Check C, const clang::Stmt *At, std::string Msg, bool Definite,
                llvm::SmallVector<FindingNote, 2> Notes = {});
  FindingNote noteAt(const clang::Stmt *S, std::string Msg) const;
  llvm::StringRef kindOf(LockId Id) const;
  std::string nameOf(LockId Id) const;

  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  const clang::FunctionDecl *FD;
  const LockModel &Model;
  ThrowModel &Throws;
  const AnalysisOptions &Opts;
  FunctionReporter Reporter;
  WrapperEvidence &Wrappers;
  const SummaryTable &Summaries;
  LockOrderGraph &Order;
  ImportResolver &Imports;
  const VirtualOverriders &Virtuals;
  ExternalCallLog *External;
  AccessLog *Accesses;
  bool Emit;
  FunctionSummary Summary;

  std::unique_ptr<clang::CFG> Cfg;
  LockTable Locks;
  /// Each lock's description in this function's summary, made once (see
  /// LockDesc); a lock a callee's summary names by the same path offers the
  /// callee's description (CalleeDescs), used when it says the same.
  mutable llvm::DenseMap<LockId, LockDescRef> Descs;
  llvm::DenseMap<LockId, LockDescRef> CalleeDescs;
  /// translate() of a callee's lock named by a global or a capture: the
  /// description kept alive, so that its address stays its key.
  llvm::DenseMap<const LockDesc *, std::pair<LockDescRef, LockId>> SameAtEveryCall;
  /// What the summary's lists hold, by lock (a path is one LockId): a call
  /// adds up to 64 locks to lists of up to 64, checked in constant time.
  llvm::DenseSet<std::pair<const void *, LockId>> Listed; // (list, lock)
  llvm::DenseSet<std::pair<LockId, LockId>> NestedPairs;  // (held, acquired)
  /// The one-step chain of each held lock, shared by the pairs it starts.
  llvm::DenseMap<std::pair<const clang::Stmt *, LockId>, CallChain> HeldChains;
  LockPathBuilder Paths;
  llvm::DenseSet<const clang::ValueDecl *> Escaping;
  /// Pointer fields and globals on the path of a lock this function takes
  /// or releases (`l->lock` in `pthread_mutex_lock(l->lock)`, `g_lock` in
  /// `pthread_mutex_lock(g_lock)`; prescan): a call is read as leaving them
  /// alone, as it is when the lock keeps its name.
  llvm::DenseSet<const clang::ValueDecl *> LockPointers;
  /// Per block with many successors (a switch): successor block id -> the
  /// numbers of the edges to it (edgesTo).
  llvm::DenseMap<const clang::CFGBlock *,
                 llvm::DenseMap<unsigned, llvm::SmallVector<unsigned, 1>>>
      SuccEdges;
  /// Local pointers assigned after their declaration (prescan).
  llvm::DenseSet<const clang::VarDecl *> MovingPointers;
  llvm::DenseSet<const clang::Expr *> InitConstructs; // handled at their DeclStmt
  /// Calls whose value the code looks at (`if (pthread_mutex_lock(&m) != 0)`).
  llvm::DenseSet<const clang::Expr *> ResultUsed;
  llvm::DenseMap<const clang::CXXTryStmt *, llvm::SmallVector<const clang::VarDecl *, 2>>
      GuardsInTry;
  /// Each try statement's dispatch block; the try block each statement of
  /// the body is in; what is evaluated at compile time or belongs to a throw.
  llvm::DenseMap<const clang::CXXTryStmt *, const clang::CFGBlock *> TryDispatch;
  llvm::DenseMap<const clang::Stmt *, const clang::CXXTryStmt *> EnclosingTry;
  llvm::DenseSet<const clang::Stmt *> NotThrowPoints;
  std::unique_ptr<ConditionModel> Conds;
  WriteEffects *Writes;
  const SpecialisedTable *TUSpecialised;
  std::unique_ptr<WriteEffects> OwnWrites; // when the TU shares none

  /// Block states, shared between blocks whose states are equal (StatePool).
  std::vector<SharedState> In, Out;
  llvm::DenseMap<unsigned, State> ExceptionIn; // the blocks exceptions reach
  StatePool Pool;
  /// Over budget once: conditions are no longer remembered (see solve()).
  bool Coarse = false;
  bool solveWithin(std::string &Why);
  /// Whether the block states will pass their budget, from those of the
  /// \p Seen of \p Blocks blocks visited so far (sets \p Why).
  bool forecastOverBudget(unsigned Seen, unsigned Blocks, std::string &Why);
  std::vector<bool> Visited;
  std::vector<unsigned> RPOIndex;            // block ID -> reverse post-order
  std::vector<const clang::CFGBlock *> ByRPO;
  std::set<unsigned> Work;                   // RPO indices still to visit
  /// Locks released somewhere in the function; a lock never released here
  /// is this function's purpose to acquire (a lock wrapper), not a leak.
  llvm::DenseSet<LockId> ReleasedSomewhere;
  /// Locks whose first operation on some path is a release (and never an
  /// acquire): the caller holds them on entry.
  llvm::DenseSet<LockId> FirstTouchRelease, FirstTouchAcquire, PreHeld;
  // --- flag parameters that switch modes (ModeSwitch.cpp)
  /// \p D's first operation on \p Id is a release (or an acquisition).
  void firstTouch(LockId Id, const Disjunct &D, bool Release);
  /// Locks first released on paths where a flag parameter has one value and
  /// first acquired where it has the other: held on entry only with that
  /// value (ModeFact). Returns whether any were added to PreHeld.
  bool splitByMode();
  /// Does every exit hold ModeLocks again with the flag's value and none
  /// without it? Only then is the flag a mode (`mutex_already_held`), not a
  /// lock taken on one branch and released on all (a bug).
  bool modeNeutralAtExit() const;
  void undoModeSplit();
  bool isOwnParam(const void *Key) const;
  /// The facts about flag parameters shared by every path where a lock was
  /// first touched by a release (acquisition).
  struct TouchModes {
    bool Seen = false;
    /// Usually none: no inline room, so that a function touching 64 locks
    /// through one call keeps a small table.
    llvm::SmallVector<Fact, 0> Facts;
  };
  llvm::DenseMap<LockId, TouchModes> ReleaseModes, AcquireModes;
  /// The PreHeld locks inferred from a release (not from attributes).
  llvm::DenseSet<LockId> InferredPreHeld;
  std::optional<Fact> ModeFact;
  llvm::SmallVector<LockId, 1> ModeLocks;
  std::optional<ParamValue> Assumed;
  /// Locks the function declares it returns holding (acquire_capability).
  llvm::DenseSet<LockId> ExpectedHeldAtExit;
  /// (exit, lock): returned held there by a conditional acquire's contract.
  std::set<std::pair<unsigned, LockId>> HeldByContract;
  /// Locks a call to a conditional acquire wrapper may have taken.
  llvm::DenseSet<LockId> FromConditionalCall;
  bool Reporting = false;
  bool CallsOtherTUs = false;
  /// Locks a std::lock call takes together (no order among them).
  llvm::SmallVector<LockId, 4> TakenTogether;
  bool SaidUnnamed = false;
  /// Calls after which a lock's state is unknown, noted as its last
  /// "release" (which release() does not hold against the code): checked
  /// blocking C lock calls (`if (pthread_mutex_lock(&m) != 0)`) on their
  /// failure branch, and calls of a function that may return holding it
  /// (MayAcquire; those are also in MayAcquiredAt).
  llvm::DenseSet<const clang::Stmt *> UnknownAfter, MayAcquiredAt;
  /// Paths were dropped at the bound on disjuncts (LockState.cpp): what is
  /// true on the paths left may not be true on every path.
  bool LostPrecision = false;
  /// Whether \p Count of the \p Paths paths at a point is every path there.
  bool onEveryPath(size_t Count, size_t Paths) const {
    return Count == Paths && !LostPrecision;
  }
  /// Locks an assert_capability said are held (not acquired here).
  llvm::DenseSet<LockId> Asserted;
  /// A root: obligations stop here (no lock is held on entry, no lock it
  /// returns holding is a caller's business).
  bool IsRoot = false;
  /// The function is a lock primitive itself (see run()).
  bool ImplementsLock = false;

  struct Leak {
    clang::SourceLocation At;
    LockId Id;
    bool Definite;
    bool AtReturn;
    bool IsThrow;
  };
  /// Per acquisition site, the first exit (or throw) that leaks it.
  std::map<std::pair<const clang::Stmt *, unsigned>, Leak> Exits, Escapes;
  bool keepEarliestLeak(std::map<std::pair<const clang::Stmt *, unsigned>, Leak> &Into,
                        const HeldLock &H, Leak L);
  std::map<std::pair<const clang::Stmt *, unsigned>, const clang::Stmt *> EscapeStmts;
  /// What leaves the function from each throwing point, for the message.
  llvm::DenseMap<const clang::Stmt *, ThrowSet> EscapeThrown;
};

} // namespace lockcheck

#endif
