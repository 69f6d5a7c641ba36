//===- ResultCache.cpp ----------------------------------------------------===//
#include "ResultCache.h"
#include "lockcheck/BoundedRead.h"
#include "lockcheck/JsonLimits.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

namespace lockcheck::cli {

/// Part of every key: entries of an older analysis (facts version 2 had no
/// local calls; facts version 3 no exceptions, and every call might throw;
/// facts version 4 did not say which calls the TU applied imported summaries at)
/// are never reused.
static constexpr int CacheVersion = 4;

llvm::Error ResultCache::prepare() {
  if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
    return llvm::createStringError(EC, "cannot create cache directory '%s': %s",
                                   Dir.c_str(), EC.message().c_str());
  return llvm::Error::success();
}

std::string ResultCache::entryPath(llvm::StringRef Key) const {
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, Key + ".json");
  return std::string(P);
}

std::string ResultCache::key(const clang::tooling::CompileCommand &Cmd,
                             llvm::StringRef ConfigText, llvm::StringRef ImportDigest) const {
  auto Main = llvm::MemoryBuffer::getFile(absolutePath(Cmd.Filename, Cmd.Directory));
  if (!Main)
    return "";
  llvm::SHA1 H;
  auto Part = [&](llvm::StringRef S) {
    H.update(S);
    H.update(llvm::StringRef("\0", 1));
  };
  Part("lockcheck " LOCKCHECK_VERSION " cache " + std::to_string(CacheVersion));
  Part(Cmd.Directory);
  for (const std::string &A : Cmd.CommandLine)
    Part(A);
  Part((*Main)->getBuffer());
  Part(ConfigText);
  Part(ImportDigest);
  std::array<uint8_t, 20> D = H.final();
  return llvm::toHex(D, /*LowerCase=*/true);
}

std::optional<TUOutcome> ResultCache::load(llvm::StringRef Key, std::string &Problem) const {
  std::string Path = entryPath(Key);
  BoundedFile File = readFileBounded(Path, MaxFactsBytes);
  if (File.Error) {
    if (File.Error != std::errc::no_such_file_or_directory)
      Problem = "cannot read cache entry '" + Path + "': " + File.Error.message();
    return std::nullopt;
  }
  auto Damaged = [&](llvm::StringRef Why) -> std::optional<TUOutcome> {
    Problem = ("ignoring damaged cache entry '" + Path + "': " + Why).str();
    return std::nullopt;
  };
  if (!File.TooLarge.empty())
    return Damaged(File.TooLarge);
  llvm::Expected<llvm::json::Value> V = parseJsonBounded(File.text(), MaxFactsBytes);
  if (!V)
    return Damaged(llvm::toString(V.takeError()));
  const llvm::json::Object *O = V->getAsObject();
  if (!O || O->getInteger("version") != CacheVersion)
    return Damaged("not a version " + std::to_string(CacheVersion) + " entry");
  const llvm::json::Array *Inputs = O->getArray("inputs");
  const llvm::json::Array *Reports = O->getArray("reports");
  const llvm::json::Value *Facts = O->get("facts");
  if (!Inputs || !Reports || !Facts)
    return Damaged("missing inputs, reports or facts");

  TUOutcome Out;
  for (const llvm::json::Value &I : *Inputs) {
    const llvm::json::Object *IO = I.getAsObject();
    std::optional<llvm::StringRef> P = IO ? IO->getString("path") : std::nullopt;
    std::optional<llvm::StringRef> Hash = IO ? IO->getString("hash") : std::nullopt;
    uint64_t Want = 0;
    if (!P || !Hash || Hash->getAsInteger(16, Want))
      return Damaged("an input without path or hash");
    auto Now = llvm::MemoryBuffer::getFile(*P);
    if (!Now || llvm::xxh3_64bits((*Now)->getBuffer()) != Want)
      return std::nullopt; // an input changed: a plain miss
    Out.Inputs.push_back({P->str(), Want});
  }
  for (size_t I = 0; I < Reports->size(); ++I) {
    Report R;
    llvm::json::Path::Root Root("reports");
    if (!fromJSON((*Reports)[I], R, Root))
      return Damaged("a malformed finding");
    Out.Reports.push_back(std::move(R));
  }
  std::string FactsText;
  llvm::raw_string_ostream(FactsText) << *Facts;
  llvm::Expected<TUFacts> F = parseFacts(FactsText, Path);
  if (!F)
    return Damaged(llvm::toString(F.takeError()));
  Out.Facts = std::move(*F);
  if (std::optional<llvm::StringRef> D = O->getString("importDigest"))
    Out.ImportDigest = D->str();
  Out.Analysed = true;
  return Out;
}

void ResultCache::store(llvm::StringRef Key, const TUOutcome &Out, std::string &Problem) const {
  llvm::json::Array Inputs, Reports;
  for (const FileDigest &D : Out.Inputs)
    Inputs.push_back(llvm::json::Object{{"path", D.Path}, {"hash", llvm::utohexstr(D.Hash)}});
  for (const Report &R : Out.Reports)
    Reports.push_back(toJSON(R));
  llvm::json::Object Entry{{"version", CacheVersion},
                           {"inputs", std::move(Inputs)},
                           {"reports", std::move(Reports)},
                           {"facts", toJSON(Out.Facts)},
                           {"importDigest", Out.ImportDigest}};
  std::string Path = entryPath(Key);
  llvm::SmallString<256> Tmp;
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(Path + ".tmp-%%%%%%%%", FD, Tmp)) {
    Problem = "cannot write to cache directory '" + Dir + "': " + EC.message();
    return;
  }
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << llvm::json::Value(std::move(Entry));
    OS.close();
    if (std::error_code EC = OS.error()) { // a full disk: no entry, no abort
      OS.clear_error();
      Problem = "cannot write cache entry '" + Path + "': " + EC.message();
      llvm::sys::fs::remove(Tmp);
      return;
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Tmp, Path)) {
    Problem = "cannot write cache entry '" + Path + "': " + EC.message();
    llvm::sys::fs::remove(Tmp);
  }
}

} // namespace lockcheck::cli
