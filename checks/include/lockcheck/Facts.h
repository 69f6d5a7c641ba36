//===- Facts.h - a TU's summaries and lock-order edges, as data -*- C++ -*-===//
//
// What one translation unit knows that another one needs: each function's
// summary (by USR) and the TU's lock-order edges (by lock class name), with
// source locations as file/line/column. Written as versioned JSON by the
// plugin's `facts=` argument and read back by whole-project tools; the format
// is documented in docs/facts-format.md. Reading and writing round-trip.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_FACTS_H
#define LOCKCHECK_FACTS_H

#include "lockcheck/CheckNames.h"
#include "lockcheck/UnguardedAccess.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace lockcheck {

constexpr int FactsVersion = 8;

struct FactLocation {
  std::string File;
  int Line = 0, Column = 0;
  bool operator==(const FactLocation &O) const {
    return File == O.File && Line == O.Line && Column == O.Column;
  }
};

struct FactNote {
  FactLocation Loc;
  std::string Message;
  bool operator==(const FactNote &O) const { return Loc == O.Loc && Message == O.Message; }
};

/// One step of a lock's access path. Kinds: "this", "param" (Index = the
/// parameter's position, Name its name), "global" (Name = qualified name,
/// Usr), "local" (a local variable of the function: Name, Usr), "field",
/// "deref", "index", "call".
struct FactStep {
  std::string Kind, Name, Usr;
  /// A global with internal linkage defined in its TU's main file: that
  /// file's name ("locks.c"), for messages in other TUs.
  std::string File;
  int64_t Index = 0;
  bool operator==(const FactStep &O) const {
    return Kind == O.Kind && Name == O.Name && Usr == O.Usr && File == O.File &&
           Index == O.Index;
  }
};

struct FactLock {
  std::vector<FactStep> Path;
  std::string Display, Kind, LockClass; // Kind: "mutex", "rwlock", ...
  bool Recursive = false, Shared = false;
  std::vector<FactNote> Chain;
  bool operator==(const FactLock &O) const {
    return Path == O.Path && Display == O.Display && Kind == O.Kind &&
           LockClass == O.LockClass && Recursive == O.Recursive && Shared == O.Shared &&
           Chain == O.Chain;
  }
};

/// A lock the caller holds at a call, in the caller's terms.
struct FactHeld {
  FactLock Lock;
  FactLocation Site;    // where the caller acquired it
  bool Definite = true; // held on every path that reaches the call
  bool operator==(const FactHeld &O) const {
    return Lock == O.Lock && Site == O.Site && Definite == O.Definite;
  }
};

/// What the callee's `this` (Index -1) or a reference or pointer parameter
/// is at a call, in the caller's terms. For a pointer parameter the path
/// names the object pointed to (Pointee).
struct FactArg {
  int64_t Index = -1;
  bool Pointee = false;
  FactLock Object; // path, display, class and type of the object
  bool operator==(const FactArg &O) const {
    return Index == O.Index && Pointee == O.Pointee && Object == O.Object;
  }
};

/// A call to a function the TU only declares, or (Local) to one of its own
/// that reaches such a function: enough to apply the callee's summary later,
/// without the caller's source. At a local call only what the callee gains
/// from other TUs is new; the TU already applied the rest.
///
/// If the callee throws, its exception passes the handlers in Catches on
/// its way out of the caller (their caught types, innermost first; "..."
/// catches everything, and ends the list of a noexcept caller), and the
/// manual locks in LeaksIfThrows stay held when it leaves the caller.
struct FactCall {
  std::string CalleeUsr, CalleeName;
  FactLocation Loc;
  std::vector<FactArg> Args;
  std::vector<FactHeld> Held;
  bool Local = false;
  /// The TU's own analysis applied another TU's summary of the callee (the
  /// whole-project command imports acquire and release wrappers): like a
  /// local call, only what the callee gains across TUs is new here.
  bool Imported = false;
  /// A virtual call that may run any overrider: what the callee's body
  /// throws is no known exception here (see ThrowModel.h).
  bool Virtual = false;
  std::vector<std::string> Catches;
  std::vector<FactHeld> LeaksIfThrows;
  bool operator==(const FactCall &O) const {
    return CalleeUsr == O.CalleeUsr && CalleeName == O.CalleeName && Loc == O.Loc &&
           Args == O.Args && Held == O.Held && Local == O.Local && Imported == O.Imported &&
           Virtual == O.Virtual && Catches == O.Catches &&
           LeaksIfThrows == O.LeaksIfThrows;
  }
};

/// An exception type a function may throw, with the names of its bases (a
/// handler for any of them catches it), and where it comes from, for
/// messages: thrown by a `throw` in function In, or by standard library
/// function From ("vector::at"), `new` or `dynamic_cast` called in In.
struct FactThrow {
  std::string Type;
  std::vector<std::string> Bases;
  std::string From, In;
  bool operator==(const FactThrow &O) const {
    return Type == O.Type && Bases == O.Bases && From == O.From && In == O.In;
  }
};

/// The function acquires Acquired while holding Held (see NestedAcquire in
/// Summary.h): one lock at a call whose arguments make them the same.
struct FactNested {
  FactLock Held, Acquired;
  bool operator==(const FactNested &O) const {
    return Held == O.Held && Acquired == O.Acquired;
  }
};

/// The function returns holding Lock when it returns Success ("zero" or
/// "true"): a conditional acquire wrapper (see ConditionalAcquire).
struct FactConditional {
  FactLock Lock;
  std::string Success;
  bool operator==(const FactConditional &O) const {
    return Lock == O.Lock && Success == O.Success;
  }
};

/// One lock of a scoped guard class (see GuardConstructor in Summary.h):
/// in the constructor's parameter terms, and through the object's member.
struct FactGuardLock {
  FactLock Lock, Member;
  bool operator==(const FactGuardLock &O) const {
    return Lock == O.Lock && Member == O.Member;
  }
};

/// A constructor of a scoped guard class (a scoped unlocker when Unlocker).
struct FactGuard {
  bool Unlocker = false;
  std::vector<FactGuardLock> Locks;
  bool empty() const { return Locks.empty(); }
  bool operator==(const FactGuard &O) const {
    return Unlocker == O.Unlocker && Locks == O.Locks;
  }
};

struct FactFunction {
  std::string Usr, Name;
  FactLocation Loc;
  std::vector<FactLock> Acquires, NetAcquired, NetReleased;
  std::vector<FactConditional> NetAcquiredIf;
  std::vector<FactNested> Nested;
  std::vector<FactCall> Calls;
  /// Exceptions that may leave the function; ThrowsUnknown: also one of a
  /// type nobody can name.
  std::vector<FactThrow> Throws;
  bool ThrowsUnknown = false;
  /// Locks of the object released on some paths only (member functions).
  std::vector<FactLock> MayRelease;
  /// Locks it returns holding on some paths only (FunctionSummary::MayAcquire).
  std::vector<FactLock> MayAcquire;
  FactGuard Guard;
  /// Locks the caller holds on entry (FunctionSummary::HeldOnEntry).
  std::vector<FactLock> HeldOnEntry;
  bool operator==(const FactFunction &O) const {
    return Usr == O.Usr && Name == O.Name && Loc == O.Loc && Acquires == O.Acquires &&
           NetAcquired == O.NetAcquired && NetReleased == O.NetReleased &&
           NetAcquiredIf == O.NetAcquiredIf && Nested == O.Nested && Calls == O.Calls &&
           Throws == O.Throws && ThrowsUnknown == O.ThrowsUnknown &&
           MayRelease == O.MayRelease && MayAcquire == O.MayAcquire && Guard == O.Guard && HeldOnEntry == O.HeldOnEntry;
  }
};

struct FactEdge {
  std::string FromClass, ToClass, FromName, ToName, Kind;
  FactLocation Loc;
  std::vector<FactNote> Chain;
  bool Declared = false;
  /// Added by the whole-project step (CrossTU.h) at a call into another TU:
  /// the TU's own analysis never saw it, so it reported no cycle through it.
  /// Not written to facts files.
  bool AcrossTUs = false;
  bool operator==(const FactEdge &O) const {
    return FromClass == O.FromClass && ToClass == O.ToClass && FromName == O.FromName &&
           ToName == O.ToName && Kind == O.Kind && Loc == O.Loc && Chain == O.Chain &&
           Declared == O.Declared && AcrossTUs == O.AcrossTUs;
  }
};

/// A finding, located by file, line and column.
struct FactFinding {
  Check CheckKind = Check::DoubleLock;
  FactLocation Loc;
  std::string Message;
  bool Definite = true;
  std::string Function; // qualified name of the enclosing function, if known
  std::vector<FactNote> Notes;
  bool operator==(const FactFinding &O) const {
    return CheckKind == O.CheckKind && Loc == O.Loc && Message == O.Message &&
           Definite == O.Definite && Function == O.Function && Notes == O.Notes;
  }
};

/// A finding \c Finding of function \c Usr if nothing in the program calls
/// or names it (EntryPoints.h).
struct FactIfUncalled {
  std::string Usr;
  FactFinding Finding;
  bool operator==(const FactIfUncalled &O) const {
    return Usr == O.Usr && Finding == O.Finding;
  }
};

/// A read or write of a field or global variable, with the locks held there
/// (lockcheck-unguarded-access decides over every TU's accesses together).
struct FactAccess {
  VarAccess Access;
  FactLocation Loc;
  std::string Function;
  bool operator==(const FactAccess &O) const {
    return Access == O.Access && Loc == O.Loc && Function == O.Function;
  }
};

struct TUFacts {
  std::string MainFile;
  std::vector<FactFunction> Functions;
  std::vector<FactEdge> Edges;
  /// The TU's own findings (after NOLINT), so that merging facts reports
  /// everything a whole-project run reports.
  std::vector<FactFinding> Findings;
  /// USRs of functions the TU calls but does not define (sorted): where
  /// another TU's summary can add findings.
  std::vector<std::string> ExternalCalls;
  /// USRs of functions the TU calls or names but does not define (sorted),
  /// and what its functions nothing names would get as entry points.
  std::vector<std::string> Named;
  std::vector<FactIfUncalled> IfUncalled;
  /// Accesses to shared state (only when lockcheck-unguarded-access ran), and
  /// the thresholds the TU's configuration set for deciding over them.
  std::vector<FactAccess> Accesses;
  GuardThresholds Guards;
  bool operator==(const TUFacts &O) const {
    return MainFile == O.MainFile && Functions == O.Functions && Edges == O.Edges &&
           Findings == O.Findings && ExternalCalls == O.ExternalCalls && Named == O.Named &&
           IfUncalled == O.IfUncalled &&
           Accesses == O.Accesses && Guards.MinAccesses == O.Guards.MinAccesses &&
           Guards.MinPercent == O.Guards.MinPercent && Guards.Reads == O.Guards.Reads;
  }
};

/// Summaries of functions other TUs define, by USR (the first definition
/// seen wins: inline functions are defined alike in every TU).
class ImportedSummaries {
public:
  void add(const TUFacts &F) {
    for (const FactFunction &Fn : F.Functions)
      add(Fn);
  }
  void add(const FactFunction &Fn) { ByUsr.try_emplace(Fn.Usr, Fn); }
  const FactFunction *find(llvm::StringRef Usr) const {
    auto It = ByUsr.find(Usr);
    return It == ByUsr.end() ? nullptr : &It->second;
  }
  bool empty() const { return ByUsr.empty(); }

private:
  llvm::StringMap<FactFunction> ByUsr;
};

llvm::json::Value toJSON(const TUFacts &F);
bool fromJSON(const llvm::json::Value &V, FactLocation &L, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactNote &N, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactStep &S, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactLock &L, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactNested &N, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactConditional &C, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactHeld &H, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactArg &A, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactCall &C, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactThrow &T, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactGuardLock &G, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactGuard &G, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactFunction &F, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactEdge &E, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactFinding &F, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactIfUncalled &U, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, HeldGuard &H, llvm::json::Path P);
bool fromJSON(const llvm::json::Value &V, FactAccess &A, llvm::json::Path P);
/// Parses facts JSON; errors name \p Origin and what is wrong.
llvm::Expected<TUFacts> parseFacts(llvm::StringRef Text, llvm::StringRef Origin);
llvm::Error writeFactsFile(const TUFacts &F, llvm::StringRef Path);
llvm::Expected<TUFacts> readFactsFile(llvm::StringRef Path);

} // namespace lockcheck

#endif
