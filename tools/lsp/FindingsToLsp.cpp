//===- FindingsToLsp.cpp --------------------------------------------------===//
#include "FindingsToLsp.h"
#include "Uri.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace lockcheck::lsp {
namespace {

class Converter {
public:
  Converter(const SourceManager &SM, const LangOptions &LO, PositionEncoding E)
      : SM(SM), LO(LO), Enc(E) {}

  std::optional<LockcheckDiagnostic> convert(const Finding &F) {
    SourceLocation Loc = SM.getFileLoc(F.Loc);
    if (Loc.isInvalid() || SM.getFileID(Loc) != SM.getMainFileID())
      return std::nullopt;
    LockcheckDiagnostic D;
    D.Where = tokenRange(Loc);
    D.Check = checkName(F.CheckKind).str();
    D.Message = F.Message;
    for (const FindingNote &N : F.Notes) {
      SourceLocation NL = SM.getFileLoc(N.Loc);
      if (NL.isInvalid()) {
        D.Message += "\n" + N.Message;
        continue;
      }
      RelatedLocation R;
      R.Where = tokenRange(NL);
      R.Message = N.Message;
      FileID FID = SM.getFileID(NL);
      std::string Path = pathOf(FID);
      if (FID != SM.getMainFileID())
        R.Uri = pathToFileUri(Path);
      R.Label = (llvm::sys::path::filename(Path) + ":" +
                 llvm::Twine(R.Where.Start.Line + 1) + ":" +
                 llvm::Twine(SM.getColumnNumber(FID, SM.getFileOffset(NL))))
                    .str();
      D.Notes.push_back(std::move(R));
    }
    D.Fix = convertFix(F.FixIts);
    return D;
  }

private:
  Position positionOf(SourceLocation Loc) {
    std::pair<FileID, unsigned> Dec = SM.getDecomposedLoc(Loc);
    unsigned ColumnBytes = SM.getColumnNumber(Dec.first, Dec.second) - 1;
    llvm::StringRef Buffer = SM.getBufferData(Dec.first);
    llvm::StringRef Prefix =
        Buffer.substr(Dec.second - ColumnBytes, ColumnBytes);
    return {static_cast<int64_t>(SM.getLineNumber(Dec.first, Dec.second)) - 1,
            codeUnitsIn(Prefix, Enc)};
  }

  Range tokenRange(SourceLocation Loc) {
    Position Start = positionOf(Loc);
    unsigned Length = Lexer::MeasureTokenLength(Loc, SM, LO);
    return {Start, Length ? positionOf(Loc.getLocWithOffset(Length)) : Start};
  }

  std::string pathOf(FileID FID) {
    OptionalFileEntryRef FE = SM.getFileEntryRefForID(FID);
    if (!FE)
      return "";
    llvm::StringRef Real = FE->getFileEntry().tryGetRealPathName();
    if (!Real.empty())
      return Real.str();
    llvm::SmallString<256> Path(FE->getName());
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    return std::string(Path);
  }

  static std::string quote(llvm::StringRef S) {
    S = S.trim();
    std::string Short = S.size() > 40 ? (S.take_front(37) + "...").str() : S.str();
    std::replace(Short.begin(), Short.end(), '\n', ' ');
    return "'" + Short + "'";
  }

  /// The fix-its of one finding apply together, so they form one quick fix;
  /// none is offered if any part lies outside the buffer or in a macro.
  std::optional<QuickFix> convertFix(llvm::ArrayRef<FixItHint> Hints) {
    if (Hints.empty())
      return std::nullopt;
    QuickFix Fix;
    std::string OnlyTitle;
    for (const FixItHint &H : Hints) {
      if (H.InsertFromRange.isValid() || H.RemoveRange.isInvalid())
        return std::nullopt;
      SourceLocation B = H.RemoveRange.getBegin(), E = H.RemoveRange.getEnd();
      if (!B.isFileID() || !E.isFileID() ||
          SM.getFileID(B) != SM.getMainFileID() ||
          SM.getFileID(E) != SM.getMainFileID())
        return std::nullopt;
      if (H.RemoveRange.isTokenRange())
        E = E.getLocWithOffset(Lexer::MeasureTokenLength(E, SM, LO));
      unsigned BOff = SM.getFileOffset(B), EOff = SM.getFileOffset(E);
      if (EOff < BOff)
        return std::nullopt;
      llvm::StringRef Old =
          SM.getBufferData(SM.getMainFileID()).substr(BOff, EOff - BOff);
      Fix.Edits.push_back({{positionOf(B), positionOf(E)}, H.CodeToInsert});
      if (Old.empty())
        OnlyTitle = "insert " + quote(H.CodeToInsert);
      else if (H.CodeToInsert.empty())
        OnlyTitle = "remove " + quote(Old);
      else
        OnlyTitle = "replace " + quote(Old) + " with " + quote(H.CodeToInsert);
    }
    Fix.Title = Fix.Edits.size() == 1
                    ? OnlyTitle
                    : "apply the lockcheck fix (" +
                          std::to_string(Fix.Edits.size()) + " edits)";
    return Fix;
  }

  const SourceManager &SM;
  const LangOptions &LO;
  PositionEncoding Enc;
};

} // namespace

std::vector<LockcheckDiagnostic>
convertFindings(llvm::ArrayRef<Finding> Findings, const SourceManager &SM,
                const LangOptions &LangOpts, PositionEncoding Encoding) {
  Converter C(SM, LangOpts, Encoding);
  std::vector<LockcheckDiagnostic> Out;
  for (const Finding &F : Findings)
    if (std::optional<LockcheckDiagnostic> D = C.convert(F))
      Out.push_back(std::move(*D));
  return Out;
}

} // namespace lockcheck::lsp
