//===- ConfigTest.cpp - .lockcheck.yaml parsing, printing, lookup ---------===//
//
// The lit tests under test/plugin check every error line through the plugin;
// these check the parsed values and the helpers front ends share.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/Config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

using namespace lockcheck;
using namespace llvm;

namespace {

Config parseOk(StringRef Text) {
  Expected<Config> C = parseConfig(Text, "t.yaml");
  if (!C) {
    ADD_FAILURE() << toString(C.takeError());
    return Config();
  }
  return std::move(*C);
}

std::string parseError(StringRef Text) {
  Expected<Config> C = parseConfig(Text, "t.yaml");
  if (C)
    return "(no error)";
  return toString(C.takeError());
}

TEST(ConfigTest, EveryKey) {
  Config C = parseOk(R"yaml(
checks: 'lockcheck-*,-lockcheck-lock-order'
acquire:        ['my_lock(0)', 'Spin::grab(this)']
acquire-shared: ['rw_rdlock(1)']
release:
  - my_unlock(0)
  - "rw_unlock( 0 )"
try-acquire:    ['my_trylock(0) == 0', 'Spin::try_grab(this) == true', 'ok(2)']
try-acquire-shared: ['rw_tryrdlock(0)==0']
recursive-types: ['MyRecursiveMutex', 'ns::*Rec*']
recursive-locks: ['Conn::mutex', g_init]
nothrow:        ['log_*']
lock-order:     [['Bank::m', 'Account::m'], [a, b, c]]
exception-leak: {opaque-calls: true, allocation: false}
)yaml");
  EXPECT_EQ(C.FileName, "t.yaml");
  EXPECT_TRUE(C.ExceptionLeak.OpaqueCalls);
  EXPECT_FALSE(C.ExceptionLeak.Allocation);
  EXPECT_EQ(C.Checks, std::optional<std::string>("lockcheck-*,-lockcheck-lock-order"));
  ASSERT_EQ(C.Acquire.size(), 2u);
  EXPECT_EQ(C.Acquire[0].NameGlob, "my_lock");
  EXPECT_EQ(C.Acquire[0].LockArg, 0);
  EXPECT_EQ(C.Acquire[0].Line, 3u);
  EXPECT_EQ(C.Acquire[1].NameGlob, "Spin::grab");
  EXPECT_EQ(C.Acquire[1].LockArg, -1);
  ASSERT_EQ(C.AcquireShared.size(), 1u);
  EXPECT_EQ(C.AcquireShared[0].LockArg, 1);
  ASSERT_EQ(C.Release.size(), 2u);
  EXPECT_EQ(C.Release[1].NameGlob, "rw_unlock");
  EXPECT_EQ(C.Release[1].Line, 7u);
  ASSERT_EQ(C.TryAcquire.size(), 3u);
  EXPECT_EQ(C.TryAcquire[0].Success, TrySuccess::Zero);
  EXPECT_EQ(C.TryAcquire[1].Success, TrySuccess::True);
  EXPECT_EQ(C.TryAcquire[1].LockArg, -1);
  EXPECT_EQ(C.TryAcquire[2].Success, TrySuccess::True); // the default
  EXPECT_EQ(C.TryAcquire[2].LockArg, 2);
  ASSERT_EQ(C.TryAcquireShared.size(), 1u);
  EXPECT_EQ(C.TryAcquireShared[0].Success, TrySuccess::Zero);
  EXPECT_EQ(C.RecursiveTypes,
            (std::vector<std::string>{"MyRecursiveMutex", "ns::*Rec*"}));
  EXPECT_EQ(C.RecursiveLocks, (std::vector<std::string>{"Conn::mutex", "g_init"}));
  EXPECT_EQ(C.NoThrow, std::vector<std::string>{"log_*"});
  ASSERT_EQ(C.LockOrders.size(), 2u);
  EXPECT_EQ(C.LockOrders[0], (std::vector<std::string>{"Bank::m", "Account::m"}));
  EXPECT_EQ(C.LockOrders[1], (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_FALSE(C.empty());
}

TEST(ConfigTest, EmptyInputs) {
  EXPECT_TRUE(parseOk("").empty());
  EXPECT_TRUE(parseOk("# only a comment\n").empty());
  EXPECT_TRUE(parseOk("---\n").empty());
  EXPECT_TRUE(parseOk("acquire:\nnothrow: []\n").empty());
}

TEST(ConfigTest, PrintParsesBackToTheSameConfig) {
  Config C = parseOk(R"yaml(
checks: "-*,lockcheck-double-lock"
acquire: ['my_lock(0)', 'S::g(this)']
acquire-shared: ['r(1)']
release: ['u(0)']
try-acquire: ['t(0) == 0', 'S::t(this)']
try-acquire-shared: ['ts(3) == true']
recursive-types: ["Rec*"]
nothrow: ['log_*']
lock-order: [[a, b], ['x::y', 'z']]
exception-leak:
  allocation: True
)yaml");
  std::string Text;
  raw_string_ostream OS(Text);
  printConfig(OS, C);
  EXPECT_EQ(Text, "checks: '-*,lockcheck-double-lock'\n"
                  "acquire: ['my_lock(0)', 'S::g(this)']\n"
                  "acquire-shared: ['r(1)']\n"
                  "release: ['u(0)']\n"
                  "try-acquire: ['t(0) == 0', 'S::t(this) == true']\n"
                  "try-acquire-shared: ['ts(3) == true']\n"
                  "recursive-types: ['Rec*']\n"
                  "nothrow: ['log_*']\n"
                  "exception-leak: {opaque-calls: false, allocation: true}\n"
                  "lock-order: [['a', 'b'], ['x::y', 'z']]\n");
}

TEST(ConfigTest, PrintRoundTrip) {
  const char Text[] = "checks: '-*,lockcheck-double-lock'\n"
                      "acquire: ['my_lock(0)', 'S::g(this)']\n"
                      "try-acquire: ['t(0) == 0', 'S::t(this) == true']\n"
                      "recursive-types: ['Rec*']\n"
                      "lock-order: [['a', 'b']]\n";
  Config C = parseOk(Text);
  std::string Printed;
  raw_string_ostream OS(Printed);
  printConfig(OS, C);
  EXPECT_EQ(Printed, Text);
}

TEST(ConfigTest, ErrorsAreOneLineWithPosition) {
  EXPECT_EQ(parseError("acquire: ['x(0)']\nbogus: 1\n"),
            "t.yaml:2:1: error: unknown key 'bogus'; valid keys are: checks, "
            "acquire, acquire-shared, release, try-acquire, "
            "try-acquire-shared, recursive-types, recursive-locks, nothrow, lock-order, "
            "guard-min-accesses, guard-min-percent, unguarded-reads, exception-leak");
  EXPECT_EQ(parseError("exception-leak: {opaque-calls: maybe}"),
            "t.yaml:1:32: error: 'exception-leak: opaque-calls' expects true or false, "
            "not 'maybe'");
  EXPECT_EQ(parseError("exception-leak:\n  alloc: true\n"),
            "t.yaml:2:3: error: unknown key 'alloc' in 'exception-leak'; valid keys are: "
            "opaque-calls, allocation");
  EXPECT_EQ(parseError("exception-leak: true"),
            "t.yaml:1:17: error: 'exception-leak' expects a mapping such as "
            "{opaque-calls: true, allocation: true}");
  EXPECT_EQ(parseError("exception-leak: {allocation: true, allocation: false}"),
            "t.yaml:1:36: error: duplicate key 'allocation' in 'exception-leak'");
  EXPECT_TRUE(parseOk("exception-leak: {}").empty());
  EXPECT_EQ(parseError("release: ['x(0) == 0']"),
            "t.yaml:1:11: error: malformed function pattern 'x(0) == 0': "
            "unexpected '== 0' after ')'; a success condition is only valid "
            "in try-acquire and try-acquire-shared; valid forms are: "
            "'name(N)', 'name(this)'");
  EXPECT_EQ(parseError("acquire: [x(0)]\nacquire: [y(0)]\n"),
            "t.yaml:2:1: error: duplicate key 'acquire'");
  for (StringRef Bad : {"acquire: [x]", "acquire: x(0)", "checks: [a]",
                        "lock-order: [[a]]", "[1, 2]", "a: b\n---\nc: d\n",
                        "acquire: [x(0)", "nothrow: ['a b']"}) {
    std::string E = parseError(Bad);
    EXPECT_EQ(StringRef(E).count('\n'), 0u) << E;
    EXPECT_TRUE(StringRef(E).starts_with("t.yaml:")) << E;
    EXPECT_TRUE(StringRef(E).contains(": error: ")) << E;
  }
}

TEST(ConfigTest, LoadConfigFileErrors) {
  Expected<Config> C = loadConfigFile("/nonexistent/dir/.lockcheck.yaml");
  ASSERT_FALSE(C);
  EXPECT_EQ(toString(C.takeError()),
            "/nonexistent/dir/.lockcheck.yaml: error: cannot read "
            "configuration file: No such file or directory");
}

TEST(ConfigTest, NameMatches) {
  struct Case {
    const char *Glob, *Name;
    bool Match;
  } Cases[] = {
      {"my_lock", "my_lock", true},
      {"my_lock", "ns::my_lock", true},   // no "::": last component
      {"my_lock", "my_lock2", false},
      {"log_*", "util::log_error", true},
      {"log_?", "log_x", true},
      {"log_?", "log_xy", false},
      {"*", "anything::at::all", true},
      {"Spin::grab", "Spin::grab", true},
      {"Spin::grab", "ns::Spin::grab", true}, // suffix at a component
      {"Spin::grab", "ns::XSpin::grab", false},
      {"::Spin::grab", "ns::Spin::grab", false}, // anchored
      {"::Spin::grab", "Spin::grab", true},
      {"ns::*", "ns::Spin::grab", true},
      {"Spin::*", "Spin::grab", true},
      {"Spin::*", "Other::grab", false},
      {"grab", "Tmpl<a::b>::grab", true},
      {"Tmpl<a::b>::grab", "ns::Tmpl<a::b>::grab", true},
      {"MyRec*", "ns::MyRecursiveMutex", true},
      {"operator[]", "Vec::operator[]", true}, // '[' is not special
  };
  for (const Case &C : Cases)
    EXPECT_EQ(nameMatches(C.Glob, C.Name), C.Match)
        << C.Glob << " vs " << C.Name;
}

class ConfigFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    SmallString<256> Prefix;
    sys::path::system_temp_directory(/*ErasedOnReboot=*/true, Prefix);
    sys::path::append(Prefix, "lockcheck-config");
    ASSERT_FALSE(sys::fs::createUniqueDirectory(Prefix, Root));
  }
  void TearDown() override { sys::fs::remove_directories(Root); }

  std::string path(StringRef Rel) {
    SmallString<256> P(Root);
    sys::path::append(P, Rel);
    return std::string(P);
  }
  void write(StringRef Rel, StringRef Text) {
    sys::fs::create_directories(sys::path::parent_path(path(Rel)));
    std::error_code EC;
    raw_fd_ostream OS(path(Rel), EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }

  SmallString<256> Root;
};

TEST_F(ConfigFileTest, FindsTheNearestParent) {
  write("a/b/c/src.cpp", "");
  write("a/.lockcheck.yaml", "nothrow: [far]\n");
  EXPECT_EQ(findConfigFile(path("a/b/c/src.cpp")), path("a/.lockcheck.yaml"));
  write("a/b/.lockcheck.yaml", "nothrow: [near]\n");
  EXPECT_EQ(findConfigFile(path("a/b/c/src.cpp")), path("a/b/.lockcheck.yaml"));
  // A directory with that name is not a config file.
  sys::fs::create_directories(path("a/b/c/.lockcheck.yaml"));
  EXPECT_EQ(findConfigFile(path("a/b/c/src.cpp")), path("a/b/.lockcheck.yaml"));

  Expected<Config> C = loadConfigFile(path("a/b/.lockcheck.yaml"));
  ASSERT_TRUE(bool(C)) << toString(C.takeError());
  EXPECT_EQ(C->NoThrow, std::vector<std::string>{"near"});
  EXPECT_EQ(C->FileName, path("a/b/.lockcheck.yaml"));
}

TEST_F(ConfigFileTest, RelativeSourcePaths) {
  write("d/.lockcheck.yaml", "");
  write("d/e/src.cpp", "");
  SmallString<256> Old;
  ASSERT_FALSE(sys::fs::current_path(Old));
  ASSERT_FALSE(sys::fs::set_current_path(path("d/e")));
  std::optional<std::string> Found = findConfigFile("src.cpp");
  std::optional<std::string> FromDotDot = findConfigFile("../e/./src.cpp");
  sys::fs::set_current_path(Old);
  ASSERT_TRUE(Found);
  EXPECT_TRUE(sys::fs::equivalent(*Found, path("d/.lockcheck.yaml")));
  ASSERT_TRUE(FromDotDot);
  EXPECT_TRUE(sys::fs::equivalent(*FromDotDot, path("d/.lockcheck.yaml")));
}

} // namespace
