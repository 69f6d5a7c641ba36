//===- LockcheckTidyModule.cpp - registers the lockcheck checks -----------===//
//
// Loaded with `clang-tidy --load=build/lib/lockcheck-tidy.so`; registers one
// check per name in CheckNames.h, each backed by LockcheckTidyCheck.
//
//===----------------------------------------------------------------------===//
#include "LockcheckTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

using namespace clang::tidy;

namespace lockcheck::tidy {
namespace {

class LockcheckModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    for (Check C : allChecks())
      Factories.registerCheckFactory(
          checkName(C), [C](llvm::StringRef Name, ClangTidyContext *Context) {
            return std::make_unique<LockcheckTidyCheck>(Name, Context, C);
          });
  }
};

ClangTidyModuleRegistry::Add<LockcheckModule>
    Registered("lockcheck-module", "Lock misuse checks (lockcheck).");

} // namespace
} // namespace lockcheck::tidy
