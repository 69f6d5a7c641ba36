//===- ClangCompat.h - every LLVM/Clang API difference, in one place ------===//
//
// lockcheck builds against Clang 19 through 22 (cmake/SelectLLVM.cmake). Each
// API that changed between those releases is used through a helper here, keyed
// on CLANG_VERSION_MAJOR, so the rest of the tree reads the same for all of
// them. The release that made each change is noted; 19 and 22 are built and
// tested, 20 and 21 follow from the upstream history.
//
// The analysis core includes this file as is. The front ends (CLI, LSP)
// define LOCKCHECK_COMPAT_FRONTEND first to get the driver and ASTUnit
// helpers too; the core never needs them.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLANGCOMPAT_H
#define LOCKCHECK_CLANGCOMPAT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Expr.h"
#include "clang/AST/PrettyPrinter.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <optional>
#include <type_traits>

#if CLANG_VERSION_MAJOR < 19 || CLANG_VERSION_MAJOR > 22
#error "lockcheck supports Clang 19 to 22 (cmake/SelectLLVM.cmake)"
#endif

namespace lockcheck::compat {

/// The type of a class or struct. Clang 22 removed ASTContext::getRecordType.
inline clang::QualType recordType(const clang::ASTContext &Ctx,
                                  const clang::RecordDecl *RD) {
#if CLANG_VERSION_MAJOR >= 22
  return Ctx.getCanonicalTagType(RD);
#else
  return Ctx.getRecordType(RD);
#endif
}

/// Makes Path absolute against Cwd. Clang 22 moved the two-argument form
/// from llvm::sys::fs to llvm::sys::path.
inline void makeAbsolute(const llvm::Twine &Cwd, llvm::SmallVectorImpl<char> &Path) {
#if CLANG_VERSION_MAJOR >= 22
  llvm::sys::path::make_absolute(Cwd, Path);
#else
  llvm::sys::fs::make_absolute(Cwd, Path);
#endif
}

/// Print types as their canonical form. Clang 22 renamed
/// PrintingPolicy::PrintCanonicalTypes to PrintAsCanonical.
inline void printAsCanonical(clang::PrintingPolicy &P) {
#if CLANG_VERSION_MAJOR >= 22
  P.PrintAsCanonical = true;
#else
  P.PrintCanonicalTypes = true;
#endif
}

/// A placeholder for a typo Sema has not corrected yet. Clang 21 removed
/// delayed typo correction and, with it, TypoExpr.
inline bool isTypoExpr(const clang::Expr *E) {
#if CLANG_VERSION_MAJOR < 21
  return llvm::isa<clang::TypoExpr>(E);
#else
  (void)E;
  return false;
#endif
}

/// An assert attribute (assert_capability, assert_shared_capability, and
/// up to Clang 20 the legacy assert_exclusive_lock / assert_shared_lock,
/// which Clang 21 made spellings of AssertCapabilityAttr): is it shared,
/// and its arguments.
struct AssertAttr {
  bool Shared;
  llvm::iterator_range<clang::Expr **> Args;
  static std::optional<AssertAttr> from(const clang::Attr *A) {
    if (const auto *C = llvm::dyn_cast<clang::AssertCapabilityAttr>(A))
      return AssertAttr{C->isShared(), C->args()};
#if CLANG_VERSION_MAJOR < 21
    if (const auto *E = llvm::dyn_cast<clang::AssertExclusiveLockAttr>(A))
      return AssertAttr{false, E->args()};
    if (const auto *S = llvm::dyn_cast<clang::AssertSharedLockAttr>(A))
      return AssertAttr{true, S->args()};
#endif
    return std::nullopt;
  }
};

/// A try-acquire attribute, however it is spelled. Up to Clang 20,
/// exclusive_trylock_function and shared_trylock_function have their own
/// attribute classes; Clang 21 made them spellings of TryAcquireCapabilityAttr.
/// Every version sees all three here, so the analysis is the same for all.
/// Used like the attribute classes: A->args(), A->isShared().
class TryAcquireAttr {
public:
  using ArgRange = llvm::iterator_range<clang::Expr **>;

  static std::optional<TryAcquireAttr> from(const clang::Attr *A) {
    if (const auto *T = llvm::dyn_cast<clang::TryAcquireCapabilityAttr>(A))
      return TryAcquireAttr(T->isShared(), T->getSuccessValue(), T->args());
#if CLANG_VERSION_MAJOR < 21
    if (const auto *E = llvm::dyn_cast<clang::ExclusiveTrylockFunctionAttr>(A))
      return TryAcquireAttr(false, E->getSuccessValue(), E->args());
    if (const auto *S = llvm::dyn_cast<clang::SharedTrylockFunctionAttr>(A))
      return TryAcquireAttr(true, S->getSuccessValue(), S->args());
#endif
    return std::nullopt;
  }

  bool isShared() const { return Shared; }
  clang::Expr *getSuccessValue() const { return SuccessValue; }
  ArgRange args() const { return Args; }
  const TryAcquireAttr *operator->() const { return this; }

private:
  TryAcquireAttr(bool Shared, clang::Expr *SuccessValue, ArgRange Args)
      : Shared(Shared), SuccessValue(SuccessValue), Args(Args) {}
  bool Shared;
  clang::Expr *SuccessValue;
  ArgRange Args;
};

/// D's try-acquire attributes, in declaration order.
inline llvm::SmallVector<TryAcquireAttr, 1> tryAcquireAttrs(const clang::Decl *D) {
  llvm::SmallVector<TryAcquireAttr, 1> Out;
  if (D->hasAttrs())
    for (const clang::Attr *A : D->attrs())
      if (std::optional<TryAcquireAttr> T = TryAcquireAttr::from(A))
        Out.push_back(*T);
  return Out;
}

inline bool hasTryAcquireAttr(const clang::Decl *D) {
  if (D->hasAttrs())
    for (const clang::Attr *A : D->attrs())
      if (TryAcquireAttr::from(A))
        return true;
  return false;
}

/// D->specific_attrs<AttrT>(), with TryAcquireAttr standing for every
/// try-acquire spelling. Iterate as `for (const auto &A : attrsOf<T>(D))`.
template <typename AttrT> auto attrsOf(const clang::Decl *D) {
  if constexpr (std::is_same_v<AttrT, TryAcquireAttr>)
    return tryAcquireAttrs(D);
  else
    return D->specific_attrs<AttrT>();
}

} // namespace lockcheck::compat
#endif // LOCKCHECK_CLANGCOMPAT_H

// A guard of its own: a core header may have included the part above already.
#if defined(LOCKCHECK_COMPAT_FRONTEND) && !defined(LOCKCHECK_CLANGCOMPAT_FRONTEND_H)
#define LOCKCHECK_CLANGCOMPAT_FRONTEND_H
#include "clang/Frontend/ASTUnit.h"
#include "clang/Frontend/CompilerInstance.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <memory>
#include <utility>
#if CLANG_VERSION_MAJOR >= 22
#include "clang/Driver/CreateASTUnitFromArgs.h"
#include "clang/Options/Options.h"
#else
#include "clang/Driver/Options.h"
#endif

namespace lockcheck::compat {

/// The clang driver's option IDs and table. Clang 22 moved them from
/// clang/Driver/Options.h (clang::driver::options) to clang/Options/Options.h
/// (clang::options).
#if CLANG_VERSION_MAJOR >= 22
namespace driveropts = clang::options;
inline const llvm::opt::OptTable &driverOptTable() { return clang::getDriverOptTable(); }
#else
namespace driveropts = clang::driver::options;
inline const llvm::opt::OptTable &driverOptTable() {
  return clang::driver::getDriverOptTable();
}
#endif

/// A diagnostics engine with the options it reads. Since Clang 21 the engine
/// only refers to its DiagnosticOptions, so they live here, as long as it.
struct Diagnostics {
  std::shared_ptr<clang::DiagnosticOptions> Opts;
  llvm::IntrusiveRefCntPtr<clang::DiagnosticsEngine> Engine;
};

/// CompilerInstance::createDiagnostics with default options. Clang 20 added
/// the file system argument; Clang 21 takes the options by reference.
inline Diagnostics createDiagnostics(clang::DiagnosticConsumer *Client, bool ShouldOwnClient) {
  Diagnostics D;
  D.Opts = std::make_shared<clang::DiagnosticOptions>();
#if CLANG_VERSION_MAJOR >= 21
  D.Engine = clang::CompilerInstance::createDiagnostics(*llvm::vfs::getRealFileSystem(),
                                                        *D.Opts, Client, ShouldOwnClient);
#elif CLANG_VERSION_MAJOR >= 20
  D.Engine = clang::CompilerInstance::createDiagnostics(*llvm::vfs::getRealFileSystem(),
                                                        D.Opts.get(), Client, ShouldOwnClient);
#else
  D.Engine = clang::CompilerInstance::createDiagnostics(D.Opts.get(), Client, ShouldOwnClient);
#endif
  return D;
}

/// ASTUnit::LoadFromCommandLine; the arguments after ResourceDir are passed
/// through unchanged. Clang 21 added the DiagnosticOptions argument; Clang 22
/// moved the function to clang::CreateASTUnitFromCommandLine.
template <typename... Rest>
std::unique_ptr<clang::ASTUnit>
loadFromCommandLine(const char **ArgBegin, const char **ArgEnd,
                    std::shared_ptr<clang::PCHContainerOperations> PCHOps,
                    const Diagnostics &Diags, llvm::StringRef ResourceDir, Rest &&...More) {
#if CLANG_VERSION_MAJOR >= 22
  return clang::CreateASTUnitFromCommandLine(ArgBegin, ArgEnd, std::move(PCHOps), Diags.Opts,
                                             Diags.Engine, ResourceDir,
                                             std::forward<Rest>(More)...);
#elif CLANG_VERSION_MAJOR >= 21
  return clang::ASTUnit::LoadFromCommandLine(ArgBegin, ArgEnd, std::move(PCHOps), Diags.Opts,
                                             Diags.Engine, ResourceDir,
                                             std::forward<Rest>(More)...);
#else
  return clang::ASTUnit::LoadFromCommandLine(ArgBegin, ArgEnd, std::move(PCHOps), Diags.Engine,
                                             ResourceDir, std::forward<Rest>(More)...);
#endif
}

} // namespace lockcheck::compat
#endif // LOCKCHECK_COMPAT_FRONTEND
