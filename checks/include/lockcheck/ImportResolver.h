//===- ImportResolver.h - other TUs' summaries, in this TU's terms -*- C++ -*-===//
//
// A summary read from facts names its locks by steps ("param 0, field m");
// to use it at a call, those steps are resolved against the callee's
// declaration in this TU (its parameters, its class's fields, globals by
// USR; a global no declaration here names is made up, see ForeignGlobal.h).
// Notes along an imported call chain point into the other file, which is
// read into this TU's source manager for them.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_IMPORTRESOLVER_H
#define LOCKCHECK_IMPORTRESOLVER_H

#include "lockcheck/Facts.h"
#include "lockcheck/Summary.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"
#include <optional>

namespace clang {
class ASTContext;
class Decl;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace lockcheck {

class ImportResolver {
public:
  ImportResolver(clang::ASTContext &Ctx, const ImportedSummaries *Imported)
      : Ctx(Ctx), Imported(Imported), Saver(Alloc) {}

  /// The summary of \p Callee from another TU, or null.
  const FunctionSummary *lookup(const clang::FunctionDecl *Callee);
  /// The facts another TU wrote for \p Callee, or null.
  const FactFunction *facts(const clang::FunctionDecl *Callee) const;

private:
  std::optional<SummaryLock> resolve(const FactLock &L, const clang::FunctionDecl *Callee);
  const clang::VarDecl *globalByUsr(llvm::StringRef Usr);
  /// Where another TU's note points, in this TU's source manager (the file is
  /// read in for it), so notes along an imported call chain have a place.
  /// Invalid when the file cannot be read.
  clang::SourceLocation locate(const FactLocation &L);

  clang::ASTContext &Ctx;
  const ImportedSummaries *Imported;
  llvm::BumpPtrAllocator Alloc;
  llvm::StringSaver Saver; // kind names outlive the facts they came from
  llvm::DenseMap<const clang::FunctionDecl *, std::optional<FunctionSummary>> Cache;
  std::optional<llvm::StringMap<const clang::VarDecl *>> Globals;
  llvm::StringMap<const clang::VarDecl *> Foreign; // made up, by USR (ForeignGlobal.h)
};

/// The USR of a declaration ("" if it has none).
std::string usrOf(const clang::Decl *D);

} // namespace lockcheck

#endif
