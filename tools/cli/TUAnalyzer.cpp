//===- TUAnalyzer.cpp -----------------------------------------------------===//
#include "TUAnalyzer.h"
#define LOCKCHECK_COMPAT_FRONTEND
#include "lockcheck/ClangCompat.h"
#include "lockcheck/EnclosingFunction.h"
#include "lockcheck/FindingFilter.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Lex/Lexer.h"
#include "clang/Serialization/PCHContainerOperations.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/xxhash.h"

using namespace clang;

namespace lockcheck::cli {

std::string absolutePath(llvm::StringRef Path, llvm::StringRef Dir) {
  llvm::SmallString<256> P(Path);
  if (!llvm::sys::path::is_absolute(P)) {
    P = Dir;
    llvm::sys::path::append(P, Path);
  }
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

std::string absolutePathFromCwd(llvm::StringRef Path) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return absolutePath(Path, Cwd);
}

void absolutizeFacts(TUFacts &F, llvm::StringRef Dir) {
  auto Fix = [&](FactLocation &L) {
    if (!L.File.empty())
      L.File = absolutePath(L.File, Dir);
  };
  auto FixLocks = [&](std::vector<FactLock> &Locks) {
    for (FactLock &L : Locks)
      for (FactNote &N : L.Chain)
        Fix(N.Loc);
  };
  for (FactFunction &Fn : F.Functions) {
    Fix(Fn.Loc);
    FixLocks(Fn.Acquires);
    FixLocks(Fn.NetAcquired);
    FixLocks(Fn.NetReleased);
    for (FactNested &N : Fn.Nested)
      for (FactLock *L : {&N.Held, &N.Acquired})
        for (FactNote &Note : L->Chain)
          Fix(Note.Loc);
    for (FactCall &C : Fn.Calls) {
      Fix(C.Loc);
      for (FactHeld &H : C.Held)
        Fix(H.Site);
      for (FactHeld &H : C.LeaksIfThrows)
        Fix(H.Site);
    }
  }
  auto FixFinding = [&](FactFinding &Fd) {
    Fix(Fd.Loc);
    for (FactNote &N : Fd.Notes)
      Fix(N.Loc);
  };
  for (FactFinding &Fd : F.Findings)
    FixFinding(Fd);
  for (FactIfUncalled &U : F.IfUncalled)
    FixFinding(U.Finding);
  for (FactEdge &E : F.Edges) {
    Fix(E.Loc);
    for (FactNote &N : E.Chain)
      Fix(N.Loc);
  }
}

namespace {

/// Keeps the first error for the "not analysed" message and prints nothing:
/// the project's own warnings are not lockcheck's output.
class FirstError : public DiagnosticConsumer {
public:
  void HandleDiagnostic(DiagnosticsEngine::Level Level, const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level < DiagnosticsEngine::Error || !Text.empty())
      return;
    llvm::SmallString<128> Msg;
    Info.FormatDiagnostic(Msg);
    if (Info.hasSourceManager() && Info.getLocation().isValid()) {
      PresumedLoc P = Info.getSourceManager().getPresumedLoc(Info.getLocation());
      if (P.isValid())
        Text = (llvm::Twine(P.getFilename()) + ":" + llvm::Twine(P.getLine()) + ":" +
                llvm::Twine(P.getColumn()) + ": ")
                   .str();
    }
    Text += Msg.str();
  }
  std::string Text;
};

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const AnalysisOptions &Opts, const std::string &Dir, bool RecordInputs,
                   TUOutcome &Out)
      : Opts(Opts), Dir(Dir), RecordInputs(RecordInputs), Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    // An AST with errors is incomplete; the run reports the TU as not analysed.
    if (Ctx.getDiagnostics().hasUncompilableErrorOccurred())
      return;
    const SourceManager &SM = Ctx.getSourceManager();
    CollectingSink Sink;
    if (Opts.Enabled.empty()) { // nothing to find; the TU counts as analysed
      Out.Analysed = true;
      return;
    }
    AnalysisOptions O = Opts;
    O.Facts = &Out.Facts;
    analyzeTranslationUnit(Ctx, O, Sink);
    absolutizeFacts(Out.Facts, Dir);
    std::vector<Finding> Findings = finalizeFindings(std::move(Sink.Findings), SM);

    std::optional<EnclosingFunctions> Functions;
    if (!Findings.empty())
      Functions.emplace(Ctx);
    for (const Finding &F : Findings) {
      Report R;
      R.CheckKind = F.CheckKind;
      R.Where = position(SM, F.Loc);
      R.Message = F.Message;
      R.Definite = F.Definite;
      R.Function = Functions->at(F.Loc);
      for (const FindingNote &N : F.Notes)
        R.Notes.push_back(makeNote(position(SM, N.Loc), N.Message));
      for (const FixItHint &H : F.FixIts) {
        if (H.RemoveRange.isInvalid())
          continue;
        SourceLocation End = H.RemoveRange.getEnd();
        if (H.RemoveRange.isTokenRange())
          End = Lexer::getLocForEndOfToken(End, 0, SM, Ctx.getLangOpts());
        R.Fixes.push_back({position(SM, H.RemoveRange.getBegin()), position(SM, End),
                           H.CodeToInsert});
      }
      Out.Reports.push_back(std::move(R));
    }
    if (RecordInputs)
      for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
        std::optional<llvm::MemoryBufferRef> Buf =
            It->second->getBufferOrNone(SM.getDiagnostics(), SM.getFileManager());
        if (Buf)
          Out.Inputs.push_back({absolutePath(It->first.getName(), Dir),
                                llvm::xxh3_64bits(Buf->getBuffer())});
      }
    Out.Analysed = true;
  }

private:
  SourcePos position(const SourceManager &SM, SourceLocation Loc) {
    SourcePos P;
    if (Loc.isInvalid())
      return P;
    PresumedLoc PL = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
    if (PL.isInvalid())
      return P;
    P.File = absolutePath(PL.getFilename(), Dir);
    P.Line = PL.getLine();
    P.Column = PL.getColumn();
    return P;
  }

  const AnalysisOptions &Opts;
  const std::string &Dir;
  bool RecordInputs;
  TUOutcome &Out;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const AnalysisOptions &Opts, const std::string &Dir, bool RecordInputs,
                 TUOutcome &Out)
      : Opts(Opts), Dir(Dir), RecordInputs(RecordInputs), Out(Out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<AnalysisConsumer>(Opts, Dir, RecordInputs, Out);
  }

private:
  const AnalysisOptions &Opts;
  const std::string &Dir;
  bool RecordInputs;
  TUOutcome &Out;
};

/// A project compiled with GCC may use flags clang's driver does not know;
/// they would fail the whole command, and -fsyntax-only never needs them.
/// The project's own lockcheck plugin flags are dropped too: this process
/// runs the analysis itself.
std::vector<std::string> cleanCommandLine(std::vector<std::string> Args) {
  std::vector<const char *> Argv;
  for (size_t I = 1; I < Args.size(); ++I)
    Argv.push_back(Args[I].c_str());
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed = compat::driverOptTable().ParseArgs(
      Argv, MissingIndex, MissingCount, llvm::opt::Visibility(compat::driveropts::ClangOption));
  std::vector<bool> Drop(Args.size(), false);
  for (const llvm::opt::Arg *A : Parsed.filtered(compat::driveropts::OPT_UNKNOWN))
    Drop[A->getIndex() + 1] = true;
  std::vector<std::string> Kept;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef A = Args[I];
    if (Drop[I] || A.starts_with("-fplugin=") || A.starts_with("-fplugin-arg-lockcheck"))
      continue;
    Kept.push_back(std::move(Args[I]));
  }
  return Kept;
}

} // namespace

std::vector<std::string> analysisCommandLine(const tooling::CompileCommand &Cmd) {
  std::vector<std::string> Args = Cmd.CommandLine;
  for (const tooling::ArgumentsAdjuster &Adjust :
       {tooling::getClangStripOutputAdjuster(), tooling::getClangStripDependencyFileAdjuster(),
        tooling::getClangSyntaxOnlyAdjuster()})
    Args = Adjust(Args, Cmd.Filename);
  return cleanCommandLine(std::move(Args));
}

TUOutcome analyzeTU(const tooling::CompileCommand &Cmd, const AnalysisOptions &Opts,
                    bool RecordInputs) {
  TUOutcome Out;
  std::vector<std::string> Args = analysisCommandLine(Cmd);
  if (Args.empty()) {
    Out.Problem = "the compile command is empty";
    return Out;
  }
  Args.insert(Args.begin() + 1, "-resource-dir=" LOCKCHECK_CLANG_RESOURCE_DIR);
  // Also keeps the compiler from printing "N errors generated."
  Args.push_back("-fno-caret-diagnostics");

  // A physical file system of its own: its working directory is this
  // command's, without changing the process's (other TUs run in parallel).
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS = llvm::vfs::createPhysicalFileSystem();
  if (std::error_code EC = FS->setCurrentWorkingDirectory(Cmd.Directory)) {
    Out.Problem = "cannot enter the command's directory '" + Cmd.Directory + "': " + EC.message();
    return Out;
  }
  llvm::IntrusiveRefCntPtr<FileManager> Files(new FileManager(FileSystemOptions(), FS));
  FirstError Errors;
  bool Crashed = false, Ran = false;
  llvm::CrashRecoveryContext CRC;
  Crashed = !CRC.RunSafely([&] {
    tooling::ToolInvocation Invocation(
        Args, std::make_unique<AnalysisAction>(Opts, Cmd.Directory, RecordInputs, Out),
        Files.get(), std::make_shared<PCHContainerOperations>());
    Invocation.setDiagnosticConsumer(&Errors);
    Ran = Invocation.run();
  });
  if (Crashed) {
    Out = TUOutcome();
    Out.Problem = "lockcheck crashed while analysing it (please report this as a bug)";
    return Out;
  }
  if (!Out.Analysed) {
    Out.Problem = Errors.Text.empty() ? (Ran ? "the compiler did not run"
                                             : "the compile command failed")
                                      : "it does not compile: " + Errors.Text;
    Out.Reports.clear();
  }
  return Out;
}

} // namespace lockcheck::cli
