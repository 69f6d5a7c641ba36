//===- ProjectRun.cpp -----------------------------------------------------===//
#include "ProjectRun.h"
#include "CompileDatabase.h"
#include "ExitCodes.h"
#include "FactsFiles.h"
#include "Finish.h"
#include "Messages.h"
#include "PhaseOneOrder.h"
#include "Progress.h"
#include "RecheckOrder.h"
#include "ResultCache.h"
#include "SharedImports.h"
#include "TUAnalyzer.h"
#include "lockcheck/Config.h"
#include "lockcheck/CrossTU.h"
#include "lockcheck/EntryPoints.h"
#include "lockcheck/AccessLog.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <map>
#include <set>
#include <thread>

using clang::tooling::CompilationDatabase;
using clang::tooling::CompileCommand;

namespace lockcheck::cli {

namespace {

/// TUs that import each other's wrappers in a cycle are checked again
/// until their imports settle, at most this many times.
constexpr unsigned MaxCyclePasses = 3;

struct ConfigEntry {
  bool Ok = false;
  AnalysisOptions Opts;
  std::string Text; // part of the cache key
};

/// One compile command to analyse. A file compiled with different flags
/// (two targets, two configurations) has one job per distinct command.
struct Job {
  std::string File;
  CompileCommand Cmd;
  const ConfigEntry *Cfg = nullptr;
  unsigned Variant = 0, Variants = 1; // this one among the file's distinct commands
  unsigned Rank = 0; // its place in the run: the first of two definitions wins
  TUOutcome Out;
  std::string label() const {
    if (Variants == 1)
      return File;
    return File + " (compile command " + std::to_string(Variant + 1) + " of " +
           std::to_string(Variants) + ")";
  }
};

std::unique_ptr<CompilationDatabase> loadDatabase(const CliOptions &O, std::string &Where) {
  llvm::SmallString<256> Path;
  if (O.BuildDir) {
    Path = absolutePathFromCwd(*O.BuildDir);
    if (!llvm::sys::fs::exists(Path)) {
      printError("-p '" + *O.BuildDir + "': no such directory");
      return nullptr;
    }
    if (llvm::sys::fs::is_directory(Path))
      llvm::sys::path::append(Path, "compile_commands.json");
  } else {
    // Like clang-tidy: the nearest compile_commands.json above the current directory.
    llvm::SmallString<256> Dir(absolutePathFromCwd("."));
    for (llvm::StringRef D = Dir; !D.empty(); D = llvm::sys::path::parent_path(D)) {
      llvm::SmallString<256> Candidate(D);
      llvm::sys::path::append(Candidate, "compile_commands.json");
      if (llvm::sys::fs::exists(Candidate)) {
        Path = Candidate;
        break;
      }
    }
    if (Path.empty()) {
      printError("no compile database: pass -p <build-dir>, a directory holding "
                 "compile_commands.json (CMake writes one with "
                 "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
      return nullptr;
    }
  }
  Where = std::string(Path);
  if (!llvm::sys::fs::exists(Path)) {
    printError("no compile_commands.json in '" + *O.BuildDir +
               "'; configure the project with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or pass "
               "the build directory that has one");
    return nullptr;
  }
  std::string Err;
  std::unique_ptr<CompilationDatabase> DB = loadCompileDatabase(Path, Err);
  if (!DB) {
    printError("malformed compile database '" + Where + "': " + Err);
    return nullptr;
  }
  if (DB->getAllFiles().empty()) {
    printError("compile database '" + Where + "' lists no files");
    return nullptr;
  }
  return DB;
}

bool isUnder(llvm::StringRef File, llvm::StringRef Dir) {
  Dir = Dir.rtrim('/');
  return File.starts_with(Dir) && File.size() > Dir.size() && File[Dir.size()] == '/';
}

std::string realOrSame(llvm::StringRef P) {
  llvm::SmallString<256> R;
  if (llvm::sys::fs::real_path(P, R))
    return P.str();
  return std::string(R);
}

/// The TUs to analyse: every file in the database, or those the user named
/// (files) or that lie under named directories.
std::vector<std::string> selectFiles(const CompilationDatabase &DB, const CliOptions &O,
                                     const std::string &DBPath, RunSummary &S) {
  std::vector<std::string> All = DB.getAllFiles();
  for (std::string &F : All)
    F = realOrSame(F);
  std::sort(All.begin(), All.end());
  All.erase(std::unique(All.begin(), All.end()), All.end());
  if (O.Paths.empty())
    return All;
  std::vector<std::string> Picked;
  for (const std::string &P : O.Paths) {
    std::string Abs = realOrSame(absolutePathFromCwd(P));
    if (!llvm::sys::fs::exists(Abs)) {
      printError("'" + P + "': no such file or directory");
      S.Skipped.push_back({P, "no such file or directory"});
      continue;
    }
    if (llvm::sys::fs::is_directory(Abs)) {
      size_t Before = Picked.size();
      for (const std::string &F : All)
        if (isUnder(F, Abs))
          Picked.push_back(F);
      if (Picked.size() == Before)
        printWarning("no file of the compile database is under '" + P + "'");
      continue;
    }
    if (!std::binary_search(All.begin(), All.end(), Abs)) {
      printError("'" + P + "' is not in the compile database '" + DBPath +
                 "'; not analysed");
      S.Skipped.push_back({Abs, "not in the compile database"});
      continue;
    }
    Picked.push_back(Abs);
  }
  std::sort(Picked.begin(), Picked.end());
  Picked.erase(std::unique(Picked.begin(), Picked.end()), Picked.end());
  return Picked;
}

/// The options of each TU: its configuration file (nearest or --config),
/// loaded once; --checks applies after the file's own `checks`.
const ConfigEntry *configFor(llvm::StringRef File, const CliOptions &O,
                             std::map<std::string, ConfigEntry> &Configs) {
  std::optional<std::string> Path = O.ConfigFile ? O.ConfigFile : findConfigFile(File);
  std::string Key = Path ? *Path : "";
  auto [It, New] = Configs.try_emplace(Key);
  ConfigEntry &E = It->second;
  if (!New)
    return &E;
  if (Path) {
    llvm::Expected<Config> C = loadConfigFile(*Path);
    if (!C) {
      printError(llvm::toString(C.takeError()));
      return &E;
    }
    E.Opts.Cfg = std::move(*C);
    llvm::raw_string_ostream OS(E.Text);
    printConfig(OS, E.Opts.Cfg);
    if (E.Opts.Cfg.Checks)
      llvm::cantFail(E.Opts.Enabled.applyGlobList(*E.Opts.Cfg.Checks));
  }
  for (const std::string &G : O.CheckGlobs) {
    llvm::cantFail(E.Opts.Enabled.applyGlobList(G));
    E.Text += "\n--checks=" + G;
  }
  // Whole-program: unguarded-access is decided over every TU's accesses.
  E.Opts.DecideAccessesHere = false;
  E.Ok = true;
  return &E;
}

/// Runs \p Work on \p Jobs threads; each index once.
void parallelFor(size_t N, unsigned Jobs, const std::function<void(size_t)> &Work) {
  std::atomic<size_t> Next{0};
  auto Worker = [&] {
    for (size_t I; (I = Next++) < N;)
      Work(I);
  };
  unsigned Threads = std::max(1u, std::min<unsigned>(Jobs, N));
  std::vector<std::thread> Pool;
  for (unsigned T = 1; T < Threads; ++T)
    Pool.emplace_back(Worker);
  Worker();
  for (std::thread &T : Pool)
    T.join();
}

Report reportOf(const FactFinding &F) {
  auto pos = [](const FactLocation &L) {
    return SourcePos{L.File, static_cast<unsigned>(L.Line), static_cast<unsigned>(L.Column)};
  };
  Report R;
  R.CheckKind = F.CheckKind;
  R.Where = pos(F.Loc);
  R.Message = F.Message;
  R.Definite = F.Definite;
  R.Function = F.Function;
  for (const FactNote &N : F.Notes)
    R.Notes.push_back(makeNote(pos(N.Loc), N.Message));
  return R;
}

class Runner {
public:
  Runner(const CliOptions &O, std::optional<ResultCache> &Cache, SharedImports &Shared)
      : O(O), Cache(Cache), Shared(Shared),
        Jobs(O.Jobs ? O.Jobs : std::max(1u, std::thread::hardware_concurrency())),
        Mode(progressMode(O.Progress, O.NoProgress)) {}

  /// Phase 1: every job, each with the wrappers of the TUs that finished
  /// before it started.
  void phaseOne(std::vector<Job> &All) {
    std::vector<ScannedCommand> Commands;
    for (const Job &J : All)
      Commands.push_back({J.File, J.Cmd.Directory, J.Cmd.CommandLine});
    std::vector<size_t> Order = phaseOneOrder(Commands);
    if (O.ReverseParseOrder)
      std::reverse(Order.begin(), Order.end());
    std::vector<Job *> Which;
    for (size_t I : Order)
      Which.push_back(&All[I]);
    run(Which, nullptr, {}, "phase 1 parsing and analysing");
  }

  /// Phase 2: analyses again each TU whose imports were not the final ones,
  /// after the TUs whose wrappers it imports. Returns those TUs.
  std::set<Job *> settleImports(const std::vector<Job *> &Done) {
    std::vector<const TUFacts *> Facts;
    for (const Job *J : Done)
      Facts.push_back(&J->Out.Facts);
    std::set<Job *> Again;
    for (const RecheckStep &Step : recheckSteps(Facts))
      for (unsigned Pass = 0; Pass < MaxCyclePasses; ++Pass) {
        std::shared_ptr<const ImportedSummaries> Imp = Shared.snapshot();
        std::vector<Job *> Stale;
        std::vector<std::string> Digests;
        for (unsigned I : Pass == 0 ? Step.TUs : Step.InCycles) {
          Job &J = *Done[I];
          if (!J.Out.Analysed)
            continue;
          std::string D = importDigest(J.Out.Facts, *Imp);
          if (D != J.Out.ImportDigest) {
            Stale.push_back(&J);
            Digests.push_back(std::move(D));
          }
        }
        if (Stale.empty())
          break;
        run(Stale, Imp, Digests, "phase 2 re-checking with other TUs' wrappers");
        Again.insert(Stale.begin(), Stale.end());
      }
    return Again;
  }

  std::atomic<unsigned> FromCache{0};

private:
  /// Analyses \p Which with \p Imp, or (null) with the shared set as each
  /// starts; outcomes replace the old. \p Digests: of \p Imp for each, the
  /// cache key's part (phase 1 keys none: its entries record their imports).
  void run(const std::vector<Job *> &Which, std::shared_ptr<const ImportedSummaries> Imp,
           const std::vector<std::string> &Digests, llvm::StringRef Phase) {
    Progress P(Mode, Phase.str(), Which.size(), "compile commands");
    unsigned CachedBefore = FromCache;
    parallelFor(Which.size(), Jobs, [&](size_t I) {
      Job &J = *Which[I];
      analyse(J, Imp ? Imp : Shared.snapshot(), Digests.empty() ? "" : Digests[I]);
      if (J.Out.Analysed)
        Shared.update(J.Rank, J.Out.Facts);
      else
        Shared.update(J.Rank, TUFacts());
      P.step(J.File);
    });
    unsigned Ok = llvm::count_if(Which, [](const Job *J) { return J->Out.Analysed; });
    unsigned Cached = FromCache - CachedBefore;
    P.finish(std::to_string(Ok) + " of " + std::to_string(Which.size()) +
             " compile commands analysed" +
             (Cached ? " (" + std::to_string(Cached) + " from the cache)" : ""));
  }

  void analyse(Job &J, const std::shared_ptr<const ImportedSummaries> &Imp,
               llvm::StringRef KeyDigest) {
    std::string Key = Cache ? Cache->key(J.Cmd, J.Cfg->Text, KeyDigest) : "";
    if (!Key.empty()) {
      std::string Problem;
      if (std::optional<TUOutcome> Hit = Cache->load(Key, Problem)) {
        J.Out = std::move(*Hit);
        ++FromCache;
        return;
      }
      if (!Problem.empty())
        printWarning(Problem);
    }
    AnalysisOptions Opts = J.Cfg->Opts;
    Opts.Imported = Imp.get();
    J.Out = analyzeTU(J.Cmd, Opts, Cache.has_value());
    if (!J.Out.Analysed) {
      printError(J.label() + ": not analysed: " + J.Out.Problem);
      return;
    }
    J.Out.ImportDigest = importDigest(J.Out.Facts, *Imp);
    if (!Key.empty()) {
      std::string Problem;
      Cache->store(Key, J.Out, Problem);
      if (!Problem.empty() && !CacheWarned.exchange(true))
        printWarning(Problem + " (results are not cached)");
    }
  }

  const CliOptions &O;
  std::optional<ResultCache> &Cache;
  SharedImports &Shared;
  unsigned Jobs;
  ProgressMode Mode;
  std::atomic<bool> CacheWarned{false};
};

} // namespace

int runProject(const CliOptions &O) {
  std::string DBPath;
  std::unique_ptr<CompilationDatabase> DB = loadDatabase(O, DBPath);
  if (!DB)
    return ExitInput;
  Collected C;
  C.Summary.Unit = "compile commands";
  std::vector<std::string> Files = selectFiles(*DB, O, DBPath, C.Summary);

  std::optional<ResultCache> Cache;
  if (O.CacheDir) {
    Cache.emplace(*O.CacheDir);
    if (llvm::Error E = Cache->prepare()) {
      printWarning(llvm::toString(std::move(E)) + "; running without the cache");
      Cache.reset();
    }
  }

  // One job per distinct compile command: a file listed twice with the same
  // flags (say, for two targets with different output files) is analysed
  // once; with different flags, once per command.
  std::map<std::string, ConfigEntry> Configs;
  std::vector<Job> Jobs;
  for (const std::string &F : Files) {
    std::vector<CompileCommand> Cmds = DB->getCompileCommands(F);
    if (Cmds.empty()) {
      printError("'" + F + "': the compile database has no command for it; not analysed");
      C.Summary.Skipped.push_back({F, "no compile command"});
      continue;
    }
    const ConfigEntry *Cfg = configFor(F, O, Configs);
    if (!Cfg->Ok) {
      for (size_t I = 0; I < Cmds.size(); ++I)
        C.Summary.Skipped.push_back({F, "its .lockcheck.yaml has errors"});
      continue;
    }
    std::set<std::vector<std::string>> Seen;
    size_t First = Jobs.size();
    for (CompileCommand &Cmd : Cmds) {
      std::vector<std::string> Key = analysisCommandLine(Cmd);
      Key.push_back(Cmd.Directory);
      if (!Seen.insert(std::move(Key)).second) {
        C.Summary.Merged.push_back(
            {F, "the same flags as another compile command of this file (after dropping "
                "output options); analysed once"});
        continue;
      }
      Job J;
      J.File = F;
      J.Cmd = std::move(Cmd);
      J.Cfg = Cfg;
      Jobs.push_back(std::move(J));
    }
    for (size_t I = First; I < Jobs.size(); ++I) {
      Jobs[I].Rank = I;
      Jobs[I].Variant = I - First;
      Jobs[I].Variants = Jobs.size() - First;
    }
  }
  C.Summary.Total = Jobs.size() + C.Summary.Merged.size() + C.Summary.Skipped.size();

  SharedImports Shared;
  Runner R(O, Cache, Shared);
  R.phaseOne(Jobs);
  std::vector<Job *> Done;
  for (Job &J : Jobs)
    if (J.Out.Analysed)
      Done.push_back(&J);
  std::set<Job *> Rechecked = R.settleImports(Done);

  // Phase 2 on facts: other TUs' summaries at each TU's calls to them (at a
  // call whose summary the TU imported, only what the callee gains here).
  std::vector<Job *> Final;
  std::vector<TUFacts *> FinalFacts;
  for (Job *J : Done)
    if (J->Out.Analysed) {
      Final.push_back(J);
      FinalFacts.push_back(&J->Out.Facts);
    }
  CrossTUResult Cross = applyAcrossTUs(FinalFacts);
  for (size_t I = 0; I < Final.size(); ++I) {
    Job &J = *Final[I];
    for (const FactFinding &F : Cross.Findings[I])
      if (J.Cfg->Opts.Enabled.contains(F.CheckKind))
        J.Out.Reports.push_back(reportOf(F));
    J.Out.Facts.Edges.insert(J.Out.Facts.Edges.end(), Cross.Edges[I].begin(),
                             Cross.Edges[I].end());
  }
  // Shared state guarded in one file and touched bare in another: decided
  // over the accesses of every TU together.
  std::vector<const TUFacts *> WithAccesses;
  const Job *First = nullptr;
  for (Job &J : Jobs)
    if (J.Out.Analysed && J.Cfg->Opts.Enabled.contains(Check::UnguardedAccess)) {
      WithAccesses.push_back(&J.Out.Facts);
      First = First ? First : &J;
    }
  if (First)
    for (const FactFinding &F : unguardedAcrossTUs(WithAccesses, GuardThresholds::from(
                                                                     First->Cfg->Opts.Cfg)))
      C.Reports.push_back(reportOf(F));
  if (O.WholeProgram) {
    std::vector<const TUFacts *> Facts;
    std::vector<Job *> Of;
    for (Job &J : Jobs)
      if (J.Out.Analysed) {
        Facts.push_back(&J.Out.Facts);
        Of.push_back(&J);
      }
    std::vector<std::vector<FactFinding>> Entry = uncalledEntryFindings(Facts);
    for (size_t I = 0; I < Of.size(); ++I)
      for (const FactFinding &F : Entry[I])
        if (Of[I]->Cfg->Opts.Enabled.contains(F.CheckKind))
          Of[I]->Out.Reports.push_back(reportOf(F));
  }
  for (Job &J : Jobs) {
    if (!J.Out.Analysed) {
      C.Summary.Skipped.push_back({J.label(), J.Out.Problem});
      continue;
    }
    ++C.Summary.Analysed;
    for (Report &Rep : J.Out.Reports)
      C.Reports.push_back(std::move(Rep));
    C.Facts.push_back(std::move(J.Out.Facts));
  }
  C.Summary.FromCache = R.FromCache;
  C.Summary.Reanalysed = Rechecked.size();
  return finishRun(C, O);
}

int runMerge(const CliOptions &O) {
  Collected C;
  std::vector<std::string> Files = collectFactsFiles(O.Paths, C.Summary);
  C.Summary.Total = Files.size();
  std::string Cwd = absolutePathFromCwd(".");
  for (const std::string &F : Files) {
    llvm::Expected<TUFacts> Facts = readFactsFile(F);
    if (!Facts) {
      std::string Why = llvm::toString(Facts.takeError());
      printError(Why);
      // The list of what was not analysed names the file itself.
      llvm::StringRef Reason(Why);
      Reason.consume_front(F + ": ");
      C.Summary.Skipped.push_back({F, Reason.str()});
      continue;
    }
    // Relative paths in facts are relative to where the compiler ran; the
    // build system's directory is not recorded, so the current one is used.
    absolutizeFacts(*Facts, Cwd);
    ++C.Summary.Analysed;
    C.Facts.push_back(std::move(*Facts));
  }
  // The same phase 2 as `lockcheck -p`, on the facts alone.
  CheckSet Enabled = CheckSet::defaults();
  for (const std::string &G : O.CheckGlobs)
    llvm::cantFail(Enabled.applyGlobList(G));
  std::vector<TUFacts *> All;
  for (TUFacts &F : C.Facts)
    All.push_back(&F);
  CrossTUResult Cross = applyAcrossTUs(All);
  // unguarded-access: each TU decided from what it saw; here the whole
  // program decides, from the accesses in the facts (as `lockcheck -p`).
  std::vector<const TUFacts *> WithAccesses;
  for (TUFacts *F : All)
    if (!F->Accesses.empty())
      WithAccesses.push_back(F);
  if (Enabled.contains(Check::UnguardedAccess) && !WithAccesses.empty())
    for (const FactFinding &F : unguardedAcrossTUs(WithAccesses, WithAccesses.front()->Guards))
      C.Reports.push_back(reportOf(F));
  for (size_t I = 0; I < All.size(); ++I) {
    for (const FactFinding &F : All[I]->Findings)
      if (Enabled.contains(F.CheckKind) && F.CheckKind != Check::UnguardedAccess)
        C.Reports.push_back(reportOf(F));
    for (const FactFinding &F : Cross.Findings[I])
      if (Enabled.contains(F.CheckKind))
        C.Reports.push_back(reportOf(F));
    All[I]->Edges.insert(All[I]->Edges.end(), Cross.Edges[I].begin(), Cross.Edges[I].end());
  }
  if (O.WholeProgram) {
    std::vector<const TUFacts *> Facts(All.begin(), All.end());
    for (const std::vector<FactFinding> &Of : uncalledEntryFindings(Facts))
      for (const FactFinding &F : Of)
        if (Enabled.contains(F.CheckKind))
          C.Reports.push_back(reportOf(F));
  }
  return finishRun(C, O);
}

} // namespace lockcheck::cli
