//===- BufferAnalyzer.cpp -------------------------------------------------===//
#include "BufferAnalyzer.h"
#define LOCKCHECK_COMPAT_FRONTEND
#include "lockcheck/ClangCompat.h"
#include "FindingsToLsp.h"
#include "Log.h"
#include "Uri.h"
#include "lockcheck/Analysis.h"
#include "lockcheck/Config.h"
#include "lockcheck/FindingFilter.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <chrono>

using namespace clang;

namespace lockcheck::lsp {

namespace {

/// Remembers the first error of a parse for the log; the diagnostics engine
/// itself tells whether the AST is sound enough to analyse.
class FirstErrorRecorder : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !First.empty())
      return;
    llvm::SmallString<128> Text;
    Info.FormatDiagnostic(Text);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      PresumedLoc P = Info.getSourceManager().getPresumedLoc(Info.getLocation());
      if (P.isValid())
        First = (llvm::sys::path::filename(P.getFilename()) + ":" +
                 llvm::Twine(P.getLine()) + ":" + llvm::Twine(P.getColumn()) +
                 ": ")
                    .str();
    }
    First += Text.str();
  }
  void reset() {
    First.clear();
    clear();
  }
  std::string First;
};

double millisecondsSince(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double, std::milli>(
             std::chrono::steady_clock::now() - Start)
      .count();
}

/// A project compiled with GCC may use flags clang's driver does not know;
/// clang would refuse the whole command, so they are dropped (clang -cc1
/// never sees them either way).
void dropUnknownDriverFlags(std::vector<std::string> &Args) {
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed = compat::driverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount,
      llvm::opt::Visibility(compat::driveropts::ClangOption));
  std::vector<bool> Drop(Args.size(), false);
  for (const llvm::opt::Arg *A : Parsed.filtered(compat::driveropts::OPT_UNKNOWN))
    Drop[A->getIndex() + 1] = true;
  std::vector<std::string> Kept;
  for (size_t I = 0; I < Args.size(); ++I)
    if (Drop[I])
      log(LogLevel::Verbose, "dropping '{0}', which clang does not know", Args[I]);
    else
      Kept.push_back(std::move(Args[I]));
  Args = std::move(Kept);
}

/// The diagnostic that tells the user why nothing is analysed: a bad
/// .lockcheck.yaml is reported on the first line of the file, pointing at
/// the problem in the configuration. \p Why gets the configuration's message.
LockcheckDiagnostic configurationProblem(llvm::Error E, std::string &Why) {
  LockcheckDiagnostic D;
  D.Severity = 1;
  llvm::handleAllErrors(
      std::move(E),
      [&](const ConfigError &CE) {
        Why = CE.message();
        if (!CE.File.empty()) {
          RelatedLocation R;
          R.Uri = pathToFileUri(CE.File);
          int64_t Line = CE.Line ? CE.Line - 1 : 0;
          int64_t Column = CE.Column ? CE.Column - 1 : 0;
          R.Where = {{Line, Column}, {Line, Column}};
          R.Message = CE.Problem;
          R.Label = (llvm::sys::path::filename(CE.File) + ":" +
                     llvm::Twine(Line + 1) + ":" + llvm::Twine(Column + 1))
                        .str();
          D.Notes.push_back(std::move(R));
        }
      },
      [&](const llvm::ErrorInfoBase &EI) { Why = EI.message(); });
  D.Message = "lockcheck is not checking this file: " + Why;
  return D;
}

} // namespace

struct BufferAnalyzer::ParsedUnit {
  std::vector<std::string> Args;
  std::string Directory;
  // Declared before the AST, which uses them until it is destroyed.
  std::unique_ptr<FirstErrorRecorder> Errors;
  compat::Diagnostics Diags;
  std::unique_ptr<ASTUnit> AST;
  uint64_t LastUse = 0;
};

BufferAnalyzer::BufferAnalyzer(CompileCommandFinder &Commands,
                               std::string ResourceDir)
    : Commands(Commands), ResourceDir(std::move(ResourceDir)) {}

BufferAnalyzer::~BufferAnalyzer() = default;

void BufferAnalyzer::forget(llvm::StringRef Key) { Units.erase(Key.str()); }

std::vector<std::string>
BufferAnalyzer::commandLineFor(const AnalysisRequest &Request,
                               std::string &Directory) {
  FoundCommand Found = Commands.find(Request.Path, Request.IsC);
  log(LogLevel::Verbose, "compile command for {0} from {1}: {2}", Request.Path,
      Found.Origin, llvm::join(Found.Command.CommandLine, " "));
  Directory = Found.Command.Directory;
  std::vector<std::string> Args = Found.Command.CommandLine;
  if (Args.empty())
    Args = {"clang++", Request.Path};

  // The compile command names the file relative to its directory; the
  // unsaved text is mapped under the absolute path, so name it that way.
  for (size_t I = 1; I < Args.size(); ++I) {
    if (llvm::StringRef(Args[I]).starts_with("-"))
      continue;
    llvm::SmallString<256> Abs(Args[I]);
    if (llvm::sys::path::is_relative(Abs))
      compat::makeAbsolute(Directory, Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    if (Abs == Request.Path)
      Args[I] = Request.Path;
  }

  using namespace tooling;
  for (const ArgumentsAdjuster &Adjust :
       {getClangStripOutputAdjuster(), getClangStripDependencyFileAdjuster(),
        getStripPluginsAdjuster(), getClangSyntaxOnlyAdjuster()})
    Args = Adjust(Args, Request.Path);
  // A project built with the lockcheck plugin must not load it in here.
  llvm::erase_if(Args, [](llvm::StringRef A) {
    return A.starts_with("-fplugin=") || A.starts_with("-fplugin-arg-") ||
           A.starts_with("-fpass-plugin=");
  });
  dropUnknownDriverFlags(Args);
  addTargetAndModeForProgramName(Args, Args[0]);
  // The builtin headers of the Clang linked in, and no warnings: only errors
  // matter here, and skipping the warning analyses saves time.
  Args.insert(Args.begin() + 1, {"-resource-dir=" + ResourceDir, "-w"});
  return Args;
}

BufferAnalyzer::ParsedUnit &
BufferAnalyzer::unitFor(const std::string &Key, const std::vector<std::string> &Args,
                        const std::string &Directory) {
  std::unique_ptr<ParsedUnit> &Slot = Units[Key];
  if (!Slot || Slot->Args != Args || Slot->Directory != Directory) {
    Slot = std::make_unique<ParsedUnit>();
    Slot->Args = Args;
    Slot->Directory = Directory;
    Slot->Errors = std::make_unique<FirstErrorRecorder>();
    Slot->Diags = compat::createDiagnostics(Slot->Errors.get(), /*ShouldOwnClient=*/false);
  }
  Slot->LastUse = ++UseCounter;
  // Preambles are large; keep the most recently analysed documents only.
  while (Units.size() > MaxUnits) {
    auto Oldest = Units.end();
    for (auto It = Units.begin(); It != Units.end(); ++It)
      if (It->first != Key &&
          (Oldest == Units.end() || It->second->LastUse < Oldest->second->LastUse))
        Oldest = It;
    Units.erase(Oldest);
  }
  return *Units[Key];
}

AnalysisOutcome BufferAnalyzer::analyze(const AnalysisRequest &Request) {
  AnalysisOutcome Out;
  auto Start = std::chrono::steady_clock::now();

  AnalysisOptions Opts;
  if (std::optional<std::string> ConfigPath = findConfigFile(Request.Path)) {
    llvm::Expected<Config> Cfg = loadConfigFile(*ConfigPath);
    if (!Cfg) {
      Out.Result = AnalysisOutcome::Status::Analysed;
      Out.Diagnostics.push_back(configurationProblem(Cfg.takeError(), Out.Why));
      return Out;
    }
    Opts.Cfg = std::move(*Cfg);
    if (Opts.Cfg.Checks)
      if (llvm::Error E = Opts.Enabled.applyGlobList(*Opts.Cfg.Checks)) {
        Out.Result = AnalysisOutcome::Status::Analysed;
        Out.Diagnostics.push_back(configurationProblem(std::move(E), Out.Why));
        return Out;
      }
  }
  if (Opts.Enabled.empty()) {
    Out.Result = AnalysisOutcome::Status::Analysed;
    return Out;
  }
  if (logEnabled(LogLevel::Verbose))
    Opts.DebugLog = &llvm::errs();

  std::string Directory;
  std::vector<std::string> Args = commandLineFor(Request, Directory);
  ParsedUnit &Unit = unitFor(Request.Key, Args, Directory);

  auto Run = [&] {
    Unit.Errors->reset();
    // The ASTUnit owns remapped buffers from here on.
    ASTUnit::RemappedFile Remapped{
        Request.Path,
        llvm::MemoryBuffer::getMemBufferCopy(Request.Text, Request.Path).release()};
    auto PCHOps = std::make_shared<PCHContainerOperations>();
    if (!Unit.AST) {
      std::vector<const char *> Argv;
      for (const std::string &A : Unit.Args)
        Argv.push_back(A.c_str());
      // Relative paths in the command are relative to its directory; a
      // private working directory keeps the process's own untouched.
      IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS =
          llvm::vfs::createPhysicalFileSystem();
      FS->setCurrentWorkingDirectory(Unit.Directory);
      Unit.AST = compat::loadFromCommandLine(
          Argv.data(), Argv.data() + Argv.size(), PCHOps, Unit.Diags,
          ResourceDir, /*StorePreamblesInMemory=*/true,
          /*PreambleStoragePath=*/"", /*OnlyLocalDecls=*/false,
          CaptureDiagsKind::None, Remapped, /*RemappedFilesKeepOriginalName=*/true,
          /*PrecompilePreambleAfterNParses=*/1, TU_Complete,
          /*CacheCodeCompletionResults=*/false,
          /*IncludeBriefCommentsInCodeCompletion=*/false,
          /*AllowPCHWithCompilerErrors=*/false, SkipFunctionBodiesScope::None,
          /*SingleFileParse=*/false, /*UserFilesAreVolatile=*/true,
          /*ForSerialization=*/false, /*RetainExcludedConditionalBlocks=*/false,
          /*ModuleFormat=*/std::nullopt, /*ErrAST=*/nullptr, FS);
      if (!Unit.AST) {
        Out.Why = "clang could not parse the file" +
                  (Unit.Errors->First.empty() ? "" : ": " + Unit.Errors->First);
        return;
      }
    } else if (Unit.AST->Reparse(PCHOps, Remapped)) {
      Unit.AST.reset();
      Out.Why = "clang could not reparse the file" +
                (Unit.Errors->First.empty() ? "" : ": " + Unit.Errors->First);
      return;
    }
    Out.ParseMs = millisecondsSince(Start);

    // Like the plugin: findings on an AST with real errors would be noise.
    if (Unit.AST->getDiagnostics().hasUncompilableErrorOccurred()) {
      Out.Result = AnalysisOutcome::Status::NotAnalysed;
      Out.Why = "the buffer does not compile (" + Unit.Errors->First + ")";
      return;
    }
    auto AnalysisStart = std::chrono::steady_clock::now();
    CollectingSink Sink;
    analyzeTranslationUnit(Unit.AST->getASTContext(), Opts, Sink);
    std::vector<Finding> Findings =
        finalizeFindings(std::move(Sink.Findings), Unit.AST->getSourceManager());
    Out.Diagnostics = convertFindings(Findings, Unit.AST->getSourceManager(),
                                      Unit.AST->getLangOpts(), Request.Encoding);
    Out.AnalysisMs = millisecondsSince(AnalysisStart);
    Out.Result = AnalysisOutcome::Status::Analysed;
  };

  llvm::CrashRecoveryContext CRC;
  if (!CRC.RunSafely(Run)) {
    // Whatever the crash left half-built cannot be trusted or even freed.
    (void)Unit.AST.release();
    (void)Unit.Errors.release();
    Unit.Diags.Engine.resetWithoutRelease();
    Units.erase(Request.Key);
    Out = AnalysisOutcome();
    Out.Why = "the analysis crashed; the next edit retries";
  }
  return Out;
}

} // namespace lockcheck::lsp
