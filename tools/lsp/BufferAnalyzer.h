//===- BufferAnalyzer.h - lockcheck on an unsaved buffer -------*- C++ -*-===//
//
// Parses the editor's text of a file with the file's compile command and runs
// the lockcheck core on it. Each document keeps its parsed unit with a
// precompiled preamble (the #include block), so re-analysing after an edit
// reparses only the file itself, the way clangd stays fast. Used from one
// worker thread only.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_BUFFERANALYZER_H
#define LOCKCHECK_LSP_BUFFERANALYZER_H

#include "CompileCommands.h"
#include "LockcheckDiagnostic.h"
#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace lockcheck::lsp {

struct AnalysisRequest {
  std::string Key;  // the document's key in the session
  std::string Path; // absolute path of the file
  std::string Text; // its unsaved contents
  int64_t Version = 0;
  bool IsC = false;
  PositionEncoding Encoding = PositionEncoding::UTF16;
};

struct AnalysisOutcome {
  enum class Status {
    // Diagnostics is the complete answer for this version (with Why set, it
    // is the one diagnostic saying why the configuration stops the analysis)
    Analysed,
    NotAnalysed, // e.g. the buffer does not compile; keep what was shown
    Failed,      // clang could not start or the analysis crashed
  };
  Status Result = Status::Failed;
  std::vector<LockcheckDiagnostic> Diagnostics;
  std::string Why; // for NotAnalysed / Failed
  double ParseMs = 0, AnalysisMs = 0;
};

class BufferAnalyzer {
public:
  BufferAnalyzer(CompileCommandFinder &Commands, std::string ResourceDir);
  ~BufferAnalyzer();

  AnalysisOutcome analyze(const AnalysisRequest &Request);
  /// Drops the parsed unit of a closed document.
  void forget(llvm::StringRef Key);

private:
  struct ParsedUnit;
  static constexpr size_t MaxUnits = 4;

  ParsedUnit &unitFor(const std::string &Key, const std::vector<std::string> &Args,
                      const std::string &Directory);
  std::vector<std::string> commandLineFor(const AnalysisRequest &Request,
                                          std::string &Directory);

  CompileCommandFinder &Commands;
  std::string ResourceDir;
  std::map<std::string, std::unique_ptr<ParsedUnit>> Units;
  uint64_t UseCounter = 0;
};

} // namespace lockcheck::lsp

#endif
