//===- MessageFraming.cpp -------------------------------------------------===//
#include "MessageFraming.h"
#include "Log.h"
#include "lockcheck/JsonLimits.h"
#include "llvm/ADT/StringExtras.h"
#include <cerrno>
#include <unistd.h>

namespace lockcheck::lsp {

/// Header lines are a few dozen bytes ("Content-Length: 123").
static constexpr size_t MaxHeaderLine = 65536;

bool FrameReader::fill() {
  // Drop what was consumed so the buffer does not grow with the session.
  if (Pos > 0) {
    Buffer.erase(0, Pos);
    Pos = 0;
  }
  char Chunk[65536];
  for (;;) {
    ssize_t N = ::read(FD, Chunk, sizeof(Chunk));
    if (N > 0) {
      Buffer.append(Chunk, static_cast<size_t>(N));
      return true;
    }
    if (N < 0 && errno == EINTR)
      continue;
    return false;
  }
}

bool FrameReader::skip(size_t N) {
  while (Buffer.size() - Pos < N) {
    N -= Buffer.size() - Pos;
    Pos = Buffer.size();
    if (!fill())
      return false;
  }
  Pos += N;
  return true;
}

std::optional<std::string> FrameReader::readLine() {
  for (;;) {
    size_t NL = Buffer.find('\n', Pos);
    if (NL != std::string::npos) {
      std::string Line = Buffer.substr(Pos, NL - Pos);
      Pos = NL + 1;
      if (!Line.empty() && Line.back() == '\r')
        Line.pop_back();
      return Line;
    }
    if (Buffer.size() - Pos > MaxHeaderLine) {
      log(LogLevel::Error, "a header line from {0} is longer than {1} bytes: not the "
                           "language server protocol; closing",
          Name, MaxHeaderLine);
      return std::nullopt;
    }
    if (!fill())
      return std::nullopt;
  }
}

std::optional<std::string> FrameReader::next() {
  for (;;) {
    std::optional<size_t> Length;
    bool SawHeader = false;
    for (;;) {
      std::optional<std::string> Line = readLine();
      if (!Line)
        return std::nullopt;
      if (Line->empty()) {
        if (SawHeader)
          break;
        continue; // stray blank lines between messages
      }
      SawHeader = true;
      llvm::StringRef Key, Value;
      std::tie(Key, Value) = llvm::StringRef(*Line).split(':');
      if (Key.trim().equals_insensitive("Content-Length")) {
        size_t N;
        if (Value.trim().getAsInteger(10, N))
          log(LogLevel::Error, "bad Content-Length from {0}: '{1}'", Name,
              Value.trim());
        else
          Length = N;
      }
    }
    if (!Length) {
      log(LogLevel::Error, "ignoring a message from {0} without Content-Length",
          Name);
      continue;
    }
    if (*Length > MaxLspMessageBytes) {
      // Never allocate what a header claims; read past the body instead.
      log(LogLevel::Error, "ignoring a message of {0} bytes from {1}: more than the {2} a "
                           "message may have",
          *Length, Name, sizeText(MaxLspMessageBytes));
      if (!skip(*Length)) {
        log(LogLevel::Error, "{0} closed the stream inside a message", Name);
        return std::nullopt;
      }
      continue;
    }
    while (Buffer.size() - Pos < *Length)
      if (!fill()) {
        log(LogLevel::Error, "{0} closed the stream inside a message", Name);
        return std::nullopt;
      }
    std::string Body = Buffer.substr(Pos, *Length);
    Pos += *Length;
    return Body;
  }
}

std::string frameMessage(llvm::StringRef Body) {
  std::string Out = "Content-Length: " + llvm::utostr(Body.size()) + "\r\n\r\n";
  Out += Body;
  return Out;
}

bool writeAll(int FD, llvm::StringRef Data) {
  const char *P = Data.data();
  size_t Left = Data.size();
  while (Left > 0) {
    ssize_t N = ::write(FD, P, Left);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return false;
    }
    P += N;
    Left -= static_cast<size_t>(N);
  }
  return true;
}

} // namespace lockcheck::lsp
