//===- ConditionEdges.cpp - values of `&&`, `||`, `?:` from the CFG -------===//
//
// `bool ok = c && m.try_lock();` or `if (__builtin_expect(c && m.try_lock(), 1))`
// use a logical operator as a value. Clang's CFG evaluates its operands in
// blocks of their own and computes the value at the start of a join block,
// whose in-edges each carry one outcome: an edge straight from an operand's
// branch is the short-circuit result (successor 0 means true), an edge from
// the block that evaluated the last operand carries that operand's value, and
// for `?:` the edge from an arm carries that arm's value. Recording the value
// on the edge, before paths merge in the join, keeps it tied to the locks of
// each path: the path where `c` was false and the one where the try-lock
// failed agree that `ok` is false, so the fact survives their merge.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/Conditions.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"

using namespace clang;

namespace lockcheck {

/// Whether \p S is \p Root or inside it (lambda bodies excluded).
static bool within(const Stmt *S, const Stmt *Root) {
  llvm::SmallVector<const Stmt *, 16> Work{Root};
  while (!Work.empty()) {
    const Stmt *X = Work.pop_back_val();
    if (X == S)
      return true;
    if (!X || isa<LambdaExpr>(X))
      continue;
    for (const Stmt *C : X->children())
      Work.push_back(C);
  }
  return false;
}

const Expr *ConditionModel::valueJoin(const CFGBlock *B) {
  auto [It, New] = JoinCache.try_emplace(B, nullptr);
  if (!New)
    return It->second;
  // The CFG builder puts the operator first in the block that continues
  // after its operands.
  for (const CFGElement &E : *B) {
    auto CS = E.getAs<CFGStmt>();
    if (!CS)
      continue;
    const auto *X = dyn_cast<Expr>(CS->getStmt());
    const auto *BO = dyn_cast_or_null<BinaryOperator>(X);
    if ((BO && BO->isLogicalOp()) || isa_and_nonnull<ConditionalOperator>(X))
      It->second = X;
    break;
  }
  return It->second;
}

/// The last statement \p B evaluates: its terminator's condition, or its
/// last element.
static const Stmt *lastEvaluated(const CFGBlock *B) {
  for (auto It = B->rbegin(); It != B->rend(); ++It)
    if (auto CS = It->getAs<CFGStmt>())
      return CS->getStmt();
  return nullptr;
}

Tri ConditionModel::valueOnEdge(const Expr *V, const CFGBlock *From, unsigned SuccIndex,
                                const Disjunct &D) {
  if (const auto *CO = dyn_cast<ConditionalOperator>(V)) {
    const Stmt *Last = lastEvaluated(From);
    if (!Last || From->getTerminatorStmt() == CO)
      return Tri::Unknown;
    if (within(Last, CO->getTrueExpr()))
      return eval(CO->getTrueExpr(), D);
    if (within(Last, CO->getFalseExpr()))
      return eval(CO->getFalseExpr(), D);
    return Tri::Unknown;
  }
  // A branch of one of V's operators that leads straight here decides V.
  if (const auto *T = dyn_cast_or_null<BinaryOperator>(From->getTerminatorStmt());
      T && T->isLogicalOp() && within(T, V))
    return SuccIndex == 0 ? Tri::True : Tri::False;
  // Otherwise From evaluated V's last operand.
  return eval(branchedOn(V), D);
}

void ConditionModel::enterValueJoin(const CFGBlock *From, unsigned SuccIndex,
                                    const CFGBlock *To, Disjunct &D) {
  const Expr *V = valueJoin(To);
  if (!V)
    return;
  Tri T = valueOnEdge(V, From, SuccIndex, D);
  if (T == Tri::Unknown) {
    llvm::erase_if(D.Facts, [&](const Fact &F) { return F.Key == V; });
    return;
  }
  Fact F;
  F.Key = V;
  F.Value = T == Tri::True;
  D.setFact(std::move(F));
}

} // namespace lockcheck
