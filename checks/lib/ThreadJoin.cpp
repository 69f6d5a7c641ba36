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

/// Does the function call join() or detach() on \p Thread anywhere? Then
/// whether its destructor still joins depends on the path; such threads are
/// left to the explicit calls.
static bool joinedOrDetached(const Stmt *Body, const VarDecl *Thread) {
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *MCE = dyn_cast<CXXMemberCallExpr>(S))
      if (const CXXMethodDecl *MD = MCE->getMethodDecl();
          MD && MD->getIdentifier() && (MD->getName() == "join" || MD->getName() == "detach"))
        if (namedLocalVar(MCE->getImplicitObjectArgument()) == Thread)
          return true;
    for (const Stmt *C : S->children())
      Work.push_back(C);
  }
  return false;
}

void FunctionAnalysis::checkJoin(const CXXMemberCallExpr *Join, State &St) {
  const CXXMethodDecl *MD = Join->getMethodDecl();
  if (!MD || !MD->getIdentifier() || MD->getName() != "join" ||
      !isStdThreadType(Join->getObjectType()))
    return;
  checkJoin(namedLocalVar(Join->getImplicitObjectArgument()), Join, /*AtScopeEnd=*/false, St);
}

void FunctionAnalysis::checkImplicitJoin(const VarDecl *Thread, const Stmt *At, State &St) {
  // A std::jthread joins in its destructor (std::thread would terminate).
  const auto *RD = Thread->getType()->getAsCXXRecordDecl();
  if (RD && RD->getIdentifier() && RD->getName() == "jthread" &&
      isStdThreadType(Thread->getType()) && !joinedOrDetached(FD->getBody(), Thread))
    checkJoin(Thread, At, /*AtScopeEnd=*/true, St);
}

void FunctionAnalysis::checkJoin(const VarDecl *Thread, const Stmt *Join, bool AtScopeEnd,
                                 State &St) {
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
    auto [Conflict, First] = heldWhere(St, *Id, Blocks);
    if (!Conflict)
      continue;
    if (!Reporting) {
      llvm::erase_if(St.Ds, Blocks);
      continue;
    }
    bool Definite = onEveryPath(Conflict, St.Ds.size());
    reportAt(Check::DoubleLock, Join,
             msg::joinWhileHolding(Thread->getName(), LI.Traits.KindName, LI.Display, Definite,
                                   AtScopeEnd),
             Definite, heldThenChain(*First, *Id, A.Chain));
    llvm::erase_if(St.Ds, Blocks); // this thread waits forever
  }
}

} // namespace lockcheck
