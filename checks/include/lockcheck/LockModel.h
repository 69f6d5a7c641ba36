//===- LockModel.h - which expressions lock and unlock ----------*- C++ -*-===//
//
// Turns calls and constructions into lock operations. Knows the standard
// mutexes and guards (libstdc++ and libc++), pthread mutex/rwlock/spin, C11
// mtx_*, anything carrying Clang's thread-safety attributes (which covers the
// lockcheck runtime library), BasicLockable classes (lock() + unlock()), and
// user-declared lock functions from the configuration.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LOCKMODEL_H
#define LOCKCHECK_LOCKMODEL_H

#include "lockcheck/Config.h"
#include "lockcheck/LockPath.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>

namespace clang {
class ASTContext;
class CallExpr;
class CXXConstructExpr;
class CXXRecordDecl;
class Expr;
class FunctionDecl;
class QualType;
class Stmt;
class VarDecl;
} // namespace clang

namespace lockcheck {

/// What kind of lock an operation works on.
struct LockTraits {
  bool Recursive = false;
  /// Nested shared acquisitions are allowed (POSIX rwlocks).
  bool SharedReentrant = false;
  /// "mutex", "rwlock", "spinlock", or a capability attribute's name.
  llvm::StringRef KindName = "mutex";
};

/// The value a successful try-acquire returns.
enum class SuccessValue : uint8_t { True, Zero, MinusOne };

enum class OpKind : uint8_t {
  Acquire,      // Locks are acquired (several at once for std::lock)
  Release,      // Locks are released
  TryAcquire,   // Locks are acquired iff the call's value means success
  GuardCreate,  // Guard is constructed (Mode says how), owning Locks
  GuardMove,    // Guard takes over MoveFrom's locks (move ctor/assignment)
  GuardMoveAway,// MoveFrom's locks leave with a temporary or argument
  GuardLock,    // unique_lock::lock() and friends
  GuardUnlock,  // unique_lock::unlock()
  GuardTryLock, // unique_lock::try_lock*()
  GuardDisown,  // unique_lock::release(): the mutex stays locked
  ChangeMode,   // released in one mode and re-acquired in the other
                // (promote/demote); Shared is the new mode
  AssertHeld,   // assert_capability: held from here on, acquired or not
};

/// Unlock: a scoped unlocker, which releases in its constructor and
/// re-acquires at the end of its scope.
enum class GuardMode : uint8_t { Lock, Defer, Adopt, Try, Unlock };

struct LockRef {
  const clang::Expr *E = nullptr;
  bool IsPointer = false;
};

struct LockOp {
  OpKind Kind = OpKind::Acquire;
  bool Shared = false;
  GuardMode Mode = GuardMode::Lock;
  SuccessValue Success = SuccessValue::True;
  /// Several locks taken together (std::lock, std::scoped_lock): no order
  /// between them.
  bool Together = false;
  /// A release that says which mode it releases (unlock vs unlock_shared);
  /// false for pthread_rwlock_unlock and other releases of either mode.
  bool ModeSpecific = false;
  LockTraits Traits;
  llvm::SmallVector<LockRef, 2> Locks;
  /// Set when Locks are written in the callee (thread-safety attributes).
  std::shared_ptr<CallBinding> Binding;
  const clang::VarDecl *Guard = nullptr;    // the guard operated on
  const clang::VarDecl *MoveFrom = nullptr; // for GuardMove / GuardMoveAway
  /// GuardCreate of an inferred guard class (GuardClasses.h): its locks are
  /// the constructor's summary, mapped through this construction's arguments.
  const clang::CXXConstructExpr *InferredCtor = nullptr;
  /// GuardUnlock that releases only what the guard owns, silently otherwise.
  bool IfOwned = false;
};

class GuardClassTable;

class LockModel {
public:
  LockModel(clang::ASTContext &Ctx, const Config &Cfg);

  /// Lock semantics of a call (free, member or operator call).
  std::optional<LockOp> classifyCall(const clang::CallExpr *CE) const;
  /// Lock semantics of a construction; \p Target is the variable being
  /// initialised, or null for a temporary.
  std::optional<LockOp> classifyConstruct(const clang::CXXConstructExpr *CE,
                                          const clang::VarDecl *Target) const;

  /// A scoped guard type (std::lock_guard/unique_lock/scoped_lock/
  /// shared_lock, or a scoped_lockable class).
  bool isGuardType(clang::QualType T) const;
  /// A lock object type (a mutex, a capability, a BasicLockable class).
  bool isLockType(clang::QualType T) const;
  /// A function that is itself a lock primitive (never throws).
  bool isLockPrimitive(const clang::FunctionDecl *FD) const;
  /// When \p FD is a lock function of the configuration: what it does and
  /// which argument (-1: the object) is the lock.
  std::optional<std::pair<OpKind, int>> configRole(const clang::FunctionDecl *FD) const;
  /// Cheap pre-scan: does \p Body contain anything the model knows?
  bool mentionsLocks(const clang::Stmt *Body) const;

  /// The traits of a lock object of type \p T (pointers are looked through).
  LockTraits traitsOfType(clang::QualType T) const;
  /// A variable made recursive by its initializer
  /// (`pthread_mutex_t m = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;`): the
  /// type alone does not say so.
  bool initializedRecursive(const clang::VarDecl *VD) const;
  /// A lock object (the global or field \p LockDecl) that the configuration's
  /// `recursive-locks` names: made recursive at run time, where the type
  /// cannot say so (`sqlite3MutexAlloc(SQLITE_MUTEX_RECURSIVE)`).
  bool isRecursiveLockByConfig(const clang::NamedDecl *LockDecl) const;
  /// A mutex field its class's constructor makes recursive
  /// (`pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE)` then
  /// `pthread_mutex_init(&m_, &a)`, see RecursiveInit.h), or a lock class
  /// holding such a field.
  bool isRecursiveBySetup(const clang::NamedDecl *LockDecl) const;
  /// The mutexes the TU's functions set up recursive (mutexesSetUpRecursive).
  void setRecursiveSetups(llvm::DenseSet<const clang::ValueDecl *> S) {
    RecursiveSetups = std::move(S);
  }

  /// Guard classes inferred from their bodies (null: only the known ones).
  void setGuardClasses(GuardClassTable *T) { Inferred = T; }
  GuardClassTable *guardClasses() const { return Inferred; }

private:
  std::optional<LockOp> classifyMemberCall(const clang::CallExpr *CE,
                                           const clang::Expr *Obj, bool Arrow,
                                           const clang::FunctionDecl *FD) const;
  std::optional<LockOp> classifyFreeCall(const clang::CallExpr *CE,
                                         const clang::FunctionDecl *FD) const;
  std::optional<LockOp> fromAttributes(const clang::CallExpr *CE,
                                       const clang::Expr *Obj, bool Arrow,
                                       const clang::FunctionDecl *FD) const;
  std::optional<LockOp> fromConfig(const clang::CallExpr *CE,
                                   const clang::Expr *Obj, bool Arrow,
                                   const clang::FunctionDecl *FD) const;
  std::optional<LockOp> classifyInferredConstruct(const clang::CXXConstructExpr *CE,
                                                  const clang::VarDecl *Target) const;
  bool isBasicLockable(const clang::CXXRecordDecl *RD) const;
  int configIndex(const clang::FunctionDecl *FD) const;
  bool isRecursiveByConfig(const clang::CXXRecordDecl *RD) const;

  clang::ASTContext &Ctx;
  const Config &Cfg;
  GuardClassTable *Inferred = nullptr;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, bool> BasicLockableCache;
  mutable llvm::DenseMap<const clang::FunctionDecl *, int> ConfigMatchCache;
  mutable llvm::DenseMap<const clang::NamedDecl *, bool> RecursiveLockCache;
  mutable llvm::DenseMap<const clang::NamedDecl *, bool> RecursiveSetupCache;
  llvm::DenseSet<const clang::ValueDecl *> RecursiveSetups;
};

/// The local variable an expression names, looking through std::move.
const clang::VarDecl *namedLocalVar(const clang::Expr *E);

} // namespace lockcheck

#endif
