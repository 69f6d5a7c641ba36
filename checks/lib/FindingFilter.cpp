//===- FindingFilter.cpp - system headers, NOLINT, dedupe, sort -----------===//
#include "lockcheck/FindingFilter.h"
#include "NolintComments.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include <algorithm>
#include <memory>
#include <set>
#include <tuple>

using namespace clang;

namespace lockcheck {
namespace {

/// Parses each file's directives once, however many findings it has.
class NolintCache {
public:
  explicit NolintCache(const SourceManager &SM) : SM(SM) {}

  /// A directive may sit at the spelling of the finding (inside a macro
  /// definition) or at any expansion of it up to the line in the file.
  bool suppressed(SourceLocation Loc, Check C) {
    while (Loc.isValid()) {
      SourceLocation Spelling = SM.getSpellingLoc(Loc);
      if (suppressedAt(Spelling, C))
        return true;
      if (!Loc.isMacroID())
        return false;
      Loc = SM.getImmediateExpansionRange(Loc).getBegin();
    }
    return false;
  }

private:
  bool suppressedAt(SourceLocation FileLoc, Check C) {
    auto [FID, Offset] = SM.getDecomposedLoc(FileLoc);
    if (FID.isInvalid())
      return false;
    std::unique_ptr<NolintComments> &Comments = ByFile[FID];
    if (!Comments) {
      bool Invalid = false;
      llvm::StringRef Buffer = SM.getBufferData(FID, &Invalid);
      Comments = std::make_unique<NolintComments>(Invalid ? "" : Buffer);
    }
    return Comments->suppresses(SM.getLineNumber(FID, Offset), C);
  }

  const SourceManager &SM;
  llvm::DenseMap<FileID, std::unique_ptr<NolintComments>> ByFile;
};

} // namespace

bool isSuppressedByNolint(const SourceManager &SM, SourceLocation Loc, Check C) {
  return NolintCache(SM).suppressed(Loc, C);
}

std::vector<Finding> finalizeFindings(std::vector<Finding> Findings,
                                      const SourceManager &SM,
                                      FilterOptions Opts) {
  NolintCache Nolint(SM);
  std::set<std::tuple<Check, SourceLocation::UIntTy, std::string>> Seen;
  std::vector<Finding> Kept;
  Kept.reserve(Findings.size());
  for (Finding &F : Findings) {
    if (Opts.DropSystemHeaders && F.Loc.isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(F.Loc)))
      continue;
    if (Opts.ApplyNolint && Nolint.suppressed(F.Loc, F.CheckKind))
      continue;
    // Each instantiation of a template reports the same problem again.
    if (!Seen.emplace(F.CheckKind, F.Loc.getRawEncoding(), F.Message).second)
      continue;
    Kept.push_back(std::move(F));
  }

  // Source order; findings without a location go last. Ties are broken by
  // check and text so the output never depends on the analysis' visiting
  // order. Notes stay in the order the analysis gave them.
  std::stable_sort(Kept.begin(), Kept.end(),
                   [&SM](const Finding &A, const Finding &B) {
                     if (A.Loc.isValid() != B.Loc.isValid())
                       return A.Loc.isValid();
                     if (A.Loc != B.Loc && A.Loc.isValid()) {
                       if (SM.isBeforeInTranslationUnit(A.Loc, B.Loc))
                         return true;
                       if (SM.isBeforeInTranslationUnit(B.Loc, A.Loc))
                         return false;
                     }
                     return std::tie(A.CheckKind, A.Message) <
                            std::tie(B.CheckKind, B.Message);
                   });
  return Kept;
}

} // namespace lockcheck
