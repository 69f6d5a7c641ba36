//===- ThrowModel.cpp - which calls may throw -----------------------------===//
#include "lockcheck/ThrowModel.h"
#include "lockcheck/Config.h"
#include "lockcheck/LockModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace lockcheck {

// Inference follows calls this deep; past it, a call is assumed to throw.
static constexpr unsigned MaxInferenceDepth = 6;

ThrowModel::ThrowModel(ASTContext &Ctx, const LockModel &Model, const Config &Cfg)
    : Model(Model), Cfg(Cfg),
      Enabled(Ctx.getLangOpts().CPlusPlus && Ctx.getLangOpts().CXXExceptions) {}

bool ThrowModel::declaredNoThrow(const FunctionDecl *FD) const {
  if (const auto *FPT = FD->getType()->getAs<FunctionProtoType>())
    if (FPT->isNothrow())
      return true;
  if (FD->hasAttr<NoThrowAttr>() || FD->isExternC() || FD->isInExternCContext())
    return true;
  if (isa<CXXDestructorDecl>(FD)) // destructors are noexcept unless declared otherwise
    return true;
  if (Model.isLockPrimitive(FD))
    return true;
  if (!Cfg.NoThrow.empty()) {
    std::string QN = FD->getQualifiedNameAsString();
    for (const std::string &G : Cfg.NoThrow)
      if (nameMatches(G, QN))
        return true;
  }
  return false;
}

bool ThrowModel::functionMayThrow(const FunctionDecl *FD) {
  if (!Enabled)
    return false;
  if (!FD)
    return true;
  FD = FD->getCanonicalDecl();
  if (declaredNoThrow(FD))
    return false;
  // A virtual call may reach an overrider we cannot see.
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->isVirtual() && !MD->hasAttr<FinalAttr>() && !MD->getParent()->hasAttr<FinalAttr>())
      return true;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def)
    return true;
  auto [It, New] = Memo.try_emplace(FD, 0);
  if (!New)
    return It->second != 1; // in progress (recursion) counts as may-throw
  if (Depth >= MaxInferenceDepth) {
    Memo.erase(FD);
    return true;
  }
  ++Depth;
  bool May = bodyMayThrow(Def->getBody());
  --Depth;
  Memo[FD] = May ? 2 : 1;
  return May;
}

bool ThrowModel::callMayThrow(const CallExpr *CE) {
  if (!Enabled)
    return false;
  if (const FunctionDecl *FD = CE->getDirectCallee())
    return functionMayThrow(FD);
  // Through a pointer: only the type can tell.
  QualType T = CE->getCallee()->getType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  if (const auto *FPT = T->getAs<FunctionProtoType>())
    return !FPT->isNothrow();
  return true;
}

bool ThrowModel::constructMayThrow(const CXXConstructExpr *CE) {
  if (!Enabled)
    return false;
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Ctor || Ctor->isTrivial())
    return false;
  if (Ctor->isDefaulted() && Ctor->getParent()->hasTrivialDefaultConstructor())
    return false;
  return functionMayThrow(Ctor);
}

bool ThrowModel::bodyMayThrow(const Stmt *Body) {
  llvm::SmallVector<const Stmt *, 32> Work;
  Work.push_back(Body);
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (isa<CXXThrowExpr>(S))
      return true;
    if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
      // A try whose handlers include catch (...) keeps its block's throws in.
      bool CatchAll = false;
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
        CatchAll |= Try->getHandler(I)->getExceptionDecl() == nullptr;
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
        Work.push_back(Try->getHandler(I)->getHandlerBlock());
      if (!CatchAll)
        Work.push_back(Try->getTryBlock());
      continue;
    }
    if (isa<LambdaExpr>(S))
      continue; // creating a closure runs none of its body
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      if (callMayThrow(CE))
        return true;
    } else if (const auto *CCE = dyn_cast<CXXConstructExpr>(S)) {
      if (constructMayThrow(CCE))
        return true;
    } else if (const auto *NE = dyn_cast<CXXNewExpr>(S)) {
      const FunctionDecl *OpNew = NE->getOperatorNew();
      if (!NE->shouldNullCheckAllocation() &&
          !(OpNew && OpNew->isReservedGlobalPlacementOperator()))
        return true; // std::bad_alloc
    } else if (const auto *DC = dyn_cast<CXXDynamicCastExpr>(S)) {
      if (DC->getType()->isReferenceType())
        return true; // std::bad_cast
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

} // namespace lockcheck
