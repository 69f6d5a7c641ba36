//===- WriteEffects.h - what a call may change ------------------*- C++ -*-===//
//
// A remembered condition (`if (s->flag) ... if (s->flag)`) holds until
// something writes what it reads. Assignments in the function itself are
// seen directly; this answers for calls, as a TU-wide cache:
//
// - A function whose body the TU has writes what its body assigns,
//   increments or takes the address of (fields of any object, globals), and
//   what its calls write, 6 calls deep (deeper, or back into a function
//   being summarised, counts as a call to an unknown function).
// - A function without a body here (or a call through a pointer, or a
//   virtual call) may write the fields of every object it receives through a
//   pointer or reference to non-const (`this` of a non-const method
//   included), one level deep, and every non-const global visible to other
//   TUs. Functions declared in system headers cannot name the program's
//   globals, so only their arguments count. `const`/`pure` functions, lock
//   primitives and side-effect-free builtins write nothing.
//
// Not seen: an unknown function reaching an object through an alias the
// call does not pass (a pointer stored in a global earlier), static globals
// written through a callback, constructors and destructors.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_WRITEEFFECTS_H
#define LOCKCHECK_WRITEEFFECTS_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <memory>

namespace clang {
class ASTContext;
class CallExpr;
class Decl;
class FunctionDecl;
class RecordDecl;
class Stmt;
class ValueDecl;
} // namespace clang

namespace lockcheck {

class LockModel;

class WriteEffects {
public:
  WriteEffects(clang::ASTContext &Ctx, const LockModel &Model) : Ctx(Ctx), Model(Model) {}
  ~WriteEffects();

  /// A declaration whose value a call could change: a field (of any
  /// object) or a variable with static storage.
  static bool isMemory(const clang::ValueDecl *D);
  /// Whether the call \p CE may change \p D (see isMemory).
  bool mayWrite(const clang::CallExpr *CE, const clang::ValueDecl *D);

  struct Effect {
    llvm::DenseSet<const clang::Decl *> Written; // fields and globals
    llvm::SmallPtrSet<const clang::RecordDecl *, 4> Records; // every field
    bool ExternalGlobals = false;
    void merge(const Effect &O);
  };

private:
  const Effect &ofCall(const clang::CallExpr *CE);
  /// nullptr when \p FD's body cannot be followed at this depth.
  const Effect *ofFunction(const clang::FunctionDecl *FD, unsigned Depth);
  void addBody(Effect &Into, const clang::Stmt *Body, unsigned Depth);
  void addCall(Effect &Into, const clang::CallExpr *CE, unsigned Depth);
  void addUnknownCall(Effect &Into, const clang::CallExpr *CE,
                      const clang::FunctionDecl *Callee);

  clang::ASTContext &Ctx;
  const LockModel &Model;
  llvm::DenseMap<const clang::CallExpr *, std::unique_ptr<Effect>> Calls;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<Effect>> Functions;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress;
};

} // namespace lockcheck

#endif
