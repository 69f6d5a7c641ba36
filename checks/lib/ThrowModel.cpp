//===- ThrowModel.cpp - which exceptions a call can really throw ----------===//
//
// A body throws what its `throw`s, its calls and its constructions throw,
// minus what its own handlers catch by type; a `throw;` in a handler
// rethrows what that handler caught. Calls are followed through bodies
// (memoised; a cycle of calls is iterated until its sets settle; a callee
// given an object of known class is read once more for it, DynamicTypes.h); the
// standard library is judged by StdThrowTable.cpp; a function without a body
// throws what another TU's facts say, and anything at all only when opaque
// calls are configured to count.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/ThrowModel.h"
#include "lockcheck/ClangCompat.h"
#include "lockcheck/CallTargets.h"
#include "lockcheck/Config.h"
#include "lockcheck/ImportResolver.h"
#include "lockcheck/LockModel.h"
#include "lockcheck/StdThrowTable.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ExprConcepts.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>
#include <climits>
#include <cstdint>

using namespace clang;

namespace lockcheck {

// Calls are followed this deep; past it a call counts as opaque.
static constexpr unsigned MaxDepth = 48;
// A call cycle is re-read at most this often before its sets are taken.
static constexpr unsigned MaxCycleRounds = 8;
// A function is read with at most this many sets of bound parameters.
static constexpr unsigned MaxBoundVariants = 4;
// Past this many types a set says "unknown" instead of growing.
static constexpr unsigned MaxTypes = 32;

bool ThrowSet::add(unsigned T, unsigned Origin) {
  auto It = std::lower_bound(Types.begin(), Types.end(), T);
  size_t I = It - Types.begin();
  if (It != Types.end() && *It == T) {
    if (!Origins[I])
      Origins[I] = Origin;
    return false;
  }
  if (Types.size() >= MaxTypes) {
    bool New = !Unknown;
    Unknown = true;
    return New;
  }
  Types.insert(It, T);
  Origins.insert(Origins.begin() + I, Origin);
  return true;
}

bool ThrowSet::merge(const ThrowSet &O) {
  bool Changed = false;
  for (size_t I = 0; I < O.Types.size(); ++I)
    Changed |= add(O.Types[I], O.Origins[I]);
  if (O.Unknown && !Unknown) {
    Unknown = true;
    Changed = true;
  }
  return Changed;
}

void ThrowSet::setMissingOrigins(unsigned Origin) {
  for (unsigned &O : Origins)
    if (!O)
      O = Origin;
}

ThrowModel::ThrowModel(ASTContext &Ctx, const LockModel &Model, const Config &Cfg,
                       const VirtualOverriders &Virtuals, ImportResolver *Imports)
    : Ctx(Ctx), Model(Model), Cfg(Cfg), Virtuals(Virtuals), Imports(Imports), Guards(Ctx),
      Enabled(Ctx.getLangOpts().CPlusPlus && Ctx.getLangOpts().CXXExceptions) {}

bool ThrowModel::declaredNoThrow(const FunctionDecl *FD) const {
  if (const auto *FPT = FD->getType()->getAs<FunctionProtoType>())
    if (FPT->isNothrow())
      return true;
  if (FD->hasAttr<NoThrowAttr>() || FD->isExternC() || FD->isInExternCContext())
    return true;
  if (FD->isConsteval() || FD->getBuiltinID())
    return true; // runs at compile time / is the compiler's own
  if (isa<CXXDestructorDecl>(FD)) // destructors are noexcept unless declared otherwise
    return true;
  if (Model.isLockPrimitive(FD))
    return true;
  if (!Cfg.NoThrow.empty()) {
    std::string QN = FD->getQualifiedNameAsString();
    for (const std::string &G : Cfg.NoThrow)
      if (nameMatches(G, QN))
        return true;
  }
  return false;
}

ThrowSet ThrowModel::opaque() const {
  ThrowSet S;
  S.Unknown = Cfg.ExceptionLeak.OpaqueCalls;
  return S;
}

//===--- types ------------------------------------------------------------===//

std::string ThrowModel::typeName(QualType T) const {
  PrintingPolicy P(Ctx.getLangOpts());
  P.SuppressTagKeyword = true;
  P.SuppressInlineNamespace = true;
  P.SuppressUnwrittenScope = true;
  P.FullyQualifiedName = true;
  compat::printAsCanonical(P);
  return T.getCanonicalType().getUnqualifiedType().getAsString(P);
}

unsigned ThrowModel::internNamed(llvm::StringRef Name, llvm::ArrayRef<std::string> Bases) {
  auto [It, New] = TypeIds.try_emplace(Name, Types.size());
  if (New) {
    ThrownType T;
    T.Name = Name.str();
    T.Bases.assign(Bases.begin(), Bases.end());
    for (llvm::StringRef B : stdExceptionBases(Name))
      if (!llvm::is_contained(T.Bases, B))
        T.Bases.push_back(B.str());
    Types.push_back(std::move(T));
  }
  return It->second;
}

unsigned ThrowModel::internStd(llvm::StringRef Name) { return internNamed(Name, {}); }

unsigned ThrowModel::intern(QualType T) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  std::string Suffix;
  if (const auto *PT = T->getAs<PointerType>()) {
    T = PT->getPointeeType().getUnqualifiedType();
    if (!T->isRecordType()) // `const char *` stays as written
      return internNamed(typeName(QualType(PT, 0)), {});
    Suffix = " *";
  }
  std::string Name = typeName(T) + Suffix;
  if (auto It = TypeIds.find(Name); It != TypeIds.end())
    return It->second;
  llvm::SmallVector<std::string, 2> Bases;
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl()) {
    llvm::SmallVector<const CXXRecordDecl *, 4> Work{RD};
    while (!Work.empty()) {
      const CXXRecordDecl *C = Work.pop_back_val()->getDefinition();
      if (!C)
        continue;
      for (const CXXBaseSpecifier &B : C->bases()) {
        std::string BN = typeName(B.getType()) + Suffix;
        if (!llvm::is_contained(Bases, BN)) {
          Bases.push_back(BN);
          if (const CXXRecordDecl *BR = B.getType()->getAsCXXRecordDecl())
            Work.push_back(BR);
        }
      }
    }
  }
  return internNamed(Name, Bases);
}

std::string ThrowModel::caughtName(const CXXCatchStmt *H) {
  if (!H->getExceptionDecl())
    return "...";
  auto [It, New] = CaughtNames.try_emplace(H);
  if (New) {
    QualType C = H->getCaughtType().getNonReferenceType().getCanonicalType().getUnqualifiedType();
    if (const auto *PT = C->getAs<PointerType>(); PT && PT->getPointeeType()->isRecordType())
      It->second = typeName(PT->getPointeeType().getUnqualifiedType()) + " *";
    else
      It->second = typeName(C);
  }
  return It->second;
}

bool ThrowModel::catches(const CXXCatchStmt *H, unsigned Type) {
  std::string N = caughtName(H);
  const ThrownType &T = Types[Type];
  return N == "..." || T.Name == N || llvm::is_contained(T.Bases, N);
}

//===--- origins ----------------------------------------------------------===//

std::string ThrowModel::displayName(const FunctionDecl *FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    const CXXRecordDecl *RD = MD->getParent();
    if (isa<CXXConstructorDecl>(MD))
      return RD->getNameAsString();
    // A member's name alone ("at", "Insert") says too little.
    if (RD->getIdentifier())
      return RD->getName().str() + "::" + MD->getNameAsString();
  }
  return FD->getNameAsString();
}

unsigned ThrowModel::internOrigin(llvm::StringRef Thrower, llvm::StringRef In,
                                  const FunctionDecl *InDecl) {
  std::string Key = (Thrower + "\n" + In + "\n").str() +
                    std::to_string(reinterpret_cast<uintptr_t>(InDecl));
  auto [It, New] = OriginIds.try_emplace(Key, Origins.size());
  if (New)
    Origins.push_back({Thrower.str(), In.str(), InDecl});
  return It->second;
}

unsigned ThrowModel::originHere(const Stmt *S) {
  if (!Walking)
    return 0;
  std::string Thrower;
  if (const auto *CE = dyn_cast<CallExpr>(S)) {
    if (const FunctionDecl *Callee = CE->getDirectCallee())
      Thrower = displayName(Callee);
  } else if (const auto *CCE = dyn_cast<CXXConstructExpr>(S)) {
    Thrower = displayName(CCE->getConstructor());
  } else if (isa<CXXNewExpr>(S)) {
    Thrower = "new";
  } else if (isa<CXXDynamicCastExpr>(S)) {
    Thrower = "dynamic_cast";
  }
  return internOrigin(Thrower, displayName(Walking), Walking);
}

ThrowDescription ThrowModel::describe(const ThrowSet &S, const FunctionDecl *Callee) const {
  ThrowDescription D;
  if (S.Types.empty())
    return D;
  // The first by name: the same in every TU and in the whole-project step.
  size_t Best = 0;
  for (size_t I = 1; I < S.Types.size(); ++I)
    if (Types[S.Types[I]].Name < Types[S.Types[Best]].Name)
      Best = I;
  D.Type = Types[S.Types[Best]].Name;
  D.Others = S.Types.size() > 1 || S.Unknown;
  const ThrowOrigin &O = Origins[S.Origins[Best]];
  if (O.In.empty())
    return D;
  bool InCallee = Callee && (O.InDecl ? O.InDecl == Callee->getCanonicalDecl()
                                      : O.In == displayName(Callee));
  if (InCallee && O.Thrower.empty())
    return D; // a `throw` in the callee's own body
  D.Thrower = O.Thrower;
  if (!InCallee)
    D.In = O.In;
  return D;
}

//===--- calls ------------------------------------------------------------===//

/// The arguments of \p CE as the callee's parameters see them (a member
/// operator's object left out).
static llvm::ArrayRef<const Expr *> argsOf(const CallExpr *CE, const FunctionDecl *Callee) {
  llvm::ArrayRef<const Expr *> Args(CE->getArgs(), CE->getNumArgs());
  if (isa<CXXOperatorCallExpr>(CE) && isa<CXXMethodDecl>(Callee) && !Args.empty())
    Args = Args.drop_front();
  return Args;
}

ThrowSet ThrowModel::callThrows(const CallExpr *CE, const FunctionDecl *In) {
  if (!Enabled)
    return {};
  const FunctionDecl *Callee = CE->getDirectCallee();
  if (!Callee) {
    // Through a pointer (or a member pointer): only the type can tell.
    QualType T = CE->getCallee()->IgnoreParens()->getType();
    if (const auto *PT = T->getAs<PointerType>())
      T = PT->getPointeeType();
    else if (const auto *MPT = T->getAs<MemberPointerType>())
      T = MPT->getPointeeType();
    if (const auto *FPT = T->getAs<FunctionProtoType>(); FPT && FPT->isNothrow())
      return {};
    if (const auto *BO = dyn_cast<BinaryOperator>(CE->getCallee()->IgnoreParens());
        BO && BO->isPtrMemOp())
      if (const auto *MPT = BO->getRHS()->getType()->getAs<MemberPointerType>())
        if (const auto *FPT = MPT->getPointeeType()->getAs<FunctionProtoType>();
            FPT && FPT->isNothrow())
          return {};
    return opaque();
  }
  if (declaredNoThrow(Callee))
    return {};
  if (isStdLibrary(Callee))
    return libraryCallThrows(Callee, argsOf(CE, Callee), CE, In ? In : Walking);
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE); MCE && dispatchesVirtually(MCE)) {
    // Through a parameter bound to an object of known class: its overrider.
    const CXXMethodDecl *Target = DynamicTypes::target(MCE, {Walking, Bound});
    if (!Target)
      return virtualThrows(Callee);
    if (declaredNoThrow(Target))
      return {};
    Callee = Target;
  }
  return boundCallThrows(Callee, CE);
}

ThrowSet ThrowModel::boundCallThrows(const FunctionDecl *Callee, const CallExpr *CE) {
  const FunctionDecl *Def = nullptr;
  if (isStdLibrary(Callee) || !Callee->hasBody(Def) || !Def)
    return functionThrows(Callee);
  ParamClasses B = Dynamic.bind(Def, argsOf(CE, Callee), {Walking, Bound});
  return throwsOf(Callee, B.empty() ? 0 : bindingId(Callee->getCanonicalDecl(), std::move(B)));
}

unsigned ThrowModel::bindingId(const FunctionDecl *FD, ParamClasses B) {
  auto [It, New] = BindingIds.try_emplace(B, Bindings.size());
  if (New)
    Bindings.push_back(std::move(B));
  // Each binding set reads the body once more; past a few, the plain reading.
  llvm::SmallVector<unsigned, 2> &Seen = BoundVariants[FD];
  if (!llvm::is_contained(Seen, It->second)) {
    if (Seen.size() >= MaxBoundVariants)
      return 0;
    Seen.push_back(It->second);
  }
  return It->second;
}

ThrowSet ThrowModel::constructThrows(const CXXConstructExpr *CE) {
  if (!Enabled)
    return {};
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Ctor || Ctor->isTrivial() || declaredNoThrow(Ctor))
    return {};
  if (isStdLibrary(Ctor))
    return libraryCallThrows(Ctor, llvm::ArrayRef<const Expr *>(CE->getArgs(), CE->getNumArgs()));
  return functionThrows(Ctor);
}

ThrowSet ThrowModel::newThrows(const CXXNewExpr *NE) {
  ThrowSet S;
  if (!Enabled || !Cfg.ExceptionLeak.Allocation || NE->shouldNullCheckAllocation())
    return S;
  const FunctionDecl *OpNew = NE->getOperatorNew();
  if (OpNew && (OpNew->isReservedGlobalPlacementOperator() || declaredNoThrow(OpNew)))
    return S;
  S.add(internStd("std::bad_alloc"));
  return S;
}

ThrowSet ThrowModel::dynamicCastThrows(const CXXDynamicCastExpr *DC) {
  ThrowSet S;
  if (Enabled && DC->getTypeAsWritten()->isReferenceType())
    S.add(internStd("std::bad_cast"));
  return S;
}

ThrowSet ThrowModel::thrownBy(const CXXThrowExpr *TE, const FunctionDecl *FD) {
  ThrowSet S;
  if (!Enabled)
    return S;
  if (const Expr *Sub = TE->getSubExpr()) {
    S.add(intern(Sub->getType()));
    return S;
  }
  // `throw;`: what the enclosing handler caught, found by reading the body.
  if (!Rethrows.count(TE) && FD && !RethrowsRead[FD->getCanonicalDecl()]) {
    RethrowsRead[FD->getCanonicalDecl()] = true;
    if (const Stmt *Body = FD->getBody())
      (void)walk(Body, nullptr);
  }
  auto It = Rethrows.find(TE);
  if (It != Rethrows.end())
    return It->second;
  S.Unknown = true;
  return S;
}

/// The object a library member call is made on (for an operator, its first
/// argument).
static const Expr *objectOf(const CallExpr *CE) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(CE))
    return MC->getImplicitObjectArgument();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(CE);
      OC && isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()) && OC->getNumArgs() > 0)
    return OC->getArg(0);
  return nullptr;
}

ThrowSet ThrowModel::libraryCallThrows(const FunctionDecl *Callee,
                                       llvm::ArrayRef<const Expr *> Args, const CallExpr *Site,
                                       const FunctionDecl *In) {
  auto [It, New] = StdMemo.try_emplace(Callee->getCanonicalDecl());
  if (New)
    It->second = stdLookup(Callee);
  auto Tested = [&](Precondition P, unsigned Arg) {
    return Site && In &&
           Guards.tested(Site, In, P, objectOf(Site), Arg < Args.size() ? Args[Arg] : nullptr);
  };
  StdThrows T = stdCallThrows(It->second, Callee, Args, Tested);
  ThrowSet S;
  for (llvm::StringRef Name : T.Types)
    S.add(internStd(Name));
  S.Unknown |= T.Unknown;
  if (T.OpaqueTarget)
    S.merge(opaque());
  if (Cfg.ExceptionLeak.Allocation) {
    S.add(internStd("std::bad_alloc"));
    for (llvm::StringRef Name : T.AllocationTypes)
      S.add(internStd(Name));
  }
  if (T.InvokesCallables)
    S.merge(callablesThrow(Args));
  return S;
}

/// \p E without the wrappers a by-value argument gets (temporaries, copies).
static const Expr *argumentValue(const Expr *E) {
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E);
             C && C->getNumArgs() == 1 && C->getConstructor()->isCopyOrMoveConstructor())
      E = C->getArg(0);
    else
      return E;
  }
}

ThrowSet ThrowModel::callablesThrow(llvm::ArrayRef<const Expr *> Args) {
  ThrowSet S;
  auto function = [&](const FunctionDecl *FD) {
    if (FD && !declaredNoThrow(FD))
      S.merge(isStdLibrary(FD) ? libraryCallThrows(FD, {}) : functionThrows(FD));
  };
  auto callOperators = [&](const CXXRecordDecl *RD) {
    for (const Decl *D : RD->decls()) {
      if (const auto *MD = dyn_cast<CXXMethodDecl>(D);
          MD && MD->getOverloadedOperator() == OO_Call)
        function(MD);
      else if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D);
               FTD && FTD->getTemplatedDecl()->getOverloadedOperator() == OO_Call)
        for (const FunctionDecl *Spec : FTD->specializations())
          function(Spec);
    }
  };
  for (const Expr *A : Args) {
    if (!A)
      continue;
    const Expr *E = argumentValue(A);
    if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
      E = UO->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl())) {
        function(FD);
        continue;
      }
    QualType T = E->getType().getNonReferenceType();
    if (T->isFunctionPointerType() || T->isMemberFunctionPointerType()) {
      S.merge(opaque()); // which function it points to is not known
      continue;
    }
    const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
    if (!RD || !RD->hasDefinition())
      continue;
    RD = RD->getDefinition();
    if (RD->isLambda() || !isStdLibrary(RD))
      callOperators(RD);
    else if (RD->getIdentifier() &&
             (RD->getName() == "function" || RD->getName() == "move_only_function"))
      S.merge(opaque()); // a stored target nobody can see
  }
  return S;
}

ThrowSet ThrowModel::virtualThrows(const FunctionDecl *FD) {
  const auto *MD = cast<CXXMethodDecl>(FD);
  ThrowSet S;
  // The call may run any overrider, so the named method's own body (often a
  // "not supported" stub every real class overrides) is a guess: counted
  // only with the calls nobody can read. An overrider that throws is a
  // class that does.
  if (MD->hasBody() && Cfg.ExceptionLeak.OpaqueCalls)
    S.merge(functionThrows(MD));
  for (const CXXMethodDecl *Over : Virtuals.of(MD))
    if (!declaredNoThrow(Over))
      S.merge(functionThrows(Over));
  // An overrider defined in another file is not in sight.
  if (!MD->hasAttr<FinalAttr>() && !MD->getParent()->hasAttr<FinalAttr>())
    S.merge(opaque());
  return S;
}

const ThrowSet &ThrowModel::imported(const FunctionDecl *FD) {
  auto [It, New] = ImportMemo.try_emplace(FD);
  if (New && Imports)
    if (const FactFunction *F = Imports->facts(FD)) {
      for (const FactThrow &T : F->Throws)
        It->second.add(internNamed(T.Type, T.Bases),
                       T.In.empty() ? internOrigin("", displayName(FD), FD->getCanonicalDecl())
                                    : internOrigin(T.From, T.In));
      It->second.Unknown |= F->ThrowsUnknown;
    }
  return It->second;
}

const ThrowSet &ThrowModel::functionThrows(const FunctionDecl *FD) { return throwsOf(FD, 0); }

const ThrowSet &ThrowModel::throwsOf(const FunctionDecl *FD, unsigned BoundId) {
  if (!Enabled || !FD)
    return Empty;
  FD = FD->getCanonicalDecl();
  if (declaredNoThrow(FD))
    return Empty;
  const MemoKey Key{FD, BoundId};
  auto Found = Memo.find(Key);
  if (Found != Memo.end() && Found->second.State != MemoEntry::Unvisited) {
    MemoEntry &E = Found->second;
    if (!LowLink.empty()) {
      // Consulting a function still open, or one computed from one, makes
      // the caller's answer provisional too.
      if (E.State == MemoEntry::InProgress)
        LowLink.back() = std::min(LowLink.back(), E.Depth);
      else if (E.Low != UINT_MAX)
        LowLink.back() = std::min(LowLink.back(), E.Low);
    }
    return E.Set;
  }
  if (isStdLibrary(FD)) {
    MemoEntry &E = Memo[Key];
    E.Set = libraryCallThrows(FD, {});
    E.State = MemoEntry::Done;
    return E.Set;
  }
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def) {
    ThrowSet S = imported(FD);
    S.merge(opaque());
    MemoEntry &E = Memo[Key];
    E.Set = std::move(S);
    E.State = MemoEntry::Done;
    return E.Set;
  }
  if (LowLink.size() >= MaxDepth) {
    DepthCut = opaque();
    return DepthCut;
  }
  unsigned MyDepth = LowLink.size();
  size_t ProvisionalStart = Provisional.size();
  {
    MemoEntry &E = Memo[Key];
    E.State = MemoEntry::InProgress;
    E.Depth = MyDepth;
    E.Low = UINT_MAX;
    E.Set = {};
  }
  for (unsigned Round = 0;; ++Round) {
    LowLink.push_back(UINT_MAX);
    ThrowSet S = bodyThrows(Def, BoundId ? &Bindings[BoundId] : nullptr);
    unsigned Low = LowLink.pop_back_val();
    MemoEntry &E = Memo[Key];
    if (Low < MyDepth) {
      // Part of a call cycle opened further up: final when that settles.
      E.Set = std::move(S);
      E.State = MemoEntry::Done;
      E.Low = Low;
      Provisional.push_back(Key);
      LowLink.back() = std::min(LowLink.back(), Low);
      return E.Set;
    }
    bool Changed = !(S == E.Set);
    E.Set = std::move(S);
    if (Low == UINT_MAX || !Changed || Round + 1 >= MaxCycleRounds) {
      E.State = MemoEntry::Done;
      E.Low = UINT_MAX;
      for (size_t I = ProvisionalStart; I < Provisional.size(); ++I)
        Memo[Provisional[I]].Low = UINT_MAX;
      Provisional.resize(ProvisionalStart);
      return Memo[Key].Set;
    }
    // The cycle read this function's set while it was incomplete: again.
    for (size_t I = ProvisionalStart; I < Provisional.size(); ++I)
      Memo[Provisional[I]] = MemoEntry();
    Provisional.resize(ProvisionalStart);
  }
}

//===--- bodies -----------------------------------------------------------===//

ThrowSet ThrowModel::bodyThrows(const FunctionDecl *Def, const ParamClasses *Params) {
  const FunctionDecl *Outer = Walking;
  const ParamClasses *OuterBound = Bound;
  Walking = Def->getCanonicalDecl();
  Bound = Params;
  ThrowSet S;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Def))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getInit())
        S.merge(walk(Init->getInit(), nullptr));
  S.merge(walk(Def->getBody(), nullptr));
  Walking = Outer;
  Bound = OuterBound;
  return S;
}

/// A variable whose initializer runs at compile time.
static bool compileTimeInit(const VarDecl *VD) {
  if (VD->isConstexpr())
    return true;
  return VD->isStaticLocal() && VD->getInit() && !VD->getInit()->isValueDependent() &&
         VD->hasConstantInitialization();
}

ThrowSet ThrowModel::walk(const Stmt *Root, const ThrowSet *Caught) {
  ThrowSet Out;
  llvm::SmallVector<const Stmt *, 32> Work{Root};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *TE = dyn_cast<CXXThrowExpr>(S)) {
      if (const Expr *Sub = TE->getSubExpr()) {
        Out.add(intern(Sub->getType()), originHere(TE));
        Work.push_back(Sub);
      } else {
        ThrowSet R;
        if (Caught)
          R = *Caught;
        else
          R.Unknown = true; // rethrows whatever is being handled
        if (!Bound) // with bound parameters a handler may catch less
          Rethrows[TE].merge(R);
        Out.merge(R);
      }
      continue;
    }
    if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
      ThrowSet Pending = walk(Try->getTryBlock(), Caught);
      for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
        const CXXCatchStmt *H = Try->getHandler(I);
        ThrowSet Here, Rest;
        if (!H->getExceptionDecl()) {
          Here = std::move(Pending);
        } else {
          for (size_t I = 0; I < Pending.Types.size(); ++I)
            (catches(H, Pending.Types[I]) ? Here : Rest)
                .add(Pending.Types[I], Pending.Origins[I]);
          Here.Unknown = Rest.Unknown = Pending.Unknown; // it may or may not be caught
        }
        Pending = std::move(Rest);
        Out.merge(walk(H->getHandlerBlock(), &Here));
      }
      Out.merge(Pending);
      continue;
    }
    if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      for (const Expr *Init : LE->capture_inits())
        Work.push_back(Init); // creating a closure runs none of its body
      continue;
    }
    // Evaluated at compile time, or not at all.
    if (isa<ConstantExpr>(S) || isa<UnaryExprOrTypeTraitExpr>(S) || isa<CXXNoexceptExpr>(S) ||
        isa<RequiresExpr>(S) || isa<ConceptSpecializationExpr>(S) || isa<TypeTraitExpr>(S) ||
        isa<BlockExpr>(S))
      continue;
    if (const auto *TI = dyn_cast<CXXTypeidExpr>(S); TI && !TI->isPotentiallyEvaluated())
      continue;
    if (const auto *If = dyn_cast<IfStmt>(S); If && If->isConstexpr()) {
      Work.push_back(If->getInit());
      if (std::optional<const Stmt *> Taken = If->getNondiscardedCase(Ctx))
        Work.push_back(*Taken);
      continue;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit() && !compileTimeInit(VD))
          Work.push_back(VD->getInit());
      continue;
    }
    if (const auto *DA = dyn_cast<CXXDefaultArgExpr>(S))
      Work.push_back(DA->getExpr());
    else if (const auto *DI = dyn_cast<CXXDefaultInitExpr>(S))
      Work.push_back(DI->getExpr());
    else if (isa<CallExpr>(S) || isa<CXXConstructExpr>(S) || isa<CXXNewExpr>(S) ||
             isa<CXXDynamicCastExpr>(S)) {
      ThrowSet Here = isa<CallExpr>(S)           ? callThrows(cast<CallExpr>(S))
                      : isa<CXXConstructExpr>(S) ? constructThrows(cast<CXXConstructExpr>(S))
                      : isa<CXXNewExpr>(S)       ? newThrows(cast<CXXNewExpr>(S))
                                                 : dynamicCastThrows(cast<CXXDynamicCastExpr>(S));
      // What a body throws already says where; the rest is thrown here.
      if (!Here.Types.empty())
        Here.setMissingOrigins(originHere(S));
      Out.merge(Here);
    }
    // In source order, so that a type's origin is its first in the body.
    size_t First = Work.size();
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
    std::reverse(Work.begin() + First, Work.end());
  }
  return Out;
}

} // namespace lockcheck
