//===- UnusedGuard.cpp - guards that protect nothing ----------------------===//
#include "lockcheck/UnusedGuard.h"
#include "lockcheck/GuardClasses.h"
#include "lockcheck/LockModel.h"
#include "lockcheck/Messages.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace lockcheck {
namespace {

class UnusedGuardChecker {
public:
  UnusedGuardChecker(ASTContext &Ctx, const LockModel &Model, FindingSink &Sink)
      : Ctx(Ctx), Model(Model), Sink(Sink) {}

  /// \p S stands where its value is discarded; \p WholeStatement when it is
  /// the entire statement (only then is the fix-it safe).
  void discarded(const Stmt *S, bool WholeStatement) {
    const auto *E = dyn_cast_or_null<Expr>(S);
    if (!E)
      return;
    E = E->IgnoreParens();
    if (const auto *EWC = dyn_cast<ExprWithCleanups>(E))
      E = EWC->getSubExpr()->IgnoreParens();
    if (const auto *BO = dyn_cast<BinaryOperator>(E); BO && BO->isCommaOp()) {
      discarded(BO->getLHS(), false);
      discarded(BO->getRHS(), false);
      return;
    }
    if (const auto *CE = dyn_cast<ExplicitCastExpr>(E); CE && CE->getType()->isVoidType()) {
      discarded(CE->getSubExpr(), false);
      return;
    }
    const TypeLoc *TL = nullptr;
    TypeLoc Written;
    for (unsigned I = 0; I < 6; ++I) {
      E = E->IgnoreParenImpCasts();
      if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E)) {
        Written = FC->getTypeInfoAsWritten()->getTypeLoc();
        TL = &Written;
        E = FC->getSubExpr();
      } else if (const auto *BT = dyn_cast<CXXBindTemporaryExpr>(E)) {
        E = BT->getSubExpr();
      } else if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E)) {
        E = MT->getSubExpr();
      } else {
        break;
      }
    }
    const auto *CCE = dyn_cast<CXXConstructExpr>(E);
    if (!CCE)
      return;
    if (const auto *TOE = dyn_cast<CXXTemporaryObjectExpr>(CCE)) {
      Written = TOE->getTypeSourceInfo()->getTypeLoc();
      TL = &Written;
    }
    std::optional<LockOp> Op = Model.classifyConstruct(CCE, nullptr);
    if (!Op || Op->Kind != OpKind::GuardCreate || (Op->Locks.empty() && !Op->InferredCtor) ||
        Op->Mode == GuardMode::Defer || Op->Mode == GuardMode::Unlock)
      return;
    LockPath P = Op->InferredCtor
                     ? inferredGuardLock(Model, Op->InferredCtor, Paths)
                     : Paths.fromExpr(Op->Locks.front().E, Op->Locks.front().IsPointer,
                                      Op->Binding.get());
    std::string Name = P.empty() ? "lock" : P.display();
    Finding F;
    F.CheckKind = Check::UnusedGuard;
    F.Loc = CCE->getBeginLoc();
    F.Message = msg::temporaryGuard(Op->Traits.KindName, Name);
    if (WholeStatement && TL && !CCE->getBeginLoc().isMacroID()) {
      SourceLocation End = Lexer::getLocForEndOfToken(
          TL->getEndLoc(), 0, Ctx.getSourceManager(), Ctx.getLangOpts());
      if (End.isValid() && !End.isMacroID())
        F.FixIts.push_back(FixItHint::CreateInsertion(End, " lock"));
    }
    Sink.report(std::move(F));
  }

  /// `std::unique_lock<std::mutex>(m);` declares an empty guard named m.
  void declaration(const DeclStmt *DS) {
    for (const Decl *D : DS->decls()) {
      const auto *VD = dyn_cast<VarDecl>(D);
      if (!VD || !VD->getTypeSourceInfo() || !Model.isGuardType(VD->getType()))
        continue;
      TypeLoc TL = VD->getTypeSourceInfo()->getTypeLoc().getUnqualifiedLoc();
      const auto *Init = dyn_cast_or_null<CXXConstructExpr>(VD->getInit());
      if (!TL.getAs<ParenTypeLoc>() || !Init || Init->getNumArgs() != 0)
        continue;
      Finding F;
      F.CheckKind = Check::UnusedGuard;
      F.Loc = VD->getLocation();
      F.Message = msg::vexingGuard(VD->getName());
      Sink.report(std::move(F));
    }
  }

  void walk(const Stmt *Body) {
    llvm::SmallVector<const Stmt *, 32> Work{Body};
    while (!Work.empty()) {
      const Stmt *S = Work.pop_back_val();
      if (!S || isa<LambdaExpr>(S))
        continue;
      if (const auto *CS = dyn_cast<CompoundStmt>(S)) {
        for (const Stmt *C : CS->body())
          statement(C);
      } else if (const auto *If = dyn_cast<IfStmt>(S)) {
        statement(If->getThen());
        statement(If->getElse());
      } else if (const auto *For = dyn_cast<ForStmt>(S)) {
        statement(For->getBody());
      } else if (const auto *While = dyn_cast<WhileStmt>(S)) {
        statement(While->getBody());
      } else if (const auto *Do = dyn_cast<DoStmt>(S)) {
        statement(Do->getBody());
      } else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S)) {
        statement(Range->getBody());
      } else if (const auto *Case = dyn_cast<SwitchCase>(S)) {
        statement(Case->getSubStmt());
      } else if (const auto *Label = dyn_cast<LabelStmt>(S)) {
        statement(Label->getSubStmt());
      }
      for (const Stmt *C : S->children())
        Work.push_back(C);
    }
  }

private:
  void statement(const Stmt *S) {
    if (const auto *DS = dyn_cast_or_null<DeclStmt>(S))
      declaration(DS);
    else
      discarded(S, true);
  }

  ASTContext &Ctx;
  const LockModel &Model;
  FindingSink &Sink;
  LockPathBuilder Paths;
};

} // namespace

void checkUnusedGuards(const Stmt *Body, ASTContext &Ctx, const LockModel &Model,
                       FindingSink &Sink) {
  UnusedGuardChecker(Ctx, Model, Sink).walk(Body);
}

} // namespace lockcheck
