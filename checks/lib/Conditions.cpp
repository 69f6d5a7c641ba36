//===- Conditions.cpp - what a branch tells about locks -------------------===//
#include "lockcheck/Conditions.h"
#include "llvm/ADT/StringSwitch.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/FoldingSet.h"

using namespace clang;

namespace lockcheck {

static std::optional<int64_t> constantOf(const Expr *E, const ASTContext &Ctx) {
  E = E->IgnoreParenImpCasts();
  if (isa<CXXNullPtrLiteralExpr>(E) || isa<GNUNullExpr>(E))
    return 0;
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  // C's NULL, `((void *)0)`.
  if (E->getType()->isPointerType() &&
      E->isNullPointerConstant(const_cast<ASTContext &>(Ctx), Expr::NPC_ValueDependentIsNotNull))
    return 0;
  Expr::EvalResult R;
  if (E->EvaluateAsInt(R, Ctx, Expr::SE_NoSideEffects))
    return R.Val.getInt().getExtValue();
  return std::nullopt;
}

/// The guard variable a condition asks about: `lk.owns_lock()` or `lk`
/// converted to bool.
static const VarDecl *guardQuery(const Expr *E, const LockModel &Model) {
  const auto *MCE = dyn_cast<CXXMemberCallExpr>(E);
  if (!MCE || !MCE->getMethodDecl())
    return nullptr;
  const CXXMethodDecl *MD = MCE->getMethodDecl();
  bool IsQuery = isa<CXXConversionDecl>(MD) ||
                 (MD->getIdentifier() && MD->getName() == "owns_lock");
  if (!IsQuery || !Model.isGuardType(MCE->getImplicitObjectArgument()->getType()))
    return nullptr;
  return namedLocalVar(MCE->getImplicitObjectArgument());
}

/// A call of a standard comparison function object (std::less and kin),
/// which only compares its arguments.
static bool isStdComparison(const CXXOperatorCallExpr *OCE) {
  const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OCE->getDirectCallee());
  const CXXRecordDecl *RD = MD ? MD->getParent() : nullptr;
  if (!RD || !RD->isInStdNamespace() || !RD->getIdentifier())
    return false;
  return llvm::StringSwitch<bool>(RD->getName())
      .Cases("less", "greater", "less_equal", "greater_equal", true)
      .Cases("equal_to", "not_equal_to", true)
      .Default(false);
}

bool ConditionModel::isStable(const Expr *E,
                              llvm::SmallVectorImpl<const ValueDecl *> &Deps,
                              unsigned Depth) const {
  if (Depth > 8)
    return false;
  E = E->IgnoreParenImpCasts();
  if (isa<IntegerLiteral>(E) || isa<CXXBoolLiteralExpr>(E) || isa<CharacterLiteral>(E) ||
      isa<CXXNullPtrLiteralExpr>(E) || isa<FloatingLiteral>(E) || isa<CXXThisExpr>(E))
    return true;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DRE->getDecl();
    if (isa<EnumConstantDecl>(D))
      return true;
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || Escaping.count(VD) || VD->getType()->isReferenceType())
      return false;
    Deps.push_back(VD);
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (!isa<FieldDecl>(ME->getMemberDecl()) && !isa<VarDecl>(ME->getMemberDecl()))
      return false;
    Deps.push_back(ME->getMemberDecl());
    return isStable(ME->getBase(), Deps, Depth + 1);
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    // The address of a variable never changes, whatever is done to it.
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts())) {
        Deps.push_back(DRE->getDecl());
        return true;
      }
    switch (UO->getOpcode()) {
    case UO_LNot:
    case UO_Minus:
    case UO_Plus:
    case UO_Not:
      return isStable(UO->getSubExpr(), Deps, Depth + 1);
    default:
      return false;
    }
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->isAssignmentOp() || BO->isCommaOp())
      return false;
    return isStable(BO->getLHS(), Deps, Depth + 1) &&
           isStable(BO->getRHS(), Deps, Depth + 1);
  }
  // `std::less<T *>()(&a, &b)`: the portable way to order unrelated objects.
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E);
      OCE && OCE->getOperator() == OO_Call && isStdComparison(OCE)) {
    for (unsigned I = 1; I < OCE->getNumArgs(); ++I)
      if (!isStable(OCE->getArg(I), Deps, Depth + 1))
        return false;
    return true;
  }
  if (const auto *CO = dyn_cast<ConditionalOperator>(E))
    return isStable(CO->getCond(), Deps, Depth + 1) &&
           isStable(CO->getTrueExpr(), Deps, Depth + 1) &&
           isStable(CO->getFalseExpr(), Deps, Depth + 1);
  return false;
}

const void *ConditionModel::keyOfStable(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E);
      ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return ME->getMemberDecl();
  // Two spellings of one expression share a key; odd values never collide
  // with declaration pointers.
  llvm::FoldingSetNodeID ID;
  E->Profile(ID, Ctx, /*Canonical=*/true);
  auto &Bucket = StableKeys[ID.ComputeHash()];
  for (const auto &[Profile, Key] : Bucket)
    if (Profile == ID)
      return reinterpret_cast<const void *>(Key);
  uintptr_t Key = NextStableKey;
  NextStableKey += 2;
  Bucket.push_back({ID, Key});
  return reinterpret_cast<const void *>(Key);
}

const CondAtom &ConditionModel::analyze(const Expr *Cond) {
  auto [It, New] = Cache.try_emplace(Cond);
  if (!New)
    return It->second;
  CondAtom A;
  const Expr *E = Cond->IgnoreParenImpCasts();
  bool Negated = false;
  // Peel negations: !x, x == 0, 0 == x, x != 0, and x == k / x != k.
  while (true) {
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_LNot) {
      Negated = !Negated;
      E = UO->getSubExpr()->IgnoreParenImpCasts();
      continue;
    }
    break;
  }
  const Expr *Whole = E;
  A.WholeNegated = Negated;
  A.Pred = Negated ? CondAtom::Falsy : CondAtom::Truthy;
  const Expr *Base = E;
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_EQ || BO->getOpcode() == BO_NE)) {
    std::optional<int64_t> R = constantOf(BO->getRHS(), Ctx);
    const Expr *Other = BO->getLHS();
    if (!R) {
      R = constantOf(BO->getLHS(), Ctx);
      Other = BO->getRHS();
    }
    if (R) {
      bool Eq = (BO->getOpcode() == BO_EQ) != Negated;
      A.Pred = Eq ? CondAtom::Eq : CondAtom::Ne;
      A.Const = *R;
      Base = Other->IgnoreParenImpCasts();
    }
  }
  // `(rc = trylock(&m)) == 0` tests the value just stored in rc.
  if (const auto *Asg = dyn_cast<BinaryOperator>(Base); Asg && Asg->getOpcode() == BO_Assign) {
    const Expr *Stored = Asg->getLHS()->IgnoreParenImpCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(Stored);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    Base = VD && !Escaping.count(VD) ? Stored : Asg->getRHS()->IgnoreParenImpCasts();
  }
  if (const VarDecl *G = guardQuery(Base, Model)) {
    A.Guard = G;
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(Base)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && !Escaping.count(VD))
      A.Key = VD;
  } else if (isa<CallExpr>(Base)) {
    A.Key = Base;
  }
  if (isStable(Whole, A.WholeDeps, 0))
    A.WholeKey = keyOfStable(Whole);
  It = Cache.try_emplace(Cond).first; // the map may have grown
  It->second = std::move(A);
  return It->second;
}

/// The truth of `value <Pred> Const` given what a fact says about value.
static Tri evalPred(const Fact &F, CondAtom::PredKind P, int64_t K) {
  auto Not = [](Tri T) {
    return T == Tri::Unknown ? T : (T == Tri::True ? Tri::False : Tri::True);
  };
  bool Negate = P == CondAtom::Falsy || P == CondAtom::Ne;
  bool IsTruthiness = P == CondAtom::Truthy || P == CondAtom::Falsy;
  if (!IsTruthiness && K == 0) { // x == 0 is !x
    IsTruthiness = true;
    Negate = !Negate;
  }
  // Known exact value, or only whether it is zero.
  std::optional<int64_t> Exact;
  std::optional<bool> NonZero;
  if (!F.IsTry) {
    NonZero = F.Value;
    if (!F.Value)
      Exact = 0;
  } else {
    switch (F.Enc) {
    case SuccessValue::True:
      Exact = F.Value ? 1 : 0;
      NonZero = F.Value;
      break;
    case SuccessValue::Zero:
      NonZero = !F.Value;
      if (F.Value)
        Exact = 0;
      break;
    case SuccessValue::MinusOne:
      if (F.Value)
        Exact = -1, NonZero = true;
      break;
    }
  }
  Tri T = Tri::Unknown;
  if (IsTruthiness) {
    if (NonZero)
      T = *NonZero ? Tri::True : Tri::False;
  } else if (Exact) {
    T = *Exact == K ? Tri::True : Tri::False;
  } else if (F.IsTry && F.Enc == SuccessValue::MinusOne && !F.Value && K < 0) {
    T = Tri::False; // a failed std::try_lock returns an index >= 0
  } else if (F.IsTry && F.Enc == SuccessValue::Zero && !F.Value && K == 0) {
    T = Tri::False;
  }
  return Negate ? Not(T) : T;
}

Tri ConditionModel::eval(const CondAtom &A, const Disjunct &D) const {
  if (A.Guard) {
    const GuardEntry *G = const_cast<Disjunct &>(D).guard(A.Guard);
    if (!G)
      return Tri::Unknown;
    bool Owns = G->Owns;
    if (A.Pred == CondAtom::Falsy)
      Owns = !Owns;
    return Owns ? Tri::True : Tri::False;
  }
  if (A.Key)
    if (const Fact *F = D.fact(A.Key))
      return evalPred(*F, A.Pred, A.Const);
  if (A.WholeKey)
    if (const Fact *F = D.fact(A.WholeKey); F && !F->IsTry)
      return (F->Value != A.WholeNegated) ? Tri::True : Tri::False;
  return Tri::Unknown;
}

bool ConditionModel::assume(const CondAtom &A, bool Value, Disjunct &D) const {
  Tri T = eval(A, D);
  if (T != Tri::Unknown)
    return (T == Tri::True) == Value;
  if (A.WholeKey) {
    Fact F;
    F.Key = A.WholeKey;
    F.Value = Value != A.WholeNegated;
    F.Deps = A.WholeDeps;
    D.setFact(std::move(F));
  }
  return true;
}

std::optional<Fact> ConditionModel::factForStore(const ValueDecl *Var, const Expr *E,
                                                 const Disjunct &D) {
  if (!E || Escaping.count(Var))
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
    E = EWC->getSubExpr()->IgnoreParenImpCasts();
  Fact F;
  F.Key = Var;
  if (std::optional<int64_t> C = constantOf(E, Ctx)) {
    F.Value = *C != 0;
    return F;
  }
  if (isa<CallExpr>(E))
    if (const Fact *Try = D.fact(E)) {
      F = *Try;
      F.Key = Var;
      return F;
    }
  Tri T = eval(analyze(E), D);
  if (T == Tri::Unknown)
    return std::nullopt;
  F.Value = T == Tri::True;
  return F;
}

} // namespace lockcheck
