//===- CallTargets.cpp - which functions a function may call ---------------===//
#include "lockcheck/CallTargets.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace lockcheck {

void VirtualOverriders::add(const CXXMethodDecl *M) {
  if (!M->isVirtual())
    return;
  llvm::SmallVector<const CXXMethodDecl *, 4> Work(M->overridden_methods());
  llvm::SmallVector<const CXXMethodDecl *, 4> Seen;
  while (!Work.empty()) {
    const CXXMethodDecl *Base = Work.pop_back_val()->getCanonicalDecl();
    if (llvm::is_contained(Seen, Base))
      continue;
    Seen.push_back(Base);
    auto &List = Map[Base];
    if (!llvm::is_contained(List, M))
      List.push_back(M);
    Work.append(Base->overridden_methods().begin(), Base->overridden_methods().end());
  }
}

llvm::ArrayRef<const CXXMethodDecl *> VirtualOverriders::of(const CXXMethodDecl *Base) const {
  auto It = Map.find(Base->getCanonicalDecl());
  if (It == Map.end())
    return {};
  return It->second;
}

bool dispatchesVirtually(const CXXMemberCallExpr *CE) {
  const CXXMethodDecl *MD = CE->getMethodDecl();
  if (!MD || !MD->isVirtual() || MD->hasAttr<FinalAttr>() || MD->getParent()->hasAttr<FinalAttr>())
    return false;
  const auto *ME = dyn_cast<MemberExpr>(CE->getCallee()->IgnoreParens());
  if (ME && ME->hasQualifier()) // Base::f() calls exactly Base::f
    return false;
  const Expr *Obj = CE->getImplicitObjectArgument();
  // An object of a final class runs what its class has.
  if (Obj) {
    QualType T = Obj->IgnoreParenImpCasts()->getType(); // before a derived-to-base cast
    if (const auto *PT = T->getAs<PointerType>())
      T = PT->getPointeeType();
    if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl(); RD && RD->hasAttr<FinalAttr>())
      return false;
  }
  // An object (not a pointer or reference) has the dynamic type it names.
  if (!Obj || Obj->getType()->isPointerType())
    return true;
  Obj = Obj->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj))
    return DRE->getDecl()->getType()->isReferenceType();
  if (const auto *Member = dyn_cast<MemberExpr>(Obj))
    return Member->getMemberDecl()->getType()->isReferenceType() || Member->isArrow();
  return !isa<MaterializeTemporaryExpr>(Obj) && !isa<CXXTemporaryObjectExpr>(Obj);
}

const CXXDestructorDecl *destructorOf(QualType T) {
  if (T.isNull() || T->isReferenceType())
    return nullptr;
  while (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    T = AT->getElementType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->hasTrivialDestructor())
    return nullptr;
  return RD->getDestructor();
}

bool isStdThreadType(QualType T) {
  const auto *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && RD->getIdentifier() &&
         (RD->getName() == "thread" || RD->getName() == "jthread");
}

const FunctionDecl *threadStartFunction(const CXXConstructExpr *CE) {
  if (!CE || CE->getNumArgs() == 0 || !isStdThreadType(CE->getType()) ||
      isStdThreadType(CE->getArg(0)->getType())) // a move of another thread
    return nullptr;
  const Expr *Fn = CE->getArg(0)->IgnoreImplicit();
  if (const auto *L = dyn_cast<LambdaExpr>(Fn))
    return L->getCallOperator();
  if (const auto *UO = dyn_cast<UnaryOperator>(Fn); UO && UO->getOpcode() == UO_AddrOf)
    Fn = UO->getSubExpr()->IgnoreImplicit();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Fn))
    return dyn_cast<FunctionDecl>(DRE->getDecl());
  return nullptr;
}

void forEachCallee(const FunctionDecl *FD, const VirtualOverriders &Virtuals,
                   llvm::function_ref<void(const FunctionDecl *)> F) {
  auto Call = [&](const FunctionDecl *Callee) {
    if (Callee)
      F(Callee);
  };
  llvm::SmallVector<const Stmt *, 32> Work{FD->getBody()};
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Work.push_back(Init->getInit());
  if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(FD)) {
    const CXXRecordDecl *RD = Dtor->getParent();
    for (const FieldDecl *Field : RD->fields())
      Call(destructorOf(Field->getType()));
    for (const CXXBaseSpecifier &Base : RD->bases())
      Call(destructorOf(Base.getType()));
  }
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : LE->capture_inits())
        Work.push_back(Init);
      continue; // runs when called, and is a function of its own
    }
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      Call(CE->getDirectCallee());
      if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE); MCE && dispatchesVirtually(MCE))
        for (const CXXMethodDecl *Over : Virtuals.of(MCE->getMethodDecl()))
          Call(Over);
    } else if (const auto *CCE = dyn_cast<CXXConstructExpr>(S)) {
      Call(CCE->getConstructor());
      Call(threadStartFunction(CCE));
    } else if (const auto *BTE = dyn_cast<CXXBindTemporaryExpr>(S)) {
      Call(BTE->getTemporary()->getDestructor());
    } else if (const auto *DE = dyn_cast<CXXDeleteExpr>(S)) {
      Call(destructorOf(DE->getDestroyedType()));
    } else if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->hasLocalStorage())
          Call(destructorOf(VD->getType()));
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
}

} // namespace lockcheck
