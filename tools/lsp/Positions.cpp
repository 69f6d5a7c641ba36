//===- Positions.cpp ------------------------------------------------------===//
#include "Positions.h"

namespace lockcheck::lsp {

std::optional<PositionEncoding> parsePositionEncoding(llvm::StringRef Name) {
  if (Name == "utf-8")
    return PositionEncoding::UTF8;
  if (Name == "utf-16")
    return PositionEncoding::UTF16;
  if (Name == "utf-32")
    return PositionEncoding::UTF32;
  return std::nullopt;
}

llvm::StringRef positionEncodingName(PositionEncoding E) {
  switch (E) {
  case PositionEncoding::UTF8:
    return "utf-8";
  case PositionEncoding::UTF16:
    return "utf-16";
  case PositionEncoding::UTF32:
    return "utf-32";
  }
  return "utf-16";
}

llvm::json::Value toJSON(const Position &P) {
  return llvm::json::Object{{"line", P.Line}, {"character", P.Character}};
}

llvm::json::Value toJSON(const Range &R) {
  return llvm::json::Object{{"start", R.Start}, {"end", R.End}};
}

bool fromJSON(const llvm::json::Value &V, Position &P, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("line", P.Line) && O.map("character", P.Character);
}

bool fromJSON(const llvm::json::Value &V, Range &R, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  return O && O.map("start", R.Start) && O.map("end", R.End);
}

namespace {
/// Bytes in the UTF-8 sequence that starts with \p Lead (1 for stray bytes).
size_t sequenceLength(unsigned char Lead) {
  if (Lead < 0xC0)
    return 1;
  if (Lead < 0xE0)
    return 2;
  if (Lead < 0xF0)
    return 3;
  if (Lead < 0xF8)
    return 4;
  return 1;
}

/// Code units of one character of \p Bytes UTF-8 bytes.
int64_t unitsOf(size_t Bytes, PositionEncoding E) {
  switch (E) {
  case PositionEncoding::UTF8:
    return static_cast<int64_t>(Bytes);
  case PositionEncoding::UTF16:
    return Bytes == 4 ? 2 : 1;
  case PositionEncoding::UTF32:
    return 1;
  }
  return 1;
}
} // namespace

int64_t codeUnitsIn(llvm::StringRef S, PositionEncoding E) {
  if (E == PositionEncoding::UTF8)
    return static_cast<int64_t>(S.size());
  int64_t Units = 0;
  for (size_t I = 0; I < S.size();) {
    size_t Len = std::min(sequenceLength(S[I]), S.size() - I);
    Units += unitsOf(Len, E);
    I += Len;
  }
  return Units;
}

size_t bytesForCodeUnits(llvm::StringRef Line, int64_t Units, PositionEncoding E) {
  if (Units <= 0)
    return 0;
  if (E == PositionEncoding::UTF8)
    return std::min(static_cast<size_t>(Units), Line.size());
  size_t I = 0;
  while (I < Line.size()) {
    size_t Len = std::min(sequenceLength(Line[I]), Line.size() - I);
    int64_t U = unitsOf(Len, E);
    if (U > Units)
      break;
    Units -= U;
    I += Len;
    if (Units == 0)
      break;
  }
  return I;
}

} // namespace lockcheck::lsp
