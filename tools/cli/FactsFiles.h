//===- FactsFiles.h - the facts files `lockcheck merge` reads ---*- C++ -*-===//
#ifndef LOCKCHECK_CLI_FACTSFILES_H
#define LOCKCHECK_CLI_FACTSFILES_H

#include "Output.h"
#include <string>
#include <vector>

namespace lockcheck::cli {

/// The files named, and every *.json below the directories named, each file
/// once (by its real path), sorted. Symbolic links are followed, but a
/// directory already walked is not walked again, so a link loop ends. A
/// name that does not exist, or a directory without facts files, is an
/// error line and an entry in \p S.Skipped.
std::vector<std::string> collectFactsFiles(const std::vector<std::string> &Paths,
                                           RunSummary &S);

} // namespace lockcheck::cli

#endif
