//===- DynamicTypes.h - arguments whose dynamic type is known ---*- C++ -*-===//
//
// A virtual call counts every overrider the TU defines, since the object's
// class is not known. Across a call it often is:
//
//   MemTableInserter inserter(...);
//   batch->Iterate(&inserter);   // Iterate(Handler *h) calls h->PutCF(...)
//
// An argument that is the address of a local or member object (`&obj`), or
// such an object bound to a reference parameter (`f(obj)`), gives the
// parameter an exact class; so does passing such a parameter on unchanged
// (`g(h)`, `g(*h)`, `g(&h)`). The ThrowModel reads the callee's body once per
// such binding, and a virtual call through a bound parameter runs that
// class's overrider alone. A pointer parameter the body may reassign (any use
// but reading its value) binds nothing.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_DYNAMICTYPES_H
#define LOCKCHECK_DYNAMICTYPES_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <tuple>

namespace clang {
class CXXMemberCallExpr;
class CXXMethodDecl;
class CXXRecordDecl;
class Expr;
class FunctionDecl;
} // namespace clang

namespace lockcheck {

/// Parameter number \c Param points or refers to an object of exactly
/// class \c Class.
struct ParamClass {
  unsigned Param;
  const clang::CXXRecordDecl *Class;
  bool operator==(const ParamClass &O) const { return Param == O.Param && Class == O.Class; }
  bool operator<(const ParamClass &O) const {
    return std::tie(Param, Class) < std::tie(O.Param, O.Class);
  }
};
/// The bound parameters of one function, by parameter number.
using ParamClasses = llvm::SmallVector<ParamClass, 2>;

/// The parameters of the function whose body is being read, as bound.
struct BoundParams {
  const clang::FunctionDecl *Fn = nullptr; // canonical declaration
  const ParamClasses *Classes = nullptr;
};

class DynamicTypes {
public:
  /// What a call of \p Def with \p Args binds; \p Caller: the caller's own
  /// bound parameters, passed on.
  ParamClasses bind(const clang::FunctionDecl *Def, llvm::ArrayRef<const clang::Expr *> Args,
                    BoundParams Caller);

  /// The method virtual call \p CE runs when its object is a bound
  /// parameter of \p In; null when it may be any overrider.
  static const clang::CXXMethodDecl *target(const clang::CXXMemberCallExpr *CE, BoundParams In);

private:
  /// Per definition, the parameters worth binding (bit I: parameter I).
  uint64_t bindable(const clang::FunctionDecl *Def);
  llvm::DenseMap<const clang::FunctionDecl *, uint64_t> Bindable;
};

} // namespace lockcheck

#endif
