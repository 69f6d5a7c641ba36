//===- CrossTUTest.cpp - phase 2 on facts alone ----------------------------===//
#include "lockcheck/Analysis.h"
#include "lockcheck/CrossTU.h"
#include "FactsOf.h"
#include "lockcheck/FindingFilter.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace lockcheck;

namespace {

const char *Header = R"cpp(
#include <mutex>
struct Account { std::mutex m; };
extern std::mutex g;
void audit(Account &a);
void middle(Account &a);
)cpp";

// run() holds g and calls middle() (b.cpp), which calls audit() (c.cpp),
// which takes g again and the account's lock.
std::string Caller = std::string(Header) + R"cpp(
std::mutex g;
void run(Account &x) {
  std::lock_guard<std::mutex> l(g);
  middle(x);
}
)cpp";
std::string Middle = std::string(Header) + R"cpp(
void middle(Account &a) { audit(a); }
)cpp";
std::string Callee = std::string(Header) + R"cpp(
void audit(Account &a) {
  std::lock_guard<std::mutex> l(g);
  std::lock_guard<std::mutex> m(a.m);
}
)cpp";

TEST(CrossTU, ChainsThroughThreeTUs) {
  TUFacts A = factsOf(Caller, "a.cpp"), B = factsOf(Middle, "b.cpp"),
          C = factsOf(Callee, "c.cpp");
  std::vector<TUFacts *> All{&A, &B, &C};
  CrossTUResult R = applyAcrossTUs(All);
  // middle() now acquires what audit() does, in its own terms.
  const FactFunction *M = nullptr;
  for (const FactFunction &Fn : B.Functions)
    if (Fn.Name == "middle")
      M = &Fn;
  ASSERT_TRUE(M);
  ASSERT_EQ(M->Acquires.size(), 2u);
  // The self-deadlock is reported at run()'s call, with the chain.
  ASSERT_EQ(R.Findings[0].size(), 1u);
  const FactFinding &F = R.Findings[0][0];
  EXPECT_EQ(F.CheckKind, Check::DoubleLock);
  EXPECT_EQ(F.Message, "calling 'middle' acquires mutex 'g' that is already held");
  EXPECT_EQ(F.Loc.Line, 11);
  ASSERT_GE(F.Notes.size(), 3u);
  EXPECT_EQ(F.Notes[0].Message, "mutex 'g' acquired here");
  EXPECT_EQ(F.Notes[1].Message, "'middle' calls 'audit' here");
  EXPECT_EQ(F.Notes[2].Message, "'audit' acquires 'g' here");
  // And g -> Account::m is an edge of run()'s TU, named in run()'s terms.
  ASSERT_EQ(R.Edges[0].size(), 1u);
  EXPECT_EQ(R.Edges[0][0].FromClass, "g");
  EXPECT_EQ(R.Edges[0][0].ToClass, "Account::m");
  EXPECT_EQ(R.Edges[0][0].ToName, "x.m");
  // Found here, not by a.cpp's analysis: a cycle through it is the project's.
  EXPECT_TRUE(R.Edges[0][0].AcrossTUs);
  EXPECT_TRUE(R.Findings[1].empty());
  EXPECT_TRUE(R.Findings[2].empty());
}

TEST(CrossTU, DifferentObjectsAreNoSelfDeadlock) {
  std::string Other = std::string(Header) + R"cpp(
std::mutex g;
void other(Account &x, Account &y) {
  std::lock_guard<std::mutex> l(x.m);
  audit(y);
}
)cpp";
  TUFacts A = factsOf(Other, "a.cpp"), C = factsOf(Callee, "c.cpp");
  std::vector<TUFacts *> All{&A, &C};
  CrossTUResult R = applyAcrossTUs(All);
  EXPECT_TRUE(R.Findings[0].empty());
}

// run() holds x.m and g and calls its own helper(), which takes x.m itself and
// calls audit() (c.cpp). The double lock of x.m is the TU's own finding; at
// the call, phase 2 adds only g, which helper() gains from c.cpp.
TEST(CrossTU, ChecksCallsToTheTUsOwnFunctionsThatReachOtherTUs) {
  std::string Own = std::string(Header) + R"cpp(
std::mutex g;
static void helper(Account &a) {
  { std::lock_guard<std::mutex> m(a.m); }
  audit(a);
}
void run(Account &x) {
  std::lock_guard<std::mutex> l(x.m);
  std::lock_guard<std::mutex> k(g);
  helper(x);
}
)cpp";
  TUFacts A = factsOf(Own, "a.cpp"), C = factsOf(Callee, "c.cpp");
  const FactCall *Call = nullptr;
  for (const FactFunction &Fn : A.Functions)
    if (Fn.Name == "run" && !Fn.Calls.empty())
      Call = &Fn.Calls.front();
  ASSERT_TRUE(Call);
  EXPECT_TRUE(Call->Local);
  EXPECT_EQ(Call->CalleeName, "helper");

  std::vector<TUFacts *> All{&A, &C};
  CrossTUResult R = applyAcrossTUs(All);
  ASSERT_EQ(R.Findings[0].size(), 1u) << "x.m would be reported twice";
  EXPECT_EQ(R.Findings[0][0].Message, "calling 'helper' acquires mutex 'g' that is already held");
  EXPECT_EQ(R.Findings[0][0].Loc.Line, 16);
  // Edges only for what helper() gained: g -> g is the self-deadlock, and
  // x.m -> g is the one new order (x.m -> x.m and g -> x.m are not new).
  ASSERT_EQ(R.Edges[0].size(), 1u);
  EXPECT_EQ(R.Edges[0][0].FromClass, "Account::m");
  EXPECT_EQ(R.Edges[0][0].ToClass, "g");
}

// Exceptions cross TUs through facts: what a function throws (lib.cpp),
// what passes on through a function with no handler (mid.cpp), and the
// handlers around each call in the caller (a.cpp).
TEST(CrossTU, ExceptionsFromOtherTUs) {
  const char *Decls = R"cpp(
#include <mutex>
#include <stdexcept>
void parse(int);
void quiet(int);
void relay(int);
)cpp";
  std::string Lib = std::string(Decls) + R"cpp(
void parse(int x) { if (x < 0) throw std::invalid_argument("negative"); }
void quiet(int) {}
)cpp";
  std::string Mid = std::string(Decls) + R"cpp(
void relay(int x) { parse(x); }
)cpp";
  std::string Caller = std::string(Decls) + R"cpp(
std::mutex g;
void a(int x) { g.lock(); parse(x); g.unlock(); }
void b(int x) { g.lock(); quiet(x); g.unlock(); }
void c(int x) { g.lock(); try { parse(x); } catch (const std::logic_error &) {} g.unlock(); }
void d(int x) { g.lock(); relay(x); quiet(x); relay(x); g.unlock(); }
void e(int x) { g.lock(); try { relay(x); } catch (const std::out_of_range &) {} g.unlock(); }
void f(int x) noexcept { g.lock(); parse(x); g.unlock(); }
)cpp";
  TUFacts A = factsOf(Caller, "a.cpp"), M = factsOf(Mid, "mid.cpp"),
          L = factsOf(Lib, "lib.cpp");
  std::vector<TUFacts *> All{&A, &M, &L};
  CrossTUResult R = applyAcrossTUs(All);
  // relay() now throws what parse() throws.
  const FactFunction *Relay = nullptr;
  for (const FactFunction &Fn : M.Functions)
    if (Fn.Name == "relay")
      Relay = &Fn;
  ASSERT_TRUE(Relay);
  ASSERT_EQ(Relay->Throws.size(), 1u);
  EXPECT_EQ(Relay->Throws[0].Type, "std::invalid_argument");
  EXPECT_EQ(Relay->Throws[0].In, "parse"); // where it is thrown, for messages
  EXPECT_EQ(Relay->Throws[0].From, "");
  std::vector<std::pair<int, std::string>> Leaks;
  for (const FactFinding &F : R.Findings[0]) {
    ASSERT_EQ(F.CheckKind, Check::ExceptionLeak);
    Leaks.push_back({F.Loc.Line, F.Message});
    ASSERT_EQ(F.Notes.size(), 1u);
    EXPECT_EQ(F.Notes[0].Message, "mutex 'g' acquired here; a lock guard (std::lock_guard, "
                                  "std::scoped_lock) would release it during unwinding");
    EXPECT_EQ(F.Notes[0].Loc.Line, F.Loc.Line);
  }
  // a(), d() (once, at the first call) and e(); not b() (quiet), c() (caught),
  // f() (noexcept).
  EXPECT_EQ(Leaks, (std::vector<std::pair<int, std::string>>{
                       {9, "mutex 'g' stays locked if 'parse' throws 'std::invalid_argument'"},
                       {12, "mutex 'g' stays locked if 'relay' throws 'std::invalid_argument' "
                            "(from 'parse')"},
                       {13, "mutex 'g' stays locked if 'relay' throws 'std::invalid_argument' "
                            "(from 'parse')"}}));
  EXPECT_TRUE(R.Findings[1].empty());
  EXPECT_TRUE(R.Findings[2].empty());
}

} // namespace
