//===- LockPath.cpp - canonical names for lock objects --------------------===//
#include "lockcheck/LockPath.h"
#include "lockcheck/ForeignGlobal.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace lockcheck {

const NamedDecl *LockPath::lockClassDecl() const {
  for (auto It = Steps.rbegin(); It != Steps.rend(); ++It)
    if (It->K == PathStep::Field || It->K == PathStep::Var ||
        It->K == PathStep::Call)
      return It->Decl;
  return nullptr;
}

const NamedDecl *LockPath::orderClassDecl() const {
  const NamedDecl *D = lockClassDecl();
  const auto *VD = dyn_cast_or_null<VarDecl>(D);
  if (!D || isa<FunctionDecl>(D) || (VD && !VD->hasGlobalStorage()))
    return nullptr;
  return D;
}

bool LockPath::isRelativeToCallee() const {
  if (Steps.empty())
    return false;
  const PathStep &Root = Steps.front();
  return Root.K == PathStep::This ||
         (Root.K == PathStep::Var && isa_and_nonnull<ParmVarDecl>(Root.Decl));
}

std::string LockPath::display() const {
  std::string S;
  bool PendingDeref = false;
  for (const PathStep &St : Steps) {
    switch (St.K) {
    case PathStep::Var:
      if (const auto *VD = dyn_cast<VarDecl>(St.Decl); VD && VD->isStaticDataMember())
        S = VD->getQualifiedNameAsString(); // Registry::s_mu
      else if (std::optional<ForeignOrigin> O = foreignOrigin(St.Decl))
        S = withOrigin(St.Decl->getNameAsString(), O->File);
      else
        S = St.Decl->getNameAsString();
      break;
    case PathStep::This:
      S = "this";
      break;
    case PathStep::Deref:
      if (PendingDeref)
        S = "*" + S;
      PendingDeref = true;
      continue;
    case PathStep::Field:
      if (S == "this")
        S = St.Decl->getNameAsString(); // implicit this-> is left out
      else
        S += (PendingDeref ? "->" : ".") + St.Decl->getNameAsString();
      break;
    case PathStep::Index:
      if (PendingDeref)
        S = "(*" + S + ")";
      S += "[" + (St.Decl ? St.Decl->getNameAsString() : std::to_string(St.Const)) + "]";
      break;
    case PathStep::Call:
      if (S.empty() || S == "this")
        S = St.Decl->getNameAsString() + "()";
      else
        S += (PendingDeref ? "->" : ".") + St.Decl->getNameAsString() + "()";
      break;
    }
    PendingDeref = false;
  }
  if (PendingDeref)
    S = "*" + S;
  return S;
}

void LockPathBuilder::addAlias(const ValueDecl *Var, const Expr *Init,
                               bool InitIsPointer) {
  Aliases[Var] = {Init, InitIsPointer, false};
}

LockPath LockPathBuilder::fromExpr(const Expr *E, bool IsPointer,
                                   const CallBinding *Binding) const {
  LockPath P;
  if (!E || !build(E, IsPointer, Binding, P, 0))
    P.Steps.clear();
  return P;
}

static const Expr *strip(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<CXXNamedCastExpr>(E)) {
      // static_cast<Base &>(x), const_cast: still the same object.
      if (C->getCastKind() == CK_NoOp || C->getCastKind() == CK_UncheckedDerivedToBase ||
          C->getCastKind() == CK_DerivedToBase) {
        E = C->getSubExpr();
        continue;
      }
    }
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    return E;
  }
}

bool LockPathBuilder::build(const Expr *E, bool IsPointer, const CallBinding *B,
                            LockPath &Out, unsigned Depth) const {
  if (Depth > 16)
    return false;
  E = strip(E);

  // A parameter of the callee evaluated at a call site: the caller's argument.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *PVD = dyn_cast<ParmVarDecl>(DRE->getDecl()); PVD && B) {
      auto It = B->Args.find(PVD);
      if (It != B->Args.end())
        return build(It->second, IsPointer, B->Outer, Out, Depth + 1);
    }
  }

  if (IsPointer) {
    if (const auto *UO = dyn_cast<UnaryOperator>(E);
        UO && UO->getOpcode() == UO_AddrOf)
      return build(UO->getSubExpr(), /*IsPointer=*/false, B, Out, Depth + 1);
    if (isa<CXXThisExpr>(E)) {
      if (B && B->ThisArg)
        return build(B->ThisArg, B->ThisIsPointer, B->Outer, Out, Depth + 1);
      Out.Steps.push_back({PathStep::This});
      return true;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      auto It = Aliases.find(DRE->getDecl());
      if (It != Aliases.end() && It->second.IsPointer)
        return build(It->second.Init, !It->second.PointsToObject, B, Out, Depth + 1);
    }
    // Smart pointers: p.get(), or the pointer value itself.
    if (!build(E, /*IsPointer=*/false, B, Out, Depth + 1))
      return false;
    Out.Steps.push_back({PathStep::Deref});
    return true;
  }

  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DRE->getDecl();
    auto It = Aliases.find(D);
    if (It != Aliases.end() && !It->second.IsPointer)
      return build(It->second.Init, false, B, Out, Depth + 1);
    if (!isa<VarDecl>(D))
      return false;
    Out.Steps.push_back({PathStep::Var, D});
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *MD = ME->getMemberDecl();
    if (const auto *VD = dyn_cast<VarDecl>(MD)) { // static data member
      Out.Steps.push_back({PathStep::Var, VD});
      return true;
    }
    if (!isa<FieldDecl>(MD))
      return false;
    if (!build(ME->getBase(), ME->isArrow(), B, Out, Depth + 1))
      return false;
    Out.Steps.push_back({PathStep::Field, MD});
    return true;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_Deref)
      return build(UO->getSubExpr(), true, B, Out, Depth + 1);
    return false;
  }
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = ASE->getBase();
    bool BaseIsPtr = strip(Base)->getType()->isPointerType();
    if (!build(Base, BaseIsPtr, B, Out, Depth + 1))
      return false;
    const Expr *Idx = strip(ASE->getIdx());
    if (const auto *IL = dyn_cast<IntegerLiteral>(Idx)) {
      Out.Steps.push_back({PathStep::Index, nullptr,
                           static_cast<int64_t>(IL->getValue().getLimitedValue())});
      return true;
    }
    if (const auto *IDRE = dyn_cast<DeclRefExpr>(Idx)) {
      Out.Steps.push_back({PathStep::Index, IDRE->getDecl()});
      return true;
    }
    return false; // an index we cannot name: not a trackable lock
  }
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E)) {
    // *sp and sp-> on smart pointers name the pointee.
    if ((OCE->getOperator() == OO_Star || OCE->getOperator() == OO_Arrow) &&
        OCE->getNumArgs() == 1) {
      if (!build(OCE->getArg(0), false, B, Out, Depth + 1))
        return false;
      Out.Steps.push_back({PathStep::Deref});
      return true;
    }
    return false;
  }
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
    // An accessor such as `obj.mutex()` returning a reference: name it by the
    // method, so every call of it means the same lock.
    const CXXMethodDecl *MD = MCE->getMethodDecl();
    if (!MD || MCE->getNumArgs() != 0 || !MD->getReturnType()->isReferenceType())
      return false;
    const Expr *Obj = MCE->getImplicitObjectArgument();
    if (!Obj)
      return false;
    bool ObjIsPtr = strip(Obj)->getType()->isPointerType();
    if (!build(Obj, ObjIsPtr, B, Out, Depth + 1))
      return false;
    // The canonical declaration: an attribute naming the accessor sees the
    // in-class declaration, a body after the out-of-line definition sees that.
    Out.Steps.push_back({PathStep::Call, MD->getCanonicalDecl()});
    return true;
  }
  if (const auto *CE = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || CE->getNumArgs() != 0 || !FD->getReturnType()->isReferenceType())
      return false;
    Out.Steps.push_back({PathStep::Call, FD->getCanonicalDecl()});
    return true;
  }
  return false;
}

} // namespace lockcheck
