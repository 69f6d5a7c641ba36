//===- EnclosingFunction.h - which function a finding is in -----*- C++ -*-===//
//
// Reports carry the qualified name of the function they are in (part of a
// baseline's fingerprint). Every front end that writes findings down names
// it the same way, so that a baseline written by one mode matches another.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_ENCLOSINGFUNCTION_H
#define LOCKCHECK_ENCLOSINGFUNCTION_H

#include "clang/Basic/SourceLocation.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class SourceManager;
} // namespace clang

namespace lockcheck {

/// The function definitions of a TU outside system headers, by source range.
class EnclosingFunctions {
public:
  explicit EnclosingFunctions(clang::ASTContext &Ctx);
  /// The qualified name of the innermost definition around \p Loc, or "".
  std::string at(clang::SourceLocation Loc) const;

private:
  struct Entry {
    clang::SourceLocation Begin, End;
    const clang::FunctionDecl *FD;
  };
  const clang::SourceManager &SM;
  std::vector<Entry> Ranges;
};

} // namespace lockcheck

#endif
