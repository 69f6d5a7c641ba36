//===- LockModel.cpp - which expressions lock and unlock ------------------===//
#include "lockcheck/LockModel.h"
#include "lockcheck/ClangCompat.h"
#include "lockcheck/GuardClasses.h"
#include "lockcheck/RecursiveInit.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;
using llvm::StringRef;

namespace lockcheck {
namespace {

enum class StdMutex { None, Plain, Recursive, Shared };
enum class StdGuard { None, LockGuard, UniqueLock, ScopedLock, SharedLock };

StringRef recordName(const CXXRecordDecl *RD) {
  if (!RD)
    return {};
  if (const IdentifierInfo *II = RD->getIdentifier())
    return II->getName();
  if (const TypedefNameDecl *TD = RD->getTypedefNameForAnonDecl())
    return TD->getName();
  return {};
}

StdMutex stdMutexKind(const CXXRecordDecl *RD) {
  if (!RD || !RD->isInStdNamespace())
    return StdMutex::None;
  return llvm::StringSwitch<StdMutex>(recordName(RD))
      .Case("mutex", StdMutex::Plain)
      .Case("timed_mutex", StdMutex::Plain)
      .Case("recursive_mutex", StdMutex::Recursive)
      .Case("recursive_timed_mutex", StdMutex::Recursive)
      .Case("shared_mutex", StdMutex::Shared)
      .Case("shared_timed_mutex", StdMutex::Shared)
      .Default(StdMutex::None);
}

StdGuard stdGuardKind(const CXXRecordDecl *RD) {
  if (!RD || !RD->isInStdNamespace())
    return StdGuard::None;
  return llvm::StringSwitch<StdGuard>(recordName(RD))
      .Case("lock_guard", StdGuard::LockGuard)
      .Case("unique_lock", StdGuard::UniqueLock)
      .Case("scoped_lock", StdGuard::ScopedLock)
      .Case("shared_lock", StdGuard::SharedLock)
      .Default(StdGuard::None);
}

/// The record a lock expression's type names, through references/pointers.
const CXXRecordDecl *lockRecord(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return T->getAsCXXRecordDecl();
}

template <typename AttrT> const AttrT *attrInHierarchy(const CXXRecordDecl *RD) {
  for (unsigned Depth = 0; RD && Depth < 8; ++Depth) {
    if (const auto *A = RD->getAttr<AttrT>())
      return A;
    if (!RD->hasDefinition() || RD->getNumBases() != 1)
      return nullptr;
    RD = RD->bases_begin()->getType()->getAsCXXRecordDecl();
  }
  return nullptr;
}

bool nameSaysRecursive(StringRef Name) {
  return Name.contains_insensitive("recursive") ||
         Name.contains_insensitive("reentrant");
}

/// The name a C lock typedef is spelled with (pthread_mutex_t, ...).
StringRef cTypedefName(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  if (const auto *TT = T->getAs<TypedefType>())
    return TT->getDecl()->getName();
  return recordName(T->getAsCXXRecordDecl());
}

bool isTagType(const Expr *E, StringRef Name) {
  const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl();
  return RD && RD->isInStdNamespace() && recordName(RD) == Name;
}

bool isChronoType(const Expr *E) {
  const CXXRecordDecl *RD = E->getType().getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  StringRef N = recordName(RD);
  return N == "duration" || N == "time_point";
}

/// The value of a try-acquire attribute's success argument.
SuccessValue successOf(const Expr *V, const ASTContext &Ctx) {
  if (!V)
    return SuccessValue::True;
  Expr::EvalResult R;
  if (V->EvaluateAsRValue(R, Ctx) && R.Val.isInt())
    return R.Val.getInt().isZero() ? SuccessValue::Zero : SuccessValue::True;
  return SuccessValue::True;
}

LockRef refTo(const Expr *E) {
  return {E, E->getType().getNonReferenceType()->isPointerType()};
}

} // namespace

const VarDecl *namedLocalVar(const Expr *E) {
  for (unsigned I = 0; E && I < 4; ++I) {
    E = E->IgnoreParenImpCasts();
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *FD = CE->getDirectCallee();
      if (FD && FD->isInStdNamespace() && FD->getIdentifier() &&
          (FD->getName() == "move" || FD->getName() == "forward") &&
          CE->getNumArgs() == 1) {
        E = CE->getArg(0);
        continue;
      }
      return nullptr;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      return VD && VD->hasLocalStorage() ? VD : nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

LockModel::LockModel(ASTContext &Ctx, const Config &Cfg) : Ctx(Ctx), Cfg(Cfg) {}

bool LockModel::isRecursiveByConfig(const CXXRecordDecl *RD) const {
  if (!RD || Cfg.RecursiveTypes.empty())
    return false;
  std::string QN = RD->getQualifiedNameAsString();
  for (const std::string &G : Cfg.RecursiveTypes)
    if (nameMatches(G, QN))
      return true;
  return false;
}

bool LockModel::isRecursiveLockByConfig(const NamedDecl *LockDecl) const {
  if (!LockDecl || Cfg.RecursiveLocks.empty())
    return false;
  auto [It, New] = RecursiveLockCache.try_emplace(LockDecl, false);
  if (New) {
    std::string QN = LockDecl->getQualifiedNameAsString();
    It->second = llvm::any_of(Cfg.RecursiveLocks, [&](const std::string &G) {
      return nameMatches(G, QN);
    });
  }
  return It->second;
}

bool LockModel::isRecursiveBySetup(const NamedDecl *LockDecl) const {
  if (const auto *VD = dyn_cast_or_null<ValueDecl>(LockDecl); VD && RecursiveSetups.count(VD))
    return true;
  const auto *FD = dyn_cast_or_null<FieldDecl>(LockDecl);
  const auto *RD = dyn_cast_or_null<CXXRecordDecl>(LockDecl);
  if (!FD && !(RD && RD->hasDefinition()))
    return false;
  auto [It, New] = RecursiveSetupCache.try_emplace(LockDecl, false);
  if (!New)
    return It->second;
  const SourceManager &SM = Ctx.getSourceManager();
  bool Result = false;
  if (FD)
    Result = fieldInitializedRecursive(FD, SM, Ctx.getLangOpts());
  else // A lock class over a mutex its constructor makes recursive.
    Result = llvm::any_of(RD->fields(), [&](const FieldDecl *F) {
      return fieldInitializedRecursive(F, SM, Ctx.getLangOpts());
    });
  RecursiveSetupCache[LockDecl] = Result;
  return Result;
}

bool LockModel::isBasicLockable(const CXXRecordDecl *RD) const {
  if (!RD || !RD->hasDefinition())
    return false;
  auto [It, New] = BasicLockableCache.try_emplace(RD, false);
  if (!New)
    return It->second;
  // lock() and unlock() taking no arguments, here or in a base.
  bool HasLock = false, HasUnlock = false;
  auto Scan = [&](const CXXRecordDecl *R) {
    for (const CXXMethodDecl *M : R->methods())
      if (M->getIdentifier() && M->getNumParams() == 0) {
        HasLock |= M->getName() == "lock";
        HasUnlock |= M->getName() == "unlock";
      }
    return true;
  };
  Scan(RD);
  RD->forallBases([&](const CXXRecordDecl *B) { return Scan(B); });
  bool Result = HasLock && HasUnlock && stdGuardKind(RD) == StdGuard::None;
  BasicLockableCache[RD] = Result;
  return Result;
}

bool LockModel::initializedRecursive(const VarDecl *VD) const {
  return VD && spelledRecursive(VD->getInit(), Ctx.getSourceManager(), Ctx.getLangOpts());
}

LockTraits LockModel::traitsOfType(QualType T) const {
  LockTraits Tr;
  const CXXRecordDecl *RD = lockRecord(T);
  switch (stdMutexKind(RD)) {
  case StdMutex::Recursive:
    Tr.Recursive = true;
    return Tr;
  case StdMutex::Plain:
  case StdMutex::Shared:
    return Tr;
  case StdMutex::None:
    break;
  }
  StringRef CName = cTypedefName(T);
  if (CName == "pthread_rwlock_t") {
    Tr.KindName = "rwlock";
    Tr.SharedReentrant = true;
    return Tr;
  }
  if (CName == "pthread_spinlock_t") {
    Tr.KindName = "spinlock";
    return Tr;
  }
  if (const auto *Cap = RD ? attrInHierarchy<CapabilityAttr>(RD) : nullptr)
    Tr.KindName = Cap->getName();
  if (RD)
    Tr.Recursive = isRecursiveByConfig(RD) || nameSaysRecursive(recordName(RD)) ||
                   isRecursiveBySetup(RD);
  return Tr;
}

bool LockModel::isGuardType(QualType T) const {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  return stdGuardKind(RD) != StdGuard::None || RD->hasAttr<ScopedLockableAttr>() ||
         (Inferred && Inferred->isGuardClass(RD));
}

bool LockModel::isLockType(QualType T) const {
  const CXXRecordDecl *RD = lockRecord(T);
  if (stdMutexKind(RD) != StdMutex::None)
    return true;
  StringRef CName = cTypedefName(T);
  if (CName == "pthread_mutex_t" || CName == "pthread_rwlock_t" ||
      CName == "pthread_spinlock_t" || CName == "mtx_t")
    return true;
  return RD && (attrInHierarchy<CapabilityAttr>(RD) || isBasicLockable(RD));
}

std::optional<LockOp> LockModel::classifyCall(const CallExpr *CE) const {
  if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(CE)) {
    const CXXMethodDecl *MD = MCE->getMethodDecl();
    const Expr *Obj = MCE->getImplicitObjectArgument();
    if (!MD || !Obj)
      return std::nullopt;
    bool Arrow = Obj->getType()->isPointerType();
    return classifyMemberCall(CE, Obj, Arrow, MD);
  }
  if (const auto *OCE = dyn_cast<CXXOperatorCallExpr>(CE)) {
    // guard2 = std::move(guard1)
    if (OCE->getOperator() == OO_Equal && OCE->getNumArgs() == 2 &&
        isGuardType(OCE->getArg(0)->getType())) {
      const VarDecl *Dst = namedLocalVar(OCE->getArg(0));
      if (!Dst)
        return std::nullopt;
      LockOp Op;
      Op.Kind = OpKind::GuardMove;
      Op.Guard = Dst;
      Op.MoveFrom = namedLocalVar(OCE->getArg(1));
      return Op;
    }
    return std::nullopt;
  }
  const FunctionDecl *FD = CE->getDirectCallee();
  if (!FD)
    return std::nullopt;
  return classifyFreeCall(CE, FD);
}

std::optional<LockOp> LockModel::classifyMemberCall(const CallExpr *CE,
                                                    const Expr *Obj, bool Arrow,
                                                    const FunctionDecl *FD) const {
  const CXXRecordDecl *RD = lockRecord(Obj->getType());
  StringRef Name = FD->getIdentifier() ? FD->getName() : StringRef();

  auto mutexOp = [&](bool AllowShared) -> std::optional<LockOp> {
    LockOp Op;
    Op.Locks.push_back({Obj, Arrow});
    Op.Traits = traitsOfType(Obj->getType());
    Op.ModeSpecific = AllowShared;
    if (Name == "lock")
      Op.Kind = OpKind::Acquire;
    else if (Name == "unlock")
      Op.Kind = OpKind::Release;
    else if (Name == "try_lock" || Name == "try_lock_for" || Name == "try_lock_until")
      Op.Kind = OpKind::TryAcquire;
    else if (AllowShared && Name == "lock_shared")
      Op.Kind = OpKind::Acquire, Op.Shared = true;
    else if (AllowShared && Name == "unlock_shared")
      Op.Kind = OpKind::Release, Op.Shared = true;
    else if (AllowShared && Name.starts_with("try_lock_shared"))
      Op.Kind = OpKind::TryAcquire, Op.Shared = true;
    else
      return std::nullopt;
    return Op;
  };

  StdMutex MK = stdMutexKind(RD);
  if (MK != StdMutex::None)
    return mutexOp(MK == StdMutex::Shared);

  StdGuard GK = stdGuardKind(RD);
  if (GK == StdGuard::UniqueLock || GK == StdGuard::SharedLock) {
    LockOp Op;
    Op.Guard = namedLocalVar(Obj);
    if (!Op.Guard)
      return std::nullopt;
    Op.Shared = GK == StdGuard::SharedLock;
    if (Name == "lock")
      Op.Kind = OpKind::GuardLock;
    else if (Name == "unlock")
      Op.Kind = OpKind::GuardUnlock;
    else if (Name.starts_with("try_lock"))
      Op.Kind = OpKind::GuardTryLock;
    else if (Name == "release")
      Op.Kind = OpKind::GuardDisown;
    else
      return std::nullopt;
    return Op;
  }
  if (GK != StdGuard::None)
    return std::nullopt;

  // An inferred guard class: its members that release or re-acquire the
  // guard's lock act on the guard; nothing else of it is a lock operation
  // (even if it has lock()/unlock() of its own).
  if (Inferred && RD && !RD->hasAttr<ScopedLockableAttr>() && Inferred->isGuardClass(RD)) {
    const auto *MD = dyn_cast<CXXMethodDecl>(FD);
    std::optional<GuardMethod> M = MD ? Inferred->method(MD) : std::nullopt;
    if (!M)
      return std::nullopt;
    LockOp Op;
    Op.Guard = namedLocalVar(Obj);
    if (!Op.Guard)
      return std::nullopt;
    Op.Kind = M->Kind;
    Op.IfOwned = M->IfOwned;
    Op.Success = M->Success;
    return Op;
  }

  // A scoped capability's `M *release()` gives up ownership without
  // unlocking, like std::unique_lock's; attributes cannot say so.
  if (RD && RD->hasAttr<ScopedLockableAttr>() && Name == "release" &&
      FD->getReturnType()->isPointerType() && !FD->hasAttrs()) {
    LockOp Op;
    Op.Guard = namedLocalVar(Obj);
    if (!Op.Guard)
      return std::nullopt;
    Op.Kind = OpKind::GuardDisown;
    return Op;
  }
  if (auto Op = fromAttributes(CE, Obj, Arrow, FD))
    return Op;
  if (auto Op = fromConfig(CE, Obj, Arrow, FD))
    return Op;
  if (RD && !RD->isInStdNamespace() && isBasicLockable(RD))
    return mutexOp(/*AllowShared=*/true);
  return std::nullopt;
}

std::optional<LockOp> LockModel::classifyFreeCall(const CallExpr *CE,
                                                  const FunctionDecl *FD) const {
  const IdentifierInfo *II = FD->getIdentifier();
  if (!II)
    return std::nullopt;
  StringRef Name = II->getName();

  // std::lock(a, b, ...) / std::try_lock(a, b, ...): all or nothing.
  if (FD->isInStdNamespace() && CE->getNumArgs() >= 2 &&
      (Name == "lock" || Name == "try_lock")) {
    LockOp Op;
    Op.Kind = Name == "lock" ? OpKind::Acquire : OpKind::TryAcquire;
    Op.Success = SuccessValue::MinusOne;
    Op.Together = true;
    for (const Expr *A : CE->arguments())
      Op.Locks.push_back({A, false});
    Op.Traits = traitsOfType(CE->getArg(0)->getType());
    return Op;
  }

  // C APIs: global functions with C names.
  if (CE->getNumArgs() >= 1 && FD->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
      (Name.starts_with("pthread_") || Name.starts_with("mtx_"))) {
    struct CFn {
      OpKind K;
      bool Shared;
    };
    const CFn Lock{OpKind::Acquire, false}, ReadLock{OpKind::Acquire, true},
        Unlock{OpKind::Release, false}, TryLock{OpKind::TryAcquire, false},
        TryReadLock{OpKind::TryAcquire, true};
    std::optional<CFn> F = llvm::StringSwitch<std::optional<CFn>>(Name)
                               .Case("pthread_mutex_lock", Lock)
                               .Case("pthread_rwlock_wrlock", Lock)
                               .Case("pthread_spin_lock", Lock)
                               .Case("mtx_lock", Lock)
                               .Case("pthread_rwlock_rdlock", ReadLock)
                               .Case("pthread_mutex_unlock", Unlock)
                               .Case("pthread_rwlock_unlock", Unlock)
                               .Case("pthread_spin_unlock", Unlock)
                               .Case("mtx_unlock", Unlock)
                               .Case("pthread_mutex_trylock", TryLock)
                               .Case("pthread_mutex_timedlock", TryLock)
                               .Case("pthread_mutex_clocklock", TryLock)
                               .Case("pthread_spin_trylock", TryLock)
                               .Case("mtx_trylock", TryLock)
                               .Case("mtx_timedlock", TryLock)
                               .Case("pthread_rwlock_trywrlock", TryLock)
                               .Case("pthread_rwlock_timedwrlock", TryLock)
                               .Case("pthread_rwlock_clockwrlock", TryLock)
                               .Case("pthread_rwlock_tryrdlock", TryReadLock)
                               .Case("pthread_rwlock_timedrdlock", TryReadLock)
                               .Case("pthread_rwlock_clockrdlock", TryReadLock)
                               .Default(std::nullopt);
    if (F) {
      LockOp Op;
      Op.Kind = F->K;
      Op.Shared = F->Shared;
      Op.Success = SuccessValue::Zero;
      Op.Locks.push_back({CE->getArg(0), true});
      Op.Traits = traitsOfType(CE->getArg(0)->getType());
      if (Name.starts_with("pthread_rwlock")) {
        Op.Traits.KindName = "rwlock";
        Op.Traits.SharedReentrant = true;
      } else if (Name.starts_with("pthread_spin")) {
        Op.Traits.KindName = "spinlock";
      }
      return Op;
    }
  }

  if (auto Op = fromAttributes(CE, nullptr, false, FD))
    return Op;
  return fromConfig(CE, nullptr, false, FD);
}

std::optional<LockOp> LockModel::fromAttributes(const CallExpr *CE, const Expr *Obj,
                                                bool Arrow,
                                                const FunctionDecl *FD) const {
  if (!FD->hasAttrs())
    return std::nullopt;
  LockOp Op;
  bool Found = false, Acquires = false, Releases = false, ReleasesShared = false;
  const Expr *SuccessExpr = nullptr;
  // An attribute repeated on the out-of-line definition is inherited by it
  // as well: each lock counts once.
  llvm::SmallVector<llvm::FoldingSetNodeID, 2> Seen;
  auto addArgs = [&](auto Args) {
    for (const Expr *A : Args) {
      const Expr *S = A->IgnoreParenImpCasts();
      if (isa<StringLiteral>(S))
        continue;
      if (const auto *UO = dyn_cast<UnaryOperator>(S); UO && UO->getOpcode() == UO_LNot)
        continue; // a negative capability: "not held", not an operation
      llvm::FoldingSetNodeID ID;
      A->Profile(ID, Ctx, /*Canonical=*/true);
      if (llvm::is_contained(Seen, ID))
        continue;
      Seen.push_back(ID);
      Op.Locks.push_back(refTo(A));
    }
  };
  for (const Attr *A : FD->attrs()) {
    if (const auto *AA = dyn_cast<AcquireCapabilityAttr>(A)) {
      Op.Kind = OpKind::Acquire, Op.Shared = AA->isShared();
      Acquires = true;
      addArgs(AA->args());
      Found = true;
    } else if (const auto *RA = dyn_cast<ReleaseCapabilityAttr>(A)) {
      if (Acquires && RA->isShared() != Op.Shared) { // promote/demote
        Releases = true, ReleasesShared = RA->isShared();
        addArgs(RA->args());
        continue;
      }
      Op.Kind = OpKind::Release, Op.Shared = RA->isShared();
      Op.ModeSpecific = !RA->isGeneric();
      Releases = true, ReleasesShared = RA->isShared();
      addArgs(RA->args());
      Found = true;
    } else if (auto AA = compat::AssertAttr::from(A)) {
      Op.Kind = OpKind::AssertHeld, Op.Shared = AA->Shared;
      addArgs(AA->Args);
      Found = true;
    } else if (auto TA = compat::TryAcquireAttr::from(A)) {
      Op.Kind = OpKind::TryAcquire, Op.Shared = TA->isShared();
      SuccessExpr = TA->getSuccessValue();
      addArgs(TA->args());
      Found = true;
    }
  }
  if (!Found)
    return std::nullopt;
  if (Acquires && Releases && ReleasesShared != Op.Shared) {
    Op.Kind = OpKind::ChangeMode;
    Op.ModeSpecific = true;
  }
  if (Op.Kind == OpKind::TryAcquire)
    Op.Success = successOf(SuccessExpr, Ctx);

  // A scoped_lockable guard's own methods (MutexLock::Unlock()).
  const CXXRecordDecl *RD = Obj ? lockRecord(Obj->getType()) : nullptr;
  if (RD && RD->hasAttr<ScopedLockableAttr>()) {
    Op.Guard = namedLocalVar(Obj);
    if (!Op.Guard)
      return std::nullopt;
    if (Op.Kind == OpKind::ChangeMode || Op.Kind == OpKind::AssertHeld)
      return std::nullopt; // not modelled on guards
    Op.Locks.clear();
    Op.Kind = Op.Kind == OpKind::Acquire   ? OpKind::GuardLock
              : Op.Kind == OpKind::Release ? OpKind::GuardUnlock
                                           : OpKind::GuardTryLock;
    return Op;
  }

  if (Op.Locks.empty()) {
    if (!Obj)
      return std::nullopt;
    Op.Locks.push_back({Obj, Arrow}); // the capability object itself
  } else {
    auto B = std::make_shared<CallBinding>();
    B->ThisArg = Obj;
    B->ThisIsPointer = Arrow;
    unsigned N = std::min<unsigned>(FD->getNumParams(), CE->getNumArgs());
    for (unsigned I = 0; I < N; ++I)
      B->Args[FD->getParamDecl(I)] = CE->getArg(I);
    Op.Binding = std::move(B);
  }
  Op.Traits = traitsOfType(Op.Locks.front().E->getType());
  return Op;
}

/// Which configured lock function \p FD is (an index over the acquire,
/// acquire-shared, release, try-acquire and try-acquire-shared lists), or -1.
int LockModel::configIndex(const FunctionDecl *FD) const {
  if (Cfg.Acquire.empty() && Cfg.AcquireShared.empty() && Cfg.Release.empty() &&
      Cfg.TryAcquire.empty() && Cfg.TryAcquireShared.empty())
    return -1;
  auto [It, New] = ConfigMatchCache.try_emplace(FD, -1);
  if (!New)
    return It->second;
  std::string QN = FD->getQualifiedNameAsString();
  int Index = 0;
  for (const auto *List : {&Cfg.Acquire, &Cfg.AcquireShared, &Cfg.Release,
                           &Cfg.TryAcquire, &Cfg.TryAcquireShared})
    for (const LockFunctionPattern &P : *List) {
      if (nameMatches(P.NameGlob, QN)) {
        ConfigMatchCache[FD] = Index;
        return Index;
      }
      ++Index;
    }
  return -1;
}

std::optional<std::pair<OpKind, int>> LockModel::configRole(const FunctionDecl *FD) const {
  int Index = configIndex(FD);
  if (Index < 0)
    return std::nullopt;
  std::pair<const std::vector<LockFunctionPattern> *, OpKind> Lists[] = {
      {&Cfg.Acquire, OpKind::Acquire},       {&Cfg.AcquireShared, OpKind::Acquire},
      {&Cfg.Release, OpKind::Release},       {&Cfg.TryAcquire, OpKind::TryAcquire},
      {&Cfg.TryAcquireShared, OpKind::TryAcquire}};
  for (const auto &[List, Kind] : Lists) {
    if (Index < static_cast<int>(List->size()))
      return std::make_pair(Kind, (*List)[Index].LockArg);
    Index -= List->size();
  }
  return std::nullopt;
}

std::optional<LockOp> LockModel::fromConfig(const CallExpr *CE, const Expr *Obj,
                                            bool Arrow, const FunctionDecl *FD) const {
  if (Cfg.Acquire.empty() && Cfg.AcquireShared.empty() && Cfg.Release.empty() &&
      Cfg.TryAcquire.empty() && Cfg.TryAcquireShared.empty())
    return std::nullopt;
  struct ListInfo {
    const std::vector<LockFunctionPattern> *List;
    OpKind K;
    bool Shared;
  };
  const ListInfo Lists[] = {{&Cfg.Acquire, OpKind::Acquire, false},
                            {&Cfg.AcquireShared, OpKind::Acquire, true},
                            {&Cfg.Release, OpKind::Release, false},
                            {&Cfg.TryAcquire, OpKind::TryAcquire, false},
                            {&Cfg.TryAcquireShared, OpKind::TryAcquire, true}};
  int Match = configIndex(FD);
  if (Match < 0)
    return std::nullopt;
  for (const ListInfo &L : Lists) {
    if (Match >= static_cast<int>(L.List->size())) {
      Match -= L.List->size();
      continue;
    }
    const LockFunctionPattern &P = (*L.List)[Match];
    LockOp Op;
    Op.Kind = L.K;
    Op.Shared = L.Shared;
    Op.Success = P.Success == TrySuccess::Zero ? SuccessValue::Zero : SuccessValue::True;
    if (P.LockArg < 0) {
      if (!Obj)
        return std::nullopt;
      Op.Locks.push_back({Obj, Arrow});
    } else {
      if (static_cast<unsigned>(P.LockArg) >= CE->getNumArgs())
        return std::nullopt;
      Op.Locks.push_back(refTo(CE->getArg(P.LockArg)));
    }
    Op.Traits = traitsOfType(Op.Locks.front().E->getType());
    return Op;
  }
  return std::nullopt;
}

std::optional<LockOp> LockModel::classifyConstruct(const CXXConstructExpr *CE,
                                                   const VarDecl *Target) const {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Ctor)
    return std::nullopt;
  const CXXRecordDecl *RD = Ctor->getParent();
  StdGuard GK = stdGuardKind(RD);
  bool Scoped = GK == StdGuard::None && RD->hasAttr<ScopedLockableAttr>();
  if (GK == StdGuard::None && !Scoped)
    return classifyInferredConstruct(CE, Target);

  LockOp Op;
  Op.Guard = Target;
  if (Ctor->isCopyOrMoveConstructor()) {
    Op.MoveFrom = namedLocalVar(CE->getArg(0));
    if (!Op.MoveFrom)
      return Target ? std::optional<LockOp>(Op) : std::nullopt; // unknown guard
    Op.Kind = Target ? OpKind::GuardMove : OpKind::GuardMoveAway;
    return Op;
  }
  Op.Kind = OpKind::GuardCreate;
  Op.Shared = GK == StdGuard::SharedLock;

  if (Scoped) {
    Op.Mode = GuardMode::Defer;
    for (const Attr *A : Ctor->attrs()) {
      if (const auto *AA = dyn_cast<AcquireCapabilityAttr>(A)) {
        Op.Mode = GuardMode::Lock, Op.Shared = AA->isShared();
        for (const Expr *E : AA->args())
          Op.Locks.push_back(refTo(E));
      } else if (const auto *RA = dyn_cast<RequiresCapabilityAttr>(A)) {
        Op.Mode = GuardMode::Adopt;
        for (const Expr *E : RA->args())
          Op.Locks.push_back(refTo(E));
      }
    }
    if (!Op.Locks.empty()) {
      auto B = std::make_shared<CallBinding>();
      unsigned N = std::min<unsigned>(Ctor->getNumParams(), CE->getNumArgs());
      for (unsigned I = 0; I < N; ++I)
        B->Args[Ctor->getParamDecl(I)] = CE->getArg(I);
      Op.Binding = std::move(B);
      Op.Traits = traitsOfType(Op.Locks.front().E->getType());
    }
    Op.Together = Op.Locks.size() > 1; // a multi-lock guard imposes no order
    return Op;
  }

  for (const Expr *A : CE->arguments()) {
    if (isa<CXXDefaultArgExpr>(A))
      continue;
    if (isTagType(A, "adopt_lock_t"))
      Op.Mode = GuardMode::Adopt;
    else if (isTagType(A, "defer_lock_t"))
      Op.Mode = GuardMode::Defer;
    else if (isTagType(A, "try_to_lock_t") || isChronoType(A))
      Op.Mode = GuardMode::Try;
    else
      Op.Locks.push_back({A, false});
  }
  if (Op.Locks.empty())
    Op.Mode = GuardMode::Defer; // owns nothing (default-constructed)
  else
    Op.Traits = traitsOfType(Op.Locks.front().E->getType());
  Op.Together = Op.Locks.size() > 1;
  return Op;
}

std::optional<LockOp> LockModel::classifyInferredConstruct(const CXXConstructExpr *CE,
                                                           const VarDecl *Target) const {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  if (!Inferred || Ctor->isCopyOrMoveConstructor())
    return std::nullopt;
  const GuardConstructor *G = Inferred->constructor(Ctor);
  if (!G)
    return std::nullopt;
  LockOp Op;
  Op.Kind = OpKind::GuardCreate;
  Op.Guard = Target;
  Op.Mode = G->Unlocker ? GuardMode::Unlock : GuardMode::Lock;
  Op.InferredCtor = CE;
  Op.Traits = G->Locks.front().Lock.traits();
  Op.Shared = G->Locks.front().Lock.Shared;
  Op.Together = G->Locks.size() > 1;
  return Op;
}

bool LockModel::isLockPrimitive(const FunctionDecl *FD) const {
  if (!FD)
    return false;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    const CXXRecordDecl *RD = MD->getParent();
    if (stdMutexKind(RD) != StdMutex::None || stdGuardKind(RD) != StdGuard::None)
      return true;
    // lock()/unlock()/try_lock() of a BasicLockable class.
    if (MD->getIdentifier() && isBasicLockable(RD)) {
      StringRef N = MD->getName();
      if (N == "lock" || N == "unlock" || N.starts_with("try_lock") ||
          N == "lock_shared" || N == "unlock_shared")
        return true;
    }
  }
  if (FD->hasAttr<AcquireCapabilityAttr>() || FD->hasAttr<ReleaseCapabilityAttr>() ||
      compat::hasTryAcquireAttr(FD))
    return true;
  if (const IdentifierInfo *II = FD->getIdentifier()) {
    StringRef N = II->getName();
    if (FD->isInStdNamespace() && (N == "lock" || N == "try_lock"))
      return true;
  }
  return configIndex(FD) >= 0; // user-declared lock functions
}

bool LockModel::mentionsLocks(const Stmt *Body) const {
  llvm::SmallVector<const Stmt *, 32> Work;
  Work.push_back(Body);
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *CE = dyn_cast<CallExpr>(S)) {
      if (classifyCall(CE))
        return true;
    } else if (const auto *CCE = dyn_cast<CXXConstructExpr>(S)) {
      if (classifyConstruct(CCE, nullptr))
        return true;
    } else if (const auto *LE = dyn_cast<LambdaExpr>(S)) {
      // The lambda's body is analysed as a function of its own.
      for (const Expr *Init : LE->capture_inits())
        Work.push_back(Init);
      continue;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return false;
}

} // namespace lockcheck
