//===- Uri.h - file:// URIs <-> paths --------------------------*- C++ -*-===//
#ifndef LOCKCHECK_LSP_URI_H
#define LOCKCHECK_LSP_URI_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace lockcheck::lsp {

/// The local path of a "file:" URI (percent-decoded); std::nullopt for other
/// schemes, remote authorities and malformed escapes.
std::optional<std::string> fileUriToPath(llvm::StringRef Uri);

/// "file://" + the absolute \p Path, percent-encoding all but unreserved
/// characters and '/'.
std::string pathToFileUri(llvm::StringRef Path);

} // namespace lockcheck::lsp

#endif
