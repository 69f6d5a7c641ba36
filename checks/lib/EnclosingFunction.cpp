//===- EnclosingFunction.cpp ----------------------------------------------===//
#include "lockcheck/EnclosingFunction.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace lockcheck {
namespace {

class DefinitionRanges : public RecursiveASTVisitor<DefinitionRanges> {
public:
  using Add = llvm::function_ref<void(SourceLocation, SourceLocation, const FunctionDecl *)>;
  DefinitionRanges(const SourceManager &SM, Add Found) : SM(SM), Found(Found) {}
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody())
      return true;
    SourceRange R = FD->getSourceRange();
    SourceLocation B = SM.getExpansionLoc(R.getBegin()), E = SM.getExpansionLoc(R.getEnd());
    if (B.isValid() && E.isValid() && SM.getFileID(B) == SM.getFileID(E) && !SM.isInSystemHeader(B))
      Found(B, E, FD);
    return true;
  }
  // An instantiation lies within its template's range: the template names it.
  bool shouldVisitTemplateInstantiations() const { return false; }

private:
  const SourceManager &SM;
  Add Found;
};

} // namespace

EnclosingFunctions::EnclosingFunctions(ASTContext &Ctx) : SM(Ctx.getSourceManager()) {
  DefinitionRanges(SM, [&](SourceLocation B, SourceLocation E, const FunctionDecl *FD) {
    Ranges.push_back({B, E, FD});
  }).TraverseDecl(Ctx.getTranslationUnitDecl());
}

std::string EnclosingFunctions::at(SourceLocation Loc) const {
  Loc = SM.getExpansionLoc(Loc);
  const Entry *Best = nullptr;
  for (const Entry &En : Ranges) {
    if (SM.getFileID(En.Begin) != SM.getFileID(Loc) ||
        SM.isBeforeInTranslationUnit(Loc, En.Begin) || SM.isBeforeInTranslationUnit(En.End, Loc))
      continue;
    if (!Best || SM.isBeforeInTranslationUnit(Best->Begin, En.Begin))
      Best = &En;
  }
  return Best ? Best->FD->getQualifiedNameAsString() : "";
}

} // namespace lockcheck
