//===- EntryPoints.cpp - obligations at functions nothing calls -----------===//
#include "lockcheck/EntryPoints.h"
#include "lockcheck/ImportResolver.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"
#include <set>
#include <tuple>

using namespace clang;

namespace lockcheck {

bool mayBeUncalledEntry(const FunctionDecl *FD) {
  return FD->isExternallyVisible() && !isa<CXXMethodDecl>(FD) && !FD->isMain() &&
         !FD->isInlined() && !FD->isReferenced() && !FD->isTemplateInstantiation();
}

namespace {
struct NameCollector : RecursiveASTVisitor<NameCollector> {
  const SourceManager &SM;
  llvm::function_ref<bool(const FunctionDecl *)> DefinedHere;
  std::set<std::string> Out;
  NameCollector(const SourceManager &SM, llvm::function_ref<bool(const FunctionDecl *)> D)
      : SM(SM), DefinedHere(D) {}

  bool TraverseDecl(Decl *D) {
    // The project's code only: system headers name nothing of it.
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  void add(const ValueDecl *D) {
    const auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD || DefinedHere(FD) || SM.isInSystemHeader(SM.getExpansionLoc(FD->getLocation())))
      return;
    if (std::string U = usrOf(FD->getCanonicalDecl()); !U.empty())
      Out.insert(std::move(U));
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    add(E->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    add(E->getMemberDecl());
    return true;
  }
};
} // namespace

std::vector<std::string>
namedFunctions(ASTContext &Ctx, llvm::function_ref<bool(const FunctionDecl *)> DefinedHere) {
  NameCollector C(Ctx.getSourceManager(), DefinedHere);
  C.TraverseDecl(Ctx.getTranslationUnitDecl());
  return {C.Out.begin(), C.Out.end()};
}

std::vector<std::vector<FactFinding>> uncalledEntryFindings(llvm::ArrayRef<const TUFacts *> TUs) {
  llvm::StringSet<> Named;
  for (const TUFacts *F : TUs)
    for (const std::string &U : F->Named)
      Named.insert(U);
  std::vector<std::vector<FactFinding>> Out(TUs.size());
  for (size_t I = 0; I < TUs.size(); ++I) {
    const TUFacts &F = *TUs[I];
    std::set<std::tuple<Check, std::string, int, int>> Reported;
    for (const FactFinding &Fd : F.Findings)
      Reported.insert({Fd.CheckKind, Fd.Loc.File, Fd.Loc.Line, Fd.Loc.Column});
    for (const FactIfUncalled &U : F.IfUncalled)
      if (!Named.contains(U.Usr) &&
          Reported.insert({U.Finding.CheckKind, U.Finding.Loc.File, U.Finding.Loc.Line,
                           U.Finding.Loc.Column})
              .second)
        Out[I].push_back(U.Finding);
  }
  return Out;
}

} // namespace lockcheck
