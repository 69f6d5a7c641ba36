//===- ThreadJoin.cpp - joining a thread that needs a lock we hold --------===//
//
// `std::lock_guard g(m); ... t.join();` where t runs a function that locks m:
// the thread blocks on m and this one waits for the thread. The thread's
// function is found where the std::thread variable is initialised (a lambda
// or a function of the TU); its summary says what it acquires, and a lambda's
// captured variables are the same objects here.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/CallTargets.h"
#include "lockcheck/FunctionAnalysis.h"
#include "lockcheck/Messages.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace lockcheck {

/// The function a std::thread variable was started with, if any.
static const FunctionDecl *threadFunction(const VarDecl *VD) {
  const Expr *Init = VD && VD->hasLocalStorage() ? VD->getInit() : nullptr;
  if (!Init)
    return nullptr;
  const auto *CE = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  // `std::thread t = std::thread(f);` moves a temporary.
  while (CE && CE->getNumArgs() == 1 && isStdThreadType(CE->getArg(0)->getType()))
    CE = dyn_cast<CXXConstructExpr>(CE->getArg(0)->IgnoreImplicit());
  return threadStartFunction(CE);
}

void FunctionAnalysis::checkJoin(const CXXMemberCallExpr *Join, State &St) {
  const CXXMethodDecl *MD = Join->getMethodDecl();
  if (!MD || !MD->getIdentifier() || MD->getName() != "join" ||
      !isStdThreadType(Join->getObjectType()))
    return;
  const VarDecl *Thread = namedLocalVar(Join->getImplicitObjectArgument());
  const FunctionDecl *Fn = threadFunction(Thread);
  auto It = Fn ? Summaries.find(Fn->getCanonicalDecl()) : Summaries.end();
  if (It == Summaries.end())
    return;
  // The thread runs the function with no arguments of ours; `this` inside a
  // lambda is the `this` it captured.
  CallSite C;
  C.Site = Join;
  C.Callee = Fn;
  if (const auto *Op = dyn_cast<CXXMethodDecl>(Fn); Op && Op->getParent()->isLambda())
    for (const LambdaCapture &Cap : Op->getParent()->captures())
      if (Cap.capturesThis() && C.Object.empty())
        C.Object.Steps.push_back({PathStep::This});
  for (const SummaryLock &A : It->second.Acquires) {
    std::optional<LockId> Id = translate(A, C);
    if (!Id)
      continue;
    const LockInfo &LI = Locks.info(*Id);
    // Another thread: a recursive lock does not let it in either; two
    // shared holders get along.
    auto Blocks = [&](const Disjunct &D) {
      const HeldLock *H = D.held(*Id);
      return H && !(A.Shared && H->Shared);
    };
    unsigned Conflict = 0;
    const HeldLock *First = nullptr;
    for (const Disjunct &D : St.Ds)
      if (Blocks(D)) {
        ++Conflict;
        First = First ? First : D.held(*Id);
      }
    if (!Conflict)
      continue;
    if (!Reporting) {
      llvm::erase_if(St.Ds, Blocks);
      continue;
    }
    llvm::SmallVector<FindingNote, 2> Notes;
    if (First->Site)
      Notes.push_back(noteAt(First->Site, msg::acquiredHere(LI.Traits.KindName, LI.Display)));
    for (const ChainStep &Step : A.Chain)
      Notes.push_back({Step.Loc, Step.Message});
    bool Definite = Conflict == St.Ds.size();
    reportAt(Check::DoubleLock, Join,
             msg::joinWhileHolding(Thread->getName(), LI.Traits.KindName, LI.Display, Definite),
             Definite, std::move(Notes));
    llvm::erase_if(St.Ds, Blocks); // this thread waits forever
  }
}

} // namespace lockcheck
