//===- FactsPath.h - where facts= writes each input's facts -----*- C++ -*-===//
//
// `facts=<file>` names one file. A compile with several input files
// (`clang++ -c a.cpp b.cpp`) runs one frontend per input, one after the
// other, in the driver's process: the second would overwrite the first's
// facts, so it is an error instead. `facts=<dir>/` (a trailing slash, or an
// existing directory) writes one file per input into the directory, named
// after the input and a hash of its absolute path.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_PLUGIN_FACTSPATH_H
#define LOCKCHECK_PLUGIN_FACTSPATH_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace lockcheck {

/// The facts file for \p InFile, or an error naming the input whose facts
/// the file already holds in this process.
llvm::Expected<std::string> factsPathFor(llvm::StringRef FactsArg, llvm::StringRef InFile);

} // namespace lockcheck

#endif
