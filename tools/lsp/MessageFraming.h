//===- MessageFraming.h - LSP base protocol (Content-Length) ---*- C++ -*-===//
//
// The base protocol: "Content-Length: N\r\n" (other headers allowed), an empty
// line, then N bytes of JSON. The relay forwards bodies byte for byte, so the
// reader hands out the raw body and leaves parsing to the caller. A body
// larger than MaxLspMessageBytes (JsonLimits.h) is skipped, never allocated.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_MESSAGEFRAMING_H
#define LOCKCHECK_LSP_MESSAGEFRAMING_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace lockcheck::lsp {

/// Reads framed messages from a file descriptor (blocking).
class FrameReader {
public:
  /// \p Name says where the stream comes from in log lines ("editor", "clangd").
  FrameReader(int FD, std::string Name) : FD(FD), Name(std::move(Name)) {}

  /// The next message body; std::nullopt once the stream ends or breaks.
  std::optional<std::string> next();

private:
  /// Appends at least one byte to Buffer; false at end of input.
  bool fill();
  /// Consumes \p N bytes without keeping them; false at end of input.
  bool skip(size_t N);
  std::optional<std::string> readLine();

  int FD;
  std::string Name;
  std::string Buffer;
  size_t Pos = 0;
};

/// "Content-Length: <size>\r\n\r\n<body>".
std::string frameMessage(llvm::StringRef Body);

/// Writes all of \p Data, retrying short writes and EINTR; false on failure.
bool writeAll(int FD, llvm::StringRef Data);

} // namespace lockcheck::lsp

#endif
