//===- FactsPath.cpp ------------------------------------------------------===//
#include "FactsPath.h"
#include "llvm/ADT/StringExtras.h"
#include "lockcheck/Facts.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <chrono>
#include <mutex>
#include <optional>
#include <unistd.h>

namespace lockcheck {

/// When this process is a cc1 that a driver started (its second argument is
/// -cc1), the time the driver started (Linux /proc).
static std::optional<std::chrono::system_clock::time_point> driverStart() {
  auto Self = llvm::MemoryBuffer::getFileAsStream("/proc/self/cmdline");
  if (!Self)
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef, 4> Args;
  (*Self)->getBuffer().split(Args, '\0', 2);
  if (Args.size() < 2 || Args[1] != "-cc1")
    return std::nullopt;
  auto Stat = llvm::MemoryBuffer::getFileAsStream("/proc/" + std::to_string(getppid()) + "/stat");
  auto Boot = llvm::MemoryBuffer::getFileAsStream("/proc/stat");
  if (!Stat || !Boot)
    return std::nullopt;
  // Field 22 of .../stat, counted after the command name in parentheses.
  llvm::StringRef AfterName = (*Stat)->getBuffer().rsplit(')').second;
  llvm::SmallVector<llvm::StringRef, 24> Fields;
  AfterName.split(Fields, ' ', -1, /*KeepEmpty=*/false);
  unsigned long long Ticks = 0, BootTime = 0;
  if (Fields.size() < 20 || Fields[19].getAsInteger(10, Ticks))
    return std::nullopt;
  llvm::StringRef BTime = (*Boot)->getBuffer().split("\nbtime ").second.split('\n').first;
  if (BTime.trim().getAsInteger(10, BootTime))
    return std::nullopt;
  long Hz = sysconf(_SC_CLK_TCK);
  if (Hz <= 0)
    return std::nullopt;
  return std::chrono::system_clock::time_point(
      std::chrono::seconds(BootTime) + std::chrono::milliseconds(Ticks * 1000 / Hz));
}

/// The input whose facts \p Path holds, when another cc1 of this compile
/// wrote them for another input than \p Input.
static std::optional<std::string> writtenForAnotherInput(llvm::StringRef Path,
                                                         llvm::StringRef Input) {
  llvm::sys::fs::file_status St;
  if (llvm::sys::fs::status(Path, St) || !llvm::sys::fs::is_regular_file(St))
    return std::nullopt;
  std::optional<std::chrono::system_clock::time_point> Start = driverStart();
  if (!Start || St.getLastModificationTime() < *Start)
    return std::nullopt;
  llvm::Expected<TUFacts> Old = readFactsFile(Path);
  if (!Old) {
    llvm::consumeError(Old.takeError());
    return std::nullopt;
  }
  llvm::SmallString<256> Real;
  if (llvm::sys::fs::real_path(Input, Real) ? Old->MainFile == Input : Old->MainFile == Real)
    return std::nullopt; // the same input compiled again
  return Old->MainFile;
}

llvm::Expected<std::string> factsPathFor(llvm::StringRef FactsArg, llvm::StringRef InFile) {
  llvm::SmallString<256> Abs(InFile);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  bool Dir = FactsArg.ends_with("/") || llvm::sys::fs::is_directory(FactsArg);
  if (Dir) {
    if (std::error_code EC = llvm::sys::fs::create_directories(FactsArg))
      return llvm::createStringError(EC, "facts=%s: cannot create the directory: %s",
                                     FactsArg.str().c_str(), EC.message().c_str());
    llvm::SmallString<256> Out(FactsArg);
    llvm::sys::path::append(Out, llvm::sys::path::filename(Abs) + "-" +
                                     llvm::utohexstr(llvm::xxh3_64bits(Abs), true) +
                                     ".facts.json");
    return std::string(Out);
  }
  // The inputs of one compile run in this process one after the other, or
  // (usually, with several inputs) in cc1 processes the driver starts in
  // turn: then a facts file written since the driver started, for another
  // input, is one of this compile's.
  if (std::optional<std::string> Other = writtenForAnotherInput(FactsArg, Abs))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "facts=%s holds the facts of '%s' already; a second input file ('%s') in one compile "
        "would overwrite them: pass a directory (facts=<dir>/) for one facts file per input",
        FactsArg.str().c_str(), Other->c_str(), InFile.str().c_str());
  static std::mutex M;
  static llvm::StringMap<std::string> WrittenFor;
  std::lock_guard<std::mutex> Lock(M);
  llvm::SmallString<256> Key(FactsArg);
  llvm::sys::fs::make_absolute(Key);
  auto [It, New] = WrittenFor.try_emplace(Key, Abs.str());
  if (!New)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "facts=%s holds the facts of '%s' already; a second input file ('%s') in one compile "
        "would overwrite them: pass a directory (facts=<dir>/) for one facts file per input",
        FactsArg.str().c_str(), It->second.c_str(), InFile.str().c_str());
  return FactsArg.str();
}

} // namespace lockcheck
