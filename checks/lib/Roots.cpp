//===- Roots.cpp - where obligations stop ---------------------------------===//
#include "lockcheck/Roots.h"
#include "lockcheck/CallTargets.h"
#include "clang/AST/Decl.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace lockcheck {
namespace {

/// The function an argument names: `f`, `&f`, a lambda's call operator.
const FunctionDecl *namedFunction(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    E = MT->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *L = dyn_cast<LambdaExpr>(E))
    return L->getCallOperator();
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return dyn_cast<FunctionDecl>(DRE->getDecl());
  return nullptr;
}

/// The function a call starts a thread (or task) with.
const FunctionDecl *threadFunction(const CallExpr *CE) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  const IdentifierInfo *II = Callee ? Callee->getIdentifier() : nullptr;
  if (!II)
    return nullptr;
  llvm::StringRef N = II->getName();
  bool Global = Callee->getDeclContext()->getRedeclContext()->isTranslationUnit();
  if (Global && N == "pthread_create" && CE->getNumArgs() >= 3)
    return namedFunction(CE->getArg(2));
  if (Global && N == "thrd_create" && CE->getNumArgs() >= 2)
    return namedFunction(CE->getArg(1));
  if (Callee->isInStdNamespace() && N == "async")
    for (const Expr *A : CE->arguments())
      if (const FunctionDecl *F = namedFunction(A))
        return F;
  return nullptr;
}

} // namespace

bool isUnusedSharedHelper(const FunctionDecl *FD) {
  // Methods (lambdas' call operators among them) are no C helpers: whether
  // a member is named is not what decides whether it runs.
  if (FD->isExternallyVisible() || FD->isReferenced() || isa<CXXMethodDecl>(FD))
    return false;
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  return FD->isInlineSpecified() || !SM.isInMainFile(SM.getExpansionLoc(FD->getLocation()));
}

llvm::DenseSet<const FunctionDecl *> findRoots(const std::vector<const FunctionDecl *> &Fns) {
  llvm::DenseSet<const FunctionDecl *> Roots;
  for (const FunctionDecl *FD : Fns) {
    // main, and a function of this file's own (internal linkage) that
    // nothing in the TU names: no call, no address taken, no table entry.
    if (FD->isMain() || (!FD->isExternallyVisible() && !FD->isReferenced() &&
                         !isa<CXXMethodDecl>(FD) && !isUnusedSharedHelper(FD)))
      Roots.insert(FD->getCanonicalDecl());
    llvm::SmallVector<const Stmt *, 32> Work{FD->getBody()};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S)
        continue;
      const FunctionDecl *Started = nullptr;
      if (const auto *CE = dyn_cast<CallExpr>(S))
        Started = threadFunction(CE);
      else if (const auto *CCE = dyn_cast<CXXConstructExpr>(S))
        Started = threadStartFunction(CCE);
      if (Started)
        Roots.insert(Started->getCanonicalDecl());
      if (isa<LambdaExpr>(S))
        continue; // a function of its own, in Fns
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }
  return Roots;
}

} // namespace lockcheck
