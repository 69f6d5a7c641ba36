//===- LockPath.h - canonical names for lock objects ------------*- C++ -*-===//
//
// A lock is identified by the access path that reaches it: a root (a
// variable, a parameter or `this`) followed by field selections and pointer
// dereferences. Two spellings of one lock (`m` and `*&m`, `p->m` and
// `(*p).m`, `this->m_` and `m_`) give the same path; locks of two objects
// (`a.m`, `b.m`) do not.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LOCKPATH_H
#define LOCKCHECK_LOCKPATH_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace clang {
class Expr;
class ValueDecl;
class NamedDecl;
class ParmVarDecl;
} // namespace clang

namespace lockcheck {

struct PathStep {
  enum Kind : uint8_t {
    Var,   // root: a variable or parameter (Decl)
    This,  // root: the object `this` points to
    Field, // .field (Decl is the FieldDecl or static member VarDecl)
    Deref, // the pointee of the path so far
    Index, // [i] (Decl is the index variable, or null with Const set)
    Call,  // .method() returning a reference (Decl is the method)
  };
  Kind K;
  const clang::NamedDecl *Decl = nullptr;
  int64_t Const = 0;
  bool operator==(const PathStep &O) const {
    return K == O.K && Decl == O.Decl && Const == O.Const;
  }
};

struct LockPath {
  llvm::SmallVector<PathStep, 3> Steps;
  bool operator==(const LockPath &O) const { return Steps == O.Steps; }
  bool empty() const { return Steps.empty(); }
  /// The declaration a lock comes from (its "lock class" for ordering): the
  /// last field or, for a plain variable, the variable.
  const clang::NamedDecl *lockClassDecl() const;
  /// The declaration that names the lock's class for the lock order: a field
  /// or a global; null when only the type is shared between functions (a
  /// parameter or local variable, an accessor's result).
  const clang::NamedDecl *orderClassDecl() const;
  /// Source-like spelling, with an implicit `this->` left out.
  std::string display() const;
  /// True when the root is a parameter or `this`, i.e. the path means a
  /// different object in every call (for summaries).
  bool isRelativeToCallee() const;
};

/// Maps the callee's `this` and parameters to the caller's expressions when a
/// path written in a callee (an attribute argument, a summary) is evaluated at
/// a call site.
struct CallBinding {
  const clang::Expr *ThisArg = nullptr; // object expression (an lvalue or pointer)
  bool ThisIsPointer = false;
  llvm::SmallDenseMap<const clang::ParmVarDecl *, const clang::Expr *, 4> Args;
  const CallBinding *Outer = nullptr; // the caller's own binding, if nested
};

/// Builds paths from expressions. Knows local reference/pointer aliases
/// (`auto &r = obj.m;`, `pthread_mutex_t *p = &m;` when never reassigned).
class LockPathBuilder {
public:
  /// Registers a local alias: uses of \p Var mean \p Init (already resolved).
  void addAlias(const clang::ValueDecl *Var, const clang::Expr *Init,
                bool InitIsPointer);
  /// Registers a local pointer that points to the object \p Object
  /// (`Mutex *m = guard.release();`).
  void addPointsTo(const clang::ValueDecl *Var, const clang::Expr *Object) {
    Aliases[Var] = {Object, /*IsPointer=*/true, /*PointsToObject=*/true};
  }
  /// Whether uses of \p Var are read as what it was initialised with.
  bool isAlias(const clang::ValueDecl *Var) const { return Aliases.count(Var); }

  /// The path of the lock object denoted by \p E. When \p IsPointer, E is a
  /// pointer to the lock (pthread style). Empty if the expression is not a
  /// trackable access path (a call result, arithmetic, ...).
  LockPath fromExpr(const clang::Expr *E, bool IsPointer,
                    const CallBinding *Binding = nullptr) const;

private:
  bool build(const clang::Expr *E, bool IsPointer, const CallBinding *B,
             LockPath &Out, unsigned Depth) const;
  struct Alias {
    const clang::Expr *Init;
    bool IsPointer;
    bool PointsToObject = false; // Init is the object pointed to, not a pointer
  };
  llvm::DenseMap<const clang::ValueDecl *, Alias> Aliases;
};

} // namespace lockcheck

#endif
