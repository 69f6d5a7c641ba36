//===- Conditions.h - what a branch tells about locks -----------*- C++ -*-===//
//
// Branch conditions refine the dataflow state: the outcome of a try-lock
// (`if (m.try_lock())`, `if (pthread_mutex_trylock(&m) == 0)`, `bool ok = ...;
// if (ok)`), whether a guard owns its mutex (`if (lk.owns_lock())`, `if (lk)`),
// and the truth of conditions that do not change between two branches
// (`if (c) m.lock(); ... if (c) m.unlock();`). A condition is "stable" when it
// only reads locals and parameters whose address never escapes, fields of
// `this`, globals and constants, without calls or side effects.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CONDITIONS_H
#define LOCKCHECK_CONDITIONS_H

#include "lockcheck/LockState.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/FoldingSet.h"
#include <map>
#include <optional>

namespace clang {
class ASTContext;
class Expr;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace lockcheck {

enum class Tri : uint8_t { False, True, Unknown };

/// A condition, normalised: `Key <Pred> Const`, plus a key for the whole
/// (de-negated) expression when it is stable.
struct CondAtom {
  const clang::VarDecl *Guard = nullptr; // condition is "Guard owns its mutex"
  const void *Key = nullptr;             // a variable or a call expression
  enum PredKind : uint8_t { Truthy, Falsy, Eq, Ne } Pred = Truthy;
  int64_t Const = 0;
  const void *WholeKey = nullptr;
  bool WholeNegated = false;
  llvm::SmallVector<const clang::ValueDecl *, 2> WholeDeps;
};

class ConditionModel {
public:
  ConditionModel(clang::ASTContext &Ctx, const LockModel &Model,
                 const llvm::DenseSet<const clang::ValueDecl *> &Escaping)
      : Ctx(Ctx), Model(Model), Escaping(Escaping) {}

  const CondAtom &analyze(const clang::Expr *Cond);
  Tri eval(const CondAtom &A, const Disjunct &D) const;
  /// Restricts \p D to paths where the condition evaluates to \p Value.
  /// Returns false when no such path exists in \p D.
  bool assume(const CondAtom &A, bool Value, Disjunct &D) const;
  /// What storing \p E into \p Var tells: a fact keyed by \p Var, if any.
  std::optional<Fact> factForStore(const clang::ValueDecl *Var,
                                   const clang::Expr *E, const Disjunct &D);
  /// A local whose value may change behind our back (address taken, bound
  /// to a non-const reference, captured by reference).
  bool escapes(const clang::ValueDecl *D) const { return Escaping.count(D); }

private:
  bool isStable(const clang::Expr *E,
                llvm::SmallVectorImpl<const clang::ValueDecl *> &Deps,
                unsigned Depth) const;
  const void *keyOfStable(const clang::Expr *E);

  clang::ASTContext &Ctx;
  const LockModel &Model;
  const llvm::DenseSet<const clang::ValueDecl *> &Escaping;
  llvm::DenseMap<const clang::Expr *, CondAtom> Cache;
  /// Interned stable expressions: hash -> (profile, key).
  std::map<unsigned, llvm::SmallVector<std::pair<llvm::FoldingSetNodeID, uintptr_t>, 1>>
      StableKeys;
  uintptr_t NextStableKey = 1;
};

} // namespace lockcheck

#endif
