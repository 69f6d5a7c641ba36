//===- Baseline.cpp -------------------------------------------------------===//
#include "Baseline.h"
#include "lockcheck/BoundedRead.h"
#include "lockcheck/JsonLimits.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/ADT/StringExtras.h"

namespace lockcheck::cli {

std::string relativeTo(llvm::StringRef File, llvm::StringRef Root) {
  std::string R = Root.rtrim('/').str() + "/";
  if (!Root.empty() && File.starts_with(R))
    return File.drop_front(R.size()).str();
  return File.str();
}

std::string normalizedMessage(llvm::StringRef Message) {
  // Cross-file notes in messages spell positions; lines must not count.
  static const llvm::Regex Position(":[0-9]+(:[0-9]+)?");
  std::string Out = Message.str();
  while (Position.match(Out))
    Out = Position.sub(":_", Out);
  return Out;
}

std::string fingerprint(const Report &R, llvm::StringRef Root) {
  // Every part is a named string that outlives the loop below: a StringRef
  // to a temporary would hash freed memory (it did, for paths too long for
  // the small-string buffer).
  const std::string Check = checkName(R.CheckKind).str();
  const std::string File = relativeTo(R.Where.File, Root);
  const std::string Message = normalizedMessage(R.Message);
  const std::string *Parts[] = {&Check, &File, &Message, &R.Function};
  llvm::SHA1 H;
  for (const std::string *Part : Parts) {
    H.update(*Part);
    H.update(llvm::StringRef("\0", 1));
  }
  std::array<uint8_t, 20> D = H.final();
  return llvm::toHex(llvm::ArrayRef<uint8_t>(D.data(), 10), /*LowerCase=*/true);
}

llvm::Expected<Baseline> Baseline::read(llvm::StringRef Path) {
  BoundedFile File = readFileBounded(Path, MaxBaselineBytes);
  if (File.Error)
    return llvm::createStringError(File.Error, "cannot read baseline '%s': %s",
                                   Path.str().c_str(), File.Error.message().c_str());
  std::optional<std::string> Problem =
      File.TooLarge.empty() ? jsonLimitProblem(File.text(), MaxBaselineBytes) : File.TooLarge;
  if (Problem)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "'%s' is not a lockcheck baseline: %s", Path.str().c_str(),
                                   Problem->c_str());
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(File.text());
  if (!V)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "baseline '%s' is not JSON: %s", Path.str().c_str(),
                                   llvm::toString(V.takeError()).c_str());
  const llvm::json::Object *O = V->getAsObject();
  const llvm::json::Array *Fs = O ? O->getArray("findings") : nullptr;
  if (!O || O->getString("format") != "lockcheck-baseline" || !Fs)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "'%s' is not a lockcheck baseline (write one with --write-baseline)",
        Path.str().c_str());
  Baseline B;
  for (const llvm::json::Value &F : *Fs) {
    const llvm::json::Object *FO = F.getAsObject();
    std::optional<llvm::StringRef> FP = FO ? FO->getString("fingerprint") : std::nullopt;
    if (!FP)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "baseline '%s': a finding without a fingerprint",
                                     Path.str().c_str());
    ++B.Counts[*FP];
  }
  return B;
}

llvm::Error Baseline::write(llvm::StringRef Path, const std::vector<Report> &Reports,
                            llvm::StringRef Root) {
  llvm::json::Array Fs;
  for (const Report &R : Reports)
    Fs.push_back(llvm::json::Object{{"fingerprint", fingerprint(R, Root)},
                                    {"check", checkName(R.CheckKind)},
                                    {"file", relativeTo(R.Where.File, Root)},
                                    {"function", R.Function},
                                    {"message", R.Message}});
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    return llvm::createStringError(EC, "cannot write baseline '%s': %s", Path.str().c_str(),
                                   EC.message().c_str());
  OS << llvm::formatv("{0:2}", llvm::json::Value(llvm::json::Object{
                                   {"format", "lockcheck-baseline"},
                                   {"version", 1},
                                   {"findings", std::move(Fs)}}))
     << "\n";
  OS.close();
  if (std::error_code WEC = OS.error()) {
    OS.clear_error(); // else the stream aborts the program when destroyed
    return llvm::createStringError(WEC, "cannot write baseline '%s': %s", Path.str().c_str(),
                                   WEC.message().c_str());
  }
  return llvm::Error::success();
}

unsigned Baseline::filter(std::vector<Report> &Reports, llvm::StringRef Root) const {
  llvm::StringMap<unsigned> Left = Counts;
  unsigned Removed = 0;
  std::vector<Report> Kept;
  for (Report &R : Reports) {
    auto It = Left.find(fingerprint(R, Root));
    if (It != Left.end() && It->second > 0) {
      --It->second;
      ++Removed;
      continue;
    }
    Kept.push_back(std::move(R));
  }
  Reports = std::move(Kept);
  return Removed;
}

} // namespace lockcheck::cli
