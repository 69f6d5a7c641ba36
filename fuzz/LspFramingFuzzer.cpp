//===- LspFramingFuzzer.cpp - LSP message framing on any bytes ------------===//
//
// The bytes are an editor's stream: headers, bodies, garbage. Every body the
// reader hands out goes through the check lockcheck-lsp makes before parsing
// a message, then the parse.
//
//===----------------------------------------------------------------------===//
#include "Log.h"
#include "MemFile.h"
#include "MessageFraming.h"
#include "lockcheck/JsonLimits.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static bool Quiet = (lockcheck::lsp::setLogLevel(lockcheck::lsp::LogLevel::Error), true);
  (void)Quiet;
  static lockcheck::fuzz::MemFile File;
  File.set(Data, Size);
  lockcheck::lsp::FrameReader Reader(File.fd(), "fuzz");
  while (std::optional<std::string> Body = Reader.next()) {
    llvm::Expected<llvm::json::Value> V =
        lockcheck::parseJsonBounded(*Body, lockcheck::MaxLspMessageBytes);
    if (!V)
      llvm::consumeError(V.takeError());
    // Framing what was read gives it back.
    std::string Framed = lockcheck::lsp::frameMessage(*Body);
    (void)Framed;
  }
  return 0;
}
