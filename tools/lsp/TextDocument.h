//===- TextDocument.h - the editor's unsaved text of one file --*- C++ -*-===//
//
// lockcheck analyses what the user sees, not what is on disk, so it keeps its
// own copy of every open buffer, applying didChange events (full or
// incremental) exactly as clangd does. It also remembers the recent edits so
// a diagnostic computed for an older version can be moved to where its text
// is now, instead of flickering off while the next analysis runs.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_TEXTDOCUMENT_H
#define LOCKCHECK_LSP_TEXTDOCUMENT_H

#include "Positions.h"
#include "llvm/ADT/ArrayRef.h"
#include <deque>
#include <string>
#include <vector>

namespace lockcheck::lsp {

/// One entry of a didChange's contentChanges.
struct ContentChange {
  std::optional<Range> Replaced; // std::nullopt: the whole text
  std::string Text;
};

class TextDocument {
public:
  TextDocument(std::string Text, int64_t Version)
      : Text(std::move(Text)), Version(Version) {}

  const std::string &text() const { return Text; }
  int64_t version() const { return Version; }

  /// Applies one didChange. Positions past the end of a line or of the text
  /// are clamped, as editors occasionally send them.
  void applyChanges(llvm::ArrayRef<ContentChange> Changes, int64_t NewVersion,
                    PositionEncoding E);

  /// \p R, written against version \p From, moved through the edits up to
  /// version \p To (not after the current one). std::nullopt when an edit
  /// overlapped it, replaced the whole text, or the history is gone.
  std::optional<Range> mapRange(const Range &R, int64_t From, int64_t To) const;
  std::optional<Range> mapRange(const Range &R, int64_t From) const {
    return mapRange(R, From, Version);
  }

  /// The byte offset of \p P in the text (clamped).
  size_t offsetOf(const Position &P, PositionEncoding E) const;

private:
  /// What one change did, in positions, for mapRange.
  struct Step {
    bool WholeText = false;
    Range Replaced;
    int64_t InsertedNewlines = 0;
    int64_t LastLineUnits = 0; // code units after the last inserted newline
  };
  struct Revision {
    int64_t From, To;
    std::vector<Step> Steps;
  };
  static constexpr size_t MaxRevisions = 256;

  std::string Text;
  int64_t Version;
  std::deque<Revision> History;
};

} // namespace lockcheck::lsp

#endif
