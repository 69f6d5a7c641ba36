//===- DynamicTypes.cpp - arguments whose dynamic type is known ------------===//
#include "lockcheck/DynamicTypes.h"
#include "lockcheck/StmtWalk.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace lockcheck {
namespace {

/// At most this many parameters per function are considered.
constexpr unsigned MaxParams = 64;

/// The class a pointer or reference parameter's object has statically,
/// when a virtual call through it could run more than one overrider.
const CXXRecordDecl *polymorphicPointee(const ParmVarDecl *P) {
  QualType T = P->getType();
  if (const auto *PT = T->getAs<PointerType>())
    T = PT->getPointeeType();
  else if (const auto *RT = T->getAs<ReferenceType>())
    T = RT->getPointeeType();
  else
    return nullptr;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() && RD->getDefinition()->isPolymorphic() ? RD : nullptr;
}

/// The parameter \p E names, also through `&` or `*` (`h`, `&h`, `*p`); the
/// types of the call or member access keep a pointer and an object apart.
const ParmVarDecl *namedParam(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && (UO->getOpcode() == UO_AddrOf || UO->getOpcode() == UO_Deref))
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  return DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
}

/// The class of the object \p E names when that is all it can be: a
/// variable or a data member of class type, not a reference.
const CXXRecordDecl *exactObjectClass(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  const ValueDecl *D = nullptr;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    D = dyn_cast<VarDecl>(DRE->getDecl());
  else if (const auto *ME = dyn_cast<MemberExpr>(E))
    D = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!D || D->getType()->isReferenceType())
    return nullptr;
  const CXXRecordDecl *RD = D->getType()->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() ? RD->getDefinition() : nullptr;
}

/// The class bound to parameter \p P in \p In, or null.
const CXXRecordDecl *boundClass(const ParmVarDecl *P, BoundParams In) {
  if (!P || !In.Classes)
    return nullptr;
  const auto *Owner = dyn_cast<FunctionDecl>(P->getDeclContext());
  if (!Owner || Owner->getCanonicalDecl() != In.Fn)
    return nullptr; // a parameter of a lambda or block inside
  for (const ParamClass &B : *In.Classes)
    if (B.Param == P->getFunctionScopeIndex())
      return B.Class;
  return nullptr;
}

/// The exact class of the object argument \p Arg points or refers to.
const CXXRecordDecl *argumentClass(const Expr *Arg, BoundParams Caller) {
  const Expr *E = Arg->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    if (const CXXRecordDecl *RD = exactObjectClass(UO->getSubExpr()))
      return RD; // &obj
  if (const CXXRecordDecl *RD = exactObjectClass(E))
    return RD; // obj, to a reference
  return boundClass(namedParam(E), Caller); // passed on
}

} // namespace

uint64_t DynamicTypes::bindable(const FunctionDecl *Def) {
  auto [It, New] = Bindable.try_emplace(Def, 0);
  if (!New)
    return It->second;
  uint64_t Candidates = 0;
  for (unsigned I = 0; I < Def->getNumParams() && I < MaxParams; ++I)
    if (polymorphicPointee(Def->getParamDecl(I)))
      Candidates |= uint64_t(1) << I;
  if (!Candidates || Def->isDependentContext())
    return It->second = 0;
  auto bitOf = [&](const ParmVarDecl *P) -> uint64_t {
    if (!P || P->getDeclContext() != Def || P->getFunctionScopeIndex() >= MaxParams)
      return 0;
    return uint64_t(1) << P->getFunctionScopeIndex();
  };
  // A pointer parameter is kept when every mention reads its value: any
  // other (`p = q`, `&p`, a `T *&` argument, a capture by reference) may
  // point it elsewhere. A reference cannot be reseated. A parameter is of
  // use when a call is made through it or it is passed on.
  llvm::DenseSet<const DeclRefExpr *> Reads;
  uint64_t Written = 0, Used = 0;
  forEachStmt(Def->getBody(), [&](const Stmt *S) { // parents before children
    if (const auto *ICE = dyn_cast<ImplicitCastExpr>(S);
        ICE && ICE->getCastKind() == CK_LValueToRValue)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(ICE->getSubExpr()->IgnoreParens()))
        Reads.insert(DRE);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl());
          P && P->getType()->isPointerType() && !Reads.count(DRE))
        Written |= bitOf(P);
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(S))
      if (const Expr *Obj = MCE->getImplicitObjectArgument())
        Used |= bitOf(namedParam(Obj));
    if (const auto *CE = dyn_cast<CallExpr>(S))
      for (const Expr *A : CE->arguments())
        Used |= bitOf(namedParam(A));
    return false;
  });
  return It->second = Candidates & Used & ~Written;
}

ParamClasses DynamicTypes::bind(const FunctionDecl *Def, llvm::ArrayRef<const Expr *> Args,
                                BoundParams Caller) {
  ParamClasses Out;
  uint64_t Mask = bindable(Def);
  for (unsigned I = 0; Mask && I < Args.size() && I < Def->getNumParams() && I < MaxParams; ++I)
    if (Mask & (uint64_t(1) << I))
      if (const CXXRecordDecl *RD = argumentClass(Args[I], Caller))
        Out.push_back({I, RD->getCanonicalDecl()});
  return Out;
}

const CXXMethodDecl *DynamicTypes::target(const CXXMemberCallExpr *CE, BoundParams In) {
  const CXXMethodDecl *MD = CE->getMethodDecl();
  const Expr *Obj = CE->getImplicitObjectArgument();
  if (!MD || !Obj)
    return nullptr;
  const CXXRecordDecl *RD = boundClass(namedParam(Obj), In);
  if (!RD || !(RD = RD->getDefinition()))
    return nullptr;
  // Null when two bases each bring an overrider (no unique final one).
  return MD->getCorrespondingMethodInClass(RD);
}

} // namespace lockcheck
