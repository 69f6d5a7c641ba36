//===- Log.cpp ------------------------------------------------------------===//
#include "Log.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <mutex>

namespace lockcheck::lsp {
namespace {
std::atomic<LogLevel> Threshold{LogLevel::Info};
std::mutex LogMutex;
} // namespace

void setLogLevel(LogLevel L) { Threshold = L; }
bool logEnabled(LogLevel L) { return L <= Threshold.load(); }

void logLine(LogLevel L, llvm::StringRef Text) {
  if (!logEnabled(L))
    return;
  std::lock_guard<std::mutex> Lock(LogMutex);
  llvm::errs() << "lockcheck-lsp: " << (L == LogLevel::Error ? "error: " : "")
               << Text << "\n";
  llvm::errs().flush();
}

} // namespace lockcheck::lsp
