//===- WriteEffects.cpp - what a call may change --------------------------===//
#include "lockcheck/WriteEffects.h"
#include "lockcheck/CallTargets.h"
#include "lockcheck/LockModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace lockcheck {

// How many calls deep a body's writes are followed.
static constexpr unsigned MaxDepth = 6;

WriteEffects::~WriteEffects() = default;

void WriteEffects::Effect::merge(const Effect &O) {
  Written.insert(O.Written.begin(), O.Written.end());
  Records.insert(O.Records.begin(), O.Records.end());
  ExternalGlobals |= O.ExternalGlobals;
}

bool WriteEffects::isMemory(const ValueDecl *D) {
  if (isa<FieldDecl>(D))
    return true;
  const auto *VD = dyn_cast<VarDecl>(D);
  return VD && VD->hasGlobalStorage();
}

/// The field or global an lvalue names (`s->a.b` names field b), if any.
static const ValueDecl *writtenDecl(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && VD->hasGlobalStorage())
      return VD;
  return nullptr;
}

/// The record an object of type \p T is (arrays of records included).
static const RecordDecl *recordOf(QualType T) {
  while (const ArrayType *AT = T->getAsArrayTypeUnsafe())
    T = AT->getElementType();
  if (const RecordDecl *RD = T->getAsRecordDecl())
    return RD->getDefinition() ? RD->getDefinition() : RD;
  return nullptr;
}

/// The lvalue written through `*p = ...`, `p[i] = ...`: a whole object of
/// the pointee's type.
static void addPointeeWrite(WriteEffects::Effect &Into, const Expr *LHS) {
  LHS = LHS->IgnoreParenImpCasts();
  if (isa<UnaryOperator>(LHS) || isa<ArraySubscriptExpr>(LHS) || isa<CXXOperatorCallExpr>(LHS))
    if (const RecordDecl *RD = recordOf(LHS->getType()))
      Into.Records.insert(RD);
}

void WriteEffects::addUnknownCall(Effect &Into, const CallExpr *CE, const FunctionDecl *Callee) {
  // A library function cannot name the program's globals.
  bool System = Callee && Ctx.getSourceManager().isInSystemHeader(Callee->getLocation());
  if (!System)
    Into.ExternalGlobals = true;
  auto receives = [&](const Expr *Arg, QualType ParamType) {
    // The object's type before conversions (`void *` hides nothing), the
    // constness the callee declares.
    QualType T = Arg->IgnoreParenImpCasts()->getType();
    if (!ParamType.isNull() && ParamType->isReferenceType()) {
      if (ParamType.getNonReferenceType().isConstQualified())
        return;
    } else if (const auto *PP = ParamType.isNull() ? nullptr : ParamType->getAs<PointerType>();
               PP && PP->getPointeeType().isConstQualified()) {
      return;
    } else if (const auto *PT = T->getAs<PointerType>()) {
      T = PT->getPointeeType();
    } else if (T->isArrayType()) {
      T = QualType(T->getPointeeOrArrayElementType(), 0);
    } else {
      return;
    }
    if (T.isConstQualified())
      return;
    if (const RecordDecl *RD = recordOf(T))
      Into.Records.insert(RD);
  };
  unsigned First = 0;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
    const CXXMethodDecl *MD = MCE->getMethodDecl();
    if (const Expr *Obj = MCE->getImplicitObjectArgument(); Obj && MD && !MD->isConst()) {
      QualType T = Obj->getType();
      if (const auto *PT = T->getAs<PointerType>())
        T = PT->getPointeeType();
      if (const RecordDecl *RD = recordOf(T))
        Into.Records.insert(RD);
    }
  } else if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE);
             OCE && isa_and_nonnull<CXXMethodDecl>(Callee)) {
    First = 1; // the object is argument 0
    if (!cast<CXXMethodDecl>(Callee)->isConst() && CE->getNumArgs() > 0)
      if (const RecordDecl *RD = recordOf(CE->getArg(0)->getType()))
        Into.Records.insert(RD);
  }
  for (unsigned I = First; I < CE->getNumArgs(); ++I) {
    QualType PT;
    if (Callee && I - First < Callee->getNumParams())
      PT = Callee->getParamDecl(I - First)->getType();
    receives(CE->getArg(I), PT);
  }
}

void WriteEffects::addCall(Effect &Into, const CallExpr *CE, unsigned Depth) {
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (Callee) {
    if (unsigned ID = Callee->getBuiltinID())
      if (Ctx.BuiltinInfo.isConst(ID) || Ctx.BuiltinInfo.isPure(ID))
        return;
    if (Callee->hasAttr<ConstAttr>() || Callee->hasAttr<PureAttr>())
      return;
  }
  if (Model.classifyCall(CE))
    return; // a lock primitive changes locks, nothing a condition reads
  bool Virtual = false;
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE))
    Virtual = dispatchesVirtually(MCE);
  if (Callee && !Virtual)
    if (const Effect *E = ofFunction(Callee, Depth)) {
      Into.merge(*E);
      return;
    }
  addUnknownCall(Into, CE, Callee);
}

void WriteEffects::addBody(Effect &Into, const Stmt *Body, unsigned Depth) {
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue; // a lambda's body runs when it is called
    if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp()) {
      if (const ValueDecl *D = writtenDecl(BO->getLHS()))
        Into.Written.insert(D);
      addPointeeWrite(Into, BO->getLHS());
    } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
      if (UO->isIncrementDecrementOp() || UO->getOpcode() == UO_AddrOf)
        if (const ValueDecl *D = writtenDecl(UO->getSubExpr()))
          Into.Written.insert(D);
    } else if (const auto *CE = dyn_cast<CallExpr>(S)) {
      addCall(Into, CE, Depth + 1);
    }
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
}

const WriteEffects::Effect *WriteEffects::ofFunction(const FunctionDecl *FD, unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def)
    return nullptr;
  Def = Def->getCanonicalDecl();
  auto It = Functions.find(Def);
  if (It != Functions.end())
    return It->second.get();
  // Too deep, or recursion: the caller takes it as unknown (not cached, so
  // a later call from nearer the top is followed).
  if (Depth > MaxDepth || InProgress.count(Def))
    return nullptr;
  InProgress.insert(Def);
  auto E = std::make_unique<Effect>();
  const FunctionDecl *WithBody = nullptr;
  FD->hasBody(WithBody);
  addBody(*E, WithBody->getBody(), Depth);
  // A constructor's member initialisers and a method's writes to its own
  // object are in the body; nothing else to add.
  InProgress.erase(Def);
  return (Functions[Def] = std::move(E)).get();
}

const WriteEffects::Effect &WriteEffects::ofCall(const CallExpr *CE) {
  auto It = Calls.find(CE);
  if (It != Calls.end())
    return *It->second;
  auto E = std::make_unique<Effect>();
  addCall(*E, CE, 0);
  return *(Calls[CE] = std::move(E));
}

bool WriteEffects::mayWrite(const CallExpr *CE, const ValueDecl *D) {
  if (!isMemory(D))
    return false;
  const Effect &E = ofCall(CE);
  if (E.Written.count(D))
    return true;
  if (const auto *F = dyn_cast<FieldDecl>(D)) {
    // A const member is set once, by the constructor (rocksdb's
    // `const bool two_write_queues_`): no call changes it.
    if (F->getType().isConstQualified() && !F->isMutable())
      return false;
    const RecordDecl *Parent = F->getParent();
    for (const RecordDecl *R : E.Records) {
      if (R == Parent || R->getCanonicalDecl() == Parent->getCanonicalDecl())
        return true;
      const auto *CR = dyn_cast<CXXRecordDecl>(R);
      const auto *CP = dyn_cast<CXXRecordDecl>(Parent);
      if (CR && CP && CR->hasDefinition() && CR->isDerivedFrom(CP))
        return true;
    }
    return false;
  }
  const auto *VD = cast<VarDecl>(D);
  return E.ExternalGlobals && VD->isExternallyVisible() && !VD->getType().isConstQualified();
}

} // namespace lockcheck
