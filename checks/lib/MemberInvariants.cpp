//===- MemberInvariants.cpp - what every object of a class carries --------===//
//
// Reads the constructors of the member's class: each one the class declares
// (but copies and moves, which copy the invariant, and delegating ones,
// which end in another constructor) must have a body in sight and set the
// member to something other than an empty function (MemberInvariants.h).
//
//===----------------------------------------------------------------------===//
#include "lockcheck/MemberInvariants.h"
#include "lockcheck/StdThrowTable.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace lockcheck {
namespace {

bool isStdFunctionType(QualType T) {
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && isStdLibrary(RD) && RD->getIdentifier() &&
         (RD->getName() == "function" || RD->getName() == "move_only_function");
}

/// Whether initializing a std::function with \p E gives it a target as far
/// as the source shows: not `{}`, `()`, `nullptr` or the default.
bool setsTarget(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 16; ++Depth) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(E)) {
      E = DI->getExpr();
    } else if (const auto *EWC = dyn_cast<ExprWithCleanups>(E)) {
      E = EWC->getSubExpr();
    } else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
    } else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E)) {
      E = B->getSubExpr();
    } else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E)) {
      E = FC->getSubExpr();
    } else if (const auto *IL = dyn_cast<InitListExpr>(E)) {
      if (IL->getNumInits() != 1)
        return false;
      E = IL->getInit(0);
    } else if (const auto *PL = dyn_cast<ParenListExpr>(E)) { // in a template
      if (PL->getNumExprs() != 1)
        return false;
      E = PL->getExpr(0);
    } else if (const auto *UC = dyn_cast<CXXUnresolvedConstructExpr>(E)) {
      if (UC->getNumArgs() != 1)
        return false;
      E = UC->getArg(0);
    } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() == 0)
        return false; // default-constructed: empty
      const Expr *Arg = CE->getArg(0);
      // A copy or move of another function: whatever the caller gave.
      if (CE->getConstructor()->isCopyOrMoveConstructor())
        return true;
      E = Arg;
    } else {
      return !E->getType()->isNullPtrType() && !isa<CXXNullPtrLiteralExpr>(E) &&
             !isa<GNUNullExpr>(E) && !isa<CXXScalarValueInitExpr>(E) &&
             !isa<IntegerLiteral>(E); // `0` as a null pointer
    }
  }
  return false;
}

/// What constructor definition \p Ctor gives the member named like \p Field:
/// its written initializer, else the member's in-class one (a template's
/// pattern lists only the written ones).
const Expr *initializerOf(const CXXConstructorDecl *Ctor, const FieldDecl *Field) {
  for (const CXXCtorInitializer *Init : Ctor->inits())
    if (const FieldDecl *M = Init->getMember();
        M && M->getDeclName() == Field->getDeclName())
      return Init->getInit();
  for (const FieldDecl *F : Ctor->getParent()->fields())
    if (F->getDeclName() == Field->getDeclName())
      return F->hasInClassInitializer() ? F->getInClassInitializer() : nullptr;
  return nullptr;
}

/// \p Ctor's definition: its own, or for a template's member not used
/// here, the template's.
const CXXConstructorDecl *definitionOf(const CXXConstructorDecl *Ctor) {
  const FunctionDecl *Def = nullptr;
  if (Ctor->hasBody(Def) && Def)
    return dyn_cast<CXXConstructorDecl>(Def);
  if (const FunctionDecl *Pattern = Ctor->getTemplateInstantiationPattern();
      Pattern && Pattern->hasBody(Def) && Def)
    return dyn_cast<CXXConstructorDecl>(Def);
  return nullptr;
}

} // namespace

bool functionMemberAlwaysSet(const Expr *Object) {
  if (!Object)
    return false;
  const auto *ME = dyn_cast<MemberExpr>(Object->IgnoreParenImpCasts());
  const auto *Field = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!Field || !Field->getType().isConstQualified() || !isStdFunctionType(Field->getType()))
    return false;
  const auto *RD = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!RD || !RD->hasDefinition() || RD->isUnion())
    return false;
  bool AnyConstructor = false;
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    if (Ctor->isDeleted() || Ctor->isCopyOrMoveConstructor())
      continue;
    if (!Ctor->isUserProvided() && !Ctor->isExplicitlyDefaulted())
      continue; // implicit: see the aggregate test below
    AnyConstructor = true;
    const CXXConstructorDecl *Def = definitionOf(Ctor);
    if (!Def && Ctor->isExplicitlyDefaulted()) { // `= default`, not used here
      if (!setsTarget(Field->hasInClassInitializer() ? Field->getInClassInitializer() : nullptr))
        return false;
      continue;
    }
    if (!Def)
      return false; // defined out of sight
    if (Def->isDelegatingConstructor())
      continue;
    if (!setsTarget(initializerOf(Def, Field)))
      return false;
  }
  // A class with no constructor of its own may be built by aggregate
  // initialization, which can leave the member out.
  return AnyConstructor;
}

} // namespace lockcheck
