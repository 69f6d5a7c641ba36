//===- CompileDatabase.cpp ------------------------------------------------===//
#include "CompileDatabase.h"
#include "lockcheck/JsonLimits.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/MemoryBuffer.h"

namespace lockcheck::cli {

/// Large projects have databases of hundreds of megabytes.
static constexpr size_t MaxDatabaseBytes = size_t(2) << 30;

std::unique_ptr<clang::tooling::CompilationDatabase> loadCompileDatabase(llvm::StringRef Path,
                                                                         std::string &Err) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Err = "cannot read it: " + Buf.getError().message();
    return nullptr;
  }
  llvm::Expected<llvm::json::Value> V = parseJsonBounded((*Buf)->getBuffer(), MaxDatabaseBytes);
  if (!V) {
    Err = "not valid JSON: " + llvm::toString(V.takeError());
    return nullptr;
  }
  if (!V->getAsArray()) {
    Err = "expected a JSON array of compile commands";
    return nullptr;
  }
  return clang::tooling::JSONCompilationDatabase::loadFromBuffer(
      (*Buf)->getBuffer(), Err, clang::tooling::JSONCommandLineSyntax::AutoDetect);
}

} // namespace lockcheck::cli
