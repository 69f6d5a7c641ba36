//===- FactsCollector.cpp - a TU's analysis results as Facts --------------===//
#include "lockcheck/FactsCollector.h"
#include "lockcheck/EnclosingFunction.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "lockcheck/ImportResolver.h"
#include "lockcheck/ForeignGlobal.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace lockcheck {
namespace {

class Converter {
public:
  explicit Converter(const SourceManager &SM) : SM(SM) {}

  FactLocation loc(SourceLocation L) const {
    FactLocation F;
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(L));
    if (P.isValid()) {
      F.File = P.getFilename();
      F.Line = P.getLine();
      F.Column = P.getColumn();
    }
    return F;
  }

  static std::string usr(const Decl *D) { return usrOf(D); }

  /// The main file a global with internal linkage belongs to ("" for any
  /// other): other TUs cannot name it, so their messages say where it is.
  std::string privateFile(const Decl *D) const {
    if (std::optional<ForeignOrigin> O = foreignOrigin(D))
      return O->File;
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || VD->isExternallyVisible() || VD->isStaticDataMember() ||
        !SM.isInMainFile(SM.getExpansionLoc(VD->getLocation())))
      return "";
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(VD->getLocation()));
    return P.isValid() ? llvm::sys::path::filename(P.getFilename()).str() : "";
  }

  FactLock lock(const SummaryLock &L) const {
    FactLock F;
    for (const PathStep &S : L.path().Steps) {
      FactStep Step;
      switch (S.K) {
      case PathStep::This:
        Step.Kind = "this";
        break;
      case PathStep::Var:
        if (const auto *PV = dyn_cast_or_null<ParmVarDecl>(S.Decl)) {
          Step.Kind = "param";
          Step.Name = PV->getNameAsString();
          Step.Index = PV->getFunctionScopeIndex();
        } else if (const auto *VD = dyn_cast_or_null<VarDecl>(S.Decl);
                   VD && !VD->hasGlobalStorage()) {
          Step.Kind = "local";
          Step.Name = VD->getNameAsString();
          Step.Usr = usr(VD);
        } else {
          Step.Kind = "global";
          Step.Name = S.Decl->getQualifiedNameAsString();
          Step.Usr = usr(S.Decl);
          Step.File = privateFile(S.Decl);
        }
        break;
      case PathStep::Field:
        Step.Kind = "field";
        Step.Name = S.Decl->getNameAsString();
        Step.Usr = usr(S.Decl);
        break;
      case PathStep::Deref:
        Step.Kind = "deref";
        break;
      case PathStep::Index:
        Step.Kind = "index";
        Step.Index = S.Const;
        break;
      case PathStep::Call:
        Step.Kind = "call";
        Step.Name = S.Decl->getNameAsString();
        Step.Usr = usr(S.Decl);
        break;
      }
      F.Path.push_back(std::move(Step));
    }
    F.Display = L.display();
    F.Kind = L.traits().KindName.str();
    F.Recursive = L.traits().Recursive;
    F.Shared = L.Shared;
    const NamedDecl *D = L.path().lockClassDecl();
    const auto *VD = dyn_cast_or_null<VarDecl>(D);
    if (D && !isa<FunctionDecl>(D) && !(VD && !VD->hasGlobalStorage()))
      F.LockClass = D->getQualifiedNameAsString();
    else if (L.lockType()) {
      PrintingPolicy Policy{LangOptions()};
      Policy.SuppressTagKeyword = true; // 'std::mutex', as the order graph spells it
      F.LockClass = QualType(L.lockType(), 0).getAsString(Policy);
    }
    for (const ChainStep &C : L.Chain)
      F.Chain.push_back({loc(C.Loc), C.Message});
    return F;
  }

  std::vector<FactLock> locks(llvm::ArrayRef<SummaryLock> Ls) const {
    std::vector<FactLock> Out;
    for (const SummaryLock &L : Ls)
      Out.push_back(lock(L));
    return Out;
  }

private:
  const SourceManager &SM;
};

} // namespace

TUFacts collectFacts(ASTContext &Ctx, const SummaryTable &Summaries,
                     const LockOrderGraph &Order, const ExternalCallLog &External,
                     llvm::ArrayRef<FunctionThrows> Throws) {
  const SourceManager &SM = Ctx.getSourceManager();
  Converter C(SM);
  TUFacts F;
  if (const FileEntry *Main = SM.getFileEntryForID(SM.getMainFileID()))
    F.MainFile = Main->tryGetRealPathName().str();
  llvm::DenseMap<const FunctionDecl *, std::vector<FactCall>> CallsOf;
  for (const ExternalCall &X : External.Calls) {
    FactCall Call;
    Call.CalleeUsr = Converter::usr(X.Callee);
    Call.CalleeName = X.Callee->getNameAsString();
    Call.Loc = C.loc(X.Loc);
    Call.Local = X.Local;
    Call.Imported = X.Imported;
    Call.Virtual = X.Virtual;
    for (const ExternalArg &A : X.Args)
      Call.Args.push_back({A.Index, A.Pointee, C.lock(A.Object)});
    for (const ExternalHeld &H : X.Held)
      Call.Held.push_back({C.lock(H.Lock), C.loc(H.Site), H.Definite});
    Call.Catches.assign(X.Catches.begin(), X.Catches.end());
    for (const ExternalHeld &H : X.LeaksIfThrows)
      Call.LeaksIfThrows.push_back({C.lock(H.Lock), C.loc(H.Site), H.Definite});
    CallsOf[X.Caller->getCanonicalDecl()].push_back(std::move(Call));
  }
  auto function = [&](const FunctionDecl *FD) {
    FactFunction Fn;
    Fn.Usr = Converter::usr(FD);
    Fn.Name = FD->getQualifiedNameAsString();
    Fn.Loc = C.loc(FD->getLocation());
    return Fn;
  };
  llvm::DenseMap<const FunctionDecl *, const FunctionThrows *> ThrowsOf;
  for (const FunctionThrows &T : Throws)
    ThrowsOf[T.Function->getCanonicalDecl()] = &T;
  auto addThrows = [&](const FunctionDecl *FD, FactFunction &Fn) {
    if (const FunctionThrows *T = ThrowsOf.lookup(FD)) {
      Fn.Throws = T->Types;
      Fn.ThrowsUnknown = T->Unknown;
      ThrowsOf.erase(FD);
    }
  };
  for (const auto &[FD, S] : Summaries) {
    auto Calls = CallsOf.find(FD);
    if (S.empty() && Calls == CallsOf.end() && !ThrowsOf.count(FD))
      continue;
    FactFunction Fn = function(FD);
    addThrows(FD, Fn);
    Fn.Acquires = C.locks(S.Acquires);
    Fn.NetAcquired = C.locks(S.NetAcquired);
    Fn.NetReleased = C.locks(S.NetReleased);
    for (const ConditionalAcquire &A : S.NetAcquiredIf)
      Fn.NetAcquiredIf.push_back(
          {C.lock(A.Lock), A.Success == SuccessValue::Zero ? "zero" : "true"});
    for (const NestedAcquire &N : S.Nested)
      Fn.Nested.push_back({C.lock(N.Held), C.lock(N.Acquired)});
    Fn.MayRelease = C.locks(S.MayRelease);
    Fn.MayAcquire = C.locks(S.MayAcquire);
    Fn.HeldOnEntry = C.locks(S.HeldOnEntry);
    Fn.Guard.Unlocker = S.Guard.Unlocker;
    for (const GuardLock &G : S.Guard.Locks)
      Fn.Guard.Locks.push_back({C.lock(G.Lock), C.lock(G.Member)});
    if (Calls != CallsOf.end()) {
      Fn.Calls = std::move(Calls->second);
      CallsOf.erase(Calls);
    }
    F.Functions.push_back(std::move(Fn));
  }
  // Functions that only throw (no locks, no calls into other TUs).
  for (const FunctionThrows &T : Throws) {
    const FunctionDecl *FD = T.Function->getCanonicalDecl();
    if (!ThrowsOf.count(FD))
      continue;
    FactFunction Fn = function(FD);
    addThrows(FD, Fn);
    F.Functions.push_back(std::move(Fn));
  }
  // DenseMap order is not stable from run to run; files should be.
  llvm::sort(F.Functions, [](const FactFunction &A, const FactFunction &B) {
    return std::tie(A.Loc.File, A.Loc.Line, A.Loc.Column, A.Usr) <
           std::tie(B.Loc.File, B.Loc.Line, B.Loc.Column, B.Usr);
  });
  F.Edges.reserve(Order.numEdges());
  for (size_t I = 0; I < Order.numEdges(); ++I) {
    OrderEdge E = Order.edge(I);
    FactEdge Out;
    Out.FromClass = E.FromClass;
    Out.ToClass = E.ToClass;
    Out.FromName = E.FromName;
    Out.ToName = E.ToName;
    Out.Kind = E.ToKind;
    Out.Loc = C.loc(E.Loc);
    for (const ChainStep &S : E.Chain)
      Out.Chain.push_back({C.loc(S.Loc), S.Message});
    Out.Declared = E.Declared;
    F.Edges.push_back(std::move(Out));
  }
  llvm::sort(F.Edges, [](const FactEdge &A, const FactEdge &B) {
    return std::tie(A.Loc.File, A.Loc.Line, A.Loc.Column, A.FromClass, A.ToClass) <
           std::tie(B.Loc.File, B.Loc.Line, B.Loc.Column, B.FromClass, B.ToClass);
  });
  return F;
}

std::vector<FactFinding> findingsAsFacts(const std::vector<Finding> &Findings,
                                         ASTContext &Ctx) {
  Converter C(Ctx.getSourceManager());
  std::vector<FactFinding> Out;
  if (Findings.empty())
    return Out;
  EnclosingFunctions Functions(Ctx);
  for (const Finding &F : Findings) {
    FactFinding Fd;
    Fd.Function = Functions.at(F.Loc);
    Fd.CheckKind = F.CheckKind;
    Fd.Loc = C.loc(F.Loc);
    Fd.Message = F.Message;
    Fd.Definite = F.Definite;
    for (const FindingNote &N : F.Notes)
      Fd.Notes.push_back({C.loc(N.Loc), N.Message});
    Out.push_back(std::move(Fd));
  }
  return Out;
}

} // namespace lockcheck
