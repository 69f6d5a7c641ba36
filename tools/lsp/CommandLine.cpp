//===- CommandLine.cpp ----------------------------------------------------===//
#include "CommandLine.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace lockcheck::lsp {

llvm::Expected<LaunchOptions> parseCommandLine(int Argc, const char *const *Argv) {
  LaunchOptions Opts;
  auto Fail = [](const llvm::Twine &Msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
  };
  bool OnlyClangd = false;
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef A = Argv[I];
    if (!OnlyClangd) {
      if (A == "--") {
        OnlyClangd = true;
        continue;
      }
      if (A.consume_front("--clangd=")) {
        if (A.empty())
          return Fail("--clangd= needs the path of a clangd executable");
        Opts.Clangd = A.str();
        continue;
      }
      if (A.consume_front("--lockcheck-debounce=")) {
        unsigned Ms;
        if (A.getAsInteger(10, Ms) || Ms > 10000)
          return Fail("invalid --lockcheck-debounce value '" + A +
                      "'; expected milliseconds from 0 to 10000");
        Opts.Debounce = std::chrono::milliseconds(Ms);
        continue;
      }
      if (A.consume_front("--lockcheck-log=")) {
        if (A == "error")
          Opts.Verbosity = LogLevel::Error;
        else if (A == "info")
          Opts.Verbosity = LogLevel::Info;
        else if (A == "verbose")
          Opts.Verbosity = LogLevel::Verbose;
        else
          return Fail("invalid --lockcheck-log value '" + A +
                      "'; valid values: error, info, verbose");
        continue;
      }
      if (A.starts_with("--lockcheck"))
        return Fail("unknown option '" + A +
                    "'; lockcheck-lsp's options: --clangd=PATH, "
                    "--lockcheck-debounce=MS, --lockcheck-log=error|info|verbose, "
                    "--help, --version");
      if (A == "--help" || A == "-help" || A == "-h")
        Opts.Help = true;
      if (A == "--version" || A == "-version")
        Opts.Version = true;
    }
    // clangd's option, as llvm::cl spells it: -x=V, --x=V, or -x V.
    llvm::StringRef Name = A.ltrim('-');
    if (A.starts_with("-") && Name.consume_front("compile-commands-dir")) {
      if (Name.consume_front("="))
        Opts.CompileCommandsDir = Name.str();
      else if (Name.empty() && I + 1 < Argc)
        Opts.CompileCommandsDir = Argv[I + 1];
    }
    Opts.ClangdArgs.push_back(Argv[I]);
  }
  return Opts;
}

void printUsage(llvm::raw_ostream &OS) {
  OS << R"(USAGE: lockcheck-lsp [--clangd=PATH] [options] [clangd options] [-- clangd options]

A language server for editors, used in place of clangd: it runs clangd and
relays everything, adding lockcheck's findings on the unsaved buffer to
clangd's diagnostics and its fix-its to clangd's code actions.

OPTIONS:
  --clangd=PATH            the clangd to run (default: )" LOCKCHECK_DEFAULT_CLANGD
        R"(, then )" LOCKCHECK_CLANGD_VERSIONED_NAME R"( on PATH)
  --lockcheck-debounce=MS  wait this long after the last edit before analysing (default 250)
  --lockcheck-log=LEVEL    error, info (default) or verbose, on stderr
  --help, --version        this text / versions of lockcheck-lsp and clangd

Every other argument is passed to clangd. Configuration: .lockcheck.yaml, as
for the other lockcheck front ends.
)";
}

} // namespace lockcheck::lsp
