//===- PluginArgs.cpp - parsing and describing the plugin's arguments -----===//
#include "PluginArgs.h"
#include "lockcheck/CheckNames.h"
#include "lockcheck/Config.h"

using namespace llvm;

namespace lockcheck {
namespace {

struct ArgInfo {
  StringRef Spelling; // "checks=" for arguments with a value
  StringRef Value;    // placeholder shown in help, "" for flags
  StringRef Help;
};

const ArgInfo Args[] = {
    {"checks=", "<globs>",
     "enable/disable checks with a clang-tidy style glob list, applied after "
     "the config file's 'checks' (e.g. '-*,lockcheck-double-lock')"},
    {"config=", "<path>",
     "read this .lockcheck.yaml instead of the nearest one above the source "
     "file"},
    {"werror", "", "report findings as errors"},
    {"no-werror", "",
     "keep findings warnings when the compile uses -Werror (so a -Werror build "
     "can load the plugin)"},
    {"debug", "", "explain on stderr what the analysis skips and why"},
    {"facts=", "<path>",
     "write the translation unit's lock facts to <path> for whole-program "
     "analysis (<dir>/: one file per input file)"},
    {"help", "", "print this help"},
};

std::string validArgs() {
  std::string S;
  for (const ArgInfo &A : Args)
    S += (S.empty() ? "" : ", ") + (A.Spelling + A.Value).str();
  return S;
}

Error argError(const Twine &Problem) {
  return createStringError(inconvertibleErrorCode(), Problem.str());
}

} // namespace

Expected<PluginArgs> parsePluginArgs(ArrayRef<std::string> Raw) {
  PluginArgs Out;
  for (StringRef Arg : Raw) {
    StringRef Value;
    auto Valued = [&](StringRef Name) -> Expected<bool> {
      if (!Arg.starts_with(Name))
        return false;
      Value = Arg.drop_front(Name.size());
      if (Value.empty())
        return argError("lockcheck plugin argument '" + Name +
                        "' needs a value (-fplugin-arg-lockcheck-" + Name +
                        "...)");
      return true;
    };
    Expected<bool> IsChecks = Valued("checks=");
    if (!IsChecks)
      return IsChecks.takeError();
    if (*IsChecks) {
      if (Error E = validateCheckGlobs(Value))
        return argError("invalid lockcheck plugin argument 'checks=" + Value +
                        "': " + toString(std::move(E)));
      Out.CheckGlobs.push_back(Value.str());
      continue;
    }
    Expected<bool> IsConfig = Valued("config=");
    if (!IsConfig)
      return IsConfig.takeError();
    if (*IsConfig) {
      Out.ConfigPath = Value.str();
      continue;
    }
    Expected<bool> IsFacts = Valued("facts=");
    if (!IsFacts)
      return IsFacts.takeError();
    if (*IsFacts) {
      Out.FactsPath = Value.str();
      continue;
    }
    if (Arg == "werror")
      Out.Werror = true;
    else if (Arg == "no-werror")
      Out.NoWerror = true;
    else if (Arg == "debug")
      Out.Debug = true;
    else if (Arg == "help")
      Out.Help = true;
    else
      return argError("unknown lockcheck plugin argument '" + Arg +
                      "' (-fplugin-arg-lockcheck-" + Arg +
                      "); valid arguments are: " + validArgs());
  }
  if (Out.Werror && Out.NoWerror)
    return argError("lockcheck plugin arguments 'werror' and 'no-werror' contradict "
                    "each other; pass one of them");
  return Out;
}

void printPluginHelp(raw_ostream &OS) {
  OS << "lockcheck: finds lock misuse while clang compiles\n\n"
        "Arguments (pass each as -fplugin-arg-lockcheck-<argument>):\n";
  for (const ArgInfo &A : Args) {
    std::string Left = (A.Spelling + A.Value).str();
    OS << "  " << Left;
    OS.indent(Left.size() < 16 ? 16 - Left.size() : 1);
    OS << A.Help << "\n";
  }
  OS << "\nChecks:\n";
  for (Check C : allChecks()) {
    StringRef Name = checkName(C);
    OS << "  " << Name;
    OS.indent(Name.size() < 28 ? 28 - Name.size() : 1);
    OS << checkSummary(C) << (checkOnByDefault(C) ? "" : " (off by default)") << "\n";
  }
  OS << "\nSuppress one finding with // NOLINT(<check>) on its line; "
        "configure with .lockcheck.yaml.\n";
}

} // namespace lockcheck
