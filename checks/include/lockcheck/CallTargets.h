//===- CallTargets.h - which functions a function may call ------*- C++ -*-===//
//
// The call graph and the transfer functions agree on what counts as a call:
// direct calls and operators, constructors (declared and implicit, also in
// new-expressions and member initializers), destructors (scope ends,
// temporaries, delete, and the members and bases a destructor destroys), and
// for a virtual call every overrider the TU defines. Calls through unknown
// function pointers are not followed.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CALLTARGETS_H
#define LOCKCHECK_CALLTARGETS_H

#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class CXXConstructExpr;
class CXXDestructorDecl;
class CXXMemberCallExpr;
class CXXMethodDecl;
class FunctionDecl;
} // namespace clang

namespace lockcheck {

/// The overriders of each virtual method, among the methods the TU defines.
class VirtualOverriders {
public:
  /// Registers \p M under every method it overrides, directly or not.
  void add(const clang::CXXMethodDecl *M);
  llvm::ArrayRef<const clang::CXXMethodDecl *> of(const clang::CXXMethodDecl *Base) const;

private:
  llvm::DenseMap<const clang::CXXMethodDecl *, llvm::SmallVector<const clang::CXXMethodDecl *, 2>>
      Map;
};

/// True when \p CE dispatches dynamically: a virtual method, called without
/// a qualifier on an object whose dynamic type the expression does not fix.
bool dispatchesVirtually(const clang::CXXMemberCallExpr *CE);

/// The destructor that destroying an object of type \p T runs (arrays: of
/// the element type); null for types without a user-visible one.
const clang::CXXDestructorDecl *destructorOf(clang::QualType T);

/// std::thread or std::jthread.
bool isStdThreadType(clang::QualType T);

/// The function a std::thread is started with (a lambda's call operator, or
/// a named function), when \p CE constructs one; else null.
const clang::FunctionDecl *threadStartFunction(const clang::CXXConstructExpr *CE);

/// Calls \p F with every function \p FD may call (see the file comment).
/// Lambda bodies are not part of the function that creates them; a thread's
/// function counts as called where the thread starts (so that it is
/// summarised first, for a later join).
void forEachCallee(const clang::FunctionDecl *FD, const VirtualOverriders &Virtuals,
                   llvm::function_ref<void(const clang::FunctionDecl *)> F);

} // namespace lockcheck

#endif
