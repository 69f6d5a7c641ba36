//===- SharedImports.cpp - summaries a TU's flow analysis takes from others ===//
#include "SharedImports.h"
#include "lockcheck/CrossTU.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"

namespace lockcheck::cli {

namespace {
/// What a flow analysis reads of an imported function: its summary. The
/// calls it makes (the bulk of its facts) are for phase 2 only.
std::shared_ptr<const FactFunction> importable(const FactFunction &Fn) {
  if (!changesCallerLockset(Fn))
    return nullptr;
  auto Out = std::make_shared<FactFunction>(Fn);
  Out->Calls.clear();
  Out->Loc = {};
  return Out;
}

bool same(const std::shared_ptr<const FactFunction> &A,
          const std::shared_ptr<const FactFunction> &B) {
  return A == B || (A && B && *A == *B);
}
} // namespace

bool SharedImports::update(unsigned Rank, const TUFacts &F) {
  std::lock_guard<std::mutex> Lock(M);
  bool Changed = false;
  auto winner = [&](llvm::StringRef Usr) -> std::shared_ptr<const FactFunction> {
    auto It = Definitions.find(Usr);
    return It == Definitions.end() || It->second.empty() ? nullptr
                                                         : It->second.begin()->second;
  };
  std::vector<std::string> &Mine = DefinedBy[Rank];
  for (const std::string &Usr : Mine) {
    std::shared_ptr<const FactFunction> Before = winner(Usr);
    Definitions[Usr].erase(Rank);
    Changed |= !same(Before, winner(Usr));
  }
  Mine.clear();
  for (const FactFunction &Fn : F.Functions) {
    std::shared_ptr<const FactFunction> Before = winner(Fn.Usr);
    if (!Definitions[Fn.Usr].try_emplace(Rank, importable(Fn)).second)
      continue; // listed twice in one TU: the first counts
    Mine.push_back(Fn.Usr);
    Changed |= !same(Before, winner(Fn.Usr));
  }
  if (Changed)
    publish();
  return Changed;
}

void SharedImports::publish() {
  auto Set = std::make_shared<ImportedSummaries>();
  for (const auto &Entry : Definitions)
    if (!Entry.second.empty() && Entry.second.begin()->second)
      Set->add(*Entry.second.begin()->second);
  Published = std::move(Set);
}

std::shared_ptr<const ImportedSummaries> SharedImports::snapshot() const {
  std::lock_guard<std::mutex> Lock(M);
  return Published;
}

std::string importDigest(const TUFacts &F, const ImportedSummaries &Imp) {
  TUFacts Used;
  for (const std::string &Usr : F.ExternalCalls)
    if (const FactFunction *Fn = Imp.find(Usr))
      Used.Functions.push_back(*Fn);
  if (Used.Functions.empty())
    return "";
  std::string Text;
  llvm::raw_string_ostream(Text) << toJSON(Used);
  std::array<uint8_t, 20> D = llvm::SHA1::hash(llvm::arrayRefFromStringRef(Text));
  return llvm::toHex(D, true);
}

} // namespace lockcheck::cli
