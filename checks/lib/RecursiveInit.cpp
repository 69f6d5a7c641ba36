//===- RecursiveInit.cpp - locks made recursive when they are set up -----===//
#include "lockcheck/RecursiveInit.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace lockcheck {

bool spelledRecursive(const Expr *E, const SourceManager &SM, const LangOptions &LO) {
  if (!E)
    return false;
  // The macro it is spelled with, outermost first (musl and older glibc
  // define the constants as macros).
  for (SourceLocation Loc = E->getBeginLoc(); Loc.isMacroID();
       Loc = SM.getImmediateMacroCallerLoc(Loc))
    if (Lexer::getImmediateMacroName(Loc, SM, LO).contains("RECURSIVE"))
      return true;
  // glibc: an enumerator, PTHREAD_MUTEX_RECURSIVE = PTHREAD_MUTEX_RECURSIVE_NP.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
    if (const auto *EC = dyn_cast<EnumConstantDecl>(DRE->getDecl()))
      return EC->getName().contains("RECURSIVE");
  return false;
}

namespace {

/// The field or variable `&x`, `&this->x`, `&obj.x` or `x` (an array or
/// pointer argument) names.
const ValueDecl *objectNamed(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  return nullptr;
}

/// Collects, in one function body, the attribute objects given a recursive
/// type and the mutexes initialised with an attribute object.
class SetupScan : public ConstStmtVisitor<SetupScan> {
public:
  SetupScan(const SourceManager &SM, const LangOptions &LO) : SM(SM), LO(LO) {}

  void VisitStmt(const Stmt *S) {
    for (const Stmt *C : S->children())
      if (C)
        Visit(C);
  }
  void VisitCallExpr(const CallExpr *CE) {
    VisitStmt(CE);
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || !FD->getIdentifier() || CE->getNumArgs() < 2)
      return;
    llvm::StringRef Name = FD->getName();
    if (Name == "pthread_mutexattr_settype" && spelledRecursive(CE->getArg(1), SM, LO)) {
      if (const ValueDecl *A = objectNamed(CE->getArg(0)))
        RecursiveAttrs.insert(A);
    } else if (Name == "pthread_mutex_init") {
      const ValueDecl *M = objectNamed(CE->getArg(0));
      const ValueDecl *A = objectNamed(CE->getArg(1));
      if (M && A)
        Inits.push_back({M, A});
    }
  }

  /// Adds the mutexes this body initialised with a recursive attribute.
  void recursiveMutexes(llvm::DenseSet<const ValueDecl *> &Out) const {
    for (const auto &[M, A] : Inits)
      if (RecursiveAttrs.count(A))
        Out.insert(M);
  }

  bool initialisesRecursive(const ValueDecl *Mutex) const {
    for (const auto &[M, A] : Inits)
      if (M == Mutex && RecursiveAttrs.count(A))
        return true;
    return false;
  }

private:
  const SourceManager &SM;
  const LangOptions &LO;
  llvm::SmallPtrSet<const ValueDecl *, 4> RecursiveAttrs;
  llvm::SmallVector<std::pair<const ValueDecl *, const ValueDecl *>, 4> Inits;
};

} // namespace

bool fieldInitializedRecursive(const FieldDecl *FD, const SourceManager &SM,
                               const LangOptions &LO) {
  if (!FD)
    return false;
  if (FD->hasInClassInitializer() && spelledRecursive(FD->getInClassInitializer(), SM, LO))
    return true;
  const auto *RD = dyn_cast<CXXRecordDecl>(FD->getParent());
  if (!RD || !RD->hasDefinition())
    return false;
  for (const CXXConstructorDecl *Ctor : RD->ctors()) {
    const FunctionDecl *Def = nullptr;
    if (!Ctor->hasBody(Def))
      continue;
    const auto *CD = cast<CXXConstructorDecl>(Def);
    for (const CXXCtorInitializer *I : CD->inits())
      if (I->getMember() == FD && spelledRecursive(I->getInit(), SM, LO))
        return true;
    SetupScan Scan(SM, LO);
    Scan.Visit(CD->getBody());
    if (Scan.initialisesRecursive(FD))
      return true;
  }
  return false;
}

/// Whether the TU calls pthread_mutexattr_settype at all (most do not: no
/// need to read every body).
static bool callsSetType(ASTContext &Ctx) {
  auto It = Ctx.Idents.find("pthread_mutexattr_settype");
  if (It == Ctx.Idents.end())
    return false;
  for (const NamedDecl *D : Ctx.getTranslationUnitDecl()->lookup(DeclarationName(It->getValue())))
    if (D->isReferenced())
      return true;
  return false;
}

llvm::DenseSet<const ValueDecl *>
mutexesSetUpRecursive(ASTContext &Ctx, llvm::ArrayRef<const FunctionDecl *> Fns) {
  llvm::DenseSet<const ValueDecl *> Out;
  if (!callsSetType(Ctx))
    return Out;
  for (const FunctionDecl *FD : Fns)
    if (const Stmt *Body = FD->getBody()) {
      SetupScan Scan(Ctx.getSourceManager(), Ctx.getLangOpts());
      Scan.Visit(Body);
      Scan.recursiveMutexes(Out);
    }
  return Out;
}

} // namespace lockcheck
