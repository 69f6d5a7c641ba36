//===- Conditions.cpp - what a branch tells about locks -------------------===//
#include "lockcheck/Conditions.h"
#include "llvm/ADT/StringSwitch.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/FoldingSet.h"
#include "clang/Basic/Builtins.h"

using namespace clang;

namespace lockcheck {

static std::optional<int64_t> evaluateConstant(const Expr *E, const ASTContext &Ctx) {
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

// Every edge of every pass evaluates its branch condition once per path:
// Clang's constant evaluator, run afresh each time, was a third of the
// cost of a function with thousands of `x == K` branches.
std::optional<int64_t> ConditionModel::constantOf(const Expr *E) const {
  E = E->IgnoreParenImpCasts();
  auto [It, New] = Constants.try_emplace(E);
  if (New)
    It->second = evaluateConstant(E, Ctx);
  return It->second;
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
      .Case("less", true)
      .Case("greater", true)
      .Case("less_equal", true)
      .Case("greater_equal", true)
      .Case("equal_to", true)
      .Case("not_equal_to", true)
      .Default(false);
}

bool ConditionModel::isStable(const Expr *E,
                              llvm::SmallVectorImpl<const ValueDecl *> &Deps,
                              unsigned Depth) const {
  if (Depth > 8)
    return false;
  E = strip(E);
  if (isa<IntegerLiteral>(E) || isa<CXXBoolLiteralExpr>(E) || isa<CharacterLiteral>(E) ||
      isa<CXXNullPtrLiteralExpr>(E) || isa<GNUNullExpr>(E) || isa<FloatingLiteral>(E) ||
      isa<CXXThisExpr>(E) || isa<UnaryExprOrTypeTraitExpr>(E))
    return true;
  // C's NULL, `((void *)0)`, and other constants behind casts.
  if (!E->isValueDependent() && E->getType()->isPointerType() &&
      E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  if (const auto *CE = dyn_cast<CastExpr>(E);
      CE && CE->getCastKind() != CK_UserDefinedConversion &&
      CE->getCastKind() != CK_ConstructorConversion)
    return isStable(CE->getSubExpr(), Deps, Depth + 1);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = DRE->getDecl();
    if (isa<EnumConstantDecl>(D))
      return true;
    // A function's address (`if (pthread_create)`, a weak symbol) never changes.
    if (isa<FunctionDecl>(D))
      return true;
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD || Escaping.count(VD) || VD->getType()->isReferenceType())
      return false;
    Deps.push_back(VD);
    return true;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const ValueDecl *MD = ME->getMemberDecl();
    // A field whose address is taken (or that is bound to a non-const
    // reference) in this function may change through that alias.
    if ((!isa<FieldDecl>(MD) && !isa<VarDecl>(MD)) || Escaping.count(MD))
      return false;
    Deps.push_back(MD);
    // `o.mu` through a reference `Obj &o` is `p->mu` through a pointer: the
    // reference never rebinds (whatever is done with it: `f(o)`, `&o`), and
    // the field is the memory that may change.
    if (const auto *Base = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts()))
      if (const auto *VD = dyn_cast<VarDecl>(Base->getDecl());
          VD && VD->getType()->isReferenceType()) {
        Deps.push_back(VD);
        return true;
      }
    // The pointer a lock is named through (`cw.lock`), in a local whose
    // address was given away: a call is read as leaving it alone, as the
    // lock's name is (callMayWrite), and a store to the field in this
    // function still drops the test (it depends on the field).
    if (KeptAcrossCalls.count(MD))
      if (const auto *Base = dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts()))
        if (const auto *VD = dyn_cast<VarDecl>(Base->getDecl());
            VD && Escaping.count(VD) && !ME->isArrow() && VD->hasLocalStorage())
          return true;
    return isStable(ME->getBase(), Deps, Depth + 1);
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    // The address of a variable never changes, whatever is done to it
    // (a local's lasts as long as the variable).
    if (UO->getOpcode() == UO_AddrOf)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(UO->getSubExpr()->IgnoreParenImpCasts())) {
        const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        if (VD && VD->hasLocalStorage())
          Deps.push_back(VD);
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
  E = strip(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E);
      ME && isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
    return ME->getMemberDecl();
  // Two spellings of one expression share a key; odd values never collide
  // with declaration or expression pointers.
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

llvm::ArrayRef<const ValueDecl *>
ConditionModel::internDeps(llvm::ArrayRef<const ValueDecl *> Deps) {
  if (Deps.empty())
    return {};
  auto It = DepsLists.find(Deps);
  if (It != DepsLists.end())
    return *It;
  const ValueDecl **Copy = DepsArena.Allocate<const ValueDecl *>(Deps.size());
  std::copy(Deps.begin(), Deps.end(), Copy);
  llvm::ArrayRef<const ValueDecl *> Kept(Copy, Deps.size());
  DepsLists.insert(Kept);
  return Kept;
}

const void *ConditionModel::stableKey(const Expr *E,
                                      llvm::ArrayRef<const ValueDecl *> *Deps) {
  auto It = StableCache.find(E);
  if (It == StableCache.end()) {
    StableInfo Info;
    llvm::SmallVector<const ValueDecl *, 4> Found;
    if (isStable(E, Found, 0)) {
      Info.Key = keyOfStable(E);
      Info.Deps = internDeps(Found);
    }
    It = StableCache.try_emplace(E, Info).first;
  }
  if (Deps)
    *Deps = It->second.Deps;
  return It->second.Key;
}

/// A cast that keeps whether a scalar is zero: to bool, between pointers,
/// to an integer at least as wide, a conversion operator (`if (lk)`).
static bool keepsTruth(const CastExpr *CE, const ASTContext &Ctx) {
  switch (CE->getCastKind()) {
  case CK_NoOp:
  case CK_LValueToRValue:
  case CK_IntegralToBoolean:
  case CK_PointerToBoolean:
  case CK_BitCast:
  case CK_BooleanToSignedIntegral:
  case CK_UserDefinedConversion:
    return true;
  case CK_IntegralCast: {
    QualType From = CE->getSubExpr()->getType(), To = CE->getType();
    if (From->isBooleanType())
      return true;
    return From->isIntegerType() && To->isIntegerType() && !From->isDependentType() &&
           !To->isDependentType() && Ctx.getIntWidth(To) >= Ctx.getIntWidth(From);
  }
  default:
    return false;
  }
}

const Expr *ConditionModel::strip(const Expr *E) const {
  for (unsigned I = 0; E && I < 32; ++I) {
    E = E->IgnoreParens();
    if (const auto *FE = dyn_cast<FullExpr>(E)) { // cleanups, constant expressions
      E = FE->getSubExpr();
      continue;
    }
    if (const auto *MTE = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = MTE->getSubExpr();
      continue;
    }
    if (const auto *CE = dyn_cast<CastExpr>(E); CE && keepsTruth(CE, Ctx)) {
      E = CE->getSubExpr();
      continue;
    }
    // `__builtin_expect(x, c)` (LIKELY/UNLIKELY) is x.
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      unsigned ID = Call->getBuiltinCallee();
      if ((ID == Builtin::BI__builtin_expect ||
           ID == Builtin::BI__builtin_expect_with_probability) &&
          Call->getNumArgs() >= 1) {
        E = Call->getArg(0);
        continue;
      }
    }
    return E;
  }
  return E;
}

const Expr *ConditionModel::truthOperand(const Expr *E, bool &Negated) const {
  const auto *BO = dyn_cast<BinaryOperator>(E);
  if (!BO || !BO->isEqualityOp())
    return nullptr;
  for (const Expr *K : {BO->getRHS(), BO->getLHS()}) {
    const Expr *X = K == BO->getRHS() ? BO->getLHS() : BO->getRHS();
    std::optional<int64_t> C = constantOf(K);
    if (!C)
      continue;
    if (*C == 0) {
      Negated = BO->getOpcode() == BO_EQ;
      return X;
    }
    // `b == true`, `b != 1` for a bool b.
    if (*C == 1 && X->IgnoreParenImpCasts()->getType()->isBooleanType()) {
      Negated = BO->getOpcode() == BO_NE;
      return X;
    }
    return nullptr;
  }
  return nullptr;
}

const CondAtom &ConditionModel::leaf(const Expr *E) {
  auto It = Cache.find(E);
  if (It != Cache.end())
    return It->second;
  CondAtom A;
  const Expr *Base = E;
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isEqualityOp()) {
    std::optional<int64_t> R = constantOf(BO->getRHS());
    const Expr *Other = BO->getLHS();
    if (!R) {
      R = constantOf(BO->getLHS());
      Other = BO->getRHS();
    }
    if (R) {
      A.Pred = BO->getOpcode() == BO_EQ ? CondAtom::Eq : CondAtom::Ne;
      A.Const = *R;
      Base = strip(Other);
    }
  }
  // `(rc = trylock(&m)) == 0` tests the value just stored in rc.
  if (const auto *Asg = dyn_cast<BinaryOperator>(Base); Asg && Asg->getOpcode() == BO_Assign) {
    const Expr *Stored = Asg->getLHS()->IgnoreParenImpCasts();
    const auto *DRE = dyn_cast<DeclRefExpr>(Stored);
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    Base = VD && !Escaping.count(VD) ? Stored : strip(Asg->getRHS());
  }
  if (const VarDecl *G = guardQuery(Base, Model)) {
    A.Guard = G;
  } else if (const auto *DRE = dyn_cast<DeclRefExpr>(Base)) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && !Escaping.count(VD))
      A.Key = VD;
  } else if (isa<CallExpr>(Base)) {
    A.Key = Base;
  }
  A.WholeKey = stableKey(E, &A.WholeDeps);
  return Cache.try_emplace(E, std::move(A)).first->second;
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
    else if (F.HasExact)
      Exact = F.Exact;
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

Tri ConditionModel::evalLeaf(const CondAtom &A, const Disjunct &D) const {
  if (A.Guard) {
    const GuardEntry *G = const_cast<Disjunct &>(D).guard(A.Guard);
    if (!G)
      return Tri::Unknown;
    return G->Owns ? Tri::True : Tri::False;
  }
  if (A.Key)
    if (const Fact *F = D.fact(A.Key))
      if (Tri T = evalPred(*F, A.Pred, A.Const); T != Tri::Unknown)
        return T;
  if (A.WholeKey)
    if (const Fact *F = D.fact(A.WholeKey); F && !F->IsTry)
      return F->Value ? Tri::True : Tri::False;
  return Tri::Unknown;
}

static Tri notTri(Tri T) {
  return T == Tri::Unknown ? T : (T == Tri::True ? Tri::False : Tri::True);
}

static bool isLogical(const Expr *E) {
  const auto *BO = dyn_cast<BinaryOperator>(E);
  return BO && BO->isLogicalOp();
}

Tri ConditionModel::eval(const Expr *E, const Disjunct &D) { return eval(E, D, 0); }

Tri ConditionModel::eval(const Expr *E, const Disjunct &D, unsigned Depth) {
  if (!E || Depth > 16)
    return Tri::Unknown;
  E = strip(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_LNot)
      return notTri(eval(UO->getSubExpr(), D, Depth + 1));
    if (UO->getOpcode() == UO_Minus || UO->getOpcode() == UO_Plus)
      return eval(UO->getSubExpr(), D, Depth + 1); // zero iff the operand is
  }
  bool Negated = false;
  if (const Expr *X = truthOperand(E, Negated)) {
    Tri T = eval(X, D, Depth + 1);
    return Negated ? notTri(T) : T;
  }
  if (isLogical(E) || isa<ConditionalOperator>(E)) {
    // Its value as the CFG computed it (ConditionEdges.cpp).
    if (const Fact *F = D.fact(E); F && !F->IsTry)
      return F->Value ? Tri::True : Tri::False;
    if (const void *K = stableKey(E, nullptr))
      if (const Fact *F = D.fact(K); F && !F->IsTry)
        return F->Value ? Tri::True : Tri::False;
    if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
      Tri C = eval(CO->getCond(), D, Depth + 1);
      if (C != Tri::Unknown)
        return eval(C == Tri::True ? CO->getTrueExpr() : CO->getFalseExpr(), D, Depth + 1);
      Tri A = eval(CO->getTrueExpr(), D, Depth + 1);
      return A == eval(CO->getFalseExpr(), D, Depth + 1) ? A : Tri::Unknown;
    }
    const auto *BO = cast<BinaryOperator>(E);
    bool And = BO->getOpcode() == BO_LAnd;
    Tri L = eval(BO->getLHS(), D, Depth + 1);
    Tri Stop = And ? Tri::False : Tri::True;
    if (L == Stop)
      return Stop;
    Tri R = eval(BO->getRHS(), D, Depth + 1);
    if (R == Stop)
      return Stop;
    return L == Tri::Unknown || R == Tri::Unknown ? Tri::Unknown : notTri(Stop);
  }
  if (std::optional<int64_t> C = constantOf(E))
    return *C ? Tri::True : Tri::False;
  // `i < n` where both sides are known numbers (`for (i = 0; i < N; ++i)`
  // on its first test).
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isComparisonOp()) {
    std::optional<int64_t> L = exactValue(BO->getLHS(), D), R = exactValue(BO->getRHS(), D);
    if (L && R) {
      bool Unsigned = BO->getLHS()->IgnoreParenImpCasts()->getType()->isUnsignedIntegerType() ||
                      BO->getRHS()->IgnoreParenImpCasts()->getType()->isUnsignedIntegerType();
      auto Cmp = [&](auto A, auto B) {
        switch (BO->getOpcode()) {
        case BO_LT: return A < B;
        case BO_LE: return A <= B;
        case BO_GT: return A > B;
        case BO_GE: return A >= B;
        case BO_EQ: return A == B;
        default: return A != B;
        }
      };
      bool V = Unsigned ? Cmp(static_cast<uint64_t>(*L), static_cast<uint64_t>(*R))
                        : Cmp(*L, *R);
      return V ? Tri::True : Tri::False;
    }
  }
  return evalLeaf(leaf(E), D);
}

std::optional<int64_t> ConditionModel::exactValue(const Expr *E, const Disjunct &D) const {
  E = E->IgnoreParenImpCasts();
  if (std::optional<int64_t> C = constantOf(E))
    return C;
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!VD || Escaping.count(VD) || !VD->getType()->isIntegerType())
    return std::nullopt;
  const Fact *F = D.fact(VD);
  if (!F || F->IsTry)
    return std::nullopt;
  if (F->HasExact)
    return F->Exact;
  if (!F->Value)
    return 0;
  return std::nullopt;
}

bool ConditionModel::assume(const Expr *E, bool Value, Disjunct &D) {
  return assume(E, Value, D, 0);
}

bool ConditionModel::assume(const Expr *E, bool Value, Disjunct &D, unsigned Depth) {
  if (!E || Depth > 16)
    return true;
  Tri T = eval(E, D, Depth);
  if (T != Tri::Unknown)
    return (T == Tri::True) == Value;
  E = strip(E);
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_LNot)
      return assume(UO->getSubExpr(), !Value, D, Depth + 1);
    if (UO->getOpcode() == UO_Minus || UO->getOpcode() == UO_Plus)
      return assume(UO->getSubExpr(), Value, D, Depth + 1);
  }
  bool Negated = false;
  if (const Expr *X = truthOperand(E, Negated))
    return assume(X, Value != Negated, D, Depth + 1);
  if (isLogical(E) || isa<ConditionalOperator>(E)) {
    bool Ok = true;
    if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
      Tri C = eval(CO->getCond(), D, Depth + 1);
      if (C != Tri::Unknown) {
        Ok = assume(C == Tri::True ? CO->getTrueExpr() : CO->getFalseExpr(), Value, D,
                    Depth + 1);
      } else {
        // An arm that cannot give Value decides the condition.
        Tri A = eval(CO->getTrueExpr(), D, Depth + 1);
        Tri B = eval(CO->getFalseExpr(), D, Depth + 1);
        Tri Want = Value ? Tri::True : Tri::False;
        if (A != Tri::Unknown && A != Want)
          Ok = assume(CO->getCond(), false, D, Depth + 1) &&
               assume(CO->getFalseExpr(), Value, D, Depth + 1);
        else if (B != Tri::Unknown && B != Want)
          Ok = assume(CO->getCond(), true, D, Depth + 1) &&
               assume(CO->getTrueExpr(), Value, D, Depth + 1);
      }
    } else {
      const auto *BO = cast<BinaryOperator>(E);
      bool And = BO->getOpcode() == BO_LAnd;
      if (And == Value) { // a && b true, a || b false: both operands say so
        Ok = assume(BO->getLHS(), Value, D, Depth + 1) &&
             assume(BO->getRHS(), Value, D, Depth + 1);
      } else {
        // One operand is known not to decide: the other one does.
        Tri Neutral = And ? Tri::True : Tri::False;
        if (eval(BO->getLHS(), D, Depth + 1) == Neutral)
          Ok = assume(BO->getRHS(), Value, D, Depth + 1);
        else if (eval(BO->getRHS(), D, Depth + 1) == Neutral)
          Ok = assume(BO->getLHS(), Value, D, Depth + 1);
      }
    }
    llvm::ArrayRef<const ValueDecl *> Deps;
    if (const void *K = stableKey(E, &Deps); K && Ok) {
      Fact F;
      F.Key = K;
      F.Value = Value;
      F.Deps = Deps;
      D.setFact(std::move(F));
    }
    return Ok;
  }
  if (constantOf(E))
    return true; // eval would have known
  const CondAtom &A = leaf(E);
  if (A.WholeKey) {
    Fact F;
    F.Key = A.WholeKey;
    F.Value = Value;
    F.Deps = A.WholeDeps;
    D.setFact(std::move(F));
  }
  return true;
}

void ConditionModel::noteLogicalParents(const Stmt *Body) {
  llvm::SmallVector<const Stmt *, 64> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isLogicalOp()) {
      LogicalParent[BO->getLHS()->IgnoreParens()] = BO;
      LogicalParent[BO->getRHS()->IgnoreParens()] = BO;
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
}

bool ConditionModel::assumeBranch(const Expr *Branch, bool Value, Disjunct &D) {
  if (!assume(Branch, Value, D))
    return false;
  // Up through the operators whose value this branch decides.
  const Expr *E = Branch->IgnoreParens();
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    auto It = LogicalParent.find(E);
    if (It == LogicalParent.end())
      break;
    const BinaryOperator *P = It->second;
    bool And = P->getOpcode() == BO_LAnd;
    // The right operand is only evaluated when it decides; the left one
    // decides when it short-circuits.
    bool Decides = E == P->getRHS()->IgnoreParens() || Value != And;
    if (!Decides)
      break;
    // P is being evaluated again: the value a join recorded for it on an
    // earlier pass through a loop is stale.
    llvm::erase_if(D.Facts, [&](const Fact &F) { return F.Key == P; });
    Tri Known = eval(P, D);
    if (Known != Tri::Unknown && (Known == Tri::True) != Value)
      return false;
    llvm::ArrayRef<const ValueDecl *> Deps;
    if (const void *K = stableKey(P, &Deps)) {
      Fact F;
      F.Key = K;
      F.Value = Value;
      F.Deps = Deps;
      D.setFact(std::move(F));
    }
    E = P;
  }
  return true;
}

const Expr *ConditionModel::branchedOn(const Expr *Cond) {
  const Expr *E = Cond ? Cond->IgnoreParens() : nullptr;
  while (const auto *BO = dyn_cast_or_null<BinaryOperator>(E)) {
    if (!BO->isLogicalOp())
      break;
    E = BO->getRHS()->IgnoreParens();
  }
  return E;
}

std::optional<Fact> ConditionModel::factForStore(const ValueDecl *Var, const Expr *E,
                                                 const Disjunct &D) {
  if (!E || Escaping.count(Var))
    return std::nullopt;
  E = strip(E);
  Fact F;
  F.Key = Var;
  if (std::optional<int64_t> C = constantOf(E)) {
    F.Value = *C != 0;
    F.HasExact = *C != 0; // false already says 0: one fact for one meaning
    F.Exact = F.HasExact ? *C : 0;
    return F;
  }
  // A try-lock's result: whether it is zero is all a bool or an error code
  // tells (so a failed try-lock and `ok = false` agree); std::try_lock's
  // index keeps its encoding.
  if (isa<CallExpr>(E))
    if (const Fact *Try = D.fact(E); Try && Try->IsTry) {
      if (Try->Enc == SuccessValue::MinusOne) {
        F = *Try;
        F.Key = Var;
        F.Deps = {};
      } else {
        F.Value = Try->Enc == SuccessValue::True ? Try->Value : !Try->Value;
      }
      return F;
    }
  Tri T = eval(E, D);
  if (T == Tri::Unknown)
    return std::nullopt;
  F.Value = T == Tri::True;
  return F;
}

void ConditionModel::callMayWrite(const CallExpr *CE, State &St) {
  for (Disjunct &D : St.Ds)
    llvm::erase_if(D.Facts, [&](const Fact &F) {
      return llvm::any_of(F.Deps, [&](const ValueDecl *Dep) {
        return WriteEffects::isMemory(Dep) && !KeptAcrossCalls.count(Dep) &&
               Writes.mayWrite(CE, Dep);
      });
    });
}

} // namespace lockcheck
