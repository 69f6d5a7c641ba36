//===- TextDocument.cpp ---------------------------------------------------===//
#include "TextDocument.h"

namespace lockcheck::lsp {

size_t TextDocument::offsetOf(const Position &P, PositionEncoding E) const {
  size_t LineStart = 0;
  for (int64_t L = 0; L < P.Line; ++L) {
    size_t NL = Text.find('\n', LineStart);
    if (NL == std::string::npos)
      return Text.size();
    LineStart = NL + 1;
  }
  size_t LineEnd = Text.find('\n', LineStart);
  if (LineEnd == std::string::npos)
    LineEnd = Text.size();
  llvm::StringRef Line(Text.data() + LineStart, LineEnd - LineStart);
  return LineStart + bytesForCodeUnits(Line, P.Character, E);
}

void TextDocument::applyChanges(llvm::ArrayRef<ContentChange> Changes,
                                int64_t NewVersion, PositionEncoding E) {
  Revision Rev{Version, NewVersion, {}};
  for (const ContentChange &C : Changes) {
    Step S;
    if (!C.Replaced) {
      Text = C.Text;
      S.WholeText = true;
    } else {
      Range R = *C.Replaced;
      if (R.End < R.Start)
        std::swap(R.Start, R.End);
      size_t Begin = offsetOf(R.Start, E);
      size_t End = std::max(Begin, offsetOf(R.End, E));
      Text.replace(Begin, End - Begin, C.Text);
      S.Replaced = R;
      llvm::StringRef Inserted(C.Text);
      S.InsertedNewlines = static_cast<int64_t>(Inserted.count('\n'));
      S.LastLineUnits =
          codeUnitsIn(Inserted.substr(Inserted.rfind('\n') + 1), E);
    }
    Rev.Steps.push_back(S);
  }
  Version = NewVersion;
  History.push_back(std::move(Rev));
  if (History.size() > MaxRevisions)
    History.pop_front();
}

namespace {
/// Where \p P (at or after the end of the replaced range) ends up.
Position shift(const Position &P, const Range &Replaced, int64_t Newlines,
               int64_t LastLineUnits) {
  Position Out;
  if (P.Line == Replaced.End.Line) {
    Out.Line = Replaced.Start.Line + Newlines;
    int64_t Base =
        Newlines == 0 ? Replaced.Start.Character + LastLineUnits : LastLineUnits;
    Out.Character = Base + (P.Character - Replaced.End.Character);
  } else {
    Out.Line = P.Line + Newlines - (Replaced.End.Line - Replaced.Start.Line);
    Out.Character = P.Character;
  }
  return Out;
}
} // namespace

std::optional<Range> TextDocument::mapRange(const Range &R, int64_t From,
                                            int64_t To) const {
  if (From == To)
    return R;
  if (To < From)
    return std::nullopt;
  size_t I = 0;
  while (I < History.size() && History[I].From != From)
    ++I;
  if (I == History.size())
    return std::nullopt;
  Range Cur = R;
  for (; I < History.size() && History[I].To <= To; ++I) {
    for (const Step &S : History[I].Steps) {
      if (S.WholeText)
        return std::nullopt;
      if (S.Replaced.End <= Cur.Start) {
        Cur.Start = shift(Cur.Start, S.Replaced, S.InsertedNewlines, S.LastLineUnits);
        Cur.End = shift(Cur.End, S.Replaced, S.InsertedNewlines, S.LastLineUnits);
      } else if (!(Cur.End <= S.Replaced.Start)) {
        return std::nullopt; // the edit overlaps the range
      }
    }
    if (History[I].To == To)
      return Cur;
  }
  return std::nullopt;
}

} // namespace lockcheck::lsp
