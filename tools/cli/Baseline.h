//===- Baseline.h - accept today's findings, fail only on new ones --------===//
//
// A fingerprint identifies a finding without its line numbers, so it
// survives edits elsewhere in the file: the check, the file (relative to the
// project root), the message with any "file:line:col" inside it blanked out,
// and the enclosing function. Equal findings in one function are counted, so
// a second copy of a baselined problem is still new.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_BASELINE_H
#define LOCKCHECK_CLI_BASELINE_H

#include "Report.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace lockcheck::cli {

/// A hex digest of the check, the file relative to \p Root (the project
/// root), the normalised message and the enclosing function: no line, no
/// column, nothing that depends on where the run happens.
std::string fingerprint(const Report &R, llvm::StringRef Root);
/// \p Message with every ":line" or ":line:col" blanked out.
std::string normalizedMessage(llvm::StringRef Message);
/// \p File relative to \p Root when it lies below it, else unchanged.
std::string relativeTo(llvm::StringRef File, llvm::StringRef Root);

class Baseline {
public:
  static llvm::Expected<Baseline> read(llvm::StringRef Path);
  /// Writes the fingerprints of \p Reports (plus, for people, what they are).
  static llvm::Error write(llvm::StringRef Path, const std::vector<Report> &Reports,
                           llvm::StringRef Root);
  /// Removes the reports the baseline accepts; returns how many.
  unsigned filter(std::vector<Report> &Reports, llvm::StringRef Root) const;

private:
  llvm::StringMap<unsigned> Counts;
};

} // namespace lockcheck::cli

#endif
