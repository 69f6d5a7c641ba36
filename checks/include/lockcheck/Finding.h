//===- Finding.h - what the analysis hands to a front end -------*- C++ -*-===//
//
// The core never talks to a DiagnosticsEngine. It produces Finding values and
// hands them to a FindingSink; each front end (plugin, clang-tidy, CLI, LSP)
// turns them into its own output.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_FINDING_H
#define LOCKCHECK_FINDING_H

#include "lockcheck/CheckNames.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace lockcheck {

struct FindingNote {
  clang::SourceLocation Loc;
  std::string Message;
};

struct Finding {
  Check CheckKind;
  clang::SourceLocation Loc;
  /// The message without the "[lockcheck-...]" suffix; front ends add it the
  /// way their output format expects.
  std::string Message;
  /// True when the problem happens on every path, false when on some path.
  bool Definite = true;
  llvm::SmallVector<FindingNote, 2> Notes;
  llvm::SmallVector<clang::FixItHint, 1> FixIts;
};

class FindingSink {
public:
  virtual ~FindingSink();
  virtual void report(Finding F) = 0;
};

} // namespace lockcheck

#endif
