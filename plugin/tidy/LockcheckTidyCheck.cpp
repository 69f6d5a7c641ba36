//===- LockcheckTidyCheck.cpp ---------------------------------------------===//
#include "LockcheckTidyCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace llvm;

namespace lockcheck::tidy {

LockcheckTidyCheck::LockcheckTidyCheck(StringRef Name,
                                       clang::tidy::ClangTidyContext *Context,
                                       Check Kind)
    : ClangTidyCheck(Name, Context), Kind(Kind),
      Shared(SharedTUAnalysis::forContext(Context)) {
  auto Read = [&](StringRef Option) {
    std::optional<StringRef> V = Options.getLocalOrGlobal(Option);
    if (V && !V->trim().empty())
      Values.Values[Option.str()] = V->trim().str();
  };
  Read(ConfigFileOption);
  Read(DebugOption);
  for (const ListOptionInfo &Opt : listOptions())
    Read(Opt.Name);
  for (const ListOptionInfo &Opt : scalarOptions())
    Read(Opt.Name);
  for (const SwitchOptionInfo &Opt : switchOptions())
    Read(Opt.Name);
}

void LockcheckTidyCheck::registerMatchers(MatchFinder *Finder) {
  // Only checks clang-tidy enabled for this file get here, so the shared run
  // analyses exactly these checks.
  Shared->enable(Kind, Values);
  Finder->addMatcher(translationUnitDecl().bind("tu"), this);
}

void LockcheckTidyCheck::check(const MatchFinder::MatchResult &Result) {
  const std::vector<Finding> &Findings = Shared->findingsFor(*Result.Context, Kind);
  if (std::optional<std::string> Error = Shared->takeConfigError())
    configurationDiag("%0", DiagnosticIDs::Error) << *Error;
  for (const Finding &F : Findings)
    emit(F);
}

void LockcheckTidyCheck::emit(const Finding &F) {
  // "%0" keeps a '%' in a lock's name from being read as a format directive.
  {
    DiagnosticBuilder D = F.Loc.isValid() ? diag(F.Loc, "%0") : diag("%0");
    D << F.Message;
    for (const FixItHint &Fix : F.FixIts)
      // clang-tidy can only apply fix-its spelled in files, not in macros.
      if (Fix.RemoveRange.getBegin().isFileID() &&
          Fix.RemoveRange.getEnd().isFileID())
        D << Fix;
  } // The warning is emitted here, before its notes.
  for (const FindingNote &N : F.Notes) {
    if (N.Loc.isValid())
      diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Message;
    else
      diag("%0", DiagnosticIDs::Note) << N.Message;
  }
}

void LockcheckTidyCheck::onEndOfTranslationUnit() {
  Shared->endTranslationUnit();
}

void LockcheckTidyCheck::storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) {
  auto Store = [&](StringRef Option) {
    auto It = Values.Values.find(Option.str());
    Options.store(Opts, Option, It == Values.Values.end() ? "" : It->second);
  };
  Store(ConfigFileOption);
  Store(DebugOption);
  for (const ListOptionInfo &Opt : listOptions())
    Store(Opt.Name);
  for (const ListOptionInfo &Opt : scalarOptions())
    Store(Opt.Name);
  for (const SwitchOptionInfo &Opt : switchOptions())
    Store(Opt.Name);
}

} // namespace lockcheck::tidy
