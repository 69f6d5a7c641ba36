//===- Finish.cpp ---------------------------------------------------------===//
#include "Finish.h"
#include "Baseline.h"
#include "ExitCodes.h"
#include "Messages.h"
#include "ProjectLockGraph.h"
#include "StdStreams.h"
#include "TUAnalyzer.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

namespace lockcheck::cli {

static std::string currentDir() {
  llvm::SmallString<256> D;
  llvm::sys::fs::current_path(D);
  return std::string(D);
}

/// Fingerprints are relative to the project root, so they match on every
/// machine: --project-root, else the baseline's directory, else the current
/// one.
static std::string fingerprintRoot(const CliOptions &O) {
  if (O.ProjectRoot)
    return absolutePathFromCwd(*O.ProjectRoot);
  const std::optional<std::string> &B = O.BaselineFile ? O.BaselineFile : O.WriteBaselineFile;
  if (!B)
    return currentDir();
  std::string Abs = absolutePathFromCwd(*B);
  return llvm::sys::path::parent_path(Abs).str();
}

/// Closes \p OS and returns what went wrong writing it, if anything; a stream
/// whose error is not taken aborts the program when destroyed.
static std::error_code closeStream(llvm::raw_fd_ostream &OS) {
  OS.close();
  std::error_code EC = OS.error();
  OS.clear_error();
  return EC;
}

/// Writes \p Write's text to \p Path, or says why it could not.
static bool writeGraphFile(llvm::StringRef Path,
                           llvm::function_ref<void(llvm::raw_ostream &)> Write) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (!EC) {
    Write(OS);
    EC = closeStream(OS);
  }
  if (EC)
    printError("cannot write lock graph '" + Path + "': " + EC.message());
  return !EC;
}

/// Renders \p G with Graphviz \p Dot into \p Path, through the temporary
/// files \p DotPath and \p SvgPath.
static bool renderSvg(const ProjectLockGraph &G, llvm::StringRef Dot, llvm::StringRef Path,
                      llvm::StringRef DotPath, llvm::StringRef SvgPath) {
  if (!writeGraphFile(DotPath, [&](llvm::raw_ostream &OS) { G.writeDot(OS); }))
    return false;
  // dot exits 0 when it cannot write its output (a full disk): it writes to
  // standard output, into a temporary file, and lockcheck writes --lock-graph
  // itself, checking every write as for a .dot file.
  llvm::StringRef Argv[] = {Dot, "-Tsvg", DotPath};
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, SvgPath, std::nullopt};
  std::string ErrMsg;
  int RC = llvm::sys::ExecuteAndWait(Dot, Argv, std::nullopt, Redirects, 0, 0, &ErrMsg);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Svg = llvm::MemoryBuffer::getFile(SvgPath);
  if (RC != 0 || !Svg || !(*Svg)->getBuffer().rtrim().ends_with("</svg>")) {
    printError("'dot -Tsvg' failed for --lock-graph '" + Path + "'" +
               (!ErrMsg.empty() ? ": " + ErrMsg
                : RC == 0       ? std::string(": it wrote no complete SVG")
                                : std::string()));
    return false;
  }
  return writeGraphFile(Path, [&](llvm::raw_ostream &OS) { OS << (*Svg)->getBuffer(); });
}

/// Writes the graph; .svg goes through Graphviz `dot`.
static bool writeLockGraph(const ProjectLockGraph &G, llvm::StringRef Path) {
  if (llvm::sys::path::extension(Path) != ".svg")
    return writeGraphFile(Path, [&](llvm::raw_ostream &OS) { G.writeDot(OS); });
  llvm::ErrorOr<std::string> Dot = llvm::sys::findProgramByName("dot");
  if (!Dot) {
    printError("--lock-graph '" + Path +
               "': rendering SVG needs Graphviz 'dot', which is not on PATH; "
               "install graphviz or ask for a .dot file");
    return false;
  }
  llvm::SmallString<128> DotPath, SvgPath;
  std::error_code EC = llvm::sys::fs::createTemporaryFile("lockgraph", "dot", DotPath);
  if (!EC)
    EC = llvm::sys::fs::createTemporaryFile("lockgraph", "svg", SvgPath);
  bool Written = !EC && renderSvg(G, *Dot, Path, DotPath, SvgPath);
  if (EC)
    printError("cannot create a temporary file: " + EC.message());
  for (llvm::StringRef Tmp : {DotPath.str(), SvgPath.str()})
    if (!Tmp.empty())
      llvm::sys::fs::remove(Tmp);
  return Written;
}

int finishRun(Collected &C, const CliOptions &O) {
  bool InputFailed = false, OutputFailed = false;
  ProjectLockGraph Graph;
  for (const TUFacts &F : C.Facts)
    Graph.addTU(F);
  std::vector<Report> Reports = std::move(C.Reports);
  for (Report &R : Graph.crossTUCycles())
    Reports.push_back(std::move(R));
  if (unsigned N = Graph.edgesNotSearched())
    printWarning("the lock-order graph is too dense to search completely: " + llvm::Twine(N) +
                 " lock-order edges on cycles got no witness cycle");
  // A header included by many TUs reports its problem once.
  std::stable_sort(Reports.begin(), Reports.end(), reportLess);
  Reports.erase(std::unique(Reports.begin(), Reports.end(), sameReport), Reports.end());
  for (Report &R : Reports)
    R.IsError = O.Werror;

  std::string Root = fingerprintRoot(O);
  if (O.WriteBaselineFile)
    if (llvm::Error E = Baseline::write(*O.WriteBaselineFile, Reports, Root)) {
      printError(llvm::toString(std::move(E)));
      OutputFailed = true;
    }
  if (O.BaselineFile) {
    llvm::Expected<Baseline> B = Baseline::read(*O.BaselineFile);
    if (!B) {
      printError(llvm::toString(B.takeError()));
      InputFailed = true;
    } else {
      C.Summary.Baselined = B->filter(Reports, Root);
    }
  }
  if (O.LockGraph && !writeLockGraph(Graph, *O.LockGraph))
    OutputFailed = true;

  // The findings: to --output, else to standard output.
  std::string Where = O.OutputFile ? "--output '" + *O.OutputFile + "'" : "standard output";
  std::unique_ptr<llvm::raw_fd_ostream> File;
  if (O.OutputFile) {
    std::error_code EC;
    File = std::make_unique<llvm::raw_fd_ostream>(*O.OutputFile, EC);
    if (EC) {
      printError("cannot write " + Where + ": " + EC.message());
      return ExitIO;
    }
  } else if (standardOutputWasClosed()) {
    printError("cannot write the findings to standard output: it is closed");
    return ExitIO;
  }
  llvm::raw_fd_ostream &OS = File ? *File : llvm::outs();
  switch (O.Format) {
  case OutputFormat::Text:
    writeText(OS, Reports);
    break;
  case OutputFormat::Json:
    writeJson(OS, Reports, C.Summary, Root);
    break;
  case OutputFormat::Sarif:
    writeSarif(OS, Reports, C.Summary, Root);
    break;
  }
  OS.flush();
  std::error_code WriteEC = File ? closeStream(*File) : OS.error();
  if (WriteEC) {
    OS.clear_error(); // else the stream aborts the program when destroyed
    printError("cannot write the findings to " + Where + ": " + WriteEC.message());
    OutputFailed = true;
  }

  // Nothing is dropped silently: every TU not analysed is named again here.
  const RunSummary &S = C.Summary;
  llvm::raw_ostream &Err = llvm::errs();
  Err << "lockcheck: " << Reports.size() << (Reports.size() == 1 ? " finding" : " findings");
  if (S.Baselined)
    Err << " (" << S.Baselined << " more in the baseline)";
  Err << "; " << S.Analysed << " of " << S.Total << " " << S.Unit << " analysed";
  if (S.FromCache)
    Err << " (" << S.FromCache << " from cache)";
  if (S.Reanalysed)
    Err << ", " << S.Reanalysed << " re-checked with other TUs' summaries";
  if (!S.Merged.empty())
    Err << ", " << S.Merged.size()
        << (S.Merged.size() == 1 ? " merged into an identical command"
                                 : " merged into identical commands")
        << " of the same file";
  Err << "\n";
  if (!S.Skipped.empty()) {
    Err << "lockcheck: " << S.Skipped.size() << " not analysed:\n";
    for (const SkippedTU &T : S.Skipped)
      Err << "  " << T.File << ": " << T.Why << "\n";
  }

  if (OutputFailed)
    return ExitIO;
  if (InputFailed || !S.Skipped.empty())
    return ExitInput;
  bool Fails = std::any_of(Reports.begin(), Reports.end(), [&](const Report &R) {
    return O.Fail == FailOn::Warning || R.IsError;
  });
  return Fails ? ExitFindings : ExitClean;
}

} // namespace lockcheck::cli
