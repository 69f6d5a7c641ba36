//===- LockcheckDiagnostic.cpp --------------------------------------------===//
#include "LockcheckDiagnostic.h"
#include "Uri.h"
#include "llvm/Support/Path.h"

namespace lockcheck::lsp {

namespace {
std::string checkDocUri(llvm::StringRef DocsDir, llvm::StringRef Check) {
  llvm::SmallString<256> Path(DocsDir);
  llvm::StringRef Short = Check;
  Short.consume_front("lockcheck-");
  llvm::sys::path::append(Path, Short + ".md");
  return pathToFileUri(Path);
}
} // namespace

llvm::json::Value renderDiagnostic(const LockcheckDiagnostic &D,
                                   const ClientSupport &Client,
                                   llvm::StringRef DocsDir,
                                   llvm::StringRef DocumentUri) {
  llvm::json::Object Out{{"range", D.Where},
                         {"severity", D.Severity},
                         {"source", "lockcheck"}};
  std::string Message = D.Message;
  llvm::json::Array Related;
  for (const RelatedLocation &N : D.Notes) {
    if (Client.RelatedInformation) {
      Related.push_back(llvm::json::Object{
          {"location",
           llvm::json::Object{{"uri", N.Uri.empty() ? DocumentUri.str() : N.Uri},
                              {"range", N.Where}}},
          {"message", N.Message}});
    } else {
      // The way clangd folds notes into the message for such clients.
      Message += "\n\n" + N.Label + ": note: " + N.Message;
    }
  }
  Out["message"] = std::move(Message);
  if (!Related.empty())
    Out["relatedInformation"] = std::move(Related);
  if (!D.Check.empty()) {
    Out["code"] = D.Check;
    Out["codeDescription"] =
        llvm::json::Object{{"href", checkDocUri(DocsDir, D.Check)}};
  }
  return Out;
}

llvm::json::Value renderCodeAction(const LockcheckDiagnostic &D,
                                   const ClientSupport &Client,
                                   llvm::StringRef DocsDir,
                                   llvm::StringRef DocumentUri) {
  llvm::json::Array Edits;
  for (const TextEdit &E : D.Fix->Edits)
    Edits.push_back(
        llvm::json::Object{{"range", E.Replaced}, {"newText", E.NewText}});
  llvm::json::Object Changes;
  Changes[DocumentUri] = std::move(Edits);
  return llvm::json::Object{
      {"title", D.Fix->Title},
      {"kind", "quickfix"},
      {"isPreferred", true},
      {"diagnostics",
       llvm::json::Array{renderDiagnostic(D, Client, DocsDir, DocumentUri)}},
      {"edit", llvm::json::Object{{"changes", std::move(Changes)}}}};
}

std::optional<LockcheckDiagnostic> mapDiagnostic(const LockcheckDiagnostic &D,
                                                 const TextDocument &Doc,
                                                 int64_t From, int64_t To) {
  if (From == To)
    return D;
  std::optional<Range> Where = Doc.mapRange(D.Where, From, To);
  if (!Where)
    return std::nullopt;
  LockcheckDiagnostic Out = D;
  Out.Where = *Where;
  Out.Notes.clear();
  for (const RelatedLocation &N : D.Notes) {
    if (!N.Uri.empty()) { // another file: its text did not change here
      Out.Notes.push_back(N);
      continue;
    }
    if (std::optional<Range> R = Doc.mapRange(N.Where, From, To)) {
      Out.Notes.push_back(N);
      Out.Notes.back().Where = *R;
    }
  }
  if (D.Fix) {
    for (TextEdit &E : Out.Fix->Edits) {
      std::optional<Range> R = Doc.mapRange(E.Replaced, From, To);
      if (!R) {
        Out.Fix.reset();
        break;
      }
      E.Replaced = *R;
    }
  }
  return Out;
}

} // namespace lockcheck::lsp
