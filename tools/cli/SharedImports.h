//===- SharedImports.h - summaries a TU's flow analysis takes from others -===//
//
// A TU that calls another TU's acquire or release wrapper needs that
// summary inside its own flow analysis (what it holds after the call). The
// whole-project run gives each TU the wrappers of the TUs that finished
// before it started: this set grows as TUs finish, and each analysis reads
// an immutable snapshot of it. Only lockset-changing summaries are
// imported; every other call into another TU is checked on facts
// (CrossTU.h), whatever order the TUs ran in.
//
// Where several TUs define a function, the one listed first in the run
// wins (as in applyAcrossTUs), so the final set does not depend on timing.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_SHAREDIMPORTS_H
#define LOCKCHECK_CLI_SHAREDIMPORTS_H

#include "lockcheck/Facts.h"
#include "llvm/ADT/StringMap.h"
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace lockcheck::cli {

class SharedImports {
public:
  /// Takes the summaries of TU number \p Rank (its place in the run),
  /// replacing what an earlier analysis of it gave. Says whether the set a
  /// snapshot shows changed.
  bool update(unsigned Rank, const TUFacts &F);
  /// The set as it is now; never changes once taken.
  std::shared_ptr<const ImportedSummaries> snapshot() const;

private:
  void publish();

  mutable std::mutex M;
  /// Per function, per defining TU: its summary when it changes the
  /// caller's lockset (null otherwise, but the TU still defines it).
  llvm::StringMap<std::map<unsigned, std::shared_ptr<const FactFunction>>> Definitions;
  std::map<unsigned, std::vector<std::string>> DefinedBy; // per TU, its USRs
  std::shared_ptr<const ImportedSummaries> Published =
      std::make_shared<const ImportedSummaries>();
};

/// A digest of the summaries \p F's analysis would import from \p Imp ("" if
/// none): two analyses of a TU with the same digest give the same result.
std::string importDigest(const TUFacts &F, const ImportedSummaries &Imp);

} // namespace lockcheck::cli

#endif
