//===- Report.cpp ---------------------------------------------------------===//
#include "Report.h"
#include <tuple>

namespace lockcheck::cli {

ReportNote makeNote(SourcePos Where, std::string Message) {
  llvm::StringRef M(Message);
  if (Where.File.empty() && M.consume_back(")")) {
    size_t Open = M.rfind(" (");
    if (Open != llvm::StringRef::npos) {
      llvm::StringRef Pos = M.substr(Open + 2);
      auto [Rest, Col] = Pos.rsplit(':');
      auto [File, Line] = Rest.rsplit(':');
      unsigned L = 0, C = 0;
      if (!File.empty() && !Line.getAsInteger(10, L) && !Col.getAsInteger(10, C))
        return {{File.str(), L, C}, M.take_front(Open).str()};
    }
  }
  return {std::move(Where), std::move(Message)};
}

bool reportLess(const Report &A, const Report &B) {
  return std::tie(A.Where.File, A.Where.Line, A.Where.Column, A.CheckKind, A.Message) <
         std::tie(B.Where.File, B.Where.Line, B.Where.Column, B.CheckKind, B.Message);
}

bool sameReport(const Report &A, const Report &B) {
  if (!(A.Where == B.Where) || A.CheckKind != B.CheckKind || A.Message != B.Message ||
      A.Notes.size() != B.Notes.size())
    return false;
  for (size_t I = 0; I < A.Notes.size(); ++I)
    if (!(A.Notes[I].Where == B.Notes[I].Where) || A.Notes[I].Message != B.Notes[I].Message)
      return false;
  return true;
}

llvm::json::Value toJSON(const SourcePos &P) {
  return llvm::json::Object{{"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}

llvm::json::Value toJSON(const Report &R) {
  llvm::json::Array Notes;
  for (const ReportNote &N : R.Notes)
    Notes.push_back(llvm::json::Object{{"location", toJSON(N.Where)}, {"message", N.Message}});
  llvm::json::Object O{{"check", checkName(R.CheckKind)},
                       {"location", toJSON(R.Where)},
                       {"message", R.Message},
                       {"definite", R.Definite},
                       {"function", R.Function},
                       {"notes", std::move(Notes)}};
  if (!R.Fixes.empty()) {
    llvm::json::Array Fixes;
    for (const ReportFix &F : R.Fixes)
      Fixes.push_back(llvm::json::Object{
          {"location", toJSON(F.Begin)}, {"end", toJSON(F.End)}, {"text", F.Text}});
    O["fixes"] = std::move(Fixes);
  }
  return O;
}

bool fromJSON(const llvm::json::Value &V, SourcePos &P, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  int64_t Line = 0, Column = 0;
  if (!O || !O.map("file", P.File) || !O.map("line", Line) || !O.map("column", Column))
    return false;
  P.Line = static_cast<unsigned>(Line);
  P.Column = static_cast<unsigned>(Column);
  return true;
}

bool fromJSON(const llvm::json::Value &V, Report &R, llvm::json::Path Path) {
  llvm::json::ObjectMapper O(V, Path);
  std::string CheckText;
  if (!O || !O.map("check", CheckText) || !O.map("location", R.Where) ||
      !O.map("message", R.Message) || !O.map("definite", R.Definite) ||
      !O.map("function", R.Function))
    return false;
  std::optional<Check> C = checkFromName(CheckText);
  if (!C) {
    Path.field("check").report("unknown check");
    return false;
  }
  R.CheckKind = *C;
  const llvm::json::Array *Notes = V.getAsObject()->getArray("notes");
  if (!Notes) {
    Path.field("notes").report("expected an array");
    return false;
  }
  for (size_t I = 0; I < Notes->size(); ++I) {
    llvm::json::ObjectMapper N((*Notes)[I], Path.field("notes").index(I));
    ReportNote Note;
    if (!N || !N.map("location", Note.Where) || !N.map("message", Note.Message))
      return false;
    R.Notes.push_back(std::move(Note));
  }
  return true;
}

} // namespace lockcheck::cli
