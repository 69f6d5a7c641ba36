//===- Messages.cpp -------------------------------------------------------===//
#include "Messages.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <mutex>

namespace lockcheck::cli {

static std::mutex PrintLock;

static void print(llvm::HighlightColor Color, const char *Kind, const llvm::Twine &What) {
  std::lock_guard<std::mutex> G(PrintLock);
  if (llvm::sys::Process::StandardErrIsDisplayed())
    llvm::errs() << "\r\033[K"; // over the progress line, if one is shown
  llvm::WithColor(llvm::errs(), Color) << "lockcheck: " << Kind << ": ";
  llvm::errs() << What << "\n";
}

void printError(const llvm::Twine &What) { print(llvm::HighlightColor::Error, "error", What); }
void printWarning(const llvm::Twine &What) {
  print(llvm::HighlightColor::Warning, "warning", What);
}

} // namespace lockcheck::cli
