//===- TidyOptions.cpp - CheckOptions -> lockcheck::Config ----------------===//
//
// Option values are turned into a tiny .lockcheck.yaml text and parsed by the
// core's parseConfig, so the pattern syntax ("my_lock(0)", "try(0) == 0") has
// exactly one parser and one set of error messages.
//
//===----------------------------------------------------------------------===//
#include "TidyOptions.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace lockcheck::tidy {

ArrayRef<ListOptionInfo> listOptions() {
  static const ListOptionInfo Infos[] = {
      {"AcquireFunctions", "acquire"},
      {"AcquireSharedFunctions", "acquire-shared"},
      {"ReleaseFunctions", "release"},
      {"TryAcquireFunctions", "try-acquire"},
      {"TryAcquireSharedFunctions", "try-acquire-shared"},
      {"RecursiveLockTypes", "recursive-types"},
      {"RecursiveLocks", "recursive-locks"},
      {"NoThrowFunctions", "nothrow"},
      {"LockOrders", "lock-order"},
  };
  return Infos;
}

ArrayRef<ListOptionInfo> scalarOptions() {
  static const ListOptionInfo Infos[] = {
      {"GuardMinAccesses", "guard-min-accesses"},
      {"GuardMinPercent", "guard-min-percent"},
      {"UnguardedReads", "unguarded-reads"},
  };
  return Infos;
}

ArrayRef<SwitchOptionInfo> switchOptions() {
  static const SwitchOptionInfo Infos[] = {
      {"ExceptionLeakOpaqueCalls", &ExceptionLeakOptions::OpaqueCalls},
      {"ExceptionLeakAllocation", &ExceptionLeakOptions::Allocation},
  };
  return Infos;
}

namespace {

std::string yamlQuote(StringRef S) {
  std::string Out = "'";
  for (char C : S) {
    if (C == '\'')
      Out += '\'';
    Out += C;
  }
  return Out + "'";
}

/// Splits "a; b;;c" into trimmed, non-empty items.
SmallVector<StringRef, 4> splitList(StringRef Value, char Sep) {
  SmallVector<StringRef, 4> Parts, Items;
  Value.split(Parts, Sep, -1, /*KeepEmpty=*/false);
  for (StringRef P : Parts)
    if (!P.trim().empty())
      Items.push_back(P.trim());
  return Items;
}

/// "key: ['a', 'b']"; for lock-order each item is a ','-separated chain.
std::string yamlFor(const ListOptionInfo &Opt, ArrayRef<std::string> Items) {
  bool Nested = Opt.YamlKey == "lock-order";
  std::string Text = (Opt.YamlKey + ": [").str();
  for (size_t I = 0; I < Items.size(); ++I) {
    if (I)
      Text += ", ";
    if (!Nested) {
      Text += yamlQuote(Items[I]);
      continue;
    }
    Text += "[";
    SmallVector<StringRef, 4> Chain = splitList(Items[I], ',');
    for (size_t J = 0; J < Chain.size(); ++J)
      Text += (J ? ", " : "") + yamlQuote(Chain[J]);
    Text += "]";
  }
  return Text + "]\n";
}

template <typename T> void append(std::vector<T> &Into, std::vector<T> &From) {
  Into.insert(Into.end(), std::make_move_iterator(From.begin()),
              std::make_move_iterator(From.end()));
}

void appendConfig(Config &Into, Config &&From) {
  append(Into.Acquire, From.Acquire);
  append(Into.AcquireShared, From.AcquireShared);
  append(Into.Release, From.Release);
  append(Into.TryAcquire, From.TryAcquire);
  append(Into.TryAcquireShared, From.TryAcquireShared);
  append(Into.RecursiveTypes, From.RecursiveTypes);
  append(Into.NoThrow, From.NoThrow);
  append(Into.LockOrders, From.LockOrders);
}

Error optionError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), "lockcheck: " + Msg);
}

/// "lockcheck: <file>:<line>:<col>: <problem>": clang-tidy prints its own
/// "error:" in front, so the core's one is left out.
Error fileError(Error E) {
  return handleErrors(std::move(E), [](const ConfigError &CE) {
    std::string Where = CE.File;
    if (CE.Line)
      Where += ":" + std::to_string(CE.Line) + ":" + std::to_string(CE.Column);
    return optionError(Where + ": " + CE.Problem);
  });
}

/// The .lockcheck.yaml the checks agree on, or the nearest one to MainFile.
Expected<Config> loadBaseConfig(ArrayRef<OptionValues> PerCheck,
                                StringRef MainFile) {
  std::optional<std::string> Chosen;
  for (const OptionValues &V : PerCheck) {
    auto It = V.Values.find(ConfigFileOption.str());
    if (It == V.Values.end())
      continue;
    if (Chosen && *Chosen != It->second)
      return optionError("option 'ConfigFile' differs between lockcheck "
                         "checks ('" + *Chosen + "' and '" + It->second +
                         "'); the checks share one analysis, so set it once as "
                         "a global option");
    Chosen = It->second;
  }
  if (Chosen && *Chosen == NoConfigFile)
    return Config();
  std::optional<std::string> Path = Chosen;
  if (!Path) {
    SmallString<256> Abs(MainFile);
    sys::fs::make_absolute(Abs);
    Path = findConfigFile(Abs);
  }
  if (!Path)
    return Config();
  Expected<Config> Cfg = loadConfigFile(*Path);
  if (!Cfg)
    return fileError(Cfg.takeError());
  return Cfg;
}

} // namespace

Expected<bool> debugRequested(ArrayRef<OptionValues> PerCheck) {
  bool On = false;
  for (const OptionValues &V : PerCheck) {
    auto It = V.Values.find(DebugOption.str());
    if (It == V.Values.end())
      continue;
    std::optional<bool> B = StringSwitch<std::optional<bool>>(It->second)
                                .CaseLower("true", true)
                                .CaseLower("false", false)
                                .Default(std::nullopt);
    if (!B)
      return optionError("invalid value '" + It->second +
                         "' of option 'Debug'; valid values: true, false");
    On |= *B;
  }
  return On;
}

Expected<Config> buildConfig(ArrayRef<OptionValues> PerCheck,
                             StringRef MainFile) {
  Expected<Config> Cfg = loadBaseConfig(PerCheck, MainFile);
  if (!Cfg)
    return Cfg.takeError();

  for (const ListOptionInfo &Opt : listOptions()) {
    // Union over the checks, first occurrence first.
    std::vector<std::string> Items;
    StringSet<> Seen;
    for (const OptionValues &V : PerCheck) {
      auto It = V.Values.find(Opt.Name.str());
      if (It == V.Values.end())
        continue;
      for (StringRef Item : splitList(It->second, ';'))
        if (Seen.insert(Item).second)
          Items.push_back(Item.str());
    }
    if (Items.empty())
      continue;
    Expected<Config> Part = parseConfig(yamlFor(Opt, Items), Opt.Name);
    if (!Part) {
      // The synthesized YAML's positions mean nothing to the user; the
      // problem text names the bad entry.
      std::string Problem;
      handleAllErrors(
          Part.takeError(), [&](const ConfigError &CE) { Problem = CE.Problem; },
          [&](const ErrorInfoBase &E) { Problem = E.message(); });
      // The core speaks YAML; say how a chain is written in the option.
      if (Opt.YamlKey == "lock-order")
        Problem += " (in this option: ';'-separated chains of ','-separated "
                   "locks, e.g. 'Bank::m, Account::m; A::m, B::m')";
      return optionError("invalid value of option '" + Opt.Name +
                         "': " + Problem);
    }
    appendConfig(*Cfg, std::move(*Part));
  }
  for (const ListOptionInfo &Opt : scalarOptions()) {
    const std::string *Value = nullptr;
    for (const OptionValues &V : PerCheck) {
      auto It = V.Values.find(Opt.Name.str());
      if (It != V.Values.end() && !Value)
        Value = &It->second;
    }
    if (!Value)
      continue;
    Expected<Config> Part = parseConfig((Opt.YamlKey + ": " + yamlQuote(*Value)).str(), Opt.Name);
    if (!Part) {
      std::string Problem;
      handleAllErrors(
          Part.takeError(), [&](const ConfigError &CE) { Problem = CE.Problem; },
          [&](const ErrorInfoBase &E) { Problem = E.message(); });
      return optionError("invalid value of option '" + Opt.Name + "': " + Problem);
    }
    if (Part->GuardMinAccesses)
      Cfg->GuardMinAccesses = Part->GuardMinAccesses;
    if (Part->GuardMinPercent)
      Cfg->GuardMinPercent = Part->GuardMinPercent;
    if (Part->UnguardedReads)
      Cfg->UnguardedReads = Part->UnguardedReads;
  }

  // A switch set by any check overrides the file: true if any says true.
  for (const SwitchOptionInfo &Opt : switchOptions()) {
    std::optional<bool> Value;
    for (const OptionValues &V : PerCheck) {
      auto It = V.Values.find(Opt.Name.str());
      if (It == V.Values.end())
        continue;
      std::optional<bool> B = StringSwitch<std::optional<bool>>(It->second)
                                  .CaseLower("true", true)
                                  .CaseLower("false", false)
                                  .Default(std::nullopt);
      if (!B)
        return optionError("invalid value '" + It->second + "' of option '" + Opt.Name +
                           "'; valid values: true, false");
      Value = Value.value_or(false) || *B;
    }
    if (Value)
      Cfg->ExceptionLeak.*(Opt.Field) = *Value;
  }
  return Cfg;
}

} // namespace lockcheck::tidy
