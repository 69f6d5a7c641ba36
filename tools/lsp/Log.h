//===- Log.h - lockcheck-lsp's stderr log ----------------------*- C++ -*-===//
//
// Editors show a server's stderr in their output pane, interleaved with
// clangd's own log, so every line starts with "lockcheck-lsp: ".
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_LOG_H
#define LOCKCHECK_LSP_LOG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FormatVariadic.h"

namespace lockcheck::lsp {

enum class LogLevel { Error, Info, Verbose };

void setLogLevel(LogLevel L);
bool logEnabled(LogLevel L);
/// Writes one line (thread-safe).
void logLine(LogLevel L, llvm::StringRef Text);

template <typename... Ts>
void log(LogLevel L, const char *Fmt, Ts &&...Vals) {
  if (logEnabled(L))
    logLine(L, llvm::formatv(Fmt, std::forward<Ts>(Vals)...).str());
}

} // namespace lockcheck::lsp

#endif
