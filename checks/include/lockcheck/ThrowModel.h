//===- ThrowModel.h - which exceptions a call can really throw ---*- C++ -*-===//
//
// An exception path exists only where an exception is known to be possible:
// a `throw` in a body the TU (or, across TUs, another TU's facts) shows,
// reached through calls; a standard library call documented to throw
// (StdThrowTable.h); and, only when the configuration asks for them, calls
// with no body to read (`opaque-calls`) and allocation failure
// (`allocation`). Each answer is the set of exception types, so that
// handlers can be matched by type. Never throwing: noexcept / throw() /
// nothrow functions, C functions, destructors, lock primitives, configured
// `nothrow` functions, consteval functions and whatever is evaluated at
// compile time or not at all (sizeof, decltype, noexcept operands).
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_THROWMODEL_H
#define LOCKCHECK_THROWMODEL_H

#include "lockcheck/DynamicTypes.h"
#include "lockcheck/StdThrowTable.h"
#include "lockcheck/ThrowGuards.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class CXXCatchStmt;
class CXXConstructExpr;
class CXXDynamicCastExpr;
class CXXNewExpr;
class CXXThrowExpr;
class Expr;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace lockcheck {

class ImportResolver;
class LockModel;
class VirtualOverriders;
struct Config;

/// What may leave a call or a body: exception types (ids into the
/// ThrowModel's table) and whether some exception of a type nobody can name
/// may (a rethrow outside a handler, an opaque call when those count).
struct ThrowSet {
  llvm::SmallVector<unsigned, 2> Types; // sorted, unique
  /// Origins[I]: where Types[I] was first seen thrown (an id into the
  /// ThrowModel's origins; 0 while not known), for messages only.
  llvm::SmallVector<unsigned, 2> Origins;
  bool Unknown = false;
  bool empty() const { return Types.empty() && !Unknown; }
  /// Adds \p T (thrown at \p Origin); true when the type was new.
  bool add(unsigned T, unsigned Origin = 0);
  /// Adds everything in \p O; true when some type was new.
  bool merge(const ThrowSet &O);
  /// Gives every type without an origin \p Origin.
  void setMissingOrigins(unsigned Origin);
  /// Origins do not take part: they never change what is thrown.
  bool operator==(const ThrowSet &O) const { return Types == O.Types && Unknown == O.Unknown; }
};

/// Where an exception comes from, for messages: a standard library function
/// (Thrower: "vector::at"), `new` or `dynamic_cast` called in function In,
/// or (no Thrower) a `throw` in In. InDecl is In's canonical declaration
/// when In is in this TU.
struct ThrowOrigin {
  std::string Thrower, In;
  const clang::FunctionDecl *InDecl = nullptr;
};

/// What a message says about an exception: its type, and where it comes
/// from when that is not the callee's own body.
struct ThrowDescription {
  std::string Type, Thrower, In; // Type empty: of a type nobody can name
  bool Others = false;           // more types (or an unknown one) may leave
};

/// An exception type as handlers match it: its name and the names of all
/// its bases (for a pointer, "T *" and "Base *").
struct ThrownType {
  std::string Name;
  llvm::SmallVector<std::string, 2> Bases;
};

class ThrowModel {
public:
  ThrowModel(clang::ASTContext &Ctx, const LockModel &Model, const Config &Cfg,
             const VirtualOverriders &Virtuals, ImportResolver *Imports = nullptr);

  /// False when exceptions are disabled for the TU.
  bool exceptionsEnabled() const { return Enabled; }

  /// What the call itself may throw (its arguments are separate points);
  /// \p In is the function whose body holds it (its tests can rule out a
  /// library call's exception, ThrowGuards.h).
  ThrowSet callThrows(const clang::CallExpr *CE, const clang::FunctionDecl *In = nullptr);
  ThrowSet constructThrows(const clang::CXXConstructExpr *CE);
  /// Allocation failure of a `new` (its constructor is a point of its own).
  ThrowSet newThrows(const clang::CXXNewExpr *NE);
  /// std::bad_cast from a dynamic_cast to a reference.
  ThrowSet dynamicCastThrows(const clang::CXXDynamicCastExpr *DC);
  /// A `throw X` throws X; a `throw;` what its handler in \p FD caught (or,
  /// outside a handler, an exception nobody can name).
  ThrowSet thrownBy(const clang::CXXThrowExpr *TE, const clang::FunctionDecl *FD);
  /// What may leave a call of \p FD (by its body, the standard library
  /// table, imported facts, or as an opaque call).
  const ThrowSet &functionThrows(const clang::FunctionDecl *FD);

  enum class Match { No, Maybe, All };
  /// Whether handler \p H catches exceptions of type \p Type.
  bool catches(const clang::CXXCatchStmt *H, unsigned Type);
  /// The name a handler's caught type is matched by ("..." for catch-all).
  std::string caughtName(const clang::CXXCatchStmt *H);

  const ThrownType &type(unsigned Id) const { return Types[Id]; }
  /// A type named in another TU's facts.
  unsigned internNamed(llvm::StringRef Name, llvm::ArrayRef<std::string> Bases);

  const ThrowOrigin &origin(unsigned Id) const { return Origins[Id]; }
  /// An origin read from another TU's facts.
  unsigned internOrigin(llvm::StringRef Thrower, llvm::StringRef In,
                        const clang::FunctionDecl *InDecl = nullptr);
  /// What to name of \p S, thrown by a call of \p Callee (null for `new`
  /// and the like): the first type by name, and its origin unless that is
  /// \p Callee's own body or \p Callee itself.
  ThrowDescription describe(const ThrowSet &S, const clang::FunctionDecl *Callee) const;
  /// How messages name where an exception comes from: a method with its
  /// class ("vector::at", "DBImpl::DeleteFiles"), a constructor by its
  /// class, any other function by its name.
  static std::string displayName(const clang::FunctionDecl *FD);

  /// Whether a call of \p FD never throws by declaration (see the file comment).
  bool declaredNoThrow(const clang::FunctionDecl *FD) const;

  /// Calls the standard library makes to the callables among \p Args (a
  /// lambda, a function, a function object), when \p Callee invokes them.
  ThrowSet callablesThrow(llvm::ArrayRef<const clang::Expr *> Args);

private:
  /// A function, and the parameters its body is read with bound
  /// (DynamicTypes.h; 0: none, as every caller sees it).
  using MemoKey = std::pair<const clang::FunctionDecl *, unsigned>;
  const ThrowSet &throwsOf(const clang::FunctionDecl *FD, unsigned BoundId);
  /// What a call of \p Callee with the arguments of \p CE throws, with
  /// the parameters the arguments give an exact class bound.
  ThrowSet boundCallThrows(const clang::FunctionDecl *Callee, const clang::CallExpr *CE);
  unsigned bindingId(const clang::FunctionDecl *FD, ParamClasses B);
  ThrowSet bodyThrows(const clang::FunctionDecl *Def, const ParamClasses *Params);
  ThrowSet walk(const clang::Stmt *S, const ThrowSet *Caught);
  ThrowSet libraryCallThrows(const clang::FunctionDecl *Callee,
                             llvm::ArrayRef<const clang::Expr *> Args,
                             const clang::CallExpr *Site = nullptr,
                             const clang::FunctionDecl *In = nullptr);
  ThrowSet virtualThrows(const clang::FunctionDecl *MD);
  ThrowSet opaque() const;
  unsigned intern(clang::QualType T);
  unsigned internStd(llvm::StringRef Name);
  std::string typeName(clang::QualType T) const;
  const ThrowSet &imported(const clang::FunctionDecl *FD);

  clang::ASTContext &Ctx;
  const LockModel &Model;
  const Config &Cfg;
  const VirtualOverriders &Virtuals;
  ImportResolver *Imports;
  ThrowGuards Guards;
  bool Enabled;

  std::vector<ThrownType> Types;
  llvm::StringMap<unsigned> TypeIds;
  std::vector<ThrowOrigin> Origins{ThrowOrigin()}; // 0: not known
  llvm::StringMap<unsigned> OriginIds;
  /// The function whose body walk() is reading (origins of its throws),
  /// and its parameters bound by the call being followed.
  const clang::FunctionDecl *Walking = nullptr;
  const ParamClasses *Bound = nullptr;
  DynamicTypes Dynamic;
  /// Binding sets by id (0: none; a deque, so that Bound stays valid).
  std::deque<ParamClasses> Bindings{ParamClasses()};
  std::map<ParamClasses, unsigned> BindingIds;
  /// The binding sets each function was read with, at most a few.
  llvm::DenseMap<const clang::FunctionDecl *, llvm::SmallVector<unsigned, 2>> BoundVariants;
  unsigned originHere(const clang::Stmt *S);

  struct MemoEntry {
    enum { Unvisited, InProgress, Done } State = Unvisited;
    unsigned Depth = 0; // its frame's depth while in progress
    /// Done but computed inside a call cycle still open: the depth of the
    /// cycle's first function (UINT_MAX when final).
    unsigned Low = ~0u;
    ThrowSet Set;
  };
  llvm::DenseMap<MemoKey, MemoEntry> Memo;
  llvm::DenseMap<const clang::FunctionDecl *, ThrowSet> ImportMemo;
  llvm::DenseMap<const clang::FunctionDecl *, StdCallee> StdMemo;
  ThrowSet DepthCut;
  /// Depth of the innermost in-progress function each frame consulted.
  llvm::SmallVector<unsigned, 8> LowLink;
  /// Functions computed while an enclosing call cycle was still open: final
  /// once the cycle's first function settles.
  llvm::SmallVector<MemoKey, 8> Provisional;
  /// What each `throw;` rethrows, and which bodies were read for it.
  llvm::DenseMap<const clang::CXXThrowExpr *, ThrowSet> Rethrows;
  llvm::DenseMap<const clang::FunctionDecl *, bool> RethrowsRead;
  llvm::DenseMap<const clang::CXXCatchStmt *, std::string> CaughtNames;
  ThrowSet Empty;
};

} // namespace lockcheck

#endif
