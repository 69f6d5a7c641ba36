//===- Report.h - a finding that outlives its AST -------------------------===//
//
// The core's Finding holds clang SourceLocations, valid only while its TU's
// AST lives. The whole-project command keeps findings from many TUs (and from
// the cache, and from facts files), so it turns them into plain file/line/column
// values right after each TU's analysis.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_REPORT_H
#define LOCKCHECK_CLI_REPORT_H

#include "lockcheck/CheckNames.h"
#include "llvm/Support/JSON.h"
#include <string>
#include <vector>

namespace lockcheck::cli {

struct SourcePos {
  std::string File; // absolute, as the TU saw it
  unsigned Line = 0, Column = 0;
  bool operator<(const SourcePos &O) const {
    return std::tie(File, Line, Column) < std::tie(O.File, O.Line, O.Column);
  }
  bool operator==(const SourcePos &O) const {
    return File == O.File && Line == O.Line && Column == O.Column;
  }
};

struct ReportNote {
  SourcePos Where;
  std::string Message;
};

/// A fix-it: replace the text from Begin up to End (exclusive; equal to
/// Begin for an insertion) by Text.
struct ReportFix {
  SourcePos Begin, End;
  std::string Text;
};

struct Report {
  Check CheckKind = Check::DoubleLock;
  SourcePos Where;
  std::string Message; // without the "[lockcheck-...]" suffix
  bool Definite = true;
  /// The qualified name of the function the finding is in ("" at file
  /// scope); part of the baseline fingerprint, which must not use lines.
  std::string Function;
  std::vector<ReportNote> Notes;
  std::vector<ReportFix> Fixes;
  /// Filled in when the report is output: "warning" or "error".
  bool IsError = false;
};

/// A note; when it has no position, one spelled at the end of the message
/// ("... (file:line:col)", how the core writes notes located in another TU)
/// becomes its position.
ReportNote makeNote(SourcePos Where, std::string Message);

/// Orders by location, then check and message (a stable output order).
bool reportLess(const Report &A, const Report &B);
/// Same place, check, message and notes: one problem seen twice (a header
/// included by two TUs).
bool sameReport(const Report &A, const Report &B);

llvm::json::Value toJSON(const SourcePos &P);
llvm::json::Value toJSON(const Report &R);
bool fromJSON(const llvm::json::Value &V, SourcePos &P, llvm::json::Path Path);
bool fromJSON(const llvm::json::Value &V, Report &R, llvm::json::Path Path);

} // namespace lockcheck::cli

#endif
