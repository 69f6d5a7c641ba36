//===- CrossTU.cpp - phase 2 of the whole-project analysis, on facts ------===//
#include "lockcheck/CrossTU.h"
#include "lockcheck/ForeignGlobal.h"
#include "lockcheck/Messages.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <tuple>

namespace lockcheck {
namespace {

/// Rounds of growing summaries across TUs (a chain through N files needs N).
constexpr unsigned MaxRounds = 8;
/// As in Summary.h: locks per summary, and notes per chain.
constexpr size_t MaxLocks = 64, MaxChain = 8;

/// The TU's own analysis applied the callee's summary at \p C as it knew it
/// (its own function, or another TU's it imported): only what the callee
/// gains across TUs here is new at such a call.
bool appliedByTU(const FactCall &C) { return C.Local || C.Imported; }

bool namesClass(const FactStep &S) { return S.Kind == "field" || S.Kind == "call"; }

/// Spells a path the way the analysis spells lock paths (LockPath::display),
/// as code in file \p Here sees it: a global private to another file says
/// which.
std::string display(const std::vector<FactStep> &Path, llvm::StringRef Here) {
  std::string S;
  bool PendingDeref = false;
  for (const FactStep &St : Path) {
    if (St.Kind == "deref") {
      if (PendingDeref)
        S = "*" + S;
      PendingDeref = true;
      continue;
    }
    if (St.Kind == "this")
      S = "this";
    else if (St.Kind == "global" && !St.File.empty() && St.File != Here)
      S = withOrigin(St.Name, St.File);
    else if (St.Kind == "param" || St.Kind == "global" || St.Kind == "local")
      S = St.Name;
    else if (St.Kind == "field" && S == "this")
      S = St.Name;
    else if (St.Kind == "field")
      S += (PendingDeref ? "->" : ".") + St.Name;
    else if (St.Kind == "call")
      S += (S.empty() || S == "this") ? St.Name + "()"
                                      : (PendingDeref ? "->" : ".") + St.Name + "()";
    else if (St.Kind == "index")
      S = (PendingDeref ? "(*" + S + ")" : S) + "[" + std::to_string(St.Index) + "]";
    PendingDeref = false;
  }
  return PendingDeref ? "*" + S : S;
}

/// \p L (relative to the callee) in the caller's terms at \p C.
std::optional<FactLock> translate(const FactLock &L, const FactCall &C) {
  if (L.Path.empty())
    return std::nullopt;
  const FactStep &Root = L.Path.front();
  FactLock Out = L;
  Out.Chain.clear();
  size_t Rest = 1;
  const FactArg *Arg = nullptr;
  if (Root.Kind == "this" || Root.Kind == "param") {
    int64_t Index = Root.Kind == "this" ? -1 : Root.Index;
    for (const FactArg &A : C.Args)
      if (A.Index == Index)
        Arg = &A;
    if (!Arg)
      return std::nullopt;
    if (Arg->Pointee) { // the summary names the pointee as `p, deref`
      if (L.Path.size() < 2 || L.Path[1].Kind != "deref")
        return std::nullopt;
      Rest = 2;
    }
    Out.Path = Arg->Object.Path;
    Out.Path.insert(Out.Path.end(), L.Path.begin() + Rest, L.Path.end());
    // The class comes from the last field; without one, from the argument.
    if (std::none_of(L.Path.begin() + Rest, L.Path.end(), namesClass))
      Out.LockClass = Arg->Object.LockClass;
  } else if (Root.Kind != "global") {
    return std::nullopt; // a local of the callee means nothing here
  }
  Out.Display = display(Out.Path, llvm::sys::path::filename(C.Loc.File));
  return Out;
}

bool expressible(const FactLock &L) {
  if (L.Path.empty())
    return false;
  const std::string &K = L.Path.front().Kind;
  return K == "this" || K == "param" || K == "global";
}

std::string shortName(llvm::StringRef Qualified) {
  size_t Colons = Qualified.rfind("::");
  return std::string(Colons == llvm::StringRef::npos ? Qualified : Qualified.substr(Colons + 2));
}

std::vector<FactNote> chainThrough(const FactFunction &Caller, const FactCall &C,
                                   const std::vector<FactNote> &Below) {
  std::vector<FactNote> Chain{{C.Loc, msg::chainCalls(shortName(Caller.Name), C.CalleeName)}};
  for (const FactNote &N : Below)
    if (Chain.size() < MaxChain)
      Chain.push_back(N);
  return Chain;
}

/// What of \p Thrown leaves a caller through handlers \p Catches.
struct Escaping {
  std::vector<const FactThrow *> Types;
  bool Unknown = false;
  bool empty() const { return Types.empty() && !Unknown; }
};
Escaping escaping(const std::vector<FactThrow> &Thrown, bool ThrownUnknown,
                  const std::vector<std::string> &Catches) {
  Escaping E;
  bool CatchAll = std::find(Catches.begin(), Catches.end(), "...") != Catches.end();
  if (CatchAll)
    return E;
  E.Unknown = ThrownUnknown; // a typed handler may or may not take it
  for (const FactThrow &T : Thrown) {
    bool Caught = std::any_of(Catches.begin(), Catches.end(), [&](const std::string &H) {
      return H == T.Type || std::find(T.Bases.begin(), T.Bases.end(), H) != T.Bases.end();
    });
    if (!Caught)
      E.Types.push_back(&T);
  }
  return E;
}

/// What of \p G's exceptions leaves the caller at \p C. The body of the
/// method a virtual call names is not known to run (ThrowModel.h): nothing.
Escaping escapingAt(const FactCall &C, const FactFunction &G) {
  if (C.Virtual)
    return {};
  return escaping(G.Throws, G.ThrowsUnknown, C.Catches);
}

/// Grows \p F's exceptions by what leaves its calls into other TUs.
bool addEscaping(FactFunction &F, const Escaping &E) {
  bool Changed = false;
  for (const FactThrow *T : E.Types)
    if (std::none_of(F.Throws.begin(), F.Throws.end(),
                     [&](const FactThrow &O) { return O.Type == T->Type; })) {
      F.Throws.push_back(*T);
      Changed = true;
    }
  if (E.Unknown && !F.ThrowsUnknown) {
    F.ThrowsUnknown = true;
    Changed = true;
  }
  return Changed;
}

/// The locks an object built by \p C holds for its scope, in the callee's
/// parameter terms: \p G is a constructor of another TU's guard class. (A
/// guard class of the caller's own TU was applied by the TU itself.)
std::vector<FactLock> guardLocks(const FactFunction &G, const FactCall &C) {
  std::vector<FactLock> Out;
  if (appliedByTU(C) || G.Guard.Unlocker)
    return Out;
  for (const FactGuardLock &L : G.Guard.Locks)
    Out.push_back(L.Lock);
  return Out;
}

FactLock objectOf(const FactCall &C) {
  for (const FactArg &A : C.Args)
    if (A.Index == -1)
      return A.Object;
  return {};
}

/// Guard and unlocker objects of other TUs' guard classes, replayed in a
/// function's calls in source order like its acquire and release wrappers:
/// the constructor call begins the object's scope, the destructor call on
/// the same object ends it.
class ScopedObjects {
public:
  /// \p C constructs a guard or an unlocker: applies it and says true.
  bool begin(const FactFunction &F, const FactCall &C, const FactFunction &Ctor,
             const std::vector<FactHeld> &Held, std::vector<FactHeld> &Replayed,
             std::vector<FactFinding> &Findings, std::vector<FactEdge> &Edges) {
    if (appliedByTU(C) || Ctor.Guard.empty())
      return false;
    Object O;
    O.Path = objectOf(C).Path;
    O.Unlocker = Ctor.Guard.Unlocker;
    for (const FactGuardLock &GL : Ctor.Guard.Locks) {
      std::optional<FactLock> L = translate(GL.Lock, C);
      if (!L)
        continue;
      auto H = std::find_if(Held.begin(), Held.end(),
                            [&](const FactHeld &X) { return X.Lock.Path == L->Path; });
      if (O.Unlocker) {
        if (H == Held.end()) {
          FactFinding Fd;
          Fd.CheckKind = Check::UnlockNotHeld;
          Fd.Loc = C.Loc;
          Fd.Message = msg::callReleaseNotHeld(C.CalleeName, L->Kind, L->Display, true);
          Fd.Function = F.Name;
          Findings.push_back(std::move(Fd));
          continue;
        }
        O.Locks.push_back(*H);
        Suppressed.push_back(L->Path);
        eraseHeld(Replayed, L->Path);
        continue;
      }
      if (H != Held.end()) {
        bool SharedOk = L->Shared && H->Lock.Shared && L->Kind == "rwlock";
        if (!L->Recursive && !H->Lock.Recursive && !SharedOk) {
          FactFinding Fd;
          Fd.CheckKind = Check::DoubleLock;
          Fd.Loc = C.Loc;
          Fd.Message = msg::doubleLock(L->Kind, L->Display, H->Definite);
          Fd.Definite = H->Definite;
          Fd.Function = F.Name;
          if (!H->Site.File.empty())
            Fd.Notes.push_back({H->Site, msg::acquiredHere(L->Kind, H->Lock.Display)});
          Findings.push_back(std::move(Fd));
          continue; // that thread blocks here
        }
      }
      for (const FactHeld &X : Held) {
        if (X.Lock.Path == L->Path || X.Lock.LockClass.empty() || L->LockClass.empty() ||
            X.Lock.LockClass == L->LockClass)
          continue;
        FactEdge E;
        E.FromClass = X.Lock.LockClass;
        E.ToClass = L->LockClass;
        E.FromName = X.Lock.Display;
        E.ToName = L->Display;
        E.Kind = L->Kind;
        E.Loc = C.Loc;
        E.AcrossTUs = true;
        Edges.push_back(std::move(E));
      }
      FactHeld Now{*L, C.Loc, true};
      O.Locks.push_back(Now);
      Replayed.push_back(std::move(Now));
    }
    if (!O.Path.empty())
      Objects.push_back(std::move(O));
    return true;
  }

  /// \p C destroys an object begun here: ends its scope and says true.
  bool end(const FactCall &C, std::vector<FactHeld> &Replayed) {
    if (C.CalleeName.empty() || C.CalleeName.front() != '~')
      return false;
    FactLock Obj = objectOf(C);
    auto It = std::find_if(Objects.rbegin(), Objects.rend(),
                           [&](const Object &O) { return O.Path == Obj.Path; });
    if (Obj.Path.empty() || It == Objects.rend())
      return false;
    for (const FactHeld &H : It->Locks) {
      if (!It->Unlocker) {
        eraseHeld(Replayed, H.Lock.Path);
        continue;
      }
      auto S = std::find(Suppressed.begin(), Suppressed.end(), H.Lock.Path);
      if (S != Suppressed.end())
        Suppressed.erase(S);
      if (std::none_of(Replayed.begin(), Replayed.end(),
                       [&](const FactHeld &X) { return X.Lock.Path == H.Lock.Path; }))
        Replayed.push_back(H);
    }
    Objects.erase(std::next(It).base());
    return true;
  }

  /// Held at a call according to the TU, but released by an unlocker here.
  bool suppressed(const FactLock &L) const {
    return std::find(Suppressed.begin(), Suppressed.end(), L.Path) != Suppressed.end();
  }

private:
  struct Object {
    std::vector<FactStep> Path;
    bool Unlocker = false;
    std::vector<FactHeld> Locks;
  };
  static void eraseHeld(std::vector<FactHeld> &V, const std::vector<FactStep> &Path) {
    V.erase(std::remove_if(V.begin(), V.end(),
                           [&](const FactHeld &H) { return H.Lock.Path == Path; }),
            V.end());
  }
  std::vector<Object> Objects;
  std::vector<std::vector<FactStep>> Suppressed;
};

} // namespace

/// What a call brings in from other TUs: all of a callee in another TU, and
/// only the part grown in this step for a callee the TU's analysis applied
/// (its own function, or an imported summary).
struct CalleeView {
  const FactFunction *Fn = nullptr;
  llvm::ArrayRef<FactLock> Acquires;
  llvm::ArrayRef<FactNested> Nested;
};

static void checkCall(const FactFunction &F, const FactCall &C, const CalleeView &G,
                      const std::vector<FactHeld> &Held, std::vector<FactFinding> &Findings,
                      std::vector<FactEdge> &Edges);

/// "mutex 'L' stays locked if 'G' throws 'T' (from ...)" at \p C in \p F,
/// worded as ThrowModel::describe words it within a TU.
static FactFinding leakFinding(const FactFunction &F, const FactCall &C, const FactFunction &G,
                               const FactHeld &Lock) {
  Escaping E = escapingAt(C, G);
  const FactThrow *First = nullptr;
  for (const FactThrow *T : E.Types)
    if (!First || T->Type < First->Type)
      First = T;
  std::string Type, Thrower, In;
  if (First) {
    Type = First->Type;
    llvm::StringRef Name(G.Name);
    bool InCallee = First->In.empty() || Name == First->In ||
                    (Name.ends_with(First->In) &&
                     Name.drop_back(First->In.size()).ends_with("::"));
    if (!InCallee || !First->From.empty()) {
      Thrower = First->From;
      if (!InCallee)
        In = First->In;
    }
  }
  FactFinding Fd;
  Fd.CheckKind = Check::ExceptionLeak;
  Fd.Loc = C.Loc;
  Fd.Message = msg::leakOnCall(Lock.Lock.Kind, Lock.Lock.Display, C.CalleeName, Type, Thrower,
                               In, First && (E.Types.size() > 1 || E.Unknown));
  Fd.Function = F.Name;
  Fd.Notes.push_back({Lock.Site, msg::acquiredHereUseGuard(Lock.Lock.Kind, Lock.Lock.Display)});
  return Fd;
}

/// A lock the TU's own analysis did not see leak (its callees' bodies were
/// elsewhere) that an exception from another TU's function leaves held: the
/// first such call in source order, per lock.
template <typename CalleeOf>
static void checkExceptionLeaks(const FactFunction &F, CalleeOf Callee,
                                std::vector<FactFinding> &Findings) {
  struct First {
    const FactCall *Call;
    const FactHeld *Lock;
  };
  std::vector<First> Leaks;
  auto before = [](const FactLocation &A, const FactLocation &B) {
    return std::tie(A.File, A.Line, A.Column) < std::tie(B.File, B.Line, B.Column);
  };
  for (const FactCall &C : F.Calls) {
    if (C.LeaksIfThrows.empty())
      continue;
    const FactFunction *G = Callee(C);
    if (!G || escapingAt(C, *G).empty())
      continue;
    for (const FactHeld &L : C.LeaksIfThrows) {
      auto It = std::find_if(Leaks.begin(), Leaks.end(), [&](const First &O) {
        return O.Lock->Site == L.Site && O.Lock->Lock.Path == L.Lock.Path;
      });
      if (It == Leaks.end())
        Leaks.push_back({&C, &L});
      else if (before(C.Loc, It->Call->Loc))
        *It = {&C, &L};
    }
  }
  for (const First &L : Leaks)
    Findings.push_back(leakFinding(F, *L.Call, *Callee(*L.Call), *L.Lock));
}

bool changesCallerLockset(const FactFunction &F) {
  return !F.NetAcquired.empty() || !F.NetReleased.empty() || !F.NetAcquiredIf.empty();
}

CrossTUResult applyAcrossTUs(std::vector<TUFacts *> &TUs) {
  llvm::StringMap<FactFunction *> Defined;
  std::vector<llvm::StringMap<FactFunction *>> DefinedIn(TUs.size());
  // How much of each summary the TU itself found.
  llvm::DenseMap<const FactFunction *, std::pair<size_t, size_t>> OwnSize;
  for (size_t TI = 0; TI < TUs.size(); ++TI)
    for (FactFunction &F : TUs[TI]->Functions) {
      Defined.try_emplace(F.Usr, &F);
      DefinedIn[TI].try_emplace(F.Usr, &F);
      OwnSize[&F] = {F.Acquires.size(), F.Nested.size()};
    }
  auto callee = [&](size_t TI, const FactCall &C) -> CalleeView {
    const llvm::StringMap<FactFunction *> &Where = C.Local ? DefinedIn[TI] : Defined;
    auto It = Where.find(C.CalleeUsr);
    if (It == Where.end())
      return {};
    const FactFunction *G = It->second;
    auto [OwnAcquires, OwnNested] =
        appliedByTU(C) ? OwnSize.lookup(G) : std::pair<size_t, size_t>();
    return {G, llvm::ArrayRef(G->Acquires).drop_front(OwnAcquires),
            llvm::ArrayRef(G->Nested).drop_front(OwnNested)};
  };

  // Summaries grow through calls into other TUs until nothing changes.
  for (unsigned Round = 0; Round < MaxRounds; ++Round) {
    bool Changed = false;
    for (size_t TI = 0; TI < TUs.size(); ++TI)
      for (FactFunction &F : TUs[TI]->Functions)
        for (const FactCall &C : F.Calls) {
          CalleeView G = callee(TI, C);
          if (!G.Fn || G.Fn == &F) // F's storage grows below: never G's
            continue;
          // A lock F's caller holds on entry, which F gives back around the
          // call, is no new acquisition for that caller (as in the TU).
          auto heldOnEntry = [&](const FactLock &L) {
            return llvm::any_of(F.HeldOnEntry,
                                [&](const FactLock &H) { return H.Path == L.Path; });
          };
          for (const FactLock &GA : G.Acquires) {
            if (F.Acquires.size() >= MaxLocks)
              break;
            std::optional<FactLock> L = translate(GA, C);
            if (!L || !expressible(*L) || heldOnEntry(*L) ||
                std::any_of(F.Acquires.begin(), F.Acquires.end(),
                            [&](const FactLock &A) { return A.Path == L->Path; }))
              continue;
            L->Chain = chainThrough(F, C, GA.Chain);
            F.Acquires.push_back(std::move(*L));
            Changed = true;
          }
          // An object of another TU's guard class holds its lock here: the
          // caller acquires it (named as the caller names the guard's lock).
          for (const FactLock &GL : guardLocks(*G.Fn, C)) {
            if (F.Acquires.size() >= MaxLocks)
              break;
            std::optional<FactLock> L = translate(GL, C);
            if (!L || !expressible(*L) || heldOnEntry(*L) ||
                std::any_of(F.Acquires.begin(), F.Acquires.end(),
                            [&](const FactLock &A) { return A.Path == L->Path; }))
              continue;
            L->Chain = {{C.Loc, msg::chainAcquires(shortName(F.Name), L->Display)}};
            F.Acquires.push_back(std::move(*L));
            Changed = true;
          }
          for (const FactNested &GN : G.Nested) {
            if (F.Nested.size() >= MaxLocks)
              break;
            std::optional<FactLock> H = translate(GN.Held, C), A = translate(GN.Acquired, C);
            if (!H || !A || H->Path == A->Path || !expressible(*H) || !expressible(*A) ||
                heldOnEntry(*H) || heldOnEntry(*A) ||
                std::any_of(F.Nested.begin(), F.Nested.end(), [&](const FactNested &N) {
                  return N.Held.Path == H->Path && N.Acquired.Path == A->Path;
                }))
              continue;
            H->Chain = chainThrough(F, C, GN.Held.Chain);
            A->Chain = chainThrough(F, C, GN.Acquired.Chain);
            F.Nested.push_back({std::move(*H), std::move(*A)});
            Changed = true;
          }
          // What the callee throws and no handler around the call catches.
          Changed |= addEscaping(F, escapingAt(C, *G.Fn));
        }
    if (!Changed)
      break;
  }

  CrossTUResult R;
  R.Findings.resize(TUs.size());
  R.Edges.resize(TUs.size());
  for (size_t TI = 0; TI < TUs.size(); ++TI)
    for (const FactFunction &F : TUs[TI]->Functions)
      checkExceptionLeaks(F, [&](const FactCall &C) { return callee(TI, C).Fn; },
                          R.Findings[TI]);
  for (size_t TI = 0; TI < TUs.size(); ++TI)
    for (const FactFunction &F : TUs[TI]->Functions) {
      // Locks the function's earlier calls to other TUs' wrappers left held
      // (replayed in source order: the control flow is not in the facts).
      std::vector<FactHeld> Replayed;
      std::vector<const FactCall *> Calls;
      for (const FactCall &C : F.Calls)
        Calls.push_back(&C);
      std::stable_sort(Calls.begin(), Calls.end(), [](const FactCall *A, const FactCall *B) {
        return std::tie(A->Loc.Line, A->Loc.Column) < std::tie(B->Loc.Line, B->Loc.Column);
      });
      // Locks other TUs' wrappers took that an exception from a later call
      // leaves held (the TU could not see them: leaksIfThrows has none).
      std::vector<std::pair<const FactCall *, FactHeld>> ReplayedLeaks;
      std::vector<std::vector<FactStep>> ReleasedByWrappers;
      ScopedObjects Scoped;
      for (const FactCall *CP : Calls) {
        const FactCall &C = *CP;
        if (Scoped.end(C, Replayed))
          continue; // the destructor of a guard (or unlocker) object seen here
        CalleeView G = callee(TI, C);
        if (!G.Fn)
          continue;
        if (!Replayed.empty() && !escapingAt(C, *G.Fn).empty())
          for (const FactHeld &H : Replayed)
            if (std::none_of(ReplayedLeaks.begin(), ReplayedLeaks.end(), [&](const auto &L) {
                  return L.second.Site == H.Site && L.second.Lock.Path == H.Lock.Path;
                }))
              ReplayedLeaks.push_back({&C, H});
        std::vector<FactHeld> Held;
        for (const FactHeld &H : C.Held)
          if (!Scoped.suppressed(H.Lock))
            Held.push_back(H);
        for (const FactHeld &H : Replayed)
          if (std::none_of(Held.begin(), Held.end(),
                           [&](const FactHeld &O) { return O.Lock.Path == H.Lock.Path; }))
            Held.push_back(H);
        if (Scoped.begin(F, C, *G.Fn, Held, Replayed, R.Findings[TI], R.Edges[TI]))
          continue;
        checkCall(F, C, G, Held, R.Findings[TI], R.Edges[TI]);
        if (appliedByTU(C)) // the TU applied the callee's effects on the lockset
          continue;
        for (const FactLock &A : G.Fn->NetAcquired)
          if (std::optional<FactLock> L = translate(A, C))
            Replayed.push_back({*L, C.Loc, true});
        for (const FactLock &A : G.Fn->NetReleased)
          if (std::optional<FactLock> L = translate(A, C)) {
            Replayed.erase(
                std::remove_if(Replayed.begin(), Replayed.end(),
                               [&](const FactHeld &H) { return H.Lock.Path == L->Path; }),
                Replayed.end());
            ReleasedByWrappers.push_back(L->Path);
          }
      }
      // Only a lock the function releases itself (through a wrapper) is a
      // leak here; one it keeps is what it exists for.
      for (const auto &[C, H] : ReplayedLeaks)
        if (std::find(ReleasedByWrappers.begin(), ReleasedByWrappers.end(), H.Lock.Path) !=
            ReleasedByWrappers.end())
          R.Findings[TI].push_back(leakFinding(F, *C, *callee(TI, *C).Fn, H));
    }
  return R;
}

/// The callee's acquisitions at one call: self-deadlocks and order edges.
static void checkCall(const FactFunction &F, const FactCall &C, const CalleeView &G,
                      const std::vector<FactHeld> &Held, std::vector<FactFinding> &Findings,
                      std::vector<FactEdge> &Edges) {
  // Two locks of the callee that this call's arguments make one.
  for (const FactNested &N : G.Nested) {
    std::optional<FactLock> H = translate(N.Held, C), A = translate(N.Acquired, C);
    if (!H || !A || H->Path != A->Path || A->Recursive)
      continue;
    if (N.Held.Shared && N.Acquired.Shared && A->Kind == "rwlock")
      continue;
    FactFinding Fd;
    Fd.CheckKind = Check::DoubleLock;
    Fd.Loc = C.Loc;
    Fd.Message = msg::callAcquiresTwice(C.CalleeName, A->Kind, A->Display);
    Fd.Function = F.Name;
    Fd.Notes = N.Held.Chain;
    Fd.Notes.insert(Fd.Notes.end(), N.Acquired.Chain.begin(), N.Acquired.Chain.end());
    Findings.push_back(std::move(Fd));
  }
  for (const FactLock &A : G.Acquires) {
    std::optional<FactLock> L = translate(A, C);
    if (!L)
      continue;
    for (const FactHeld &H : Held) {
      if (H.Lock.Path == L->Path) {
        bool SharedOk = A.Shared && H.Lock.Shared && A.Kind == "rwlock";
        if (A.Recursive || H.Lock.Recursive || SharedOk)
          continue;
        FactFinding Fd;
        Fd.CheckKind = Check::DoubleLock;
        Fd.Loc = C.Loc;
        Fd.Message = msg::callDoubleLock(C.CalleeName, A.Kind, H.Lock.Display, H.Definite);
        Fd.Definite = H.Definite;
        Fd.Function = F.Name;
        if (!H.Site.File.empty())
          Fd.Notes.push_back({H.Site, msg::acquiredHere(A.Kind, H.Lock.Display)});
        Fd.Notes.insert(Fd.Notes.end(), A.Chain.begin(), A.Chain.end());
        Findings.push_back(std::move(Fd));
        continue;
      }
      if (H.Lock.LockClass.empty() || L->LockClass.empty() || H.Lock.LockClass == L->LockClass)
        continue;
      FactEdge E;
      E.FromClass = H.Lock.LockClass;
      E.ToClass = L->LockClass;
      E.FromName = H.Lock.Display;
      E.ToName = L->Display;
      E.Kind = A.Kind;
      E.Loc = C.Loc;
      E.Chain = chainThrough(F, C, A.Chain);
      E.AcrossTUs = true;
      Edges.push_back(std::move(E));
    }
  }
}

} // namespace lockcheck
