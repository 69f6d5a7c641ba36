//===- CommandLine.cpp ----------------------------------------------------===//
#include "CommandLine.h"
#include "lockcheck/Config.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace lockcheck::cli {

namespace cl = llvm::cl;

static cl::OptionCategory Category("lockcheck options");

static const char *Overview =
    "lockcheck: finds lock misuse in a whole project\n\n"
    "  lockcheck -p <build-dir> [files or directories...]\n"
    "      analyses every TU of <build-dir>/compile_commands.json (or only\n"
    "      those under the given paths), then across TUs.\n"
    "  lockcheck merge <facts files or directories...>\n"
    "      merges facts written by the plugin's -fplugin-arg-lockcheck-facts=<path>\n"
    "      and reports lock-order cycles that span files.\n\n"
    "Exit status (the highest that applies): 0 no findings, 1 findings at or\n"
    "above --fail-on, 2 usage or input error, or some TU could not be analysed,\n"
    "3 an output (findings, --write-baseline, --lock-graph) could not be written.\n";

llvm::Expected<CliOptions> parseCommandLine(int Argc, const char **Argv) {
  cl::opt<std::string> BuildDir("p", cl::desc("Build directory with compile_commands.json"),
                                cl::value_desc("build-dir"), cl::cat(Category));
  cl::list<std::string> Paths(cl::Positional, cl::desc("[files or directories...]"),
                              cl::cat(Category));
  cl::opt<unsigned> Jobs("j", cl::desc("Parallel jobs (default: every core)"), cl::init(0),
                         cl::Prefix, cl::cat(Category));
  cl::opt<std::string> Format("format", cl::desc("Output format: text, json or sarif"),
                              cl::init("text"), cl::cat(Category));
  cl::opt<std::string> Output("output", cl::desc("Write the findings to <file>"),
                              cl::value_desc("file"), cl::cat(Category));
  cl::alias OutputShort("o", cl::aliasopt(Output), cl::desc("Alias for --output"));
  cl::opt<std::string> Fail("fail-on",
                            cl::desc("Exit with 1 on findings at this level or above: "
                                     "warning (default) or error"),
                            cl::init("warning"), cl::cat(Category));
  cl::opt<bool> Werror("werror", cl::desc("Report findings as errors"), cl::cat(Category));
  cl::list<std::string> Checks("checks",
                               cl::desc("Enabled checks, a glob list applied after "
                                        "the configuration ('-*,lockcheck-double-lock')"),
                               cl::cat(Category));
  cl::opt<std::string> ConfigFile("config",
                                  cl::desc("Use this .lockcheck.yaml for every TU instead "
                                           "of the nearest one"),
                                  cl::value_desc("file"), cl::cat(Category));
  cl::opt<std::string> LockGraph("lock-graph",
                                 cl::desc("Write the lock-order graph (.dot, or .svg "
                                          "rendered by Graphviz dot)"),
                                 cl::value_desc("file"), cl::cat(Category));
  cl::opt<std::string> BaselineFile("baseline",
                                    cl::desc("Report only findings not in this baseline"),
                                    cl::value_desc("file"), cl::cat(Category));
  cl::opt<std::string> WriteBaseline("write-baseline",
                                     cl::desc("Record today's findings as the baseline"),
                                     cl::value_desc("file"), cl::cat(Category));
  cl::opt<std::string> ProjectRoot(
      "project-root",
      cl::desc("Directory that fingerprints and SARIF paths are relative to (default: the "
               "baseline's directory, else the current directory)"),
      cl::value_desc("dir"), cl::cat(Category));
  cl::opt<std::string> CacheDir("cache-dir",
                                cl::desc("Reuse results of unchanged TUs from this directory"),
                                cl::value_desc("dir"), cl::cat(Category));
  cl::opt<bool> ShowProgress("progress",
                             cl::desc("Show one progress line per phase also when stderr "
                                      "is not a terminal (plain lines, for CI logs)"),
                             cl::cat(Category));
  cl::opt<bool> WholeProgram(
      "whole-program",
      cl::desc("The files form a whole program, not a library: a function nothing calls "
               "or names is an entry point, and a lock it returns holding or releases "
               "without taking is reported there"),
      cl::cat(Category));
  cl::opt<bool> NoProgress("no-progress",
                           cl::desc("No progress lines, not even on a terminal"),
                           cl::cat(Category));
  // For tests: the findings must not depend on the order TUs are parsed in.
  cl::opt<bool> ReverseOrder("reverse-parse-order",
                             cl::desc("Parse the TUs in the reverse of the usual order"),
                             cl::Hidden, cl::cat(Category));

  CliOptions O;
  std::vector<const char *> Args(Argv, Argv + Argc);
  if (Args.size() > 1 && llvm::StringRef(Args[1]) == "merge") {
    O.Merge = true;
    Args.erase(Args.begin() + 1);
  }
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "lockcheck " LOCKCHECK_VERSION "\n";
  });
  std::string Errors;
  llvm::raw_string_ostream ErrOS(Errors);
  if (!cl::ParseCommandLineOptions(Args.size(), Args.data(), Overview, &ErrOS))
  {
    // cl prefixes its lines with the program name; printError adds ours.
    std::string Lines;
    for (llvm::StringRef L : llvm::split(llvm::StringRef(Errors).trim(), '\n')) {
      L.consume_front(Args[0]);
      L.consume_front("lockcheck");
      L.consume_front(": ");
      Lines += (Lines.empty() ? "" : " ") + L.trim().str();
    }
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s", Lines.c_str());
  }

  auto Bad = [](const llvm::Twine &Msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s", Msg.str().c_str());
  };
  if (Format == "text")
    O.Format = OutputFormat::Text;
  else if (Format == "json")
    O.Format = OutputFormat::Json;
  else if (Format == "sarif")
    O.Format = OutputFormat::Sarif;
  else
    return Bad("unknown --format '" + Format + "'; valid: text, json, sarif");
  if (Fail == "warning")
    O.Fail = FailOn::Warning;
  else if (Fail == "error")
    O.Fail = FailOn::Error;
  else
    return Bad("unknown --fail-on '" + Fail + "'; valid: warning, error");
  for (const std::string &G : Checks)
    if (llvm::Error E = validateCheckGlobs(G))
      return Bad("--checks: " + llvm::toString(std::move(E)));
  if (!LockGraph.empty()) {
    llvm::StringRef Ext = llvm::sys::path::extension(LockGraph);
    if (Ext != ".dot" && Ext != ".svg")
      return Bad("--lock-graph '" + LockGraph + "': the name must end in .dot or .svg");
  }
  if (!ProjectRoot.empty() && !llvm::sys::fs::is_directory(ProjectRoot))
    return Bad("--project-root '" + ProjectRoot + "': no such directory");
  if (O.Merge) {
    if (!BuildDir.empty())
      return Bad("'lockcheck merge' reads facts files, not a compile database; drop -p");
    if (!CacheDir.empty())
      return Bad("'lockcheck merge' parses nothing, so it has no use for --cache-dir");
    if (Paths.empty())
      return Bad("'lockcheck merge' needs facts files or directories holding them");
  }
  auto Opt = [](const std::string &S) {
    return S.empty() ? std::nullopt : std::optional<std::string>(S);
  };
  O.BuildDir = Opt(BuildDir);
  O.Paths.assign(Paths.begin(), Paths.end());
  O.Jobs = Jobs;
  O.OutputFile = Opt(Output);
  O.Werror = Werror;
  O.CheckGlobs.assign(Checks.begin(), Checks.end());
  O.ConfigFile = Opt(ConfigFile);
  O.LockGraph = Opt(LockGraph);
  O.BaselineFile = Opt(BaselineFile);
  O.WriteBaselineFile = Opt(WriteBaseline);
  O.CacheDir = Opt(CacheDir);
  O.ProjectRoot = Opt(ProjectRoot);
  if (ShowProgress && NoProgress)
    return Bad("--progress and --no-progress contradict each other; give one");
  O.WholeProgram = WholeProgram;
  O.Progress = ShowProgress;
  O.NoProgress = NoProgress;
  O.ReverseParseOrder = ReverseOrder;
  return O;
}

} // namespace lockcheck::cli
