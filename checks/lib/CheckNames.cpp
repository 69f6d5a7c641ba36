//===- CheckNames.cpp - check names and glob lists ------------------------===//
#include "lockcheck/CheckNames.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/GlobPattern.h"

using namespace llvm;

namespace lockcheck {
namespace {
struct CheckInfo {
  Check C;
  StringRef Name;
  StringRef Summary;
  bool OnByDefault = true;
};
const CheckInfo Infos[] = {
    {Check::DoubleLock, "lockcheck-double-lock",
     "acquiring a non-recursive lock that is already held (directly, via a "
     "guard, or through calls)"},
    {Check::UnlockNotHeld, "lockcheck-unlock-not-held",
     "releasing a lock that is not held, or one a guard still owns"},
    {Check::MissingUnlock, "lockcheck-missing-unlock",
     "a lock acquired in a function and still held at one of its exits"},
    {Check::ExceptionLeak, "lockcheck-exception-leak",
     "a manually acquired lock that stays held when an exception escapes"},
    {Check::UnusedGuard, "lockcheck-unused-guard",
     "a lock guard that is destroyed at once and protects nothing"},
    {Check::LockOrder, "lockcheck-lock-order",
     "locks taken in inconsistent orders (potential deadlock)"},
    {Check::UnguardedAccess, "lockcheck-unguarded-access",
     "shared state accessed without the lock that guards it everywhere else",
     /*OnByDefault=*/false},
};
const Check AllChecks[] = {Check::DoubleLock,    Check::UnlockNotHeld,
                           Check::MissingUnlock, Check::ExceptionLeak,
                           Check::UnusedGuard,   Check::LockOrder,
                           Check::UnguardedAccess};
static_assert(sizeof(AllChecks) / sizeof(AllChecks[0]) == NumChecks);
} // namespace

StringRef checkName(Check C) { return Infos[static_cast<unsigned>(C)].Name; }
StringRef checkSummary(Check C) { return Infos[static_cast<unsigned>(C)].Summary; }
ArrayRef<Check> allChecks() { return AllChecks; }
bool checkOnByDefault(Check C) { return Infos[static_cast<unsigned>(C)].OnByDefault; }

CheckSet CheckSet::defaults() {
  CheckSet S = all();
  for (Check C : AllChecks)
    if (!checkOnByDefault(C))
      S.set(C, false);
  return S;
}

std::optional<Check> checkFromName(StringRef Name) {
  for (const CheckInfo &I : Infos)
    if (I.Name == Name)
      return I.C;
  return std::nullopt;
}

Error CheckSet::applyGlobList(StringRef Globs) {
  SmallVector<StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty())
      continue;
    bool Enable = !Part.consume_front("-");
    Part = Part.trim();
    Expected<GlobPattern> Pat = GlobPattern::create(Part);
    if (!Pat)
      return createStringError(inconvertibleErrorCode(),
                               "invalid check glob '%s': %s", Part.str().c_str(),
                               toString(Pat.takeError()).c_str());
    bool Matched = false;
    for (Check C : AllChecks)
      if (Pat->match(checkName(C))) {
        set(C, Enable);
        Matched = true;
      }
    // "*" style globs that match nothing of ours are fine only when they are
    // plainly about other tools' checks (clang-tidy lists mix them).
    if (!Matched && !Part.contains('*') && Part.starts_with("lockcheck-")) {
      std::string Valid;
      for (Check C : AllChecks)
        Valid += (Valid.empty() ? "" : ", ") + checkName(C).str();
      return createStringError(inconvertibleErrorCode(),
                               "unknown check '%s'; valid checks: %s",
                               Part.str().c_str(), Valid.c_str());
    }
  }
  return Error::success();
}

} // namespace lockcheck
