//===- Facts.cpp - facts JSON, written and read with llvm::json -----------===//
#include "lockcheck/Facts.h"
#include "lockcheck/JsonLimits.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

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
    // Exception routing: left out when there is nothing to say.
    if (!C.Catches.empty())
      O["catches"] = json::Array(C.Catches);
    if (!C.LeaksIfThrows.empty())
      O["leaksIfThrows"] = heldToJSON(C.LeaksIfThrows);
    A.push_back(std::move(O));
  }
  return A;
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
         O.mapOptional("usr", S.Usr) && O.mapOptional("index", S.Index);
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
         O.mapOptional("catches", C.Catches) &&
         O.mapOptional("leaksIfThrows", C.LeaksIfThrows);
}
bool fromJSON(const json::Value &V, FactThrow &T, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("type", T.Type) && O.map("bases", T.Bases);
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
  // `mayRelease` and `guard` are written only when not empty.
  return O && O.map("usr", F.Usr) && O.map("name", F.Name) && O.map("location", F.Loc) &&
         O.map("acquires", F.Acquires) && O.map("returnsHolding", F.NetAcquired) &&
         O.map("releasesForCaller", F.NetReleased) &&
         O.map("returnsHoldingIf", F.NetAcquiredIf) && O.map("nested", F.Nested) &&
         O.map("calls", F.Calls) && O.mapOptional("throws", F.Throws) &&
         O.mapOptional("throwsUnknown", F.ThrowsUnknown) &&
         O.mapOptional("mayRelease", F.MayRelease) &&
         O.mapOptional("guard", F.Guard);
}
bool fromJSON(const json::Value &V, FactEdge &E, json::Path P) {
  json::ObjectMapper O(V, P);
  return O && O.map("fromClass", E.FromClass) && O.map("toClass", E.ToClass) &&
         O.map("fromName", E.FromName) && O.map("toName", E.ToName) &&
         O.map("kind", E.Kind) && O.map("location", E.Loc) && O.map("chain", E.Chain) &&
         O.map("declared", E.Declared);
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

json::Value toJSON(const TUFacts &F) {
  json::Array Functions, Edges, Findings;
  for (const FactFinding &Fd : F.Findings)
    Findings.push_back(json::Object{{"check", checkName(Fd.CheckKind)},
                                    {"location", locToJSON(Fd.Loc)},
                                    {"message", Fd.Message},
                                    {"definite", Fd.Definite},
                                    {"function", Fd.Function},
                                    {"notes", notesToJSON(Fd.Notes)}});
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
      for (const FactThrow &T : Fn.Throws)
        Throws.push_back(json::Object{{"type", T.Type}, {"bases", json::Array(T.Bases)}});
      O["throws"] = std::move(Throws);
    }
    if (Fn.ThrowsUnknown)
      O["throwsUnknown"] = true;
    if (!Fn.MayRelease.empty())
      O["mayRelease"] = locksToJSON(Fn.MayRelease);
    if (!Fn.Guard.empty())
      O["guard"] = guardToJSON(Fn.Guard);
    Functions.push_back(std::move(O));
  }
  for (const FactEdge &E : F.Edges)
    Edges.push_back(json::Object{{"fromClass", E.FromClass}, {"toClass", E.ToClass},
                                 {"fromName", E.FromName},   {"toName", E.ToName},
                                 {"kind", E.Kind},           {"location", locToJSON(E.Loc)},
                                 {"chain", notesToJSON(E.Chain)}, {"declared", E.Declared}});
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
                      {"lockOrderEdges", std::move(Edges)},
                      {"findings", std::move(Findings)},
                      {"externalCalls", json::Array(F.ExternalCalls)},
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
      !O.map("lockOrderEdges", F.Edges) || !O.map("findings", F.Findings) ||
      !O.map("externalCalls", F.ExternalCalls) || !O.mapOptional("accesses", F.Accesses) ||
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
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buf = MemoryBuffer::getFile(Path);
  if (!Buf)
    return createStringError(Buf.getError(), "cannot read facts file '%s': %s",
                             Path.str().c_str(), Buf.getError().message().c_str());
  return parseFacts((*Buf)->getBuffer(), Path);
}

} // namespace lockcheck
