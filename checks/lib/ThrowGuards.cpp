//===- ThrowGuards.cpp - tests that rule out a library call's exception ---===//
//
// Walks up from the call through its parents, collecting the statements
// that run between a candidate test and the call, and asks of each
// enclosing `if`, `?:`, `&&`, `||`, loop and preceding statement whether
// its outcome on the way down establishes the precondition (ThrowGuards.h).
//
//===----------------------------------------------------------------------===//
#include "lockcheck/ThrowGuards.h"
#include "lockcheck/AssertText.h"
#include "lockcheck/MemberInvariants.h"
#include "lockcheck/StmtWalk.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/Builtins.h"
#include <optional>

using namespace clang;

namespace lockcheck {
namespace {

// How far up from the call, and how many statements back, a test is looked for.
constexpr unsigned MaxLevels = 32;
constexpr unsigned MaxSiblings = 32;

/// \p E without parentheses, implicit conversions, temporaries and
/// `__builtin_expect`.
const Expr *strip(const Expr *E) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *CE = dyn_cast<CallExpr>(E);
             CE && CE->getBuiltinCallee() == Builtin::BI__builtin_expect && CE->getNumArgs() == 2)
      E = CE->getArg(0);
    else if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
             Cast && Cast->getType()->isBooleanType())
      E = Cast->getSubExpr(); // static_cast<bool>(o)
    else
      return E;
  }
}

/// A predicate's parameters (and `this`) bound to a call's arguments, so
/// that `if (has_callback(cfg))` reads as the predicate's `return`.
struct Binding {
  llvm::DenseMap<const ParmVarDecl *, const Expr *> Params;
  const Expr *This = nullptr;
};

/// Whether \p A and \p B name the same object or value: the same variable,
/// the same member of the same object, the same dereference, the same
/// constant. \p A may come from a predicate's body, read through \p Bound.
bool same(const Expr *A, const Expr *B, const Binding *Bound = nullptr) {
  A = strip(A);
  B = strip(B);
  if (Bound) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(A))
      if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
        if (const Expr *Arg = Bound->Params.lookup(P))
          return same(Arg, B);
    if (isa<CXXThisExpr>(A) && Bound->This)
      return same(Bound->This, B);
  }
  if (A->getStmtClass() != B->getStmtClass())
    return false;
  if (const auto *DA = dyn_cast<DeclRefExpr>(A))
    return DA->getDecl()->getCanonicalDecl() ==
           cast<DeclRefExpr>(B)->getDecl()->getCanonicalDecl();
  if (const auto *MA = dyn_cast<MemberExpr>(A)) {
    const auto *MB = cast<MemberExpr>(B);
    return MA->getMemberDecl()->getCanonicalDecl() == MB->getMemberDecl()->getCanonicalDecl() &&
           same(MA->getBase(), MB->getBase(), Bound);
  }
  if (isa<CXXThisExpr>(A))
    return true;
  if (const auto *UA = dyn_cast<UnaryOperator>(A))
    return UA->getOpcode() == UO_Deref && cast<UnaryOperator>(B)->getOpcode() == UO_Deref &&
           same(UA->getSubExpr(), cast<UnaryOperator>(B)->getSubExpr(), Bound);
  if (const auto *OA = dyn_cast<CXXOperatorCallExpr>(A)) {
    const auto *OB = cast<CXXOperatorCallExpr>(B);
    bool Access = OA->getOperator() == OO_Arrow || OA->getOperator() == OO_Star;
    return Access && OA->getOperator() == OB->getOperator() && OA->getNumArgs() == 1 &&
           OB->getNumArgs() == 1 && same(OA->getArg(0), OB->getArg(0), Bound);
  }
  if (const auto *IA = dyn_cast<IntegerLiteral>(A))
    return IA->getValue() == cast<IntegerLiteral>(B)->getValue();
  return false;
}

/// The expression a call of a one-line predicate returns (`bool ok() const
/// { return p_ != nullptr && *p_; }`), with its parameters bound in \p Out.
const Expr *predicateResult(const CallExpr *CE, Binding &Out) {
  const FunctionDecl *FD = CE->getDirectCallee();
  const FunctionDecl *Def = nullptr;
  if (!FD || !FD->getReturnType()->isBooleanType() || !FD->hasBody(Def) || !Def)
    return nullptr;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(Def); MD && MD->isVirtual())
    return nullptr; // an overrider may test something else
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
  const auto *Ret = Body && Body->size() == 1 ? dyn_cast<ReturnStmt>(Body->body_front()) : nullptr;
  if (!Ret || !Ret->getRetValue())
    return nullptr;
  llvm::ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    Out.This = MC->getImplicitObjectArgument();
  else if (isa<CXXOperatorCallExpr>(CE))
    return nullptr;
  if (Args.size() != Def->getNumParams())
    return nullptr;
  for (unsigned I = 0; I < Args.size(); ++I)
    Out.Params[Def->getParamDecl(I)] = Args[I];
  return Ret->getRetValue();
}

/// The object of a member call (or member operator call) of a method named
/// one of \p Names, or null.
const Expr *objectOfCall(const Expr *E, std::initializer_list<llvm::StringRef> Names) {
  E = strip(E);
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  if (!M || !M->getIdentifier())
    return nullptr;
  for (llvm::StringRef N : Names)
    if (M->getName() == N)
      return MC->getImplicitObjectArgument();
  return nullptr;
}

/// `o` tested for truth through its `operator bool`.
const Expr *objectOfBoolConversion(const Expr *E) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(strip(E));
  if (MC && isa_and_nonnull<CXXConversionDecl>(MC->getMethodDecl()) &&
      MC->getType()->isBooleanType())
    return MC->getImplicitObjectArgument();
  return nullptr;
}

/// `std::nullopt` or `nullptr`: what an empty optional or function equals.
bool isEmptyValue(const Expr *E) {
  QualType T = strip(E)->getType();
  if (T->isNullPtrType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->getName() == "nullopt_t";
}

/// A comparison `L Op R`, built-in, overloaded or rewritten (C++20 `!=`).
struct Comparison {
  BinaryOperatorKind Op;
  const Expr *L, *R;
};

std::optional<Comparison> comparison(const Expr *E) {
  E = strip(E);
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isComparisonOp())
    return Comparison{BO->getOpcode(), BO->getLHS(), BO->getRHS()};
  if (const auto *RB = dyn_cast<CXXRewrittenBinaryOperator>(E)) {
    auto D = RB->getDecomposedForm();
    if (BinaryOperator::isComparisonOp(D.Opcode))
      return Comparison{D.Opcode, D.LHS, D.RHS};
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E); OC && OC->getNumArgs() == 2) {
    BinaryOperatorKind Op = BinaryOperator::getOverloadedOpcode(OC->getOperator());
    if (OC->isInfixBinaryOp() && BinaryOperator::isComparisonOp(Op))
      return Comparison{Op, OC->getArg(0), OC->getArg(1)};
  }
  return std::nullopt;
}

BinaryOperatorKind negated(BinaryOperatorKind Op) {
  return BinaryOperator::negateComparisonOp(Op);
}

BinaryOperatorKind swapped(BinaryOperatorKind Op) {
  return BinaryOperator::reverseComparisonOp(Op);
}

/// What the path to the call must have established.
struct Query {
  Precondition P;
  const Expr *Object;
  const Expr *Arg;                 // the index, position or key
  std::optional<uint64_t> ArgConst; // the index or position, when constant
};

class Reader {
public:
  Reader(ASTContext &Ctx, const Query &Q) : Ctx(Ctx), Q(Q) {}

  /// Whether \p Cond having the value \p Value establishes the query.
  bool implies(const Expr *Cond, bool Value, unsigned Depth = 0) const {
    if (!Cond || Depth > 16)
      return false;
    const Expr *E = strip(Cond);
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_LNot)
      return implies(UO->getSubExpr(), !Value, Depth + 1);
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->getOpcode() == BO_LAnd)
        return Value && (implies(BO->getLHS(), true, Depth + 1) ||
                         implies(BO->getRHS(), true, Depth + 1));
      if (BO->getOpcode() == BO_LOr)
        return !Value && (implies(BO->getLHS(), false, Depth + 1) ||
                          implies(BO->getRHS(), false, Depth + 1));
    }
    if (std::optional<Comparison> C = comparison(E))
      return compares(Value ? C->Op : negated(C->Op), C->L, C->R);
    if (Value ? truthy(E) : falsy(E))
      return true;
    // A call of a one-line predicate: what it returns (one level deep).
    Binding B;
    const auto *CE = dyn_cast<CallExpr>(E);
    if (!Bound && CE)
      if (const Expr *Result = predicateResult(CE, B)) {
        Bound = &B;
        bool Holds = implies(Result, Value, Depth + 1);
        Bound = nullptr;
        return Holds;
      }
    return false;
  }

  /// Whether one of the conjuncts of a compiled-out `assert` states the
  /// query, spelled as the test would be (`o.has_value()`, `i < v.size()`).
  bool statedBy(llvm::ArrayRef<TokenText> Conjuncts) const {
    std::optional<TokenText> O = spelledTokens(Q.Object, Ctx);
    std::optional<TokenText> A = Q.Arg ? spelledTokens(Q.Arg, Ctx) : std::nullopt;
    if (!O || (Q.Arg && !A))
      return false;
    auto cat = [](std::initializer_list<TokenText> Parts) {
      TokenText T;
      for (const TokenText &P : Parts)
        T.insert(T.end(), P.begin(), P.end());
      return T;
    };
    const TokenText Call = {"(", ")"}, Dot = {"."};
    std::vector<TokenText> Forms;
    switch (Q.P) {
    case Precondition::Engaged:
      Forms = {*O,
               cat({*O, {".", "has_value"}, Call}),
               cat({*O, {"!=", "nullptr"}}),
               cat({{"nullptr", "!="}, *O}),
               cat({*O, {"!=", "std", "::", "nullopt"}}),
               cat({{"std", "::", "nullopt", "!="}, *O})};
      break;
    case Precondition::Key:
      for (const char *M : {"count", "contains"})
        Forms.push_back(cat({*O, Dot, {M, "("}, *A, {")"}}));
      Forms.push_back(cat({*O, {".", "count", "("}, *A, {")", ">", "0"}}));
      Forms.push_back(cat({*O, {".", "find", "("}, *A, {")", "!="}, *O, {".", "end"}, Call}));
      break;
    case Precondition::Index:
    case Precondition::Position:
      if (Q.ArgConst) {
        if (sizeAtLeast(1))
          Forms.push_back(cat({{"!"}, *O, {".", "empty"}, Call}));
        break;
      }
      for (const char *Size : {"size", "length"}) {
        TokenText S = cat({*O, {".", Size}, Call});
        Forms.push_back(cat({*A, {"<"}, S}));
        Forms.push_back(cat({S, {">"}, *A}));
        if (Q.P == Precondition::Position) {
          Forms.push_back(cat({*A, {"<="}, S}));
          Forms.push_back(cat({S, {">="}, *A}));
        }
      }
      break;
    case Precondition::None:
      break;
    }
    for (const TokenText &C : Conjuncts)
      if (llvm::is_contained(Forms, C))
        return true;
    return false;
  }

  /// Whether \p S, run before the call, may change the object or the index.
  bool mayChange(const Stmt *S) const {
    bool Changed = false;
    forEachStmt(S, [&](const Stmt *X) {
      Changed = changes(X);
      return Changed;
    });
    return Changed;
  }

private:
  /// \p A, from the test (maybe a predicate's body), names \p B.
  bool matches(const Expr *A, const Expr *B) const { return same(A, B, Bound); }

  /// `o.has_value()`, `o`, `m.count(k)`, `m.contains(k)` as true.
  bool truthy(const Expr *E) const {
    switch (Q.P) {
    case Precondition::Engaged:
      if (const Expr *O = objectOfCall(E, {"has_value"}))
        return matches(O, Q.Object);
      if (const Expr *O = objectOfBoolConversion(E))
        return matches(O, Q.Object);
      return false;
    case Precondition::Key:
      if (const Expr *O = objectOfCall(E, {"count", "contains"}))
        return matches(O, Q.Object) && keyOf(E);
      return false;
    default:
      return false;
    }
  }

  /// `s.empty()` as false: at least one element.
  bool falsy(const Expr *E) const {
    if (Q.P != Precondition::Index && Q.P != Precondition::Position)
      return false;
    const Expr *O = objectOfCall(E, {"empty"});
    return O && matches(O, Q.Object) && Q.ArgConst && sizeAtLeast(1);
  }

  /// The key argument of `m.count(k)`, `m.find(k)`: the query's.
  bool keyOf(const Expr *E) const {
    const auto *MC = cast<CXXMemberCallExpr>(strip(E));
    return MC->getNumArgs() >= 1 && Q.Arg && matches(MC->getArg(0), Q.Arg);
  }

  bool isSize(const Expr *E) const {
    const Expr *O = objectOfCall(E, {"size", "length"});
    return O && matches(O, Q.Object);
  }

  std::optional<uint64_t> constant(const Expr *E) const {
    Expr::EvalResult R;
    if (E->isValueDependent() || !E->EvaluateAsInt(R, Ctx) || R.Val.getInt().isNegative())
      return std::nullopt;
    return R.Val.getInt().getLimitedValue();
  }

  /// A size of at least \p Min leaves the constant index or position in range.
  bool sizeAtLeast(uint64_t Min) const {
    if (!Q.ArgConst)
      return false;
    return Q.P == Precondition::Index ? Min > *Q.ArgConst : Min >= *Q.ArgConst;
  }

  /// Whether `L Op R` holding establishes the query.
  bool compares(BinaryOperatorKind Op, const Expr *L, const Expr *R) const {
    switch (Q.P) {
    case Precondition::Engaged:
      // `o != std::nullopt`, `f != nullptr`
      if (Op != BO_NE)
        return false;
      return (matches(L, Q.Object) && isEmptyValue(R)) || (matches(R, Q.Object) && isEmptyValue(L));
    case Precondition::Key:
      return keyCompares(Op, L, R) || keyCompares(swapped(Op), R, L);
    case Precondition::Index:
    case Precondition::Position:
      if (isSize(R))
        return sizeCompares(swapped(Op), L);
      return isSize(L) && sizeCompares(Op, R);
    case Precondition::None:
      break;
    }
    return false;
  }

  /// `size() Op Other` holding: is the index or position in range?
  bool sizeCompares(BinaryOperatorKind Op, const Expr *Other) const {
    bool Strict = Q.P == Precondition::Index;
    if (Q.Arg && matches(Other, Q.Arg))
      return Op == BO_GT || (!Strict && (Op == BO_GE || Op == BO_EQ));
    std::optional<uint64_t> K = constant(Other);
    if (!K)
      return false;
    switch (Op) {
    case BO_GT:
      return sizeAtLeast(*K + 1);
    case BO_GE:
    case BO_EQ:
      return sizeAtLeast(*K);
    case BO_NE:
      return *K == 0 && sizeAtLeast(1);
    default:
      return false;
    }
  }

  /// `m.find(k) != m.end()`, `m.count(k) > 0` (or `!= 0`, `>= 1`).
  bool keyCompares(BinaryOperatorKind Op, const Expr *L, const Expr *R) const {
    if (const Expr *O = objectOfCall(L, {"find"}); O && matches(O, Q.Object) && keyOf(L)) {
      const Expr *End = objectOfCall(R, {"end", "cend"});
      return Op == BO_NE && End && matches(End, Q.Object);
    }
    if (const Expr *O = objectOfCall(L, {"count"}); O && matches(O, Q.Object) && keyOf(L)) {
      std::optional<uint64_t> K = constant(R);
      return K && ((Op == BO_GT && *K == 0) || (Op == BO_NE && *K == 0) ||
                   (Op == BO_GE && *K == 1));
    }
    return false;
  }

  /// Whether \p E names the object or the index, or an object they are part of.
  bool touches(const Expr *E) const {
    auto within = [&](const Expr *Target) {
      for (const Expr *T = Target; T;) {
        if (same(E, T))
          return true;
        const auto *ME = dyn_cast<MemberExpr>(strip(T));
        T = ME ? ME->getBase() : nullptr;
      }
      return false;
    };
    return within(Q.Object) || (Q.Arg && !Q.ArgConst && within(Q.Arg));
  }

  /// A local variable (or parameter) no call can reach without being passed it.
  bool isLocal(const Expr *E) const {
    const auto *DRE = dyn_cast<DeclRefExpr>(strip(E));
    const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return VD && VD->hasLocalStorage() && !VD->getType()->isReferenceType();
  }

  /// Methods that change neither an optional's value nor a container's size.
  static bool isAccessor(const CXXMethodDecl *M) {
    if (M->isConst())
      return true;
    if (M->getOverloadedOperator() == OO_Subscript || M->getOverloadedOperator() == OO_Star ||
        M->getOverloadedOperator() == OO_Arrow)
      return true;
    if (!M->getIdentifier())
      return false;
    llvm::StringRef N = M->getName();
    return N == "at" || N == "value" || N == "front" || N == "back" || N == "data" ||
           N == "begin" || N == "end" || N == "find" || N == "operator()";
  }

  bool changes(const Stmt *S) const {
    if (const auto *BO = dyn_cast<BinaryOperator>(S))
      return BO->isAssignmentOp() && touches(BO->getLHS());
    if (const auto *UO = dyn_cast<UnaryOperator>(S))
      return (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf) &&
             touches(UO->getSubExpr());
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      for (const LambdaCapture &C : LE->captures())
        if (C.getCaptureKind() == LCK_ByRef || C.getCaptureKind() == LCK_This)
          return true;
      return false;
    }
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S); OC && OC->isAssignmentOp())
      return touches(OC->getArg(0));
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
      const CXXMethodDecl *M = MC->getMethodDecl();
      if (M && touches(MC->getImplicitObjectArgument()) && !isAccessor(M))
        return true;
    }
    if (const auto *CE = dyn_cast<CallExpr>(S))
      return callChanges(CE);
    if (const auto *CC = dyn_cast<CXXConstructExpr>(S))
      return argumentsChange(CC->getConstructor(),
                             llvm::ArrayRef(CC->getArgs(), CC->getNumArgs()));
    return false;
  }

  /// A call changes the object when it is passed to a non-const reference,
  /// or, for an object outside the function's locals, when the call runs
  /// code that could reach it.
  bool callChanges(const CallExpr *CE) const {
    const FunctionDecl *Callee = CE->getDirectCallee();
    llvm::ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
        OC && isa_and_nonnull<CXXMethodDecl>(Callee) && !Args.empty())
      Args = Args.drop_front();
    if (argumentsChange(Callee, Args))
      return true;
    bool Local = isLocal(Q.Object) && (!Q.Arg || Q.ArgConst || isLocal(Q.Arg));
    // After a call that never returns (an assert's failure), the call we
    // ask about is not reached.
    if (Local || CE->getBuiltinCallee() || (Callee && Callee->isNoReturn()))
      return false;
    const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
    if (MC && MC->getMethodDecl() && MC->getMethodDecl()->isConst())
      return false;
    // The standard library reaches the object only through what it is
    // given, unless it is given code to run.
    return !Callee || !isStdLibrary(Callee) || runsCallerCode(Callee, Args);
  }

  /// A library call that may run code of the caller's: a call operator, or
  /// a call given a function pointer, lambda or other callable object.
  bool runsCallerCode(const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args) const {
    if (Callee->getOverloadedOperator() == OO_Call)
      return true;
    for (const Expr *A : Args) {
      QualType T = A->getType().getNonReferenceType();
      if (T->isFunctionPointerType() || T->isMemberFunctionPointerType() ||
          T->isFunctionType())
        return true;
      const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
      if (RD && RD->hasDefinition() &&
          !RD->getDefinition()
               ->lookup(Ctx.DeclarationNames.getCXXOperatorName(OO_Call))
               .empty())
        return true;
    }
    return false;
  }

  bool argumentsChange(const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args) const {
    for (unsigned I = 0; I < Args.size(); ++I) {
      if (!Args[I]->isGLValue() || !touches(Args[I]))
        continue;
      if (!Callee || I >= Callee->getNumParams())
        return true; // a variadic or unknown parameter
      QualType T = Callee->getParamDecl(I)->getType();
      if (T->isReferenceType() && !T.getNonReferenceType().isConstQualified())
        return true;
    }
    return false;
  }

  ASTContext &Ctx;
  const Query &Q;
  /// While reading a predicate's body: its parameters' arguments.
  mutable const Binding *Bound = nullptr;
};

/// Whether \p S never lets control reach the statement after it.
bool alwaysLeaves(const Stmt *S) {
  if (!S)
    return false;
  if (isa<ReturnStmt>(S) || isa<BreakStmt>(S) || isa<ContinueStmt>(S) || isa<GotoStmt>(S) ||
      isa<CXXThrowExpr>(S))
    return true;
  if (const auto *CS = dyn_cast<CompoundStmt>(S))
    return !CS->body_empty() && alwaysLeaves(CS->body_back());
  if (const auto *If = dyn_cast<IfStmt>(S))
    return If->getElse() && alwaysLeaves(If->getThen()) && alwaysLeaves(If->getElse());
  if (const auto *E = dyn_cast<Expr>(S)) {
    E = E->IgnoreParenCasts();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr()->IgnoreParenCasts();
    if (isa<CXXThrowExpr>(E))
      return true;
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      if (const FunctionDecl *FD = CE->getDirectCallee())
        return FD->isNoReturn();
      return false;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->getOpcode() == BO_Comma)
      return alwaysLeaves(BO->getLHS()) || alwaysLeaves(BO->getRHS());
  }
  return false;
}

/// What statement \p S, once passed, says about its condition: `if (c)
/// leave;` leaves c false, `c ? (void)0 : abort()` (an assert) and `c ||
/// abort()` leave it true. Returns the condition and its value, if any.
std::optional<std::pair<const Expr *, bool>> conditionAfter(const Stmt *S) {
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    if (If->isConsteval() || !If->getCond())
      return std::nullopt;
    if (alwaysLeaves(If->getThen()))
      return std::make_pair(If->getCond(), false);
    if (If->getElse() && alwaysLeaves(If->getElse()))
      return std::make_pair(If->getCond(), true);
    return std::nullopt;
  }
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenCasts();
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    if (alwaysLeaves(CO->getFalseExpr()))
      return std::make_pair(CO->getCond(), true);
    if (alwaysLeaves(CO->getTrueExpr()))
      return std::make_pair(CO->getCond(), false);
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && alwaysLeaves(BO->getRHS())) {
    if (BO->getOpcode() == BO_LOr)
      return std::make_pair(BO->getLHS(), true);
    if (BO->getOpcode() == BO_LAnd)
      return std::make_pair(BO->getLHS(), false);
  }
  return std::nullopt;
}

bool isLoop(const Stmt *S) {
  return isa<ForStmt>(S) || isa<WhileStmt>(S) || isa<DoStmt>(S) || isa<CXXForRangeStmt>(S);
}

} // namespace

const ParentMap *ThrowGuards::parents(const FunctionDecl *In) {
  In = In->getCanonicalDecl();
  auto [It, New] = Parents.try_emplace(In);
  if (New) {
    const FunctionDecl *Def = nullptr;
    if (In->hasBody(Def) && Def && Def->getBody()) {
      It->second = std::make_unique<ParentMap>(Def->getBody());
      if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
        for (const CXXCtorInitializer *Init : Ctor->inits())
          if (Init->getInit())
            It->second->addStmt(Init->getInit());
    }
  }
  return It->second.get();
}

bool ThrowGuards::tested(const CallExpr *Call, const FunctionDecl *In, Precondition P,
                         const Expr *Object, const Expr *Arg) {
  if (!In || !Object || P == Precondition::None)
    return false;
  auto Key = std::make_pair(Call, static_cast<unsigned>(P));
  auto Found = Memo.find(Key);
  if (Found != Memo.end())
    return Found->second;
  bool &Result = Memo[Key];
  // Set by every constructor and never reassigned: no test needed.
  if (P == Precondition::Engaged && functionMemberAlwaysSet(Object))
    return Result = true;
  const ParentMap *PM = parents(In);
  if (!PM)
    return Result = false;

  Query Q{P, Object, Arg, std::nullopt};
  if (Arg && P != Precondition::Key) {
    Expr::EvalResult R;
    if (!Arg->isValueDependent() && Arg->EvaluateAsInt(R, Ctx) && !R.Val.getInt().isNegative())
      Q.ArgConst = R.Val.getInt().getLimitedValue();
  }
  Reader Read(Ctx, Q);
  // What runs between a test found further up and the call.
  llvm::SmallVector<const Stmt *, 16> Between;
  auto unchangedSince = [&] {
    for (const Stmt *S : Between)
      if (Read.mayChange(S))
        return false;
    return true;
  };
  auto holds = [&](const Expr *Cond, bool Value) {
    return Read.implies(Cond, Value) && unchangedSince();
  };

  bool InCase = false; // below a `case` label: tests before it are skipped
  const Stmt *Child = Call;
  for (unsigned Level = 0; Level < MaxLevels; ++Level) {
    const Stmt *Parent = PM->getParent(Child);
    if (!Parent)
      break;
    if (isa<LabelStmt>(Parent))
      break; // a `goto` from anywhere may land here
    if (isa<SwitchCase>(Parent))
      InCase = true;
    if (isa<SwitchStmt>(Parent))
      InCase = false;
    if (!InCase) {
      if (const auto *If = dyn_cast<IfStmt>(Parent); If && !If->isConsteval()) {
        if ((Child == If->getThen() && holds(If->getCond(), true)) ||
            (Child == If->getElse() && holds(If->getCond(), false)))
          return Result = true;
      } else if (const auto *CO = dyn_cast<ConditionalOperator>(Parent)) {
        if ((Child == CO->getTrueExpr() && holds(CO->getCond(), true)) ||
            (Child == CO->getFalseExpr() && holds(CO->getCond(), false)))
          return Result = true;
      } else if (const auto *BO = dyn_cast<BinaryOperator>(Parent);
                 BO && BO->isLogicalOp() && Child == BO->getRHS()) {
        if (holds(BO->getLHS(), BO->getOpcode() == BO_LAnd))
          return Result = true;
      } else if (const auto *W = dyn_cast<WhileStmt>(Parent);
                 W && Child == W->getBody() && holds(W->getCond(), true)) {
        return Result = true;
      } else if (const auto *F = dyn_cast<ForStmt>(Parent);
                 F && Child == F->getBody() && holds(F->getCond(), true)) {
        return Result = true;
      } else if (const auto *CS = dyn_cast<CompoundStmt>(Parent)) {
        auto Body = CS->body();
        auto It = llvm::find(Body, Child);
        if (It == Body.end())
          return Result = false;
        for (unsigned Seen = 0; It != Body.begin(); ++Seen) {
          --It;
          // Entered by a jump past what comes before, or too far to read:
          // nothing further up can count.
          if (isa<SwitchCase>(*It) || isa<LabelStmt>(*It) || Seen == MaxSiblings)
            return Result = false;
          if (auto After = conditionAfter(*It); After && holds(After->first, After->second))
            return Result = true;
          // An assert NDEBUG compiled out still states the author's invariant.
          if (auto Stated = compiledOutAssert(*It, Ctx);
              Stated && Read.statedBy(*Stated) && unchangedSince())
            return Result = true;
          Between.push_back(*It);
        }
      }
    }
    // A later round of a loop may change the object before the call again.
    if (isLoop(Parent))
      Between.push_back(Parent);
    if (isa<CompoundStmt>(Parent) && InCase)
      Between.push_back(Parent);
    Child = Parent;
  }
  return Result = false;
}

} // namespace lockcheck
