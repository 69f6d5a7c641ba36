//===- PluginAction.cpp - the "lockcheck" Clang plugin --------------------===//
//
// Loaded with -fplugin=lockcheck-plugin.so, the action adds itself after the
// compiler's main action, so -fsyntax-only and -c both run the checks and the
// compiler's own output is untouched. Findings become clang diagnostics.
//
//===----------------------------------------------------------------------===//
#include "DiagnosticEmitter.h"
#include "FactsPath.h"
#include "PluginArgs.h"
#include "lockcheck/Analysis.h"
#include "lockcheck/FactsCollector.h"
#include "lockcheck/FindingFilter.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace lockcheck {
namespace {

class LockcheckConsumer : public ASTConsumer {
public:
  LockcheckConsumer(AnalysisOptions Opts, DiagnosticEmitter Emitter,
                    std::string MainFile, std::optional<std::string> FactsPath)
      : Opts(std::move(Opts)), Emitter(std::move(Emitter)),
        MainFile(std::move(MainFile)), FactsPath(std::move(FactsPath)) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    // An AST with real errors is incomplete; findings on it would be noise.
    // Warnings that -Werror turned into errors leave a sound AST.
    if (Ctx.getDiagnostics().hasUncompilableErrorOccurred()) {
      debug() << "lockcheck: skipping analysis of '" << MainFile
              << "': the translation unit has compile errors\n";
      return;
    }
    if (Opts.Enabled.empty()) {
      debug() << "lockcheck: skipping analysis of '" << MainFile
              << "': no checks enabled\n";
      return;
    }
    CollectingSink Sink;
    TUFacts Facts;
    if (FactsPath)
      Opts.Facts = &Facts;
    analyzeTranslationUnit(Ctx, Opts, Sink);
    std::vector<Finding> Findings =
        finalizeFindings(std::move(Sink.Findings), Ctx.getSourceManager());
    if (FactsPath) {
      Facts.Findings = findingsAsFacts(Findings, Ctx);
      if (llvm::Error E = writeFactsFile(Facts, *FactsPath)) {
        DiagnosticsEngine &D = Ctx.getDiagnostics();
        D.Report(D.getCustomDiagID(DiagnosticsEngine::Error, "%0"))
            << llvm::toString(std::move(E));
      }
    }
    for (const Finding &F : Findings)
      Emitter.emit(F);
  }

private:
  llvm::raw_ostream &debug() {
    return Opts.DebugLog ? *Opts.DebugLog : llvm::nulls();
  }

  AnalysisOptions Opts;
  DiagnosticEmitter Emitter;
  std::string MainFile;
  std::optional<std::string> FactsPath;
};

class LockcheckAction : public PluginASTAction {
public:
  ActionType getActionType() override { return AddAfterMainAction; }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Raw) override {
    Expected<PluginArgs> Parsed = parsePluginArgs(Raw);
    if (!Parsed) {
      reportSetupError(CI, Parsed.takeError());
      return false;
    }
    Args = std::move(*Parsed);
    if (Args.Help) {
      printPluginHelp(llvm::outs());
      llvm::outs().flush();
      return false; // like --help: describe, then let the compile go on
    }
    return true;
  }

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef InFile) override {
    AnalysisOptions Opts;
    if (Args.Debug)
      Opts.DebugLog = &llvm::errs();
    llvm::raw_ostream &Debug = Args.Debug ? llvm::errs() : llvm::nulls();

    std::optional<std::string> Path =
        Args.ConfigPath ? Args.ConfigPath : findConfigFile(InFile);
    if (Path) {
      Expected<Config> Cfg = loadConfigFile(*Path);
      if (!Cfg) {
        reportSetupError(CI, Cfg.takeError());
        return std::make_unique<ASTConsumer>(); // the error fails the compile
      }
      Opts.Cfg = std::move(*Cfg);
      Debug << "lockcheck: configuration: " << *Path << "\n";
      std::string Text;
      llvm::raw_string_ostream OS(Text);
      printConfig(OS, Opts.Cfg);
      for (llvm::StringRef Line : llvm::split(llvm::StringRef(Text).rtrim(), '\n'))
        if (!Line.empty())
          Debug << "lockcheck:   " << Line << "\n";
    } else {
      Debug << "lockcheck: no .lockcheck.yaml found for '" << InFile << "'\n";
    }

    // Both lists were validated when read, so applying them cannot fail.
    if (Opts.Cfg.Checks)
      llvm::cantFail(Opts.Enabled.applyGlobList(*Opts.Cfg.Checks));
    for (const std::string &Globs : Args.CheckGlobs)
      llvm::cantFail(Opts.Enabled.applyGlobList(Globs));
    Debug << "lockcheck: enabled checks:";
    for (Check C : allChecks())
      if (Opts.Enabled.contains(C))
        Debug << " " << checkName(C);
    Debug << "\n";

    // -Wno-error=lockcheck means no-werror too. (Clang 19 warns that it
    // knows no group 'lockcheck' before the plugin is loaded, so a -Werror
    // build also needs -Wno-unknown-warning-option; no-werror needs nothing.)
    bool KeepWarnings =
        Args.NoWerror || llvm::is_contained(CI.getDiagnosticOpts().Warnings, "no-error=lockcheck");
    ErrorRequest Request = Args.Werror    ? ErrorRequest::Always
                           : KeepWarnings ? ErrorRequest::Never
                                          : ErrorRequest::FollowWerror;
    std::optional<std::string> FactsPath;
    if (Args.FactsPath) {
      Expected<std::string> P = factsPathFor(*Args.FactsPath, InFile);
      if (P)
        FactsPath = std::move(*P);
      else
        reportSetupError(CI, P.takeError()); // the findings still come
    }
    return std::make_unique<LockcheckConsumer>(
        std::move(Opts), DiagnosticEmitter(CI.getDiagnostics(), Request),
        InFile.str(), std::move(FactsPath));
  }

private:
  PluginArgs Args;
};

} // namespace
} // namespace lockcheck

static FrontendPluginRegistry::Add<lockcheck::LockcheckAction>
    RegisterLockcheck("lockcheck", "finds lock misuse (lockcheck)");
