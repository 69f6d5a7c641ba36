//===- Main.cpp - lockcheck-lsp: clangd plus lockcheck's diagnostics ------===//
//
// Threads: the main thread reads the editor and forwards to clangd; one
// thread reads clangd and forwards to the editor (through the Outbox's
// writer); one worker runs the analyses. When clangd exits, lockcheck-lsp
// exits with clangd's status, which is what the protocol asks of a server.
//
//===----------------------------------------------------------------------===//
#include "AnalysisScheduler.h"
#include "BufferAnalyzer.h"
#include "ChildProcess.h"
#include "CommandLine.h"
#include "CompileCommands.h"
#include "Log.h"
#include "MessageFraming.h"
#include "Outbox.h"
#include "Session.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <thread>
#include <unistd.h>

using namespace lockcheck::lsp;

namespace {

std::optional<std::string> findClangd(const LaunchOptions &Opts) {
  if (Opts.Clangd)
    return Opts.Clangd;
  if (llvm::sys::fs::can_execute(LOCKCHECK_DEFAULT_CLANGD))
    return std::string(LOCKCHECK_DEFAULT_CLANGD);
  if (llvm::ErrorOr<std::string> P =
          llvm::sys::findProgramByName(LOCKCHECK_CLANGD_VERSIONED_NAME))
    return *P;
  return std::nullopt;
}

/// Installed trees keep the check pages in share/doc/lockcheck/checks; a
/// build tree links to the source tree's docs/checks.
std::string checkDocsDir(const char *Argv0) {
  std::string Exe = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&checkDocsDir));
  llvm::SmallString<256> Installed(llvm::sys::path::parent_path(
      llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Installed, "share", "doc", "lockcheck", "checks");
  if (llvm::sys::fs::is_directory(Installed))
    return std::string(Installed);
  return LOCKCHECK_SOURCE_DOCS_DIR;
}

/// clangd normally exits promptly after "exit" or end of input; if it hangs,
/// the editor must not be left waiting for lockcheck-lsp.
void killClangdLater(pid_t Pid, std::atomic<bool> &Reaped) {
  static std::atomic<bool> Started{false};
  if (Started.exchange(true))
    return;
  std::thread([Pid, &Reaped] {
    std::this_thread::sleep_for(std::chrono::seconds(10));
    if (!Reaped) {
      log(LogLevel::Error, "clangd did not exit; killing it");
      ::kill(Pid, SIGKILL);
    }
  }).detach();
}

} // namespace

int main(int Argc, char **Argv) {
  llvm::Expected<LaunchOptions> Parsed = parseCommandLine(Argc, Argv);
  if (!Parsed) {
    llvm::errs() << "lockcheck-lsp: error: " << llvm::toString(Parsed.takeError())
                 << "\n";
    return 2;
  }
  LaunchOptions Opts = std::move(*Parsed);
  setLogLevel(Opts.Verbosity);
  if (Opts.Help) {
    printUsage(llvm::outs());
    return 0;
  }
  std::optional<std::string> Clangd = findClangd(Opts);
  if (Opts.Version) {
    llvm::outs() << "lockcheck-lsp version " LOCKCHECK_VERSION "\n";
    llvm::outs().flush();
    if (Clangd) { // editors read clangd's version line to pick features
      const char *Args[] = {Clangd->c_str(), "--version", nullptr};
      ::execv(Clangd->c_str(), const_cast<char *const *>(Args));
    }
    return 0;
  }
  if (!Clangd) {
    llvm::errs() << "lockcheck-lsp: error: cannot find clangd (tried "
                 << LOCKCHECK_DEFAULT_CLANGD << " and "
                 << LOCKCHECK_CLANGD_VERSIONED_NAME
                 << " on PATH); pass --clangd=PATH\n";
    return 2;
  }

  std::vector<std::string> ClangdArgv = {*Clangd};
  ClangdArgv.insert(ClangdArgv.end(), Opts.ClangdArgs.begin(), Opts.ClangdArgs.end());
  // Forked before any thread exists.
  llvm::Expected<ChildProcess> Child = spawnWithPipes(*Clangd, ClangdArgv);
  if (!Child) {
    llvm::errs() << "lockcheck-lsp: error: " << llvm::toString(Child.takeError())
                 << "; pass --clangd=PATH\n";
    return 2;
  }
  ::signal(SIGPIPE, SIG_IGN); // a closed pipe is an error return, not death
  log(LogLevel::Verbose, "started {0} (pid {1})", *Clangd, Child->Pid);

  // A crash inside an analysis is caught and logged; the session goes on.
  llvm::CrashRecoveryContext::Enable();

  if (!llvm::sys::fs::is_directory(LOCKCHECK_CLANG_RESOURCE_DIR))
    log(LogLevel::Error, "Clang's resource directory {0} is missing; "
                         "<stddef.h> and friends will not be found",
        LOCKCHECK_CLANG_RESOURCE_DIR);

  Outbox ToEditor(STDOUT_FILENO);
  CompileCommandFinder Commands;
  BufferAnalyzer Analyzer(Commands, LOCKCHECK_CLANG_RESOURCE_DIR);
  SessionOptions SOpts;
  SOpts.Debounce = Opts.Debounce;
  SOpts.DocsDir = checkDocsDir(Argv[0]);
  SOpts.CommandFlags.DatabaseDir = Opts.CompileCommandsDir;
  Session S(ToEditor, Commands, std::move(SOpts));
  AnalysisScheduler Scheduler(
      Analyzer, [&S](const std::string &Key) { return S.snapshot(Key); },
      [&S](const AnalysisRequest &R, AnalysisOutcome O) {
        S.deliver(R, std::move(O));
      });
  S.attach(Scheduler);

  std::atomic<bool> Reaped{false};
  pid_t ClangdPid = Child->Pid;
  std::thread FromClangd([&, Fd = Child->StdoutFD] {
    FrameReader Reader(Fd, "clangd");
    while (std::optional<std::string> Body = Reader.next())
      S.fromClangd(std::move(*Body));
    int Status = waitForExit(ClangdPid);
    Reaped = true;
    if (Status != 0)
      log(LogLevel::Info, "clangd exited with status {0}", Status);
    ToEditor.flush();
    // Analyses in flight are abandoned; nothing they hold needs tearing down.
    std::_Exit(Status);
  });

  FrameReader FromEditor(STDIN_FILENO, "editor");
  while (std::optional<std::string> Body = FromEditor.next()) {
    Session::EditorMessage Kind = S.fromEditor(*Body);
    if (Kind == Session::EditorMessage::Refused)
      continue;
    if (!writeAll(Child->StdinFD, frameMessage(*Body))) {
      log(LogLevel::Error, "clangd stopped reading its input");
      break;
    }
    if (Kind == Session::EditorMessage::Exit)
      killClangdLater(ClangdPid, Reaped);
  }
  // End of the editor's input (or clangd's): clangd sees end of input too,
  // exits, and the clangd thread ends the process with its status.
  ::close(Child->StdinFD);
  killClangdLater(ClangdPid, Reaped);
  FromClangd.join();
  return 1; // not reached
}
