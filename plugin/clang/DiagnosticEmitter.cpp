//===- DiagnosticEmitter.cpp - Findings as clang diagnostics --------------===//
#include "DiagnosticEmitter.h"
#include "lockcheck/Config.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"

using namespace clang;

namespace lockcheck {

FindingLevel chooseFindingLevel(const DiagnosticsEngine &Diags, ErrorRequest Request) {
  if (Diags.getSuppressAllDiagnostics() || Diags.getIgnoreAllWarnings())
    return FindingLevel::Ignored;
  if (Request == ErrorRequest::Never)
    return FindingLevel::Warning;
  // getWarningsAsErrors() already reflects -Werror / -Wno-error in
  // command-line order ("-Werror -Wno-error" leaves it off).
  if (Request == ErrorRequest::Always || Diags.getWarningsAsErrors())
    return FindingLevel::Error;
  return FindingLevel::Warning;
}

DiagnosticEmitter::DiagnosticEmitter(DiagnosticsEngine &Diags, ErrorRequest Request)
    : Diags(Diags), Level(chooseFindingLevel(Diags, Request)) {
  // "%0" keeps '%' in messages (e.g. operator%) from being read as format.
  if (Level == FindingLevel::Error)
    FindingID = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
  else if (Level == FindingLevel::Warning)
    FindingID = Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
  NoteID = Diags.getCustomDiagID(DiagnosticsEngine::Note, "%0");
}

void DiagnosticEmitter::emit(const Finding &F) {
  if (Level == FindingLevel::Ignored)
    return;
  {
    DiagnosticBuilder DB = Diags.Report(F.Loc, FindingID);
    DB << (F.Message + " [" + checkName(F.CheckKind) + "]").str();
    for (const FixItHint &Fix : F.FixIts)
      DB << Fix;
  } // the builder emits when it goes out of scope, before the notes
  for (const FindingNote &N : F.Notes)
    Diags.Report(N.Loc, NoteID) << N.Message;
}

/// Where \p File:\p Line:\p Col is in \p CI's source manager, loading the file
/// if needed; invalid when it cannot be read.
static SourceLocation locationInFile(const CompilerInstance &CI,
                                     llvm::StringRef File, unsigned Line,
                                     unsigned Col) {
  if (!CI.hasSourceManager() || !CI.hasFileManager() || Line == 0)
    return {};
  OptionalFileEntryRef FE = CI.getFileManager().getOptionalFileRef(File);
  if (!FE)
    return {};
  SourceManager &SM = CI.getSourceManager();
  FileID FID = SM.getOrCreateFileID(*FE, SrcMgr::C_User);
  return SM.translateLineCol(FID, Line, Col);
}

void reportSetupError(const CompilerInstance &CI, llvm::Error E) {
  DiagnosticsEngine &Diags = CI.getDiagnostics();
  unsigned ErrorID = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
  llvm::handleAllErrors(
      std::move(E),
      [&](const ConfigError &CE) {
        SourceLocation Loc = locationInFile(CI, CE.File, CE.Line, CE.Column);
        if (Loc.isValid())
          Diags.Report(Loc, ErrorID) << CE.Problem;
        else if (CE.Line)
          Diags.Report(ErrorID) << (CE.File + ":" + std::to_string(CE.Line) +
                                    ":" + std::to_string(CE.Column) + ": " +
                                    CE.Problem);
        else
          Diags.Report(ErrorID) << (CE.File + ": " + CE.Problem);
      },
      [&](const llvm::ErrorInfoBase &Other) {
        Diags.Report(ErrorID) << Other.message();
      });
}

} // namespace lockcheck
