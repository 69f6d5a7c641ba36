//===- CheckDocs.h - each check's page, embedded at build time ------------===//
//
// docs/checks/<check>.md is compiled into the program (EmbedDocs.cmake), so
// that SARIF rules carry the same help as the documentation, wherever the
// program runs.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_CHECKDOCS_H
#define LOCKCHECK_CLI_CHECKDOCS_H

#include "lockcheck/CheckNames.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace lockcheck::cli {

/// The check's page in Markdown ("" if there is none).
llvm::StringRef checkDocMarkdown(Check C);
/// The page as plain text: no headings' hashes, code fences or backticks.
std::string checkDocText(Check C);
/// The page's first paragraph, as one line of plain text.
std::string checkDocIntro(Check C);
/// Where the page can be read: LOCKCHECK_DOCS_BASE_URL/<page>.md, else a
/// file URI into the source tree's docs/checks.
std::string checkDocUri(Check C);

/// Percent-encodes \p S for use in a URI path (RFC 3986: unreserved
/// characters and '/' stay, every other byte becomes %XX).
std::string uriEscapePath(llvm::StringRef S);

} // namespace lockcheck::cli

#endif
