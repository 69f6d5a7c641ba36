//===- Config.cpp - reading .lockcheck.yaml -------------------------------===//
//
// Walks the YAML node tree directly (rather than YAMLTraits) so every error
// can point at the offending node and list the valid choices in one line.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/Config.h"
#include "ConfigPatterns.h"
#include "lockcheck/BoundedRead.h"
#include "lockcheck/CheckNames.h"
#include "lockcheck/JsonLimits.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

using namespace llvm;

namespace lockcheck {

char ConfigError::ID;

void ConfigError::log(raw_ostream &OS) const {
  OS << File;
  if (Line)
    OS << ':' << Line << ':' << Column;
  OS << ": error: " << Problem;
}

std::error_code ConfigError::convertToErrorCode() const {
  return inconvertibleErrorCode();
}

bool Config::empty() const {
  return !Checks && Acquire.empty() && AcquireShared.empty() &&
         Release.empty() && TryAcquire.empty() && TryAcquireShared.empty() &&
         RecursiveTypes.empty() && RecursiveLocks.empty() && NoThrow.empty() &&
         LockOrders.empty() && !GuardMinAccesses && !GuardMinPercent && !UnguardedReads &&
         ExceptionLeak == ExceptionLeakOptions();
}

namespace {

enum class KeyKind { Checks, LockFunctions, TryLockFunctions, Names, Orders, Count, Flag, Switches };

struct KeyInfo {
  StringRef Name;
  KeyKind Kind;
  std::vector<LockFunctionPattern> Config::*Functions = nullptr;
  std::vector<std::string> Config::*Names = nullptr;
  StringRef Example; // what a valid value looks like, for "bad value" errors
  std::optional<unsigned> Config::*Count = nullptr;
  unsigned Min = 0, Max = 0; // a Count's valid range
  std::optional<bool> Config::*Flag = nullptr;
};

const KeyInfo Keys[] = {
    {"checks", KeyKind::Checks, nullptr, nullptr, "'lockcheck-*,-lockcheck-lock-order'"},
    {"acquire", KeyKind::LockFunctions, &Config::Acquire, nullptr, "['my_lock(0)']"},
    {"acquire-shared", KeyKind::LockFunctions, &Config::AcquireShared, nullptr,
     "['rw_rdlock(0)']"},
    {"release", KeyKind::LockFunctions, &Config::Release, nullptr, "['my_unlock(0)']"},
    {"try-acquire", KeyKind::TryLockFunctions, &Config::TryAcquire, nullptr,
     "['my_trylock(0) == 0']"},
    {"try-acquire-shared", KeyKind::TryLockFunctions, &Config::TryAcquireShared,
     nullptr, "['rw_tryrdlock(0) == 0']"},
    {"recursive-types", KeyKind::Names, nullptr, &Config::RecursiveTypes,
     "['MyCountingMutex']"},
    {"recursive-locks", KeyKind::Names, nullptr, &Config::RecursiveLocks,
     "['Connection::mutex']"},
    {"nothrow", KeyKind::Names, nullptr, &Config::NoThrow, "['log_*']"},
    {"lock-order", KeyKind::Orders, nullptr, nullptr, "[['Bank::m', 'Account::m']]"},
    {"guard-min-accesses", KeyKind::Count, nullptr, nullptr, "3", &Config::GuardMinAccesses,
     1, 1000000},
    {"guard-min-percent", KeyKind::Count, nullptr, nullptr, "75", &Config::GuardMinPercent, 1,
     100},
    {"unguarded-reads", KeyKind::Flag, nullptr, nullptr, "true", nullptr, 0, 0,
     &Config::UnguardedReads},
    {"exception-leak", KeyKind::Switches, nullptr, nullptr,
     "{opaque-calls: true, allocation: true}"},
};

/// The switches under `exception-leak:`.
struct SwitchInfo {
  StringRef Name;
  bool ExceptionLeakOptions::*Field;
};
const SwitchInfo ExceptionLeakSwitches[] = {
    {"opaque-calls", &ExceptionLeakOptions::OpaqueCalls},
    {"allocation", &ExceptionLeakOptions::Allocation},
};

std::string validSwitches() {
  std::string S;
  for (const SwitchInfo &W : ExceptionLeakSwitches)
    S += (S.empty() ? "" : ", ") + W.Name.str();
  return S;
}

std::string validKeys() {
  std::string S;
  for (const KeyInfo &K : Keys)
    S += (S.empty() ? "" : ", ") + K.Name.str();
  return S;
}

const char FunctionForms[] = "valid forms are: 'name(N)', 'name(this)'";
const char TryFunctionForms[] =
    "valid forms are: 'name(N)', 'name(this)', each optionally followed by "
    "'== 0' or '== true'";
const char NameForms[] =
    "valid forms are: 'name', 'ns::name', 'Class::name', with '*' and '?' as "
    "wildcards";

class Parser {
public:
  Parser(StringRef FileName, Config &Out) : FileName(FileName), Out(Out) {
    SM.setDiagHandler(&Parser::onYamlDiag, this);
  }

  Error parse(StringRef Text) {
    yaml::Stream Stream(Text, SM, /*ShowColors=*/false);
    unsigned Docs = 0;
    for (yaml::Document &Doc : Stream) {
      if (Failure)
        break;
      yaml::Node *Root = Doc.getRoot();
      if (!Root || isa<yaml::NullNode>(Root))
        continue;
      if (++Docs > 1) {
        fail(Root, "expected a single YAML document");
        break;
      }
      parseTop(Root);
    }
    if (Failure)
      return make_error<ConfigError>(FileName.str(), Failure->Line,
                                     Failure->Column, Failure->Message);
    return Error::success();
  }

private:
  static void onYamlDiag(const SMDiagnostic &D, void *Ctx) {
    auto *P = static_cast<Parser *>(Ctx);
    if (P->Failure)
      return;
    // LLVM's YAML messages read "Expected , between entries!".
    std::string Msg = StringRef(D.getMessage()).rtrim("!").str();
    if (!Msg.empty())
      Msg[0] = toLower(Msg[0]);
    P->Failure = Pending{unsigned(D.getLineNo()), unsigned(D.getColumnNo() + 1),
                         "invalid YAML: " + Msg};
  }

  /// Where \p N starts. A node built from broken input (an unknown directive,
  /// invalid UTF-8) can carry a location outside the buffer: line 1, column 1.
  std::pair<unsigned, unsigned> positionOf(yaml::Node *N) {
    SMLoc Start = N ? N->getSourceRange().Start : SMLoc();
    if (!Start.isValid() || !SM.FindBufferContainingLoc(Start))
      return {1, 1};
    return SM.getLineAndColumn(Start);
  }

  void fail(yaml::Node *N, const Twine &Msg) {
    if (!Failure) {
      auto [Line, Col] = positionOf(N);
      Failure = Pending{Line, Col, Msg.str()};
    }
  }

  unsigned lineOf(yaml::Node *N) { return positionOf(N).first; }

  /// The text of a plain, quoted or block ("|", ">") scalar, or nullopt for
  /// anything else.
  static std::optional<std::string> scalarText(yaml::Node *N) {
    if (auto *S = dyn_cast_or_null<yaml::ScalarNode>(N)) {
      SmallString<64> Storage;
      return S->getValue(Storage).str();
    }
    if (auto *B = dyn_cast_or_null<yaml::BlockScalarNode>(N))
      return B->getValue().str();
    return std::nullopt;
  }

  void parseTop(yaml::Node *Root) {
    auto *Map = dyn_cast<yaml::MappingNode>(Root);
    if (!Map) {
      fail(Root, "expected a mapping of keys; valid keys are: " + validKeys());
      return;
    }
    StringSet<> Seen;
    for (yaml::KeyValueNode &KV : *Map) {
      if (Failure)
        return;
      std::optional<std::string> Key = scalarText(KV.getKey());
      if (!Key) {
        fail(KV.getKey(), "expected a key; valid keys are: " + validKeys());
        return;
      }
      const KeyInfo *Info = nullptr;
      for (const KeyInfo &K : Keys)
        if (K.Name == *Key)
          Info = &K;
      if (!Info) {
        fail(KV.getKey(), "unknown key '" + *Key + "'" + suggestion(*Key) +
                              "; valid keys are: " + validKeys());
        return;
      }
      if (!Seen.insert(*Key).second) {
        fail(KV.getKey(), "duplicate key '" + *Key + "'");
        return;
      }
      yaml::Node *Value = KV.getValue();
      if (!Value || isa<yaml::NullNode>(Value))
        continue; // "acquire:" with nothing after it sets nothing
      parseValue(*Info, Value);
    }
  }

  /// "['log_*']" -> "'log_*'": what one entry of a list value looks like.
  static StringRef entryExample(const KeyInfo &Info) {
    return Info.Example.drop_front().drop_back();
  }

  static std::string suggestion(StringRef Key) {
    for (const KeyInfo &K : Keys)
      if (K.Name.edit_distance(Key, /*AllowReplacements=*/true, 3) <= 2)
        return (" (did you mean '" + K.Name + "'?)").str();
    return "";
  }

  void parseValue(const KeyInfo &Info, yaml::Node *Value) {
    switch (Info.Kind) {
    case KeyKind::Checks:
      return parseChecks(Info, Value);
    case KeyKind::LockFunctions:
    case KeyKind::TryLockFunctions:
      return parseFunctions(Info, Value);
    case KeyKind::Names:
      return parseNames(Info, Value);
    case KeyKind::Orders:
      return parseOrders(Info, Value);
    case KeyKind::Count:
      return parseCount(Info, Value);
    case KeyKind::Flag:
      return parseFlag(Info, Value);
    case KeyKind::Switches:
      return parseSwitches(Info, Value);
    }
  }

  /// `exception-leak: {opaque-calls: true, allocation: false}`.
  void parseSwitches(const KeyInfo &Info, yaml::Node *Value) {
    auto *Map = dyn_cast<yaml::MappingNode>(Value);
    if (!Map) {
      fail(Value, "'" + Info.Name + "' expects a mapping such as " + Info.Example);
      return;
    }
    StringSet<> Seen;
    for (yaml::KeyValueNode &KV : *Map) {
      if (Failure)
        return;
      std::optional<std::string> Key = scalarText(KV.getKey());
      const SwitchInfo *Sw = nullptr;
      for (const SwitchInfo &W : ExceptionLeakSwitches)
        if (Key && W.Name == *Key)
          Sw = &W;
      if (!Sw) {
        fail(KV.getKey(), "unknown key " + (Key ? "'" + *Key + "' " : std::string()) +
                              "in '" + Info.Name + "'; valid keys are: " + validSwitches());
        return;
      }
      if (!Seen.insert(*Key).second) {
        fail(KV.getKey(), "duplicate key '" + *Key + "' in '" + Info.Name + "'");
        return;
      }
      std::optional<std::string> Text = scalarText(KV.getValue());
      std::optional<bool> B;
      if (Text && StringRef(*Text).equals_insensitive("true"))
        B = true;
      else if (Text && StringRef(*Text).equals_insensitive("false"))
        B = false;
      if (!B) {
        fail(KV.getValue() ? KV.getValue() : KV.getKey(),
             "'" + Info.Name + ": " + *Key + "' expects true or false" +
                 (Text ? ", not '" + *Text + "'" : std::string()));
        return;
      }
      Out.ExceptionLeak.*(Sw->Field) = *B;
    }
  }

  void parseCount(const KeyInfo &Info, yaml::Node *Value) {
    std::optional<std::string> Text = scalarText(Value);
    unsigned N = 0;
    if (!Text || StringRef(*Text).trim().getAsInteger(10, N) || N < Info.Min || N > Info.Max) {
      fail(Value, "'" + Info.Name + "' expects a whole number from " + Twine(Info.Min) +
                      " to " + Twine(Info.Max) + " such as " + Info.Example);
      return;
    }
    Out.*Info.Count = N;
  }

  void parseFlag(const KeyInfo &Info, yaml::Node *Value) {
    std::optional<std::string> Text = scalarText(Value);
    std::string T = Text ? StringRef(*Text).trim().lower() : "";
    if (T != "true" && T != "false") {
      fail(Value, "'" + Info.Name + "' expects 'true' or 'false'");
      return;
    }
    Out.*Info.Flag = T == "true";
  }

  void parseChecks(const KeyInfo &Info, yaml::Node *Value) {
    std::optional<std::string> Text = scalarText(Value);
    if (!Text) {
      fail(Value, "'checks' expects a string of check globs such as " +
                      Info.Example);
      return;
    }
    if (Error E = validateCheckGlobs(*Text)) {
      fail(Value, toString(std::move(E)));
      return;
    }
    Out.Checks = std::move(*Text);
  }

  /// The entries of a list value, or nullptr after reporting a bad value.
  yaml::SequenceNode *listOf(const KeyInfo &Info, yaml::Node *Value,
                             StringRef What) {
    auto *Seq = dyn_cast<yaml::SequenceNode>(Value);
    if (!Seq)
      fail(Value, "'" + Info.Name + "' expects a list of " + What + " such as " +
                      Info.Example);
    return Seq;
  }

  void parseFunctions(const KeyInfo &Info, yaml::Node *Value) {
    bool IsTry = Info.Kind == KeyKind::TryLockFunctions;
    auto *Seq = listOf(Info, Value, "function patterns");
    if (!Seq)
      return;
    for (yaml::Node &Item : *Seq) {
      std::optional<std::string> Text = scalarText(&Item);
      if (!Text) {
        fail(&Item, "'" + Info.Name + "' entries must be strings such as " +
                        entryExample(Info));
        return;
      }
      LockFunctionPattern P;
      std::string Problem = parseLockFunctionPattern(*Text, IsTry, P);
      if (!Problem.empty()) {
        fail(&Item, "malformed function pattern '" + *Text + "': " + Problem +
                        "; " + (IsTry ? TryFunctionForms : FunctionForms));
        return;
      }
      P.Line = lineOf(&Item);
      (Out.*Info.Functions).push_back(std::move(P));
    }
  }

  /// A name glob entry (type, function or lock), or nullopt after an error.
  std::optional<std::string> nameEntry(const KeyInfo &Info, yaml::Node *Item,
                                       StringRef What) {
    std::optional<std::string> Text = scalarText(Item);
    if (!Text) {
      fail(Item, Info.Kind == KeyKind::Orders
                     ? Twine("the locks of a 'lock-order' entry must be "
                             "strings such as 'Bank::m'")
                     : "'" + Info.Name + "' entries must be strings such as " +
                           entryExample(Info));
      return std::nullopt;
    }
    std::string Name = StringRef(*Text).trim().str();
    std::string Problem = checkNameGlob(Name);
    if (!Problem.empty()) {
      fail(Item, "malformed " + What + " '" + *Text + "': " + Problem + "; " +
                     NameForms);
      return std::nullopt;
    }
    return Name;
  }

  void parseNames(const KeyInfo &Info, yaml::Node *Value) {
    StringRef Kind = Info.Names == &Config::RecursiveTypes   ? "type"
                     : Info.Names == &Config::RecursiveLocks ? "lock"
                                                             : "function";
    std::string What = (Kind + " name pattern").str();
    auto *Seq = listOf(Info, Value, (Kind + " names").str());
    if (!Seq)
      return;
    for (yaml::Node &Item : *Seq) {
      std::optional<std::string> Name = nameEntry(Info, &Item, What);
      if (!Name)
        return;
      (Out.*Info.Names).push_back(std::move(*Name));
    }
  }

  void parseOrders(const KeyInfo &Info, yaml::Node *Value) {
    auto *Seq = listOf(Info, Value, "lock orders");
    if (!Seq)
      return;
    for (yaml::Node &OrderNode : *Seq) {
      auto *Order = dyn_cast<yaml::SequenceNode>(&OrderNode);
      if (!Order) {
        fail(&OrderNode, "each 'lock-order' entry must be a list of two or "
                         "more locks, earliest first, such as ['Bank::m', "
                         "'Account::m']");
        return;
      }
      std::vector<std::string> Locks;
      for (yaml::Node &Item : *Order) {
        std::optional<std::string> Name = nameEntry(Info, &Item, "lock name");
        if (!Name)
          return;
        if (llvm::is_contained(Locks, *Name)) {
          fail(&Item, "lock '" + *Name + "' appears twice in one lock order");
          return;
        }
        Locks.push_back(std::move(*Name));
      }
      if (Locks.size() < 2) {
        fail(&OrderNode, "each 'lock-order' entry must be a list of two or "
                         "more locks, earliest first, such as ['Bank::m', "
                         "'Account::m']");
        return;
      }
      Out.LockOrders.push_back(std::move(Locks));
    }
  }

  StringRef FileName;
  Config &Out;
  SourceMgr SM;
  /// The first problem found; parsing stops there.
  struct Pending {
    unsigned Line, Column;
    std::string Message;
  };
  std::optional<Pending> Failure;
};

} // namespace

Error validateCheckGlobs(StringRef Globs) {
  CheckSet Scratch = CheckSet::all();
  if (Error E = Scratch.applyGlobList(Globs))
    return E;
  SmallVector<StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Part : Parts) {
    StringRef Glob = Part.trim();
    Glob.consume_front("-");
    Glob = Glob.trim();
    if (Glob.empty() || llvm::any_of(allChecks(), [&](Check C) {
          return nameMatches(Glob, checkName(C));
        }))
      continue;
    std::string Valid;
    for (Check C : allChecks())
      Valid += (Valid.empty() ? "" : ", ") + checkName(C).str();
    return createStringError(inconvertibleErrorCode(),
                             "check glob '" + Glob +
                                 "' matches no lockcheck check; valid checks: " +
                                 Valid);
  }
  return Error::success();
}

Expected<Config> parseConfig(StringRef Text, StringRef FileName) {
  // LLVM's YAML parser recurses per level of nesting: refuse deep text first.
  if (std::optional<std::string> Problem = yamlLimitProblem(Text, MaxConfigBytes))
    return make_error<ConfigError>(FileName.str(), 0, 0,
                                   "not a lockcheck configuration: " + *Problem);
  Config C;
  C.FileName = FileName.str();
  Parser P(FileName, C);
  if (Error E = P.parse(Text))
    return Expected<Config>(std::move(E));
  return C;
}

Expected<Config> loadConfigFile(StringRef Path) {
  BoundedFile F = readFileBounded(Path, MaxConfigBytes);
  if (F.Error)
    return make_error<ConfigError>(Path.str(), 0, 0,
                                   "cannot read configuration file: " + F.Error.message());
  if (!F.TooLarge.empty())
    return make_error<ConfigError>(Path.str(), 0, 0,
                                   "not a lockcheck configuration: " + F.TooLarge);
  return parseConfig(F.text(), Path);
}

std::optional<std::string> findConfigFile(StringRef SourceFile) {
  SmallString<256> Dir(SourceFile);
  if (sys::fs::make_absolute(Dir))
    return std::nullopt;
  sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
  sys::path::remove_filename(Dir);
  for (StringRef D = Dir; !D.empty(); D = sys::path::parent_path(D)) {
    SmallString<256> Candidate(D);
    sys::path::append(Candidate, ".lockcheck.yaml");
    if (sys::fs::is_regular_file(Candidate))
      return std::string(Candidate);
  }
  return std::nullopt;
}

void printConfig(raw_ostream &OS, const Config &C) {
  auto Quote = [](StringRef S) {
    std::string Q = "'";
    for (char Ch : S)
      Q += Ch == '\'' ? std::string("''") : std::string(1, Ch);
    return Q + "'";
  };
  if (C.Checks) {
    // Block scalars ("checks: >" over several lines) print on one line; glob
    // parts are trimmed when applied, so whitespace carries no meaning.
    std::string OneLine;
    for (char Ch : *C.Checks)
      if (!isSpace(Ch))
        OneLine += Ch;
    OS << "checks: " << Quote(OneLine) << "\n";
  }
  for (const KeyInfo &K : Keys) {
    if (K.Kind == KeyKind::LockFunctions || K.Kind == KeyKind::TryLockFunctions) {
      const auto &List = C.*K.Functions;
      if (List.empty())
        continue;
      OS << K.Name << ": [";
      ListSeparator Sep;
      for (const LockFunctionPattern &P : List)
        OS << Sep
           << Quote(formatLockFunctionPattern(
                  P, K.Kind == KeyKind::TryLockFunctions));
      OS << "]\n";
    } else if (K.Kind == KeyKind::Names) {
      const auto &List = C.*K.Names;
      if (List.empty())
        continue;
      OS << K.Name << ": [";
      ListSeparator Sep;
      for (const std::string &N : List)
        OS << Sep << Quote(N);
      OS << "]\n";
    }
  }
  for (const KeyInfo &K : Keys) {
    if (K.Kind == KeyKind::Count && C.*K.Count)
      OS << K.Name << ": " << *(C.*K.Count) << "\n";
    else if (K.Kind == KeyKind::Flag && C.*K.Flag)
      OS << K.Name << ": " << (*(C.*K.Flag) ? "true" : "false") << "\n";
  }
  if (!(C.ExceptionLeak == ExceptionLeakOptions())) {
    OS << "exception-leak: {";
    ListSeparator Sep;
    for (const SwitchInfo &W : ExceptionLeakSwitches)
      OS << Sep << W.Name << ": " << (C.ExceptionLeak.*(W.Field) ? "true" : "false");
    OS << "}\n";
  }
  if (!C.LockOrders.empty()) {
    OS << "lock-order: [";
    ListSeparator Outer;
    for (const auto &Order : C.LockOrders) {
      OS << Outer << "[";
      ListSeparator Inner;
      for (const std::string &L : Order)
        OS << Inner << Quote(L);
      OS << "]";
    }
    OS << "]\n";
  }
}

} // namespace lockcheck
