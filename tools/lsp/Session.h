//===- Session.h - what the relay knows about the editor session -*- C++ -*-===//
//
// The relay forwards every message unchanged except two: clangd's
// textDocument/publishDiagnostics, which gets lockcheck's diagnostics for the
// same file appended, and clangd's answers to textDocument/codeAction, which
// get lockcheck's quick fixes appended. To do that it watches the editor's
// document events (keeping the unsaved text for the analysis), the encoding
// clangd negotiated, and what the client can display.
//
// Threads: fromEditor runs on the main thread, fromClangd on the clangd
// reader, deliver on the analysis worker; all state is behind one mutex, and
// outgoing messages are queued while it is held so they keep their order.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_SESSION_H
#define LOCKCHECK_LSP_SESSION_H

#include "AnalysisScheduler.h"
#include "CompileCommands.h"
#include "LockcheckDiagnostic.h"
#include "Outbox.h"
#include "TextDocument.h"
#include <chrono>
#include <map>
#include <mutex>

namespace lockcheck::lsp {

struct SessionOptions {
  std::chrono::milliseconds Debounce{250};
  std::string DocsDir;                 // where <check>.md pages live
  CompileCommandSettings CommandFlags; // from the clangd command line
};

class Session {
public:
  Session(Outbox &ToEditor, CompileCommandFinder &Commands, SessionOptions Opts);

  /// The analysis side, once it exists (it calls back into the session).
  void attach(AnalysisScheduler &S) { Scheduler = &S; }

  /// Refused: nested too deeply to parse (JsonLimits.h); answered with a
  /// JSON-RPC parse error and not forwarded, since clangd would crash on it.
  enum class EditorMessage { Other, Exit, Refused };
  /// Looks at a message from the editor before it is forwarded to clangd.
  EditorMessage fromEditor(llvm::StringRef Body);
  /// Forwards a message from clangd to the editor, merged where needed.
  void fromClangd(std::string Body);

  /// For the scheduler: the document's current text, if it is analysable.
  std::optional<AnalysisRequest> snapshot(const std::string &Key);
  /// For the scheduler: a finished analysis.
  void deliver(const AnalysisRequest &Request, AnalysisOutcome Outcome);

private:
  struct Document {
    std::string EditorUri;
    std::string Path; // empty when the URI is not a local file
    bool Analysable = false;
    bool IsC = false;
    TextDocument Text;
    /// clangd's latest publishDiagnostics params for this file.
    std::optional<llvm::json::Object> ClangdParams;
    std::optional<int64_t> ClangdVersion;
    /// lockcheck's latest complete answer and the version it was for.
    std::optional<std::pair<int64_t, std::vector<LockcheckDiagnostic>>> Ours;
  };

  void onInitialize(const llvm::json::Value &Id, const llvm::json::Object *Params);
  void onDidOpen(const llvm::json::Object &Params);
  void onDidChange(const llvm::json::Object &Params);
  void onDidClose(const llvm::json::Object &Params);
  void onCodeAction(const llvm::json::Value &Id, const llvm::json::Object &Params);
  void rescheduleAll();
  /// The publishDiagnostics message for \p D: clangd's list (verbatim) plus
  /// ours moved to the version clangd's list is for (\p ForClangd) or to the
  /// current text.
  std::string mergedPublish(const Document &D, bool ForClangd);

  Outbox &ToEditor;
  CompileCommandFinder &Commands;
  SessionOptions Opts;
  AnalysisScheduler *Scheduler = nullptr;

  std::mutex M;
  std::map<std::string, Document> Docs; // by file path (or URI)
  PositionEncoding Encoding = PositionEncoding::UTF16;
  ClientSupport Client;
  std::optional<std::string> InitializeId;
  /// Quick fixes to append to clangd's answer, by request id.
  std::map<std::string, std::vector<llvm::json::Value>> PendingActions;
};

} // namespace lockcheck::lsp

#endif
