//===- Positions.h - LSP positions in the negotiated encoding --*- C++ -*-===//
//
// LSP positions are (line, character) with "character" counted in code units
// of the encoding the server announced: UTF-16 unless clangd negotiated UTF-8
// or UTF-32 (positionEncoding / clangd's offsetEncoding extension). Every
// position lockcheck-lsp reads or writes goes through these helpers.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_POSITIONS_H
#define LOCKCHECK_LSP_POSITIONS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include <cstdint>
#include <optional>
#include <tuple>

namespace lockcheck::lsp {

enum class PositionEncoding { UTF8, UTF16, UTF32 };

/// "utf-8", "utf-16", "utf-32"; std::nullopt otherwise.
std::optional<PositionEncoding> parsePositionEncoding(llvm::StringRef Name);
llvm::StringRef positionEncodingName(PositionEncoding E);

struct Position {
  int64_t Line = 0;
  int64_t Character = 0;
  friend bool operator<(const Position &A, const Position &B) {
    return std::tie(A.Line, A.Character) < std::tie(B.Line, B.Character);
  }
  friend bool operator==(const Position &A, const Position &B) {
    return A.Line == B.Line && A.Character == B.Character;
  }
  friend bool operator<=(const Position &A, const Position &B) { return !(B < A); }
};

struct Range {
  Position Start, End;
  friend bool operator==(const Range &A, const Range &B) {
    return A.Start == B.Start && A.End == B.End;
  }
  /// Closed-interval overlap, so a cursor touching either end counts.
  bool touches(const Range &O) const { return Start <= O.End && O.Start <= End; }
};

llvm::json::Value toJSON(const Position &P);
llvm::json::Value toJSON(const Range &R);
bool fromJSON(const llvm::json::Value &V, Position &P, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, Range &R, llvm::json::Path Path);

/// How many code units of \p E the UTF-8 text \p S takes.
int64_t codeUnitsIn(llvm::StringRef S, PositionEncoding E);

/// The byte length of the prefix of \p Line that spans \p Units code units
/// of \p E; clamped to the whole line. A position inside a character (half a
/// surrogate pair) ends before that character.
size_t bytesForCodeUnits(llvm::StringRef Line, int64_t Units, PositionEncoding E);

} // namespace lockcheck::lsp

#endif
