//===- CompileDatabase.cpp ------------------------------------------------===//
#include "CompileDatabase.h"
#include "lockcheck/BoundedRead.h"
#include "lockcheck/JsonLimits.h"
#include "clang/Tooling/JSONCompilationDatabase.h"

namespace lockcheck::cli {

/// Large projects have databases of hundreds of megabytes.
static constexpr size_t MaxDatabaseBytes = size_t(2) << 30;

std::unique_ptr<clang::tooling::CompilationDatabase> loadCompileDatabase(llvm::StringRef Path,
                                                                         std::string &Err) {
  BoundedFile File = readFileBounded(Path, MaxDatabaseBytes);
  if (File.Error) {
    Err = "cannot read it: " + File.Error.message();
    return nullptr;
  }
  if (!File.TooLarge.empty()) {
    Err = "not valid JSON: " + File.TooLarge;
    return nullptr;
  }
  llvm::Expected<llvm::json::Value> V = parseJsonBounded(File.text(), MaxDatabaseBytes);
  if (!V) {
    Err = "not valid JSON: " + llvm::toString(V.takeError());
    return nullptr;
  }
  if (!V->getAsArray()) {
    Err = "expected a JSON array of compile commands";
    return nullptr;
  }
  return clang::tooling::JSONCompilationDatabase::loadFromBuffer(
      File.text(), Err, clang::tooling::JSONCommandLineSyntax::AutoDetect);
}

} // namespace lockcheck::cli
