//===- AccessLog.cpp - reads and writes of shared state, with their locks -===//
//
// See AccessLog.h. The walk that finds accesses decides read or write from
// the context: assignment and ++/-- write, a non-const member call on an
// object field writes it, a value use reads it; taking the address or binding
// a non-const reference is neither (what happens through it is not seen).
// A member of a struct-valued field or global (`s_.count`, `g.n`) is an
// access to that field or global.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/AccessLog.h"
#include "lockcheck/EnclosingFunction.h"
#include "lockcheck/ImportResolver.h"
#include "lockcheck/LockModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringExtras.h"
#include <map>
#include <optional>

using namespace clang;

namespace lockcheck {

namespace {

/// A lock held at a point, in the terms of the function it is held in.
struct Held {
  LockPath Path;
  bool Exclusive = true;
};
using HeldList = llvm::SmallVector<Held, 2>;

bool startsWith(const LockPath &P, const LockPath &Prefix) {
  return !Prefix.empty() && P.Steps.size() >= Prefix.Steps.size() &&
         std::equal(Prefix.Steps.begin(), Prefix.Steps.end(), P.Steps.begin());
}

void addHeld(HeldList &Into, const Held &H) {
  for (Held &X : Into)
    if (X.Path == H.Path) {
      X.Exclusive |= H.Exclusive;
      return;
    }
  Into.push_back(H);
}

HeldList intersect(const HeldList &A, const HeldList &B) {
  HeldList Out;
  for (const Held &X : A)
    for (const Held &Y : B)
      if (X.Path == Y.Path) {
        Out.push_back({X.Path, X.Exclusive && Y.Exclusive});
        break;
      }
  return Out;
}

bool sameHeld(const HeldList &A, const HeldList &B) {
  if (A.size() != B.size())
    return false;
  for (const Held &X : A) {
    bool Found = false;
    for (const Held &Y : B)
      Found |= X.Path == Y.Path && X.Exclusive == Y.Exclusive;
    if (!Found)
      return false;
  }
  return true;
}

bool isGlobalRoot(const LockPath &P) {
  if (P.empty() || P.Steps.front().K != PathStep::Var)
    return false;
  const auto *VD = dyn_cast_or_null<VarDecl>(P.Steps.front().Decl);
  return VD && VD->hasGlobalStorage();
}

/// The declaration a template instantiation's member comes from, so that
/// every instantiation of a class shares its fields' statistics.
const NamedDecl *patternOf(const NamedDecl *D) {
  if (const auto *FD = dyn_cast<FieldDecl>(D)) {
    const auto *RD = dyn_cast<CXXRecordDecl>(FD->getParent());
    const CXXRecordDecl *Pattern = RD ? RD->getTemplateInstantiationPattern() : nullptr;
    if (Pattern && Pattern != RD && FD->getDeclName())
      for (const NamedDecl *ND : Pattern->lookup(FD->getDeclName()))
        if (isa<FieldDecl>(ND))
          return ND;
    return FD;
  }
  if (const auto *VD = dyn_cast<VarDecl>(D))
    if (const VarDecl *From = VD->getInstantiatedFromStaticDataMember())
      return From;
  return D;
}

/// A path's steps as key text: declarations by qualified name.
std::string keyText(llvm::ArrayRef<PathStep> Steps) {
  std::string S;
  for (const PathStep &St : Steps) {
    switch (St.K) {
    case PathStep::Var:
      S += "$" + patternOf(St.Decl)->getQualifiedNameAsString();
      break;
    case PathStep::This:
      S += "$this";
      break;
    case PathStep::Field:
      S += "." + patternOf(St.Decl)->getQualifiedNameAsString();
      break;
    case PathStep::Deref:
      S += "*";
      break;
    case PathStep::Index:
      S += "[" + (St.Decl ? St.Decl->getNameAsString() : std::to_string(St.Const)) + "]";
      break;
    case PathStep::Call:
      S += "." + St.Decl->getQualifiedNameAsString() + "()";
      break;
    }
  }
  return S;
}

/// A relative path's steps as messages show them ("mu_", "impl_->mu").
std::string displayText(llvm::ArrayRef<PathStep> Steps) {
  std::string S;
  bool Deref = false;
  for (const PathStep &St : Steps) {
    if (St.K == PathStep::Deref) {
      Deref = true;
      continue;
    }
    std::string Part = St.K == PathStep::Index
                           ? "[" + (St.Decl ? St.Decl->getNameAsString()
                                            : std::to_string(St.Const)) + "]"
                           : St.Decl ? St.Decl->getNameAsString() : "this";
    if (St.K == PathStep::Call)
      Part += "()";
    if (!S.empty() && St.K != PathStep::Index)
      S += Deref ? "->" : ".";
    S += Part;
    Deref = false;
  }
  return S;
}

enum class Mode { Read, Write, Ignore };

/// A found access, or a call to a function whose entry locks come from its
/// callers.
struct Slot {
  const Expr *E = nullptr;
  const FunctionDecl *Fn = nullptr;
  bool IsCall = false;
  // Accesses:
  const ValueDecl *Var = nullptr;
  bool Write = false;
  bool Pointee = false; // a PT_GUARDED_BY pointer dereferenced
  // Calls:
  unsigned Callee = 0;
  bool UnnamedObject = false; // `this` or a pointer/reference argument has no path
  // Filled by the report pass (or, for functions never analysed, at the end):
  bool Seen = false;
  HeldList HeldHere;
  LockPath Base;                                        // accesses
  LockPath ThisObject;                                  // calls
  llvm::SmallVector<std::pair<const ParmVarDecl *, LockPath>, 2> Args; // calls
};

} // namespace

struct AccessLog::Impl {
  ASTContext &Ctx;
  const SourceManager &SM;
  const LockModel &Model;
  std::vector<const FunctionDecl *> Fns;
  llvm::DenseMap<const FunctionDecl *, unsigned> IndexOf; // canonical decl
  std::vector<Slot> Slots;
  llvm::DenseMap<const Stmt *, unsigned> SlotOf;
  llvm::DenseMap<const ValueDecl *, bool> Tracked;
  llvm::DenseSet<const FunctionDecl *> AddressTaken; // canonical
  // Per function: 0 not analysed, 1 report pass done, 2 gave up.
  std::vector<uint8_t> Analysed;
  /// Functions that initialise or destroy a lock (C's constructors and
  /// destructors: `pthread_mutex_init(&q->lock, 0); q->len = 0;`).
  llvm::DenseSet<const FunctionDecl *> SetsUpLocks;

  Impl(ASTContext &Ctx, const LockModel &Model) : Ctx(Ctx), SM(Ctx.getSourceManager()), Model(Model) {}

  bool inSystemHeader(SourceLocation L) const {
    return L.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(L));
  }

  // --- which variables are shared state worth checking

  static bool nameSaysSynchronized(llvm::StringRef Name) {
    std::string L = Name.lower();
    for (const char *Word :
         {"atomic", "condition_variable", "pthread_cond", "condvar", "once_flag", "semaphore",
          "std::latch", "std::barrier", "std::thread", "std::jthread", "std::future",
          "std::shared_future", "std::promise", "mutex", "pthread_t", "sem_t", "cnd_t",
          "thrd_t", "spinlock", "pthread_spin", "pthread_rwlock"})
      if (llvm::StringRef(L).contains(Word))
        return true;
    return false;
  }

  bool excludedType(QualType T) const {
    if (T.isNull() || T->isReferenceType() || T->isDependentType())
      return true;
    while (const ArrayType *AT = Ctx.getAsArrayType(T))
      T = AT->getElementType();
    if (T.isConstQualified() || T.isVolatileQualified() || T->isAtomicType())
      return true;
    if (Model.isLockType(T) || Model.isGuardType(T))
      return true;
    if (nameSaysSynchronized(T.getAsString()) ||
        nameSaysSynchronized(T.getCanonicalType().getAsString()))
      return true;
    // A class with a lock of its own synchronises itself.
    if (const RecordDecl *RD = T->getAsRecordDecl())
      if (const RecordDecl *Def = RD->getDefinition())
        for (const FieldDecl *F : Def->fields())
          if (Model.isLockType(F->getType()))
            return true;
    return false;
  }

  bool tracked(const ValueDecl *D) {
    auto [It, New] = Tracked.try_emplace(D, false);
    if (!New)
      return It->second;
    bool Yes = false;
    if (const auto *F = dyn_cast<FieldDecl>(D)) {
      Yes = !inSystemHeader(F->getLocation()) && !excludedType(F->getType());
    } else if (const auto *V = dyn_cast<VarDecl>(D)) {
      Yes = V->hasGlobalStorage() && V->getTLSKind() == VarDecl::TLS_None &&
            !V->isConstexpr() && !isa<ParmVarDecl>(V) && !inSystemHeader(V->getLocation()) &&
            !excludedType(V->getType());
    }
    if (Yes && D->hasAttr<PtGuardedByAttr>() && !D->getType()->isPointerType())
      Yes = false;
    Tracked[D] = Yes;
    return Yes;
  }

  // --- functions whose entry locks come from their callers

  bool followsCallers(const FunctionDecl *FD) const {
    FD = FD->getCanonicalDecl();
    if (!IndexOf.count(FD) || AddressTaken.count(FD) || FD->isMain())
      return false;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->isVirtual() || MD->getParent()->isLambda())
        return false;
    return true;
  }

  // --- the walk that finds accesses

  void addAccess(const Expr *E, const ValueDecl *Var, Mode M, const FunctionDecl *Fn,
                 bool Pointee = false) {
    if (M == Mode::Ignore || !tracked(Var))
      return;
    if (SlotOf.count(E))
      return;
    Slot S;
    S.E = E;
    S.Fn = Fn;
    S.Var = Var;
    S.Write = M == Mode::Write;
    S.Pointee = Pointee;
    SlotOf[E] = Slots.size();
    Slots.push_back(std::move(S));
  }

  /// The variable an expression names directly (`x`, `this->x`, `p->x`).
  const ValueDecl *namedVar(const Expr *E) const {
    E = E->IgnoreParens();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return dyn_cast<VarDecl>(DRE->getDecl());
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return isa<FieldDecl, VarDecl>(ME->getMemberDecl()) ? ME->getMemberDecl() : nullptr;
    return nullptr;
  }

  /// Dereferencing pointer \p Ptr (read): a PT_GUARDED_BY pointer's pointee
  /// is accessed in mode \p M.
  void deref(const Expr *Ptr, Mode M, const FunctionDecl *Fn) {
    const Expr *Inner = Ptr->IgnoreParens();
    if (const auto *IC = dyn_cast<ImplicitCastExpr>(Inner);
        IC && IC->getCastKind() == CK_LValueToRValue) {
      const Expr *Named = IC->getSubExpr()->IgnoreParens();
      if (const ValueDecl *V = namedVar(Named); V && V->hasAttr<PtGuardedByAttr>()) {
        addAccess(Named, V, M, Fn, /*Pointee=*/true);
        visitBaseOf(Named, Fn);
        return;
      }
    }
    visit(Ptr, Mode::Read, Fn);
  }

  /// The object expression of a named member (not itself an access).
  void visitBaseOf(const Expr *Named, const FunctionDecl *Fn) {
    if (const auto *ME = dyn_cast<MemberExpr>(Named))
      visit(ME->getBase(), Mode::Read, Fn);
  }

  void visitArgs(const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args,
                 const FunctionDecl *Fn) {
    for (unsigned I = 0; I < Args.size(); ++I) {
      Mode M = Mode::Read;
      if (Callee && I < Callee->getNumParams()) {
        QualType T = Callee->getParamDecl(I)->getType();
        if (T->isReferenceType() && (T->isRValueReferenceType() ||
                                     !T->getPointeeType().isConstQualified()))
          M = Mode::Ignore; // what the callee does through it is not seen here
      }
      visit(Args[I], M, Fn);
    }
  }

  static bool initOrDestroyLock(const FunctionDecl *Callee) {
    const IdentifierInfo *II = Callee ? Callee->getIdentifier() : nullptr;
    if (!II)
      return false;
    llvm::StringRef N = II->getName();
    return N == "pthread_mutex_init" || N == "pthread_mutex_destroy" ||
           N == "pthread_rwlock_init" || N == "pthread_rwlock_destroy" ||
           N == "pthread_spin_init" || N == "pthread_spin_destroy" || N == "mtx_init" ||
           N == "mtx_destroy";
  }

  /// A non-const member function with a const overload (`operator[]`,
  /// `find`, `begin`) only gives access: calling it reads the object.
  static Mode objectMode(const CXXMethodDecl *MD) {
    if (!MD || MD->isConst())
      return Mode::Read;
    for (const NamedDecl *ND : MD->getParent()->lookup(MD->getDeclName())) {
      const auto *Other = dyn_cast<CXXMethodDecl>(ND);
      if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(ND))
        Other = dyn_cast<CXXMethodDecl>(FTD->getTemplatedDecl());
      if (Other && Other->isConst())
        return Mode::Read;
    }
    return Mode::Write;
  }

  /// `uv_mutex_init(&s->mu)`, `my_cond_destroy(&c)`: a lock is set up or
  /// torn down by a function of the project's own.
  bool setsUpLockArg(const FunctionDecl *Callee, llvm::ArrayRef<const Expr *> Args) const {
    const IdentifierInfo *II = Callee ? Callee->getIdentifier() : nullptr;
    if (!II)
      return false;
    std::string N = II->getName().lower();
    if (!llvm::StringRef(N).contains("init") && !llvm::StringRef(N).contains("destroy"))
      return false;
    for (const Expr *A : Args)
      if (const auto *UO = dyn_cast<UnaryOperator>(A->IgnoreParenImpCasts());
          UO && UO->getOpcode() == UO_AddrOf) {
        QualType T = UO->getSubExpr()->getType();
        if (Model.isLockType(T) || nameSaysSynchronized(T.getAsString()))
          return true;
      }
    return false;
  }

  void addCall(const Expr *E, const FunctionDecl *Callee, const FunctionDecl *Fn) {
    if (const auto *CE = dyn_cast<CallExpr>(E);
        CE && setsUpLockArg(Callee, llvm::ArrayRef(CE->getArgs(), CE->getNumArgs())))
      SetsUpLocks.insert(Fn->getCanonicalDecl());
    if (initOrDestroyLock(Callee))
      SetsUpLocks.insert(Fn->getCanonicalDecl());
    if (!Callee || !followsCallers(Callee) || SlotOf.count(E))
      return;
    Slot S;
    S.E = E;
    S.Fn = Fn;
    S.IsCall = true;
    S.Callee = IndexOf.lookup(Callee->getCanonicalDecl());
    SlotOf[E] = Slots.size();
    Slots.push_back(std::move(S));
  }

  void visitChildren(const Stmt *S, const FunctionDecl *Fn) {
    for (const Stmt *C : S->children())
      visit(C, Mode::Read, Fn);
  }

  void visit(const Stmt *S, Mode M, const FunctionDecl *Fn) {
    if (!S)
      return;
    if (const auto *E = dyn_cast<Expr>(S))
      return visitExpr(E, M, Fn);
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit()) {
          QualType T = VD->getType();
          bool Alias = T->isReferenceType() && (T->isRValueReferenceType() ||
                                                !T->getPointeeType().isConstQualified());
          visit(VD->getInit(), Alias ? Mode::Ignore : Mode::Read, Fn);
        }
      return;
    }
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      QualType T = Fn->getReturnType();
      bool Alias = T->isReferenceType() && !T->getPointeeType().isConstQualified();
      return visit(R->getRetValue(), Alias ? Mode::Ignore : Mode::Read, Fn);
    }
    if (const auto *FR = dyn_cast<CXXForRangeStmt>(S)) {
      // `for (x : items_)` reads items_ (the implicit range variable binds it).
      visit(FR->getInit(), Mode::Read, Fn);
      visit(FR->getRangeInit(), Mode::Read, Fn);
      visit(FR->getLoopVarStmt(), Mode::Read, Fn);
      visit(FR->getBody(), Mode::Read, Fn);
      return;
    }
    visitChildren(S, Fn);
  }

  void visitExpr(const Expr *E, Mode M, const FunctionDecl *Fn) {
    if (isa<UnaryExprOrTypeTraitExpr, CXXTypeidExpr, CXXNoexceptExpr, CXXDefaultArgExpr,
            CXXDefaultInitExpr, OpaqueValueExpr, PseudoObjectExpr, TypoExpr,
            RecoveryExpr>(E))
      return; // unevaluated, or evaluated elsewhere
    if (const auto *PE = dyn_cast<ParenExpr>(E))
      return visit(PE->getSubExpr(), M, Fn);
    if (const auto *CE = dyn_cast<CastExpr>(E)) {
      switch (CE->getCastKind()) {
      case CK_LValueToRValue:
        return visit(CE->getSubExpr(), Mode::Read, Fn);
      case CK_NoOp:
      case CK_DerivedToBase:
      case CK_UncheckedDerivedToBase:
      case CK_BaseToDerived:
        return visit(CE->getSubExpr(), M, Fn);
      case CK_ArrayToPointerDecay:
      case CK_FunctionToPointerDecay:
      case CK_ToVoid:
        return visit(CE->getSubExpr(), Mode::Ignore, Fn);
      default:
        return visit(CE->getSubExpr(), Mode::Read, Fn);
      }
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl()))
        AddressTaken.insert(FD->getCanonicalDecl()); // callees never get here
      else if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
               VD && !VD->hasAttr<PtGuardedByAttr>())
        addAccess(DRE, VD, M, Fn);
      return;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return visitMember(ME, M, Fn);
    if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
      if (BO->isAssignmentOp()) {
        visit(BO->getLHS(), Mode::Write, Fn);
        return visit(BO->getRHS(), Mode::Read, Fn);
      }
      if (BO->getOpcode() == BO_Comma) {
        visit(BO->getLHS(), Mode::Read, Fn);
        return visit(BO->getRHS(), M, Fn);
      }
      return visitChildren(E, Fn);
    }
    if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
      if (UO->isIncrementDecrementOp())
        return visit(UO->getSubExpr(), Mode::Write, Fn);
      if (UO->getOpcode() == UO_AddrOf)
        return visit(UO->getSubExpr(), Mode::Ignore, Fn);
      if (UO->getOpcode() == UO_Deref)
        return deref(UO->getSubExpr(), M, Fn);
      if (UO->getOpcode() == UO_Extension || UO->getOpcode() == UO_Real ||
          UO->getOpcode() == UO_Imag)
        return visit(UO->getSubExpr(), M, Fn);
      return visit(UO->getSubExpr(), Mode::Read, Fn);
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      const Expr *Base = AS->getBase()->IgnoreParens();
      if (const auto *IC = dyn_cast<ImplicitCastExpr>(Base);
          IC && IC->getCastKind() == CK_ArrayToPointerDecay)
        visit(IC->getSubExpr(), M, Fn); // an element of an array field: the field
      else
        deref(AS->getBase(), M, Fn);
      return visit(AS->getIdx(), Mode::Read, Fn);
    }
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
      visit(CO->getCond(), Mode::Read, Fn);
      visit(CO->getTrueExpr(), M, Fn);
      return visit(CO->getFalseExpr(), M, Fn);
    }
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(E)) {
      const auto *Callee = dyn_cast_or_null<MemberExpr>(MCE->getCallee()->IgnoreParens());
      const CXXMethodDecl *MD = MCE->getMethodDecl();
      if (Callee) {
        // `v.at(i) = x` writes through the reference an accessor returns.
        Mode Obj = M == Mode::Write ? Mode::Write : objectMode(MD);
        if (Callee->isArrow())
          deref(Callee->getBase(), Obj, Fn);
        else
          visit(Callee->getBase(), Obj, Fn);
      } else {
        visit(MCE->getCallee(), Mode::Read, Fn);
      }
      visitArgs(MD, llvm::ArrayRef(MCE->getArgs(), MCE->getNumArgs()), Fn);
      addCall(MCE, MD, Fn);
      return;
    }
    if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(E)) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OCE->getDirectCallee());
      llvm::ArrayRef<const Expr *> Args(OCE->getArgs(), OCE->getNumArgs());
      if (MD && !MD->isStatic() && !Args.empty()) {
        Mode Obj = M == Mode::Write ? Mode::Write : objectMode(MD);
        // `sp->x`, `*sp`: the smart pointer itself is only read.
        if (OCE->getOperator() == OO_Arrow || OCE->getOperator() == OO_Star)
          Obj = Mode::Read;
        visit(Args.front(), Obj, Fn);
        visitArgs(MD, Args.drop_front(), Fn);
        addCall(OCE, MD, Fn);
        return;
      }
      visitArgs(OCE->getDirectCallee(), Args, Fn);
      addCall(OCE, OCE->getDirectCallee(), Fn);
      return;
    }
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const Expr *CalleeE = CE->getCallee()->IgnoreParenImpCasts();
      if (!isa<DeclRefExpr>(CalleeE)) // a direct call's name is not a use of its address
        visit(CE->getCallee(), Mode::Read, Fn);
      visitArgs(CE->getDirectCallee(), llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()), Fn);
      addCall(CE, CE->getDirectCallee(), Fn);
      return;
    }
    if (const auto *CCE = dyn_cast<CXXConstructExpr>(E)) {
      visitArgs(CCE->getConstructor(), llvm::ArrayRef(CCE->getArgs(), CCE->getNumArgs()), Fn);
      return;
    }
    if (const auto *LE = dyn_cast<LambdaExpr>(E)) {
      // The body is a function of its own; copies made at capture are reads.
      for (const Expr *Init : LE->capture_inits())
        visit(Init, Mode::Read, Fn);
      return;
    }
    if (isa<MaterializeTemporaryExpr, ExprWithCleanups, CXXBindTemporaryExpr, ConstantExpr>(E)) {
      for (const Stmt *C : E->children())
        visit(C, M, Fn);
      return;
    }
    visitChildren(E, Fn);
  }

  void visitMember(const MemberExpr *ME, Mode M, const FunctionDecl *Fn) {
    const ValueDecl *D = ME->getMemberDecl();
    if (isa<CXXMethodDecl>(D)) // a bound member function, not called here
      return visit(ME->getBase(), Mode::Read, Fn);
    if (const auto *VD = dyn_cast<VarDecl>(D)) { // static data member
      if (!VD->hasAttr<PtGuardedByAttr>())
        addAccess(ME, VD, M, Fn);
      return visit(ME->getBase(), Mode::Ignore, Fn);
    }
    if (D->hasAttr<PtGuardedByAttr>()) { // the pointer itself is not guarded
      return ME->isArrow() ? deref(ME->getBase(), Mode::Read, Fn)
                           : visit(ME->getBase(), Mode::Read, Fn);
    }
    if (ME->isArrow()) {
      addAccess(ME, D, M, Fn);
      return deref(ME->getBase(), Mode::Read, Fn);
    }
    // `s_.count`, `g.n`: an access to the field or global holding the struct.
    const Expr *Base = ME->getBase()->IgnoreParens();
    while (const auto *IC = dyn_cast<ImplicitCastExpr>(Base)) {
      if (IC->getCastKind() != CK_NoOp && IC->getCastKind() != CK_UncheckedDerivedToBase &&
          IC->getCastKind() != CK_DerivedToBase)
        break;
      Base = IC->getSubExpr()->IgnoreParens();
    }
    if (const ValueDecl *Outer = namedVar(Base); Outer && tracked(Outer))
      return visit(ME->getBase(), M, Fn);
    addAccess(ME, D, M, Fn);
    visit(ME->getBase(), M == Mode::Ignore ? Mode::Ignore : Mode::Read, Fn);
  }

  // --- after the analyses

  /// Which locks are held at \p S's slot, from the report pass.
  static HeldList heldInEvery(const State &St, const LockTable &Locks) {
    HeldList Out;
    const Disjunct &First = St.Ds.front();
    for (const HeldLock &H : First.Held) {
      bool All = true, Excl = !H.Shared;
      for (const Disjunct &D : St.Ds) {
        const HeldLock *O = D.held(H.Id);
        if (!O) {
          All = false;
          break;
        }
        Excl &= !O->Shared;
      }
      if (All)
        Out.push_back({Locks.info(H.Id).Path, Excl});
    }
    return Out;
  }

  void fillPaths(Slot &S, const LockPathBuilder &Paths) {
    if (!S.IsCall) {
      if (const auto *ME = dyn_cast<MemberExpr>(S.E); ME && isa<FieldDecl>(S.Var))
        S.Base = Paths.fromExpr(ME->getBase(), ME->isArrow());
      return;
    }
    const FunctionDecl *Callee = Fns[S.Callee];
    llvm::ArrayRef<const Expr *> Args;
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(S.E)) {
      if (const auto *ME = dyn_cast<MemberExpr>(MCE->getCallee()->IgnoreParens())) {
        S.ThisObject = Paths.fromExpr(ME->getBase(), ME->isArrow());
        S.UnnamedObject |= S.ThisObject.empty();
      }
      Args = llvm::ArrayRef(MCE->getArgs(), MCE->getNumArgs());
    } else if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(S.E);
               OCE && isa<CXXMethodDecl>(Callee) && OCE->getNumArgs() > 0) {
      S.ThisObject = Paths.fromExpr(OCE->getArg(0), false);
      Args = llvm::ArrayRef(OCE->getArgs() + 1, OCE->getNumArgs() - 1);
    } else if (const auto *CE = dyn_cast<CallExpr>(S.E)) {
      Args = llvm::ArrayRef(CE->getArgs(), CE->getNumArgs());
    }
    for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
      const ParmVarDecl *PD = Callee->getParamDecl(I);
      QualType T = PD->getType();
      if (!T->isPointerType() && !T->isReferenceType())
        continue;
      LockPath A = Paths.fromExpr(Args[I], T->isPointerType());
      if (!A.empty())
        S.Args.push_back({PD, std::move(A)});
      else if (!Args[I]->IgnoreParenImpCasts()->isNullPointerConstant(
                   PD->getASTContext(), Expr::NPC_ValueDependentIsNotNull))
        S.UnnamedObject = true;
    }
  }

  /// A lock held by a caller, in the callee's terms (nullopt: not nameable).
  static std::optional<LockPath> intoCallee(const LockPath &L, const Slot &Call,
                                            const FunctionDecl *Callee) {
    auto rebase = [&](const LockPath &Prefix, llvm::ArrayRef<PathStep> Root) {
      LockPath Out;
      Out.Steps.append(Root.begin(), Root.end());
      Out.Steps.append(L.Steps.begin() + Prefix.Steps.size(), L.Steps.end());
      return Out;
    };
    if (startsWith(L, Call.ThisObject) && isa<CXXMethodDecl>(Callee)) {
      PathStep This{PathStep::This};
      return rebase(Call.ThisObject, This);
    }
    for (const auto &[PD, Obj] : Call.Args)
      if (startsWith(L, Obj)) {
        // The callee's parameter itself for a reference, its pointee for a pointer.
        llvm::SmallVector<PathStep, 2> Root{{PathStep::Var, PD}};
        if (PD->getType()->isPointerType())
          Root.push_back({PathStep::Deref});
        return rebase(Obj, Root);
      }
    if (isGlobalRoot(L))
      return L;
    return std::nullopt;
  }

  /// Locks the function's own annotations say it is called with.
  HeldList declaredHeld(const FunctionDecl *FD) const {
    HeldList Out;
    LockPathBuilder Fresh;
    auto add = [&](const Expr *E, bool Excl) {
      if (isa<StringLiteral>(E->IgnoreParenImpCasts()))
        return;
      LockPath P = Fresh.fromExpr(E, E->getType()->isPointerType());
      if (!P.empty())
        addHeld(Out, {P, Excl});
    };
    for (const auto *A : FD->specific_attrs<RequiresCapabilityAttr>()) {
      bool Excl = !A->isShared();
      if (A->args_size() == 0 && isa<CXXMethodDecl>(FD)) {
        LockPath This;
        This.Steps.push_back({PathStep::This});
        addHeld(Out, {This, Excl});
      }
      for (const Expr *E : A->args())
        add(E, Excl);
    }
    return Out;
  }

  /// Entry locks of every function that follows its callers; nullopt for one
  /// with no caller (or only in a cycle with no way in).
  std::vector<std::optional<HeldList>> entryLocks(std::vector<std::vector<unsigned>> &CallsTo) {
    unsigned N = Fns.size();
    std::vector<std::optional<HeldList>> Entry(N);
    std::vector<HeldList> Declared(N);
    for (unsigned I = 0; I < N; ++I)
      Declared[I] = declaredHeld(Fns[I]);
    // Greatest fixpoint: unknown (everything) first, narrowed call by call.
    for (unsigned Round = 0; Round < 16; ++Round) {
      bool Changed = false;
      for (unsigned F = 0; F < N; ++F) {
        if (CallsTo[F].empty())
          continue;
        std::optional<HeldList> Meet;
        for (unsigned C : CallsTo[F]) {
          const Slot &Call = Slots[C];
          unsigned Caller = IndexOf.lookup(Call.Fn->getCanonicalDecl());
          // Its locks are unknown, or the objects it passes cannot be named
          // (so neither could their locks): no evidence either way.
          if (Analysed[Caller] == 2 || Call.UnnamedObject)
            continue;
          HeldList AtCall = Call.HeldHere;
          for (const Held &H : Declared[Caller])
            addHeld(AtCall, H);
          if (followsCallers(Fns[Caller]) && !CallsTo[Caller].empty()) {
            if (!Entry[Caller])
              continue; // not known yet (optimistic)
            for (const Held &H : *Entry[Caller])
              addHeld(AtCall, H);
          }
          HeldList Mapped;
          for (const Held &H : AtCall)
            if (std::optional<LockPath> P = intoCallee(H.Path, Call, Fns[F]))
              addHeld(Mapped, {std::move(*P), H.Exclusive});
          Meet = Meet ? intersect(*Meet, Mapped) : Mapped;
        }
        if (Meet && (!Entry[F] || !sameHeld(*Entry[F], *Meet))) {
          Entry[F] = std::move(Meet);
          Changed = true;
        }
      }
      if (!Changed)
        break;
    }
    for (unsigned F = 0; F < N; ++F)
      if (Entry[F])
        for (const Held &H : Declared[F])
          addHeld(*Entry[F], H);
    return Entry;
  }

  /// Constructors and destructors, and functions that only they (or other
  /// such functions) call.
  std::vector<bool> initOnly(const std::vector<std::vector<unsigned>> &CallsTo) {
    unsigned N = Fns.size();
    std::vector<bool> Init(N, false);
    auto isSetUp = [&](unsigned I) {
      return isa<CXXConstructorDecl, CXXDestructorDecl>(Fns[I]) ||
             SetsUpLocks.count(Fns[I]->getCanonicalDecl());
    };
    for (unsigned I = 0; I < N; ++I)
      Init[I] = isSetUp(I) || !CallsTo[I].empty();
    for (bool Changed = true; Changed;) {
      Changed = false;
      for (unsigned I = 0; I < N; ++I) {
        if (!Init[I] || isSetUp(I))
          continue;
        for (unsigned C : CallsTo[I])
          if (!Init[IndexOf.lookup(Slots[C].Fn->getCanonicalDecl())]) {
            Init[I] = false;
            Changed = true;
            break;
          }
      }
    }
    return Init;
  }

  /// The key of lock \p L held at an access to \p Var whose object is \p Base.
  std::optional<HeldGuard> keyOf(const LockPath &L, bool Exclusive, const ValueDecl *Var,
                                 const LockPath &Base) const {
    HeldGuard G;
    G.Exclusive = Exclusive;
    // A lock chosen by a variable index (striped locks, `locks[i]`) is not
    // comparable between functions: it decides nothing.
    auto Striped = [](llvm::ArrayRef<PathStep> Steps) {
      return llvm::any_of(Steps,
                          [](const PathStep &St) { return St.K == PathStep::Index && St.Decl; });
    };
    if (isa<FieldDecl>(Var)) {
      size_t Common = 0;
      while (Common < Base.Steps.size() && Common < L.Steps.size() &&
             Base.Steps[Common] == L.Steps[Common])
        ++Common;
      if (Common > 0) {
        llvm::ArrayRef<PathStep> B(Base.Steps), LS(L.Steps);
        if (Striped(LS.drop_front(Common)) || Striped(B.drop_front(Common)))
          return std::nullopt;
        G.Key = "R:" + keyText(B.drop_front(Common)) + "|" + keyText(LS.drop_front(Common));
        G.Display = displayText(LS.drop_front(Common));
        return G;
      }
      if (isGlobalRoot(L) && !Striped(L.Steps)) {
        G.Key = "G:" + keyText(L.Steps);
        G.Display = L.display();
        return G;
      }
      return std::nullopt;
    }
    const NamedDecl *Class = L.lockClassDecl();
    if (!Class || Striped(L.Steps))
      return std::nullopt;
    G.Key = "C:" + patternOf(Class)->getQualifiedNameAsString();
    G.Display = isGlobalRoot(L) ? L.display() : Class->getNameAsString();
    return G;
  }

  /// A member of an object on this function's stack: not shared before the
  /// function hands it out, and usually set up here.
  static bool onLocalObject(const LockPath &Base) {
    if (Base.empty() || Base.Steps.front().K != PathStep::Var)
      return false;
    const auto *VD = dyn_cast_or_null<VarDecl>(Base.Steps.front().Decl);
    return VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD) &&
           !VD->getType()->isPointerType() && !VD->getType()->isReferenceType() &&
           (Base.Steps.size() < 2 || Base.Steps[1].K != PathStep::Deref);
  }

  std::string varName(const ValueDecl *V) const {
    if (const auto *VD = dyn_cast<VarDecl>(V); VD && VD->isStaticDataMember())
      return VD->getQualifiedNameAsString();
    return V->getNameAsString();
  }

  std::vector<Entry> finish() {
    unsigned N = Fns.size();
    // Functions never analysed hold nothing of their own.
    LockPathBuilder Fresh;
    for (Slot &S : Slots) {
      unsigned F = IndexOf.lookup(S.Fn->getCanonicalDecl());
      if (Analysed[F] == 0 && !S.Seen) {
        S.Seen = true;
        fillPaths(S, Fresh);
      }
    }
    std::vector<std::vector<unsigned>> CallsTo(N);
    for (unsigned I = 0; I < Slots.size(); ++I)
      if (Slots[I].IsCall && Slots[I].Seen && followsCallers(Fns[Slots[I].Callee]))
        CallsTo[Slots[I].Callee].push_back(I);
    std::vector<std::optional<HeldList>> Entry = entryLocks(CallsTo);
    std::vector<bool> Init = initOnly(CallsTo);

    std::vector<AccessLog::Entry> Out;
    std::map<std::tuple<const ValueDecl *, unsigned, bool>, size_t> AtLoc;
    for (const Slot &S : Slots) {
      if (S.IsCall || !S.Seen)
        continue;
      unsigned F = IndexOf.lookup(S.Fn->getCanonicalDecl());
      HeldList H = S.HeldHere;
      if (followsCallers(Fns[F]) && !CallsTo[F].empty()) {
        if (!Entry[F])
          continue; // reached only through a cycle: unknown
        for (const Held &X : *Entry[F])
          addHeld(H, X);
      } else if (Analysed[F] == 0) {
        for (const Held &X : declaredHeld(Fns[F]))
          addHeld(H, X);
      }
      const ValueDecl *Var = cast<ValueDecl>(patternOf(S.Var));
      VarAccess A;
      A.Var = usrOf(Var);
      if (A.Var.empty())
        continue;
      A.VarName = varName(S.Var);
      A.Write = S.Write;
      A.InitOnly = Init[F] || onLocalObject(S.Base);
      const Attr *Guard = S.Var->getAttr<GuardedByAttr>();
      const Expr *GuardArg = nullptr;
      if (const auto *GB = dyn_cast_or_null<GuardedByAttr>(Guard))
        GuardArg = GB->getArg();
      else if (const auto *PGB = S.Var->getAttr<PtGuardedByAttr>(); PGB && S.Pointee)
        GuardArg = PGB->getArg();
      LockPath SelfBase;
      if (isa<FieldDecl>(S.Var))
        SelfBase.Steps.push_back({PathStep::This});
      if (GuardArg) {
        LockPath L = Fresh.fromExpr(GuardArg, GuardArg->getType()->isPointerType());
        if (std::optional<HeldGuard> G = keyOf(L, true, S.Var, SelfBase)) {
          A.AnnotatedKey = G->Key;
          A.AnnotatedDisplay = G->Display;
        }
      }
      // An object the analysis cannot name (`((T *)arg)->x`, a pointer
      // initialised from `new`): its locks could not be named either.
      if (isa<FieldDecl>(S.Var) && S.Base.empty())
        A.Indeterminate = true;
      for (const Held &X : H) {
        std::optional<HeldGuard> G = keyOf(X.Path, X.Exclusive, S.Var, S.Base);
        if (!G) {
          A.Indeterminate = true;
          continue;
        }
        auto Same = llvm::find_if(A.Held, [&](const HeldGuard &O) { return O.Key == G->Key; });
        if (Same != A.Held.end())
          Same->Exclusive |= G->Exclusive;
        else
          A.Held.push_back(std::move(*G));
      }
      SourceLocation Loc = S.E->getExprLoc();
      if (const auto *ME = dyn_cast<MemberExpr>(S.E))
        Loc = ME->getMemberLoc();
      auto Key = std::make_tuple(S.Var, Loc.getRawEncoding(), S.Write);
      auto [It, New] = AtLoc.try_emplace(Key, Out.size());
      if (!New) {
        mergeAccess(Out[It->second].Access, A);
        continue;
      }
      Out.push_back({std::move(A), Loc, S.Fn});
    }
    return Out;
  }
};

AccessLog::AccessLog(ASTContext &Ctx, const LockModel &Model,
                     llvm::ArrayRef<const FunctionDecl *> Fns)
    : P(std::make_unique<Impl>(Ctx, Model)) {
  P->Fns.assign(Fns.begin(), Fns.end());
  P->Analysed.assign(Fns.size(), 0);
  for (unsigned I = 0; I < Fns.size(); ++I)
    P->IndexOf[Fns[I]->getCanonicalDecl()] = I;
  for (const FunctionDecl *FD : Fns) {
    // What the compiler writes (copy assignment, defaulted members) touches
    // every field by definition; only written code counts.
    if (FD->isImplicit() || FD->isDefaulted())
      continue;
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        if (Init->isWritten())
          P->visit(Init->getInit(), Mode::Read, FD);
    P->visit(FD->getBody(), Mode::Read, FD);
  }
}

AccessLog::~AccessLog() = default;

void AccessLog::onStmt(const FunctionDecl *FD, const Stmt *S, const State &St,
                       const LockTable &Locks, const LockPathBuilder &Paths) {
  auto It = P->SlotOf.find(S);
  if (It == P->SlotOf.end() || !St.reachable())
    return;
  Slot &Sl = P->Slots[It->second];
  HeldList H = Impl::heldInEvery(St, Locks);
  if (!Sl.Seen) {
    Sl.Seen = true;
    Sl.HeldHere = std::move(H);
    P->fillPaths(Sl, Paths);
  } else {
    Sl.HeldHere = intersect(Sl.HeldHere, H);
  }
}

void AccessLog::analysed(const FunctionDecl *FD, bool Completed) {
  auto It = P->IndexOf.find(FD->getCanonicalDecl());
  if (It != P->IndexOf.end())
    P->Analysed[It->second] = Completed ? 1 : 2;
}

std::vector<AccessLog::Entry> AccessLog::finish() { return P->finish(); }

void reportUnguarded(llvm::ArrayRef<AccessLog::Entry> Entries, const GuardThresholds &T,
                     FindingSink &Sink) {
  std::vector<VarAccess> Accesses;
  for (const AccessLog::Entry &E : Entries)
    Accesses.push_back(E.Access);
  for (const UnguardedVerdict &V : decideUnguarded(Accesses, T)) {
    Finding F;
    F.CheckKind = Check::UnguardedAccess;
    F.Loc = Entries[V.Access].Loc;
    F.Message = V.Message;
    F.Definite = true;
    for (size_t I : V.GuardedAt)
      F.Notes.push_back({Entries[I].Loc, V.NoteMessage});
    Sink.report(std::move(F));
  }
}

std::vector<FactAccess> accessesAsFacts(llvm::ArrayRef<AccessLog::Entry> Entries,
                                        ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<FactAccess> Out;
  for (const AccessLog::Entry &E : Entries) {
    FactAccess A;
    A.Access = E.Access;
    PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(E.Loc));
    if (PL.isInvalid())
      continue;
    A.Loc = {PL.getFilename(), int(PL.getLine()), int(PL.getColumn())};
    A.Function = E.Fn->getQualifiedNameAsString();
    Out.push_back(std::move(A));
  }
  return Out;
}

std::vector<FactFinding> unguardedAcrossTUs(llvm::ArrayRef<const TUFacts *> TUs,
                                            const GuardThresholds &T) {
  // One record per access: a header's code is in several TUs.
  std::vector<const FactAccess *> Unique;
  std::vector<VarAccess> Accesses;
  std::map<std::tuple<std::string, std::string, int, int, bool>, size_t> At;
  for (const TUFacts *F : TUs)
    for (const FactAccess &A : F->Accesses) {
      auto Key = std::make_tuple(A.Access.Var, A.Loc.File, A.Loc.Line, A.Loc.Column,
                                 A.Access.Write);
      auto [It, New] = At.try_emplace(Key, Accesses.size());
      if (!New) {
        mergeAccess(Accesses[It->second], A.Access);
        continue;
      }
      Unique.push_back(&A);
      Accesses.push_back(A.Access);
    }
  std::vector<FactFinding> Out;
  for (const UnguardedVerdict &V : decideUnguarded(Accesses, T)) {
    FactFinding F;
    F.CheckKind = Check::UnguardedAccess;
    F.Loc = Unique[V.Access]->Loc;
    F.Message = V.Message;
    F.Function = Unique[V.Access]->Function;
    for (size_t I : V.GuardedAt)
      F.Notes.push_back({Unique[I]->Loc, V.NoteMessage});
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace lockcheck
