//===- DiagnosticEmitter.h - Findings as clang diagnostics -------*- C++ -*-===//
//
// Clang's custom diagnostics are not subject to -Werror, -Wno-error or -w (a
// custom ID has a fixed level), so the emitter decides the level itself from
// the DiagnosticsEngine's command-line state.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_PLUGIN_DIAGNOSTICEMITTER_H
#define LOCKCHECK_PLUGIN_DIAGNOSTICEMITTER_H

#include "lockcheck/Finding.h"
#include "llvm/Support/Error.h"

namespace clang {
class CompilerInstance;
class DiagnosticsEngine;
} // namespace clang

namespace lockcheck {

enum class FindingLevel { Ignored, Warning, Error };

/// How the plugin's arguments ask for findings to be reported.
enum class ErrorRequest {
  FollowWerror, // errors exactly when -Werror is in effect
  Always,       // `werror`: errors, even with -Wno-error
  Never,        // `no-werror` (or -Wno-error=lockcheck): warnings, even with -Werror
};

/// -w (or a client that suppresses everything) silences findings even with
/// -Werror, as it does for clang's own warnings; otherwise `werror` or an
/// effective -Werror (not undone by a later -Wno-error) makes them errors,
/// unless `no-werror` keeps them warnings.
FindingLevel chooseFindingLevel(const clang::DiagnosticsEngine &Diags, ErrorRequest Request);

class DiagnosticEmitter {
public:
  /// Reads the level from \p Diags now, before any #pragma changes its state.
  DiagnosticEmitter(clang::DiagnosticsEngine &Diags, ErrorRequest Request);

  /// "<message> [<check>]" at F.Loc, its fix-its, then its notes.
  void emit(const Finding &F);

private:
  clang::DiagnosticsEngine &Diags;
  FindingLevel Level;
  unsigned FindingID = 0, NoteID = 0;
};

/// Reports a plugin argument or configuration problem as a clang error. A
/// ConfigError with a position is shown at that line of the YAML file (so
/// the output reads "<file>:<line>:<col>: error: <problem>" with the line
/// quoted below it); anything else is shown without a location.
void reportSetupError(const clang::CompilerInstance &CI, llvm::Error E);

} // namespace lockcheck

#endif
