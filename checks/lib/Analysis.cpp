//===- Analysis.cpp - the translation-unit driver -------------------------===//
//
// Finds every function the TU defines outside system headers (template
// instantiations and lambda bodies included), skips those that touch no lock
// (a cheap pre-scan), and runs the per-function analysis on the rest.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/Analysis.h"
#include "lockcheck/FunctionAnalysis.h"
#include "lockcheck/LockModel.h"
#include "lockcheck/ThrowModel.h"
#include "lockcheck/UnusedGuard.h"
#include "lockcheck/WrapperEvidence.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace lockcheck {
namespace {

class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(const SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool TraverseDecl(Decl *D) {
    // Nothing in a system header is reported, so none of it is walked.
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    add(FD);
    return true;
  }

  bool VisitLambdaExpr(LambdaExpr *LE) {
    CXXMethodDecl *Op = LE->getCallOperator();
    add(Op);
    if (FunctionTemplateDecl *FTD = Op->getDescribedFunctionTemplate())
      for (FunctionDecl *Spec : FTD->specializations())
        add(Spec);
    return true;
  }

  std::vector<const FunctionDecl *> Functions;

private:
  void add(const FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isInvalidDecl() ||
        FD->isDependentContext() || !Seen.insert(FD).second)
      return;
    Functions.push_back(FD);
  }
  const SourceManager &SM;
  llvm::DenseSet<const FunctionDecl *> Seen;
};

} // namespace

void analyzeTranslationUnit(ASTContext &Ctx, const AnalysisOptions &Opts,
                            FindingSink &Sink) {
  FunctionCollector Collector(Ctx.getSourceManager());
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());

  LockModel Model(Ctx, Opts.Cfg);
  ThrowModel Throws(Ctx, Model, Opts.Cfg);
  WrapperEvidence Wrappers;
  for (const FunctionDecl *FD : Collector.Functions) {
    const Stmt *Body = FD->getBody();
    if (!Body || !Model.mentionsLocks(Body))
      continue;
    if (Opts.Enabled.contains(Check::UnusedGuard))
      checkUnusedGuards(Body, Ctx, Model, Sink);
    FunctionAnalysis(Ctx, FD, Model, Throws, Opts, Sink, Wrappers).run();
  }
  Wrappers.flush(Sink);
}

} // namespace lockcheck
