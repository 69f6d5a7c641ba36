//===- CompileCommands.cpp ------------------------------------------------===//
#include "CompileCommands.h"
#include "Log.h"
#include "lockcheck/BoundedRead.h"
#include "lockcheck/JsonLimits.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang::tooling;

namespace lockcheck::lsp {

void CompileCommandFinder::configure(CompileCommandSettings S) {
  std::lock_guard<std::mutex> Lock(M);
  Settings = std::move(S);
}

namespace {
/// Changes whenever one of the database files appears, disappears or is
/// rewritten.
std::string signatureOf(llvm::StringRef Dir) {
  std::string Sig;
  for (const char *Name : {"compile_commands.json", "compile_flags.txt"}) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    llvm::sys::fs::file_status St;
    if (llvm::sys::fs::status(Path, St) || !llvm::sys::fs::exists(St)) {
      Sig += "-;";
      continue;
    }
    Sig += std::to_string(St.getSize()) + "@" +
           std::to_string(St.getLastModificationTime().time_since_epoch().count()) +
           ";";
  }
  return Sig;
}
} // namespace

std::shared_ptr<CompilationDatabase>
CompileCommandFinder::databaseIn(llvm::StringRef Dir) {
  std::string Sig = signatureOf(Dir);
  auto It = Cache.find(Dir);
  if (It != Cache.end() && It->second.Signature == Sig)
    return It->second.DB;
  std::shared_ptr<CompilationDatabase> DB;
  if (Sig != "-;-;") {
    std::string Error;
    // Clang's reader recurses per level of nesting: a hostile file is
    // refused before it is parsed.
    llvm::SmallString<256> Json(Dir);
    llvm::sys::path::append(Json, "compile_commands.json");
    std::optional<std::string> Problem;
    BoundedFile File = readFileBounded(Json, size_t(2) << 30);
    if (!File.TooLarge.empty())
      Problem = File.TooLarge;
    else if (!File.Error)
      Problem = jsonLimitProblem(File.text(), size_t(2) << 30);
    if (Problem)
      log(LogLevel::Error, "cannot load the compilation database in {0}: {1}", Dir, *Problem);
    else if (std::unique_ptr<CompilationDatabase> Loaded =
            CompilationDatabase::loadFromDirectory(Dir, Error)) {
      DB = inferMissingCompileCommands(
          expandResponseFiles(std::move(Loaded), llvm::vfs::getRealFileSystem()));
      log(LogLevel::Verbose, "loaded the compilation database in {0}", Dir);
    } else {
      log(LogLevel::Error, "cannot load the compilation database in {0}: {1}",
          Dir, Error);
    }
  }
  Cache[Dir] = {Sig, DB};
  return DB;
}

FoundCommand CompileCommandFinder::find(llvm::StringRef File, bool IsC) {
  std::lock_guard<std::mutex> Lock(M);
  auto From = [&](llvm::StringRef Dir) -> std::optional<FoundCommand> {
    std::shared_ptr<CompilationDatabase> DB = databaseIn(Dir);
    if (!DB)
      return std::nullopt;
    std::vector<CompileCommand> Cmds = DB->getCompileCommands(File);
    if (Cmds.empty())
      return std::nullopt;
    return FoundCommand{std::move(Cmds.front()), Dir.str()};
  };

  if (Settings.DatabaseDir) {
    if (std::optional<FoundCommand> F = From(*Settings.DatabaseDir))
      return std::move(*F);
  } else {
    // The nearest database wins even if it cannot infer a command (clangd
    // does not look further up either).
    for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
         Dir = llvm::sys::path::parent_path(Dir)) {
      llvm::SmallString<256> Build(Dir);
      llvm::sys::path::append(Build, "build");
      bool Found = false;
      for (llvm::StringRef Candidate : {Dir, llvm::StringRef(Build)}) {
        if (!databaseIn(Candidate))
          continue;
        if (std::optional<FoundCommand> F = From(Candidate))
          return std::move(*F);
        Found = true;
        break;
      }
      if (Found)
        break;
    }
  }

  CompileCommand Fallback;
  Fallback.Directory = llvm::sys::path::parent_path(File).str();
  Fallback.Filename = File.str();
  if (IsC) {
    Fallback.CommandLine = {"clang"};
  } else {
    Fallback.CommandLine = {"clang++", "-std=c++17"};
  }
  for (const std::string &Flag : Settings.FallbackFlags)
    Fallback.CommandLine.push_back(Flag);
  Fallback.CommandLine.push_back(File.str());
  return {std::move(Fallback), "fallback"};
}

} // namespace lockcheck::lsp
