//===- Facts.cpp - facts JSON, written and read with llvm::json -----------===//
#include "lockcheck/Facts.h"
#include "lockcheck/BoundedRead.h"
#include "lockcheck/JsonLimits.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"
#include <map>

using namespace llvm;

namespace lockcheck {
namespace {

json::Value locToJSON(const FactLocation &L) {
  return json::Object{{"file", L.File}, {"line", L.Line}, {"column", L.Column}};
}
json::Value notesToJSON(const std::vector<FactNote> &Notes) {
  json::Array A;
  for (const FactNote &N : Notes)
    A.push_back(json::Object{{"location", locToJSON(N.Loc)}, {"message", N.Message}});
  return A;
}
json::Value lockToJSON(const FactLock &L) {
  json::Array Path;
  for (const FactStep &S : L.Path) {
    json::Object O{{"kind", S.Kind}};
    if (!S.Name.empty())
      O["name"] = S.Name;
    if (!S.Usr.empty())
      O["usr"] = S.Usr;
    if (!S.File.empty())
      O["file"] = S.File;
    if (S.Kind == "param" || S.Kind == "index")
      O["index"] = S.Index;
    Path.push_back(std::move(O));
  }
  return json::Object{{"path", std::move(Path)}, {"display", L.Display}, {"kind", L.Kind},
                      {"class", L.LockClass}, {"recursive", L.Recursive},
                      {"shared", L.Shared}, {"chain", notesToJSON(L.Chain)}};
}
json::Value locksToJSON(const std::vector<FactLock> &Locks) {
  json::Array A;
  for (const FactLock &L : Locks)
    A.push_back(lockToJSON(L));
  return A;
}
json::Value nestedToJSON(const std::vector<FactNested> &Nested) {
  json::Array A;
  for (const FactNested &N : Nested)
    A.push_back(json::Object{{"held", lockToJSON(N.Held)}, {"acquired", lockToJSON(N.Acquired)}});
  return A;
}
json::Value conditionalsToJSON(const std::vector<FactConditional> &Cs) {
  json::Array A;
  for (const FactConditional &C : Cs)
    A.push_back(json::Object{{"lock", lockToJSON(C.Lock)}, {"success", C.Success}});
  return A;
}
json::Value heldToJSON(const std::vector<FactHeld> &Held) {
  json::Array A;
  for (const FactHeld &H : Held)
    A.push_back(json::Object{{"lock", lockToJSON(H.Lock)},
                             {"site", locToJSON(H.Site)},
                             {"definite", H.Definite}});
  return A;
}

json::Value guardToJSON(const FactGuard &G) {
  json::Array Locks;
  for (const FactGuardLock &L : G.Locks)
    Locks.push_back(json::Object{{"lock", lockToJSON(L.Lock)}, {"member", lockToJSON(L.Member)}});
  return json::Object{{"unlocker", G.Unlocker}, {"locks", std::move(Locks)}};
}
json::Value callsToJSON(const std::vector<FactCall> &Calls) {
  json::Array A;
  for (const FactCall &C : Calls) {
    json::Array Args;
    for (const FactArg &Arg : C.Args)
      Args.push_back(json::Object{
          {"index", Arg.Index}, {"pointee", Arg.Pointee}, {"object", lockToJSON(Arg.Object)}});
    json::Object O{{"callee", C.CalleeUsr},
                   {"calleeName", C.CalleeName},
                   {"location", locToJSON(C.Loc)},
                   {"args", std::move(Args)},
                   {"held", heldToJSON(C.Held)},
                   {"local", C.Local},
                   {"imported", C.Imported}};
    if (C.Virtual)
      O["virtual"] = true;
    // Exception routing: left out when there is nothing to say.
    if (!C.Catches.empty())
      O["catches"] = json::Array(C.Catches);
    if (!C.LeaksIfThrows.empty())
      O["leaksIfThrows"] = heldToJSON(C.LeaksIfThrows);
    A.push_back(std::move(O));
  }
  return A;
}

/// Edges that differ only in the lock held: one acquisition.
bool sameAcquisition(const FactEdge &A, const FactEdge &B) {
  return A.ToClass == B.ToClass && A.ToName == B.ToName && A.Kind == B.Kind &&
         A.Loc == B.Loc && A.Chain == B.Chain && A.Declared == B.Declared;
}

/// The edges as the "orderLocks" table and the "lockOrder" acquisitions
/// (docs/facts-format.md): a function holding 150 locks in one order has
/// 11,175 edges but 149 acquisitions, and one object per edge made 3 MB of
/// a 3.4 MB file, most of the cost of writing and merging it. Runs of edges
/// with one acquisition (the writer sorts them by location) become one entry
/// listing the locks held there by number.
std::pair<json::Array, json::Array> orderToJSON(const std::vector<FactEdge> &Edges) {
  json::Array Locks, Acquisitions;
  std::map<std::pair<StringRef, StringRef>, int64_t> Numbers;
  auto number = [&](const std::string &Class, const std::string &Name) {
    auto [It, New] = Numbers.try_emplace({Class, Name}, int64_t(Locks.size()));
    if (New)
      Locks.push_back(json::Object{{"class", Class}, {"name", Name}});
    return It->second;
  };
  for (size_t I = 0; I < Edges.size();) {
    const FactEdge &E = Edges[I];
    json::Array From;
    for (; I < Edges.size() && sameAcquisition(Edges[I], E); ++I)
      From.push_back(number(Edges[I].FromClass, Edges[I].FromName));
    Acquisitions.push_back(json::Object{{"to", number(E.ToClass, E.ToName)},
                                        {"from", std::move(From)},
                                        {"kind", E.Kind},
                                        {"location", locToJSON(E.Loc)},
                                        {"chain", notesToJSON(E.Chain)},
                                        {"declared", E.Declared}});
  }
  return {std::move(Locks), std::move(Acquisitions)};
}

} // namespace

// Reading (found by argument-dependent lookup, so outside the anonymous
// namespace): every field is required, so a truncated or foreign file fails
// loudly with the path of the bad field.
bool fromJSON(const json::Value &V, FactLocation &L, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("file", L.File) && O.map("line", L.Line) && O.map("column", L.Column);
}
bool fromJSON(const json::Value &V, FactNote &N, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("location", N.Loc) && O.map("message", N.Message);
}
bool fromJSON(const json::Value &V, FactStep &S, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("kind", S.Kind) && O.mapOptional("name", S.Name) &&
         O.mapOptional("usr", S.Usr) && O.mapOptional("file", S.File) &&
         O.mapOptional("index", S.Index);
}
bool fromJSON(const json::Value &V, FactLock &L, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("path", L.Path) && O.map("display", L.Display) &&
         O.map("kind", L.Kind) && O.map("class", L.LockClass) &&
         O.map("recursive", L.Recursive) && O.map("shared", L.Shared) &&
         O.map("chain", L.Chain);
}
bool fromJSON(const json::Value &V, FactNested &N, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("held", N.Held) && O.map("acquired", N.Acquired);
}
bool fromJSON(const json::Value &V, FactConditional &C, json::Path P) {
  json::ObjectMapper O(V, P);
  if (!O || !O.map("lock", C.Lock) || !O.map("success", C.Success))
    return false;
  if (C.Success != "zero" && C.Success != "true") {
    P.field("success").report("expected \"zero\" or \"true\"");
    return false;
  }
  return true;
}
bool fromJSON(const json::Value &V, FactHeld &H, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("lock", H.Lock) && O.map("site", H.Site) && O.map("definite", H.Definite);
}
bool fromJSON(const json::Value &V, FactArg &A, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("index", A.Index) && O.map("pointee", A.Pointee) &&
         O.map("object", A.Object);
}
bool fromJSON(const json::Value &V, FactCall &C, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("callee", C.CalleeUsr) && O.map("calleeName", C.CalleeName) &&
         O.map("location", C.Loc) && O.map("args", C.Args) && O.map("held", C.Held) &&
         O.map("local", C.Local) && O.map("imported", C.Imported) &&
         O.mapOptional("virtual", C.Virtual) && O.mapOptional("catches", C.Catches) &&
         O.mapOptional("leaksIfThrows", C.LeaksIfThrows);
}
bool fromJSON(const json::Value &V, FactThrow &T, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("type", T.Type) && O.map("bases", T.Bases) &&
         O.mapOptional("from", T.From) && O.mapOptional("in", T.In);
}
bool fromJSON(const json::Value &V, FactGuardLock &G, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("lock", G.Lock) && O.map("member", G.Member);
}
bool fromJSON(const json::Value &V, FactGuard &G, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("unlocker", G.Unlocker) && O.map("locks", G.Locks);
}
bool fromJSON(const json::Value &V, FactFunction &F, json::Path P) {
  json::ObjectMapper O(V, P);
  // `mayRelease`, `mayAcquire` and `guard` are written only when not empty.
  return O && O.map("usr", F.Usr) && O.map("name", F.Name) && O.map("location", F.Loc) &&
         O.map("acquires", F.Acquires) && O.map("returnsHolding", F.NetAcquired) &&
         O.map("releasesForCaller", F.NetReleased) &&
         O.map("returnsHoldingIf", F.NetAcquiredIf) && O.map("nested", F.Nested) &&
         O.map("calls", F.Calls) && O.mapOptional("throws", F.Throws) &&
         O.mapOptional("throwsUnknown", F.ThrowsUnknown) &&
         O.mapOptional("mayRelease", F.MayRelease) &&
         O.mapOptional("mayAcquire", F.MayAcquire) &&
         O.mapOptional("heldOnEntry", F.HeldOnEntry) &&
         O.mapOptional("guard", F.Guard);
}
/// One entry of "orderLocks".
struct OrderLock {
  std::string Class, Name;
};
bool fromJSON(const json::Value &V, OrderLock &L, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("class", L.Class) && O.map("name", L.Name);
}

/// Expands "lockOrder" into edges, in the order written. The numbers must
/// name entries of "orderLocks"; the edges' text must stay within what a
/// facts file may hold (a few bytes of numbers could otherwise stand for
/// gigabytes of repeated names).
static bool orderFromJSON(const json::Object &Facts, std::vector<FactEdge> &Edges,
                          json::Path P) {
  std::vector<OrderLock> Locks;
  const json::Value *Table = Facts.get("orderLocks"), *Order = Facts.get("lockOrder");
  if (!Table || !Order) {
    P.field(Table ? "lockOrder" : "orderLocks").report("missing value");
    return false;
  }
  if (!fromJSON(*Table, Locks, P.field("orderLocks")))
    return false;
  const json::Array *Acquisitions = Order->getAsArray();
  if (!Acquisitions) {
    P.field("lockOrder").report("expected array");
    return false;
  }
  auto lock = [&](const json::Value &V, json::Path At) -> const OrderLock * {
    std::optional<int64_t> N = V.getAsInteger();
    if (!N || *N < 0 || uint64_t(*N) >= Locks.size()) {
      At.report("expected the number of an entry of orderLocks");
      return nullptr;
    }
    return &Locks[*N];
  };
  size_t Bytes = 0;
  json::Path OrderPath = P.field("lockOrder"); // a Path points to its parent
  for (size_t I = 0; I < Acquisitions->size(); ++I) {
    json::Path At = OrderPath.index(I);
    const json::Value &V = (*Acquisitions)[I];
    json::ObjectMapper O(V, At);
    FactEdge Proto;
    const json::Value *To = V.getAsObject() ? V.getAsObject()->get("to") : nullptr;
    const json::Array *From = V.getAsObject() ? V.getAsObject()->getArray("from") : nullptr;
    if (!O || !O.map("kind", Proto.Kind) || !O.map("location", Proto.Loc) ||
        !O.map("chain", Proto.Chain) || !O.map("declared", Proto.Declared))
      return false;
    if (!To) {
      At.field("to").report("missing value");
      return false;
    }
    if (!From) {
      At.field("from").report("expected array");
      return false;
    }
    const OrderLock *ToLock = lock(*To, At.field("to"));
    if (!ToLock)
      return false;
    Proto.ToClass = ToLock->Class;
    Proto.ToName = ToLock->Name;
    size_t Shared = sizeof(FactEdge) + Proto.ToClass.size() + Proto.ToName.size() +
                    Proto.Kind.size() + Proto.Loc.File.size();
    for (const FactNote &N : Proto.Chain)
      Shared += sizeof(FactNote) + N.Loc.File.size() + N.Message.size();
    for (size_t J = 0; J < From->size(); ++J) {
      const OrderLock *FromLock = lock((*From)[J], At.field("from").index(J));
      if (!FromLock)
        return false;
      Bytes += Shared + FromLock->Class.size() + FromLock->Name.size();
      if (Bytes > MaxFactsBytes) {
        static_assert(MaxFactsBytes == size_t(1) << 30, "the message says 1 GiB");
        At.report("the order edges come to more than the 1 GiB a facts file may hold");
        return false;
      }
      Edges.push_back(Proto);
      Edges.back().FromClass = FromLock->Class;
      Edges.back().FromName = FromLock->Name;
    }
  }
  return true;
}

bool fromJSON(const json::Value &V, FactIfUncalled &U, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("usr", U.Usr) && O.map("finding", U.Finding);
}
bool fromJSON(const json::Value &V, FactFinding &F, json::Path P) {
  json::ObjectMapper O(V, P);
  std::string Name;
  if (!O || !O.map("check", Name))
    return false;
  std::optional<Check> C = checkFromName(Name);
  if (!C) {
    P.field("check").report("unknown check");
    return false;
  }
  F.CheckKind = *C;
  return O.map("location", F.Loc) && O.map("message", F.Message) &&
         O.map("definite", F.Definite) && O.map("function", F.Function) &&
         O.map("notes", F.Notes);
}

bool fromJSON(const json::Value &V, HeldGuard &H, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("key", H.Key) && O.map("display", H.Display) &&
         O.map("exclusive", H.Exclusive);
}
bool fromJSON(const json::Value &V, FactAccess &A, json::Path P) {
  json::ObjectMapper O(V, P);
  VarAccess &X = A.Access;
  return O && O.map("var", X.Var) && O.map("name", X.VarName) &&
         O.map("annotated", X.AnnotatedKey) && O.map("annotatedDisplay", X.AnnotatedDisplay) &&
         O.map("write", X.Write) && O.map("initOnly", X.InitOnly) &&
         O.map("indeterminate", X.Indeterminate) && O.map("held", X.Held) &&
         O.map("location", A.Loc) && O.map("function", A.Function);
}
static bool fromJSON(const json::Value &V, GuardThresholds &T, json::Path P) {
  json::ObjectMapper O(V, P);
  int64_t Min = T.MinAccesses, Percent = T.MinPercent;
  if (!O || !O.map("minAccesses", Min) || !O.map("minPercent", Percent) ||
      !O.map("reads", T.Reads))
    return false;
  if (Min < 1 || Percent < 1 || Percent > 100) {
    P.report("thresholds out of range");
    return false;
  }
  T.MinAccesses = unsigned(Min);
  T.MinPercent = unsigned(Percent);
  return true;
}

static json::Value findingToJSON(const FactFinding &Fd) {
  return json::Object{{"check", checkName(Fd.CheckKind)}, {"location", locToJSON(Fd.Loc)},
                      {"message", Fd.Message},          {"definite", Fd.Definite},
                      {"function", Fd.Function},        {"notes", notesToJSON(Fd.Notes)}};
}

json::Value toJSON(const TUFacts &F) {
  json::Array Functions, Findings, IfUncalled;
  for (const FactFinding &Fd : F.Findings)
    Findings.push_back(findingToJSON(Fd));
  for (const FactIfUncalled &U : F.IfUncalled)
    IfUncalled.push_back(json::Object{{"usr", U.Usr}, {"finding", findingToJSON(U.Finding)}});
  for (const FactFunction &Fn : F.Functions) {
    json::Object O{{"usr", Fn.Usr},
                   {"name", Fn.Name},
                   {"location", locToJSON(Fn.Loc)},
                   {"acquires", locksToJSON(Fn.Acquires)},
                   {"returnsHolding", locksToJSON(Fn.NetAcquired)},
                   {"releasesForCaller", locksToJSON(Fn.NetReleased)},
                   {"returnsHoldingIf", conditionalsToJSON(Fn.NetAcquiredIf)},
                   {"nested", nestedToJSON(Fn.Nested)},
                   {"calls", callsToJSON(Fn.Calls)}};
    if (!Fn.Throws.empty()) {
      json::Array Throws;
      for (const FactThrow &T : Fn.Throws) {
        json::Object TO{{"type", T.Type}, {"bases", json::Array(T.Bases)}};
        if (!T.From.empty())
          TO["from"] = T.From;
        if (!T.In.empty())
          TO["in"] = T.In;
        Throws.push_back(std::move(TO));
      }
      O["throws"] = std::move(Throws);
    }
    if (Fn.ThrowsUnknown)
      O["throwsUnknown"] = true;
    if (!Fn.MayRelease.empty())
      O["mayRelease"] = locksToJSON(Fn.MayRelease);
    if (!Fn.MayAcquire.empty())
      O["mayAcquire"] = locksToJSON(Fn.MayAcquire);
    if (!Fn.HeldOnEntry.empty())
      O["heldOnEntry"] = locksToJSON(Fn.HeldOnEntry);
    if (!Fn.Guard.empty())
      O["guard"] = guardToJSON(Fn.Guard);
    Functions.push_back(std::move(O));
  }
  std::pair<json::Array, json::Array> Order = orderToJSON(F.Edges);
  json::Array Accesses;
  for (const FactAccess &A : F.Accesses) {
    json::Array Held;
    for (const HeldGuard &H : A.Access.Held)
      Held.push_back(
          json::Object{{"key", H.Key}, {"display", H.Display}, {"exclusive", H.Exclusive}});
    Accesses.push_back(json::Object{{"var", A.Access.Var},
                                    {"name", A.Access.VarName},
                                    {"annotated", A.Access.AnnotatedKey},
                                    {"annotatedDisplay", A.Access.AnnotatedDisplay},
                                    {"write", A.Access.Write},
                                    {"initOnly", A.Access.InitOnly},
                                    {"indeterminate", A.Access.Indeterminate},
                                    {"held", std::move(Held)},
                                    {"location", locToJSON(A.Loc)},
                                    {"function", A.Function}});
  }
  return json::Object{{"format", "lockcheck-facts"},
                      {"version", FactsVersion},
                      {"mainFile", F.MainFile},
                      {"functions", std::move(Functions)},
                      {"orderLocks", std::move(Order.first)},
                      {"lockOrder", std::move(Order.second)},
                      {"findings", std::move(Findings)},
                      {"externalCalls", json::Array(F.ExternalCalls)},
                      {"named", json::Array(F.Named)},
                      {"ifUncalled", std::move(IfUncalled)},
                      {"accesses", std::move(Accesses)},
                      {"guardThresholds", json::Object{{"minAccesses", F.Guards.MinAccesses},
                                                       {"minPercent", F.Guards.MinPercent},
                                                       {"reads", F.Guards.Reads}}}};
}

Expected<TUFacts> parseFacts(StringRef Text, StringRef Origin) {
  auto fail = [&](const Twine &Why) {
    return createStringError(inconvertibleErrorCode(), "%s: %s", Origin.str().c_str(),
                             Why.str().c_str());
  };
  if (std::optional<std::string> Problem = jsonLimitProblem(Text, MaxFactsBytes))
    return fail("not a facts file lockcheck wrote: " + *Problem);
  Expected<json::Value> V = json::parse(Text);
  if (!V)
    return fail("not valid JSON: " + toString(V.takeError()));
  const json::Object *Obj = V->getAsObject();
  if (!Obj || Obj->getString("format") != "lockcheck-facts")
    return fail("not a lockcheck facts file (expected \"format\": \"lockcheck-facts\")");
  const json::Value *Version = Obj->get("version");
  if (!Version)
    return fail("no facts version; this lockcheck reads version " +
                std::to_string(FactsVersion));
  if (Version->getAsInteger() != FactsVersion) {
    std::string Found;
    raw_string_ostream(Found) << *Version; // 3.5, "3", ... as written
    return fail("facts version " + Found + " is not supported; this lockcheck reads version " +
                std::to_string(FactsVersion));
  }
  TUFacts F;
  json::Path::Root Root("facts");
  json::ObjectMapper O(*V, Root);
  if (!O.map("mainFile", F.MainFile) || !O.map("functions", F.Functions) ||
      !orderFromJSON(*Obj, F.Edges, Root) || !O.map("findings", F.Findings) ||
      !O.map("externalCalls", F.ExternalCalls) || !O.map("named", F.Named) ||
      !O.map("ifUncalled", F.IfUncalled) || !O.mapOptional("accesses", F.Accesses) ||
      !O.mapOptional("guardThresholds", F.Guards)) {
    std::string Msg;
    raw_string_ostream OS(Msg);
    Root.printErrorContext(*V, OS);
    return fail("malformed: " + toString(Root.getError()));
  }
  return F;
}

Error writeFactsFile(const TUFacts &F, StringRef Path) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
  if (EC)
    return createStringError(EC, "cannot write facts file '%s': %s", Path.str().c_str(),
                             EC.message().c_str());
  OS << formatv("{0:2}", toJSON(F)) << "\n";
  OS.close();
  if (OS.has_error()) { // a full disk, a quota: say so rather than abort
    EC = OS.error();
    OS.clear_error();
    // Half a facts file would only fail later, in `lockcheck merge`.
    if (sys::fs::is_regular_file(Path))
      sys::fs::remove(Path);
    return createStringError(EC, "cannot write facts file '%s': %s", Path.str().c_str(),
                             EC.message().c_str());
  }
  return Error::success();
}

Expected<TUFacts> readFactsFile(StringRef Path) {
  BoundedFile F = readFileBounded(Path, MaxFactsBytes);
  if (F.Error)
    return createStringError(F.Error, "cannot read facts file '%s': %s", Path.str().c_str(),
                             F.Error.message().c_str());
  if (!F.TooLarge.empty())
    return createStringError(inconvertibleErrorCode(), "%s: not a facts file lockcheck wrote: %s",
                             Path.str().c_str(), F.TooLarge.c_str());
  return parseFacts(F.text(), Path);
}

} // namespace lockcheck
