//===- ThrowModel.h - which calls may throw ---------------------*- C++ -*-===//
//
// A call may throw unless its callee is noexcept/throw()/nothrow, a C
// function, a lock primitive, listed as nothrow in the configuration, or
// defined in this TU with a body that cannot throw (inferred, memoised).
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_THROWMODEL_H
#define LOCKCHECK_THROWMODEL_H

#include "llvm/ADT/DenseMap.h"

namespace clang {
class ASTContext;
class CallExpr;
class CXXConstructExpr;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace lockcheck {

class LockModel;
struct Config;

class ThrowModel {
public:
  ThrowModel(clang::ASTContext &Ctx, const LockModel &Model, const Config &Cfg);

  /// False when exceptions are disabled for the TU.
  bool exceptionsEnabled() const { return Enabled; }
  bool callMayThrow(const clang::CallExpr *CE);
  bool constructMayThrow(const clang::CXXConstructExpr *CE);
  bool functionMayThrow(const clang::FunctionDecl *FD);

private:
  bool bodyMayThrow(const clang::Stmt *Body);
  bool declaredNoThrow(const clang::FunctionDecl *FD) const;

  const LockModel &Model;
  const Config &Cfg;
  bool Enabled;
  unsigned Depth = 0;
  /// 0 = in progress, 1 = cannot throw, 2 = may throw.
  llvm::DenseMap<const clang::FunctionDecl *, uint8_t> Memo;
};

} // namespace lockcheck

#endif
