//===- Conditions.h - what a branch tells about locks -----------*- C++ -*-===//
//
// Branch conditions refine the dataflow state: the outcome of a try-lock
// (`if (m.try_lock())`, `if (pthread_mutex_trylock(&m) == 0)`, `bool ok = ...;
// if (ok)`), whether a guard owns its mutex (`if (lk.owns_lock())`, `if (lk)`),
// and the truth of conditions that do not change between two branches
// (`if (c) m.lock(); ... if (c) m.unlock();`). A condition is "stable" when it
// only reads locals and parameters whose address never escapes, fields,
// globals and constants, without calls or side effects.
//
// Conditions are evaluated as expression trees: `!`, `&&`, `||`, `?:`,
// comparisons with 0 (or `true`, NULL), casts and `__builtin_expect` around
// the leaves above. Clang's CFG evaluates `a && b` in separate blocks: a
// branch on such a condition decides on its last operand (branchedOn), and a
// `&&`, `||` or `?:` used as a value gets its value on the edges into the
// block that computes it (ConditionEdges.cpp).
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CONDITIONS_H
#define LOCKCHECK_CONDITIONS_H

#include "lockcheck/LockState.h"
#include "lockcheck/WriteEffects.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/FoldingSet.h"
#include "llvm/Support/Allocator.h"
#include <map>
#include <optional>

namespace clang {
class ASTContext;
class BinaryOperator;
class CallExpr;
class Stmt;
class CFG;
class CFGBlock;
class Expr;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace lockcheck {

enum class Tri : uint8_t { False, True, Unknown };

/// A leaf condition, normalised: `Key <Pred> Const`, plus a key for the
/// whole expression when it is stable.
struct CondAtom {
  const clang::VarDecl *Guard = nullptr; // condition is "Guard owns its mutex"
  const void *Key = nullptr;             // a variable or a call expression
  enum PredKind : uint8_t { Truthy, Falsy, Eq, Ne } Pred = Truthy;
  int64_t Const = 0;
  const void *WholeKey = nullptr;
  llvm::ArrayRef<const clang::ValueDecl *> WholeDeps; // interned
};

class ConditionModel {
public:
  /// \p KeptAcrossCalls: fields and globals no call is taken to write (the
  /// pointers a lock is named through).
  ConditionModel(clang::ASTContext &Ctx, const LockModel &Model,
                 const llvm::DenseSet<const clang::ValueDecl *> &Escaping,
                 const llvm::DenseSet<const clang::ValueDecl *> &KeptAcrossCalls,
                 WriteEffects &Writes)
      : Ctx(Ctx), Model(Model), Escaping(Escaping), KeptAcrossCalls(KeptAcrossCalls),
        Writes(Writes) {}

  /// Whether \p E is true on the path \p D (Unknown when its facts do not say).
  Tri eval(const clang::Expr *E, const Disjunct &D);
  /// Restricts \p D to paths where \p E evaluates to \p Value, remembering
  /// what that says about stable expressions. Returns false when no such
  /// path exists in \p D.
  bool assume(const clang::Expr *E, bool Value, Disjunct &D);
  /// Records which logical operator each operand of a `&&`/`||` in \p Body
  /// belongs to (for assumeBranch).
  void noteLogicalParents(const clang::Stmt *Body);
  /// assume() for a two-way branch on \p Branch (see branchedOn), plus what
  /// it says about the `&&`/`||` around it: in `if (a && b)`, the branch on
  /// `b` decides `a && b` too, and a false `a` makes `a && b` false.
  bool assumeBranch(const clang::Expr *Branch, bool Value, Disjunct &D);
  /// The expression a two-way branch decides on, given the condition the CFG
  /// names for it: for `a && b` and `a || b` the CFG evaluated `a` in an
  /// earlier block, so the branch is on `b` (innermost, through nesting).
  static const clang::Expr *branchedOn(const clang::Expr *Cond);
  /// Records, on the edge \p From -> \p To (successor \p SuccIndex), the
  /// value of each `&&`, `||` and `?:` that \p To computes as a value.
  void enterValueJoin(const clang::CFGBlock *From, unsigned SuccIndex,
                      const clang::CFGBlock *To, Disjunct &D);
  /// The `&&`, `||` or `?:` whose value \p B starts by computing from
  /// what its predecessors evaluated, if any.
  const clang::Expr *valueJoin(const clang::CFGBlock *B);
  /// What storing \p E into \p Var tells: a fact keyed by \p Var, if any.
  std::optional<Fact> factForStore(const clang::ValueDecl *Var,
                                   const clang::Expr *E, const Disjunct &D);
  /// Forgets facts that the call \p CE may change (see WriteEffects.h).
  void callMayWrite(const clang::CallExpr *CE, State &St);
  /// A local whose value may change behind our back (address taken, bound
  /// to a non-const reference, captured by reference).
  bool escapes(const clang::ValueDecl *D) const { return Escaping.count(D); }

private:
  /// The leaf below casts, parentheses and `__builtin_expect`.
  const clang::Expr *strip(const clang::Expr *E) const;
  const CondAtom &leaf(const clang::Expr *E);
  /// The integer \p E always evaluates to, if any (memoised).
  std::optional<int64_t> constantOf(const clang::Expr *E) const;
  /// The number \p E is known to be on \p D: a constant, or an integer
  /// variable assigned one.
  std::optional<int64_t> exactValue(const clang::Expr *E, const Disjunct &D) const;
  Tri evalLeaf(const CondAtom &A, const Disjunct &D) const;
  Tri eval(const clang::Expr *E, const Disjunct &D, unsigned Depth);
  bool assume(const clang::Expr *E, bool Value, Disjunct &D, unsigned Depth);
  /// `X == 0`, `X != 0`, `X == true`: the truth of X, negated or not.
  const clang::Expr *truthOperand(const clang::Expr *E, bool &Negated) const;
  bool isStable(const clang::Expr *E,
                llvm::SmallVectorImpl<const clang::ValueDecl *> &Deps,
                unsigned Depth) const;
  const void *keyOfStable(const clang::Expr *E);
  /// The key and dependencies of a stable compound expression (null if not).
  const void *stableKey(const clang::Expr *E,
                        llvm::ArrayRef<const clang::ValueDecl *> *Deps);
  /// One copy of each distinct list of dependencies (so a fact copies two
  /// words, and equal facts hold equal pointers).
  llvm::ArrayRef<const clang::ValueDecl *>
  internDeps(llvm::ArrayRef<const clang::ValueDecl *> Deps);
  Tri valueOnEdge(const clang::Expr *V, const clang::CFGBlock *From,
                  unsigned SuccIndex, const Disjunct &D);

  clang::ASTContext &Ctx;
  const LockModel &Model;
  const llvm::DenseSet<const clang::ValueDecl *> &Escaping;
  const llvm::DenseSet<const clang::ValueDecl *> &KeptAcrossCalls;
  WriteEffects &Writes;
  llvm::DenseMap<const clang::Expr *, CondAtom> Cache;
  mutable llvm::DenseMap<const clang::Expr *, std::optional<int64_t>> Constants;
  /// Operand (without parentheses) -> the `&&`/`||` it is an operand of.
  llvm::DenseMap<const clang::Expr *, const clang::BinaryOperator *> LogicalParent;
  struct StableInfo {
    const void *Key = nullptr;
    llvm::ArrayRef<const clang::ValueDecl *> Deps; // interned
  };
  llvm::DenseMap<const clang::Expr *, StableInfo> StableCache;
  llvm::DenseMap<const clang::CFGBlock *, const clang::Expr *> JoinCache;
  /// Interned stable expressions: hash -> (profile, key).
  std::map<unsigned, llvm::SmallVector<std::pair<llvm::FoldingSetNodeID, uintptr_t>, 1>>
      StableKeys;
  uintptr_t NextStableKey = 1;
  llvm::BumpPtrAllocator DepsArena;
  llvm::DenseSet<llvm::ArrayRef<const clang::ValueDecl *>> DepsLists;
};

} // namespace lockcheck

#endif
