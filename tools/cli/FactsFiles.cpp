//===- FactsFiles.cpp -----------------------------------------------------===//
#include "FactsFiles.h"
#include "Messages.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace lockcheck::cli {

static std::string realPath(llvm::StringRef P) {
  llvm::SmallString<256> R;
  if (llvm::sys::fs::real_path(P, R))
    return P.str();
  return std::string(R);
}

std::vector<std::string> collectFactsFiles(const std::vector<std::string> &Paths,
                                           RunSummary &S) {
  std::vector<std::string> Files;
  llvm::StringSet<> SeenFiles, SeenDirs;
  auto addFile = [&](const std::string &P) {
    if (SeenFiles.insert(realPath(P)).second)
      Files.push_back(P);
  };
  for (const std::string &P : Paths) {
    if (!llvm::sys::fs::exists(P)) {
      printError("'" + P + "': no such file or directory");
      S.Skipped.push_back({P, "no such file or directory"});
      continue;
    }
    if (!llvm::sys::fs::is_directory(P)) {
      addFile(P);
      continue;
    }
    // Directories: every *.json below (the plugin's facts= files).
    size_t Before = Files.size();
    SeenDirs.insert(realPath(P));
    std::error_code EC;
    for (llvm::sys::fs::recursive_directory_iterator It(P, EC), End; It != End && !EC;
         It.increment(EC)) {
      llvm::ErrorOr<llvm::sys::fs::basic_file_status> St = It->status();
      if (!St)
        continue; // a dangling link
      if (St->type() == llvm::sys::fs::file_type::directory_file) {
        // A link back up the tree (or to a directory walked already).
        if (!SeenDirs.insert(realPath(It->path())).second)
          It.no_push();
        continue;
      }
      if (llvm::sys::path::extension(It->path()) == ".json")
        addFile(It->path());
    }
    if (EC) {
      printError("cannot list '" + P + "': " + EC.message());
      S.Skipped.push_back({P, "cannot list it: " + EC.message()});
    } else if (Files.size() == Before) {
      printError("no .json facts files under '" + P +
                 "' (the plugin writes them with -fplugin-arg-lockcheck-facts=<path>)");
      S.Skipped.push_back({P, "no facts files"});
    }
  }
  std::sort(Files.begin(), Files.end());
  return Files;
}

} // namespace lockcheck::cli
