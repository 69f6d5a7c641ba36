//===- Session.cpp --------------------------------------------------------===//
#include "Session.h"
#include "Log.h"
#include "Uri.h"
#include "lockcheck/JsonLimits.h"
#include "llvm/Support/FormatVariadic.h"

namespace json = llvm::json;

namespace lockcheck::lsp {

namespace {
std::string serialize(const json::Value &V) { return llvm::formatv("{0}", V).str(); }

/// The document's key: its path, so that clangd's and the editor's spellings
/// of the same file URI agree.
std::string keyFor(llvm::StringRef Uri) {
  if (std::optional<std::string> Path = fileUriToPath(Uri))
    return *Path;
  return Uri.str();
}

const json::Object *objectAt(const json::Object *O,
                             std::initializer_list<llvm::StringRef> Keys) {
  for (llvm::StringRef K : Keys) {
    if (!O)
      return nullptr;
    O = O->getObject(K);
  }
  return O;
}
} // namespace

Session::Session(Outbox &ToEditor, CompileCommandFinder &Commands,
                 SessionOptions Opts)
    : ToEditor(ToEditor), Commands(Commands), Opts(std::move(Opts)) {
  Commands.configure(this->Opts.CommandFlags);
}

Session::EditorMessage Session::fromEditor(llvm::StringRef Body) {
  if (std::optional<std::string> Problem = jsonLimitProblem(Body, MaxLspMessageBytes)) {
    log(LogLevel::Error, "refusing a message from the editor: {0}", *Problem);
    ToEditor.send(serialize(json::Object{
        {"jsonrpc", "2.0"},
        {"id", nullptr},
        {"error", json::Object{{"code", -32700}, {"message", "Parse error: " + *Problem}}}}));
    return EditorMessage::Refused;
  }
  llvm::Expected<json::Value> Parsed = json::parse(Body);
  if (!Parsed) {
    // clangd answers malformed input itself.
    log(LogLevel::Verbose, "editor sent malformed JSON: {0}",
        llvm::toString(Parsed.takeError()));
    return EditorMessage::Other;
  }
  const json::Object *Msg = Parsed->getAsObject();
  if (!Msg)
    return EditorMessage::Other;
  std::optional<llvm::StringRef> Method = Msg->getString("method");
  if (!Method)
    return EditorMessage::Other;
  const json::Object *Params = Msg->getObject("params");
  const json::Value *Id = Msg->get("id");

  if (*Method == "exit")
    return EditorMessage::Exit;
  if (*Method == "initialize" && Id)
    onInitialize(*Id, Params);
  else if (!Params)
    return EditorMessage::Other;
  else if (*Method == "textDocument/didOpen")
    onDidOpen(*Params);
  else if (*Method == "textDocument/didChange")
    onDidChange(*Params);
  else if (*Method == "textDocument/didClose")
    onDidClose(*Params);
  else if (*Method == "textDocument/codeAction" && Id)
    onCodeAction(*Id, *Params);
  else if (*Method == "textDocument/didSave" ||
           *Method == "workspace/didChangeWatchedFiles")
    rescheduleAll(); // a header or the compilation database may have changed
  return EditorMessage::Other;
}

void Session::onInitialize(const json::Value &Id, const json::Object *Params) {
  std::lock_guard<std::mutex> Lock(M);
  InitializeId = serialize(Id);
  if (const json::Object *Diag =
          objectAt(Params, {"capabilities", "textDocument", "publishDiagnostics"}))
    Client.RelatedInformation = Diag->getBoolean("relatedInformation").value_or(false);
  if (const json::Object *Action =
          objectAt(Params, {"capabilities", "textDocument", "codeAction"}))
    Client.CodeActionLiterals = Action->getObject("codeActionLiteralSupport") != nullptr;

  // clangd's own options for finding compile commands.
  CompileCommandSettings Settings = Opts.CommandFlags;
  if (const json::Object *Init = objectAt(Params, {"initializationOptions"})) {
    if (std::optional<llvm::StringRef> Dir = Init->getString("compilationDatabasePath"))
      Settings.DatabaseDir = Dir->str();
    if (const json::Array *Flags = Init->getArray("fallbackFlags"))
      for (const json::Value &F : *Flags)
        if (std::optional<llvm::StringRef> S = F.getAsString())
          Settings.FallbackFlags.push_back(S->str());
  }
  Commands.configure(std::move(Settings));
}

void Session::onDidOpen(const json::Object &Params) {
  const json::Object *TD = Params.getObject("textDocument");
  if (!TD)
    return;
  std::optional<llvm::StringRef> Uri = TD->getString("uri");
  std::optional<llvm::StringRef> Text = TD->getString("text");
  if (!Uri || !Text)
    return;
  llvm::StringRef Language = TD->getString("languageId").value_or("");
  std::string Key = keyFor(*Uri);
  bool Analysable;
  {
    std::lock_guard<std::mutex> Lock(M);
    Document D{Uri->str(), "", false, false,
               TextDocument(Text->str(), TD->getInteger("version").value_or(0)),
               std::nullopt, std::nullopt, std::nullopt};
    if (std::optional<std::string> Path = fileUriToPath(*Uri))
      D.Path = *Path;
    D.Analysable = !D.Path.empty() &&
                   (Language == "c" || Language == "cpp" ||
                    Language == "objective-c" || Language == "objective-cpp");
    // Only for the fallback command. Editors often call every .h "c"; like
    // clangd, treat headers as C++ unless a compile command says otherwise.
    D.IsC = llvm::StringRef(D.Path).ends_with(".c");
    Analysable = D.Analysable;
    Docs.erase(Key);
    Docs.emplace(Key, std::move(D));
  }
  if (Analysable && Scheduler)
    Scheduler->schedule(Key, std::chrono::milliseconds(0));
}

void Session::onDidChange(const json::Object &Params) {
  const json::Object *TD = Params.getObject("textDocument");
  const json::Array *Changes = Params.getArray("contentChanges");
  if (!TD || !Changes)
    return;
  std::optional<llvm::StringRef> Uri = TD->getString("uri");
  if (!Uri)
    return;
  std::string Key = keyFor(*Uri);
  std::vector<ContentChange> Parsed;
  for (const json::Value &C : *Changes) {
    const json::Object *O = C.getAsObject();
    if (!O)
      continue;
    ContentChange Change;
    Change.Text = O->getString("text").value_or("").str();
    if (const json::Value *R = O->get("range")) {
      Range Replaced;
      json::Path::Root Root;
      if (!fromJSON(*R, Replaced, Root)) {
        log(LogLevel::Error, "ignoring a change with a malformed range in {0}",
            *Uri);
        continue;
      }
      Change.Replaced = Replaced;
    }
    Parsed.push_back(std::move(Change));
  }
  bool Analysable;
  {
    std::lock_guard<std::mutex> Lock(M);
    auto It = Docs.find(Key);
    if (It == Docs.end())
      return;
    Document &D = It->second;
    int64_t NewVersion = TD->getInteger("version").value_or(D.Text.version() + 1);
    D.Text.applyChanges(Parsed, NewVersion, Encoding);
    Analysable = D.Analysable;
  }
  if (Analysable && Scheduler)
    Scheduler->schedule(Key, Opts.Debounce);
}

void Session::onDidClose(const json::Object &Params) {
  const json::Object *TD = Params.getObject("textDocument");
  if (!TD)
    return;
  std::optional<llvm::StringRef> Uri = TD->getString("uri");
  if (!Uri)
    return;
  std::string Key = keyFor(*Uri);
  {
    std::lock_guard<std::mutex> Lock(M);
    Docs.erase(Key);
  }
  if (Scheduler)
    Scheduler->forget(Key);
}

void Session::rescheduleAll() {
  std::vector<std::string> Keys;
  {
    std::lock_guard<std::mutex> Lock(M);
    for (const auto &[Key, D] : Docs)
      if (D.Analysable)
        Keys.push_back(Key);
  }
  if (Scheduler)
    for (const std::string &Key : Keys)
      Scheduler->schedule(Key, Opts.Debounce);
}

void Session::onCodeAction(const json::Value &Id, const json::Object &Params) {
  const json::Object *TD = Params.getObject("textDocument");
  const json::Value *RangeValue = Params.get("range");
  if (!TD || !RangeValue)
    return;
  Range Requested;
  json::Path::Root Root;
  if (!fromJSON(*RangeValue, Requested, Root))
    return;
  // Only quick fixes are ours; honour a client asking for other kinds only.
  const json::Object *Context = Params.getObject("context");
  if (const json::Array *Only = Context ? Context->getArray("only") : nullptr) {
    bool Wanted = false;
    for (const json::Value &K : *Only)
      if (std::optional<llvm::StringRef> Kind = K.getAsString())
        Wanted |= Kind->empty() || *Kind == "quickfix";
    if (!Wanted)
      return;
  }
  std::string Key = keyFor(TD->getString("uri").value_or(""));

  std::lock_guard<std::mutex> Lock(M);
  if (!Client.CodeActionLiterals)
    return;
  auto It = Docs.find(Key);
  if (It == Docs.end() || !It->second.Ours)
    return;
  const Document &D = It->second;
  std::vector<json::Value> Actions;
  for (const LockcheckDiagnostic &Diag : D.Ours->second) {
    std::optional<LockcheckDiagnostic> Now =
        mapDiagnostic(Diag, D.Text, D.Ours->first, D.Text.version());
    if (Now && Now->Fix && Now->Where.touches(Requested))
      Actions.push_back(renderCodeAction(*Now, Client, Opts.DocsDir, D.EditorUri));
  }
  if (!Actions.empty())
    PendingActions[serialize(Id)] = std::move(Actions);
}

std::string Session::mergedPublish(const Document &D, bool ForClangd) {
  json::Object Params;
  json::Array Diagnostics;
  if (D.ClangdParams) {
    Params = *D.ClangdParams;
    if (const json::Array *Theirs = Params.getArray("diagnostics"))
      Diagnostics = *Theirs;
  } else {
    Params["uri"] = D.EditorUri;
  }
  int64_t Target = D.Text.version();
  if (ForClangd)
    Target = D.ClangdVersion.value_or(Target);
  else
    Params["version"] = Target;
  if (D.Ours) {
    for (const LockcheckDiagnostic &Diag : D.Ours->second) {
      // Ours may be newer than clangd's list; they are shown as they are then.
      std::optional<LockcheckDiagnostic> Moved =
          D.Ours->first <= Target ? mapDiagnostic(Diag, D.Text, D.Ours->first, Target)
                                  : Diag;
      if (Moved)
        Diagnostics.push_back(renderDiagnostic(*Moved, Client, Opts.DocsDir, D.EditorUri));
    }
  }
  Params["diagnostics"] = std::move(Diagnostics);
  return serialize(json::Object{{"jsonrpc", "2.0"},
                                {"method", "textDocument/publishDiagnostics"},
                                {"params", std::move(Params)}});
}

void Session::fromClangd(std::string Body) {
  if (jsonLimitProblem(Body, MaxLspMessageBytes)) { // not ours to judge: pass it on
    ToEditor.send(std::move(Body));
    return;
  }
  llvm::Expected<json::Value> Parsed = json::parse(Body);
  if (!Parsed) {
    llvm::consumeError(Parsed.takeError());
    ToEditor.send(std::move(Body));
    return;
  }
  json::Object *Msg = Parsed->getAsObject();
  if (!Msg) {
    ToEditor.send(std::move(Body));
    return;
  }
  std::optional<llvm::StringRef> Method = Msg->getString("method");

  if (Method && *Method == "textDocument/publishDiagnostics") {
    const json::Object *Params = Msg->getObject("params");
    std::optional<llvm::StringRef> Uri =
        Params ? Params->getString("uri") : std::nullopt;
    std::lock_guard<std::mutex> Lock(M);
    auto It = Uri ? Docs.find(keyFor(*Uri)) : Docs.end();
    if (It == Docs.end()) {
      ToEditor.send(std::move(Body)); // not an open document: nothing of ours
      return;
    }
    Document &D = It->second;
    D.ClangdParams = *Params;
    D.ClangdVersion = Params->getInteger("version");
    ToEditor.send(D.Ours ? mergedPublish(D, /*ForClangd=*/true) : std::move(Body));
    return;
  }

  const json::Value *Id = Msg->get("id");
  if (!Method && Id) {
    std::string IdKey = serialize(*Id);
    std::lock_guard<std::mutex> Lock(M);
    if (InitializeId && IdKey == *InitializeId) {
      InitializeId.reset();
      const json::Object *Result = Msg->getObject("result");
      const json::Object *Caps = Result ? Result->getObject("capabilities") : nullptr;
      std::optional<llvm::StringRef> Name =
          Caps ? Caps->getString("positionEncoding") : std::nullopt;
      if (!Name && Result)
        Name = Result->getString("offsetEncoding"); // clangd's extension
      if (Name)
        if (std::optional<PositionEncoding> E = parsePositionEncoding(*Name))
          Encoding = *E;
      log(LogLevel::Verbose, "positions are counted in {0}",
          positionEncodingName(Encoding));
    }
    auto Pending = PendingActions.find(IdKey);
    if (Pending != PendingActions.end()) {
      std::vector<json::Value> Ours = std::move(Pending->second);
      PendingActions.erase(Pending);
      json::Value *Result = Msg->get("result");
      if (Result && (Result->kind() == json::Value::Null || Result->getAsArray())) {
        if (Result->kind() == json::Value::Null)
          *Result = json::Array();
        for (json::Value &A : Ours)
          Result->getAsArray()->push_back(std::move(A));
        ToEditor.send(serialize(*Parsed));
        return;
      }
    }
  }
  ToEditor.send(std::move(Body));
}

std::optional<AnalysisRequest> Session::snapshot(const std::string &Key) {
  std::lock_guard<std::mutex> Lock(M);
  auto It = Docs.find(Key);
  if (It == Docs.end() || !It->second.Analysable)
    return std::nullopt;
  const Document &D = It->second;
  AnalysisRequest R;
  R.Key = Key;
  R.Path = D.Path;
  R.Text = D.Text.text();
  R.Version = D.Text.version();
  R.IsC = D.IsC;
  R.Encoding = Encoding;
  return R;
}

void Session::deliver(const AnalysisRequest &Request, AnalysisOutcome Outcome) {
  switch (Outcome.Result) {
  case AnalysisOutcome::Status::Analysed:
    if (!Outcome.Why.empty()) {
      log(LogLevel::Error, "not analysing {0} (version {1}): {2}", Request.Path,
          Request.Version, Outcome.Why);
      break;
    }
    log(LogLevel::Info,
        "analysed {0} (version {1}) in {2:f0} ms (parse {3:f0} ms): {4} finding(s)",
        Request.Path, Request.Version, Outcome.ParseMs + Outcome.AnalysisMs,
        Outcome.ParseMs, Outcome.Diagnostics.size());
    break;
  case AnalysisOutcome::Status::NotAnalysed:
    log(LogLevel::Info, "not analysing {0} (version {1}): {2}", Request.Path,
        Request.Version, Outcome.Why);
    return;
  case AnalysisOutcome::Status::Failed:
    log(LogLevel::Error, "analysis of {0} (version {1}) failed: {2}",
        Request.Path, Request.Version, Outcome.Why);
    return;
  }

  std::lock_guard<std::mutex> Lock(M);
  auto It = Docs.find(Request.Key);
  if (It == Docs.end())
    return; // closed meanwhile
  Document &D = It->second;
  if (D.Text.version() != Request.Version) {
    log(LogLevel::Verbose, "dropping the result for {0} version {1}: now at {2}",
        Request.Path, Request.Version, D.Text.version());
    return; // a newer version is already scheduled
  }
  D.Ours.emplace(Request.Version, std::move(Outcome.Diagnostics));
  ToEditor.send(mergedPublish(D, /*ForClangd=*/false));
}

} // namespace lockcheck::lsp
