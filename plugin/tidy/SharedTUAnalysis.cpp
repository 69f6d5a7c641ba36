//===- SharedTUAnalysis.cpp -----------------------------------------------===//
#include "SharedTUAnalysis.h"
#include "lockcheck/Analysis.h"
#include "lockcheck/FindingFilter.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"
#include <mutex>

using namespace llvm;

namespace lockcheck::tidy {

std::shared_ptr<SharedTUAnalysis>
SharedTUAnalysis::forContext(const void *TidyContext) {
  // Weak references: the adapters own the instance, so it dies with the TU's
  // checks and the next TU starts from a fresh one.
  static std::mutex Lock;
  static DenseMap<const void *, std::weak_ptr<SharedTUAnalysis>> Instances;
  std::lock_guard<std::mutex> Guard(Lock);
  std::weak_ptr<SharedTUAnalysis> &Slot = Instances[TidyContext];
  std::shared_ptr<SharedTUAnalysis> Shared = Slot.lock();
  if (!Shared) {
    Shared = std::make_shared<SharedTUAnalysis>();
    Slot = Shared;
  }
  return Shared;
}

void SharedTUAnalysis::enable(Check C, OptionValues Opts) {
  if (Enabled.contains(C))
    return;
  Enabled.set(C, true);
  Options.push_back(std::move(Opts));
}

const std::vector<Finding> &SharedTUAnalysis::findingsFor(clang::ASTContext &Ctx,
                                                          Check C) {
  if (Analysed != &Ctx)
    run(Ctx);
  return Results[static_cast<unsigned>(C)];
}

std::optional<std::string> SharedTUAnalysis::takeConfigError() {
  std::optional<std::string> E = std::move(ConfigError);
  ConfigError.reset();
  return E;
}

void SharedTUAnalysis::endTranslationUnit() {
  Analysed = nullptr;
  for (std::vector<Finding> &R : Results)
    R.clear();
}

void SharedTUAnalysis::run(clang::ASTContext &Ctx) {
  endTranslationUnit();
  Analysed = &Ctx;
  const clang::SourceManager &SM = Ctx.getSourceManager();

  StringRef MainFile;
  if (clang::OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    MainFile = Main->getName();
  // A wrong lock model gives wrong findings: report and analyse nothing.
  Expected<Config> Cfg = buildConfig(Options, MainFile);
  if (!Cfg) {
    ConfigError = toString(Cfg.takeError());
    return;
  }
  Expected<bool> Debug = debugRequested(Options);
  if (!Debug) {
    ConfigError = toString(Debug.takeError());
    return;
  }

  AnalysisOptions Opts;
  // clang-tidy's Checks decides what runs (a check off by default in the
  // plugin runs here when a glob names it), so start from every check.
  Opts.Enabled = CheckSet::all();
  // The project's .lockcheck.yaml 'checks' applies here too, so one file
  // configures every front end; clang-tidy's Checks can only narrow it.
  if (Cfg->Checks) {
    CheckSet FromFile = CheckSet::all();
    if (Error E = FromFile.applyGlobList(*Cfg->Checks)) {
      ConfigError = "lockcheck: " + toString(std::move(E));
      return;
    }
    for (Check C : allChecks())
      if (!FromFile.contains(C))
        Opts.Enabled.set(C, false);
  }
  for (Check C : allChecks())
    Opts.Enabled.set(C, Opts.Enabled.contains(C) && Enabled.contains(C));
  if (Opts.Enabled.empty())
    return;
  // As in the plugin: an AST with real errors is incomplete, and findings on
  // it would be noise.
  if (Ctx.getDiagnostics().hasUncompilableErrorOccurred())
    return;
  Opts.Cfg = std::move(*Cfg);
  if (*Debug)
    Opts.DebugLog = &llvm::errs();
  CollectingSink Sink;
  analyzeTranslationUnit(Ctx, Opts, Sink);

  // clang-tidy applies NOLINT/NOLINTNEXTLINE/NOLINTBEGIN itself, and its
  // header filter and --system-headers decide which headers report.
  FilterOptions Filter;
  Filter.ApplyNolint = false;
  Filter.DropSystemHeaders = false;
  for (Finding &F : finalizeFindings(std::move(Sink.Findings), SM, Filter))
    if (Opts.Enabled.contains(F.CheckKind))
      Results[static_cast<unsigned>(F.CheckKind)].push_back(std::move(F));
}

} // namespace lockcheck::tidy
