//===- LockcheckDiagnostic.h - one lockcheck finding, LSP-shaped -*- C++ -*-===//
//
// A finding converted to LSP positions of the analysed buffer, plus its fix-it
// as a quick fix. Kept structured (not as JSON) so its ranges can be moved
// through later edits and rendered for whatever the client supports.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_LOCKCHECKDIAGNOSTIC_H
#define LOCKCHECK_LSP_LOCKCHECKDIAGNOSTIC_H

#include "Positions.h"
#include "TextDocument.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace lockcheck::lsp {

struct RelatedLocation {
  std::string Uri; // empty: the diagnostic's own document
  Range Where;
  std::string Message;
  /// "file.cpp:12:5" for clients without relatedInformation support.
  std::string Label;
};

struct TextEdit {
  Range Replaced;
  std::string NewText;
};

struct QuickFix {
  std::string Title;
  std::vector<TextEdit> Edits; // all in the diagnostic's document
};

struct LockcheckDiagnostic {
  Range Where;
  std::string Check; // "lockcheck-double-lock"; empty for setup problems
  std::string Message;
  int Severity = 2; // LSP: 1 error, 2 warning
  std::vector<RelatedLocation> Notes;
  std::optional<QuickFix> Fix;
};

/// What the editor said it can display (from `initialize`).
struct ClientSupport {
  bool RelatedInformation = false;
  bool CodeActionLiterals = false;
};

/// Renders an LSP Diagnostic. \p DocsDir holds <check-without-prefix>.md.
llvm::json::Value renderDiagnostic(const LockcheckDiagnostic &D,
                                   const ClientSupport &Client,
                                   llvm::StringRef DocsDir,
                                   llvm::StringRef DocumentUri);

/// Renders the quick fix of \p D (which must have one) as a CodeAction.
llvm::json::Value renderCodeAction(const LockcheckDiagnostic &D,
                                   const ClientSupport &Client,
                                   llvm::StringRef DocsDir,
                                   llvm::StringRef DocumentUri);

/// \p D computed for version \p From, moved to version \p To of \p Doc.
/// std::nullopt when an edit touched its range; notes and fixes that an edit
/// touched are dropped.
std::optional<LockcheckDiagnostic> mapDiagnostic(const LockcheckDiagnostic &D,
                                                 const TextDocument &Doc,
                                                 int64_t From, int64_t To);

} // namespace lockcheck::lsp

#endif
