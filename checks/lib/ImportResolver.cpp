//===- ImportResolver.cpp - other TUs' summaries, in this TU's terms ------===//
#include "lockcheck/ImportResolver.h"
#include "lockcheck/ClangCompat.h"
#include "lockcheck/ForeignGlobal.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"

using namespace clang;

namespace lockcheck {

std::string usrOf(const Decl *D) {
  if (std::optional<ForeignOrigin> O = foreignOrigin(D))
    return O->Usr;
  llvm::SmallString<128> Buf;
  if (index::generateUSRForDecl(D, Buf))
    return "";
  return std::string(Buf);
}

namespace {
struct GlobalCollector : RecursiveASTVisitor<GlobalCollector> {
  llvm::StringMap<const VarDecl *> &Out;
  explicit GlobalCollector(llvm::StringMap<const VarDecl *> &Out) : Out(Out) {}
  bool TraverseFunctionDecl(FunctionDecl *) { return true; } // no locals
  bool TraverseCXXMethodDecl(CXXMethodDecl *) { return true; }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD->hasGlobalStorage() && !VD->isLocalVarDecl())
      Out.try_emplace(usrOf(VD), VD);
    return true;
  }
};

const NamedDecl *memberNamed(QualType T, llvm::StringRef Name, bool WantField) {
  const RecordDecl *R = T.isNull() ? nullptr : T->getAsRecordDecl();
  if (!R || !R->getDefinition())
    return nullptr;
  R = R->getDefinition();
  if (WantField) // C structs too
    for (const FieldDecl *F : R->fields())
      if (F->getName() == Name)
        return F;
  const auto *RD = dyn_cast<CXXRecordDecl>(R);
  if (!RD)
    return nullptr;
  const NamedDecl *Found = nullptr;
  auto Scan = [&](const CXXRecordDecl *C) {
    for (const Decl *D : C->decls())
      if (const auto *ND = dyn_cast<NamedDecl>(D); ND && ND->getName() == Name &&
                                                    (WantField ? isa<FieldDecl>(ND)
                                                               : isa<CXXMethodDecl>(ND))) {
        Found = ND;
        return false;
      }
    return true;
  };
  if (Scan(RD))
    RD->forallBases(Scan);
  return Found;
}
} // namespace

const VarDecl *ImportResolver::globalByUsr(llvm::StringRef Usr) {
  if (!Globals) {
    Globals.emplace();
    GlobalCollector(*Globals).TraverseDecl(Ctx.getTranslationUnitDecl());
  }
  auto It = Globals->find(Usr);
  return It == Globals->end() ? nullptr : It->second;
}

std::optional<SummaryLock> ImportResolver::resolve(const FactLock &L,
                                                   const FunctionDecl *Callee) {
  LockDesc Out;
  QualType Cur;
  for (const FactStep &S : L.Path) {
    if (S.Kind == "this") {
      const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
      if (!MD)
        return std::nullopt;
      Out.Path.Steps.push_back({PathStep::This});
      Cur = compat::recordType(Ctx, MD->getParent());
    } else if (S.Kind == "param") {
      if (S.Index < 0 || static_cast<unsigned>(S.Index) >= Callee->getNumParams())
        return std::nullopt;
      const ParmVarDecl *PV = Callee->getParamDecl(S.Index);
      Out.Path.Steps.push_back({PathStep::Var, PV});
      Cur = PV->getType().getNonReferenceType();
    } else if (S.Kind == "global") {
      const VarDecl *VD = globalByUsr(S.Usr);
      if (!VD && !S.Usr.empty()) // private to its file, or declared elsewhere only
        VD = Foreign.try_emplace(S.Usr, makeForeignGlobal(Ctx, S.Name, S.Usr, S.File))
                 .first->second;
      if (!VD)
        return std::nullopt;
      Out.Path.Steps.push_back({PathStep::Var, VD});
      Cur = VD->getType().getNonReferenceType();
    } else if (S.Kind == "deref") {
      if (Cur.isNull() || !Cur->isPointerType())
        return std::nullopt;
      Out.Path.Steps.push_back({PathStep::Deref});
      Cur = Cur->getPointeeType();
    } else if (S.Kind == "field" || S.Kind == "call") {
      bool Field = S.Kind == "field";
      const NamedDecl *M =
          memberNamed(Cur, S.Name, Field);
      if (!M)
        return std::nullopt;
      Out.Path.Steps.push_back({Field ? PathStep::Field : PathStep::Call, M});
      Cur = Field ? cast<FieldDecl>(M)->getType()
                  : cast<CXXMethodDecl>(M)->getReturnType().getNonReferenceType();
    } else if (S.Kind == "index") {
      const ArrayType *AT = Cur.isNull() ? nullptr : Ctx.getAsArrayType(Cur);
      if (!AT)
        return std::nullopt;
      Out.Path.Steps.push_back({PathStep::Index, nullptr, S.Index});
      Cur = AT->getElementType();
    } else {
      return std::nullopt;
    }
  }
  if (Out.Path.empty() || Cur.isNull())
    return std::nullopt;
  Out.Traits.Recursive = L.Recursive;
  Out.Traits.KindName = Saver.save(L.Kind);
  Out.Display = L.Display;
  Out.DisplayIsPath = false;
  Out.LockType = Cur.getCanonicalType().getTypePtr();
  CallChain Chain;
  for (const FactNote &N : llvm::reverse(L.Chain)) { // a chain grows at its front
    clang::SourceLocation At = locate(N.Loc);
    Chain = CallChain({At, At.isValid() ? N.Message
                                        : N.Message + " (" + N.Loc.File + ":" +
                                              std::to_string(N.Loc.Line) + ":" +
                                              std::to_string(N.Loc.Column) + ")"},
                      Chain);
  }
  return SummaryLock(std::move(Out), L.Shared, std::move(Chain));
}

clang::SourceLocation ImportResolver::locate(const FactLocation &L) {
  SourceManager &SM = Ctx.getSourceManager();
  if (L.File.empty() || L.Line <= 0)
    return {};
  auto FE = SM.getFileManager().getOptionalFileRef(L.File);
  if (!FE)
    return {};
  FileID FID = SM.getOrCreateFileID(*FE, SrcMgr::C_User);
  if (FID.isInvalid())
    return {};
  return SM.translateLineCol(FID, L.Line, std::max(1, L.Column));
}

const FactFunction *ImportResolver::facts(const FunctionDecl *Callee) const {
  if (!Imported || Imported->empty())
    return nullptr;
  return Imported->find(usrOf(Callee->getCanonicalDecl()));
}

const FunctionSummary *ImportResolver::lookup(const FunctionDecl *Callee) {
  if (!Imported || Imported->empty())
    return nullptr;
  Callee = Callee->getCanonicalDecl();
  auto [It, New] = Cache.try_emplace(Callee);
  if (New) {
    if (const FactFunction *F = Imported->find(usrOf(Callee))) {
      FunctionSummary S;
      auto convert = [&](const std::vector<FactLock> &From,
                         llvm::SmallVectorImpl<SummaryLock> &To) {
        for (const FactLock &L : From)
          if (std::optional<SummaryLock> R = resolve(L, Callee))
            To.push_back(std::move(*R));
      };
      convert(F->Acquires, S.Acquires);
      convert(F->NetAcquired, S.NetAcquired);
      convert(F->NetReleased, S.NetReleased);
      for (const FactConditional &C : F->NetAcquiredIf)
        if (std::optional<SummaryLock> L = resolve(C.Lock, Callee))
          S.NetAcquiredIf.push_back(
              {std::move(*L), C.Success == "zero" ? SuccessValue::Zero : SuccessValue::True});
      for (const FactNested &N : F->Nested) {
        std::optional<SummaryLock> H = resolve(N.Held, Callee), A = resolve(N.Acquired, Callee);
        if (H && A)
          S.Nested.push_back({std::move(*H), std::move(*A)});
      }
      convert(F->MayRelease, S.MayRelease);
      convert(F->MayAcquire, S.MayAcquire);
      for (const FactGuardLock &G : F->Guard.Locks) {
        std::optional<SummaryLock> L = resolve(G.Lock, Callee), M = resolve(G.Member, Callee);
        if (!L || !M) { // a guard whose locks cannot all be named here is none
          S.Guard.Locks.clear();
          break;
        }
        S.Guard.Locks.push_back({std::move(*L), std::move(*M)});
      }
      S.Guard.Unlocker = F->Guard.Unlocker;
      It = Cache.try_emplace(Callee).first;
      It->second = std::move(S);
    }
  }
  return It->second ? &*It->second : nullptr;
}

} // namespace lockcheck
