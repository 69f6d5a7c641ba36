//===- LockcheckTidyCheck.h - the adapter behind each check name -*- C++ -*-===//
//
// One instance per enabled lockcheck check and TU. It reads the shared
// options, joins the TU's SharedTUAnalysis, and turns the findings of its own
// check into clang-tidy diagnostics (warning, notes, fix-its).
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_TIDY_LOCKCHECKTIDYCHECK_H
#define LOCKCHECK_TIDY_LOCKCHECKTIDYCHECK_H

#include "SharedTUAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace lockcheck::tidy {

class LockcheckTidyCheck : public clang::tidy::ClangTidyCheck {
public:
  LockcheckTidyCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Context,
                     Check Kind);

  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

private:
  void emit(const Finding &F);

  Check Kind;
  OptionValues Values;
  std::shared_ptr<SharedTUAnalysis> Shared;
};

} // namespace lockcheck::tidy

#endif
