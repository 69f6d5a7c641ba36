//===- FactsTest.cpp - the facts format round-trips -----------------------===//
#include "lockcheck/Analysis.h"
#include "lockcheck/Facts.h"
#include "FactsOf.h"
#include "lockcheck/FindingFilter.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "gtest/gtest.h"

using namespace lockcheck;

namespace {

const char *Code = R"cpp(
#include <mutex>
struct Account { std::mutex m; int balance = 0; };
struct Bank {
  std::mutex lock_;
  void deposit(Account &a) { std::lock_guard<std::mutex> g(lock_); update(a); }
  void update(Account &a) { std::lock_guard<std::mutex> g(a.m); a.balance++; }
  void audit(Account &a) { std::lock_guard<std::mutex> g(a.m); std::lock_guard<std::mutex> h(lock_); }
  void begin() { lock_.lock(); }
  void end() { lock_.unlock(); }
};
)cpp";

std::string text(const TUFacts &F) { return llvm::formatv("{0:2}", toJSON(F)).str(); }

TEST(Facts, CollectsSummariesAndEdges) {
  TUFacts F = factsOf(Code);
  std::vector<std::string> Names;
  for (const FactFunction &Fn : F.Functions)
    Names.push_back(Fn.Name);
  EXPECT_NE(std::find(Names.begin(), Names.end(), "Bank::update"), Names.end());
  // update() acquires its parameter's lock: a path relative to the callee.
  for (const FactFunction &Fn : F.Functions)
    if (Fn.Name == "Bank::update") {
      ASSERT_EQ(Fn.Acquires.size(), 1u);
      ASSERT_EQ(Fn.Acquires[0].Path.size(), 2u);
      EXPECT_EQ(Fn.Acquires[0].Path[0].Kind, "param");
      EXPECT_EQ(Fn.Acquires[0].Path[0].Index, 0);
      EXPECT_EQ(Fn.Acquires[0].Path[1].Kind, "field");
      EXPECT_EQ(Fn.Acquires[0].LockClass, "Account::m");
    } else if (Fn.Name == "Bank::begin") {
      ASSERT_EQ(Fn.NetAcquired.size(), 1u);
      EXPECT_EQ(Fn.NetAcquired[0].Display, "lock_");
    } else if (Fn.Name == "Bank::end") {
      ASSERT_EQ(Fn.NetReleased.size(), 1u);
    }
  // Both orders between Bank::lock_ and Account::m are edges.
  bool Forward = false, Backward = false;
  for (const FactEdge &E : F.Edges) {
    Forward |= E.FromClass == "Bank::lock_" && E.ToClass == "Account::m";
    Backward |= E.FromClass == "Account::m" && E.ToClass == "Bank::lock_";
  }
  EXPECT_TRUE(Forward);
  EXPECT_TRUE(Backward);
}

const char *CallerCode = R"cpp(
#include <mutex>
struct Account { std::mutex m; };
void audit(Account &a);   // defined in another TU
std::mutex g;
void run(Account &x) {
  std::lock_guard<std::mutex> l(g);
  audit(x);
}
)cpp";

TEST(Facts, RecordsCallsToOtherTUs) {
  TUFacts F = factsOf(CallerCode);
  const FactFunction *Run = nullptr;
  for (const FactFunction &Fn : F.Functions)
    if (Fn.Name == "run")
      Run = &Fn;
  ASSERT_TRUE(Run);
  ASSERT_EQ(Run->Calls.size(), 1u);
  const FactCall &C = Run->Calls[0];
  EXPECT_EQ(C.CalleeName, "audit");
  EXPECT_FALSE(C.Local);
  EXPECT_EQ(C.Loc.Line, 8);
  ASSERT_EQ(C.Args.size(), 1u);
  EXPECT_EQ(C.Args[0].Index, 0);
  EXPECT_FALSE(C.Args[0].Pointee);
  ASSERT_EQ(C.Args[0].Object.Path.size(), 1u);
  EXPECT_EQ(C.Args[0].Object.Path[0].Kind, "param");
  ASSERT_EQ(C.Held.size(), 1u);
  EXPECT_EQ(C.Held[0].Lock.Display, "g");
  EXPECT_EQ(C.Held[0].Site.Line, 7);
  EXPECT_TRUE(C.Held[0].Definite);
  EXPECT_EQ(F.ExternalCalls.size(), 1u);
}

const char *ThrowingCode = R"cpp(
#include <mutex>
#include <stdexcept>
void parse(int);   // defined in another TU
std::mutex g;
int total;
int checked(int x) {
  if (x < 0)
    throw std::invalid_argument("negative");
  return x;
}
void add(int x) {
  g.lock();
  try {
    parse(x);
  } catch (const std::out_of_range &) {
  }
  total += checked(x);
  g.unlock();
}
)cpp";

TEST(Facts, RecordsExceptions) {
  TUFacts F = factsOf(ThrowingCode);
  const FactFunction *Checked = nullptr, *Add = nullptr;
  for (const FactFunction &Fn : F.Functions)
    if (Fn.Name == "checked")
      Checked = &Fn;
    else if (Fn.Name == "add")
      Add = &Fn;
  // checked() has no locks and no calls into other TUs: it is written for
  // what it throws, with the bases a handler may name.
  ASSERT_TRUE(Checked);
  ASSERT_EQ(Checked->Throws.size(), 1u);
  EXPECT_EQ(Checked->Throws[0].Type, "std::invalid_argument");
  EXPECT_EQ(Checked->Throws[0].Bases,
            (std::vector<std::string>{"std::logic_error", "std::exception"}));
  EXPECT_EQ(Checked->Throws[0].In, "checked"); // thrown by a `throw` in checked()
  EXPECT_EQ(Checked->Throws[0].From, "");
  EXPECT_FALSE(Checked->ThrowsUnknown);
  // add() lets checked()'s exception out; its call of parse() records the
  // handler around it and the lock it would leave held. The TU reports the
  // leak at checked() itself, which comes later, so the lock stays listed
  // only if the TU did not report it: it did (at checked()).
  ASSERT_TRUE(Add);
  ASSERT_EQ(Add->Throws.size(), 1u);
  ASSERT_EQ(Add->Calls.size(), 1u);
  EXPECT_EQ(Add->Calls[0].Catches, std::vector<std::string>{"std::out_of_range"});
  EXPECT_TRUE(Add->Calls[0].LeaksIfThrows.empty());
}

TEST(Facts, RoundTrips) {
  TUFacts F = factsOf(Code);
  TUFacts Calls = factsOf(CallerCode);
  TUFacts Throwing = factsOf(ThrowingCode);
  F.Functions.insert(F.Functions.end(), Throwing.Functions.begin(), Throwing.Functions.end());
  F.Functions.insert(F.Functions.end(), Calls.Functions.begin(), Calls.Functions.end());
  FactCall Local = F.Functions.back().Calls.at(0);
  Local.Local = true;
  Local.Catches = {"std::exception", "..."};
  Local.LeaksIfThrows = Local.Held;
  Local.Virtual = true;
  F.Functions.back().ThrowsUnknown = true;
  F.Functions.back().Throws.push_back({"std::out_of_range", {"std::exception"}, "vector::at", "A::f"});
  F.Functions.back().Calls.push_back(Local);
  FactFinding Fd;
  Fd.CheckKind = Check::LockOrder;
  Fd.Loc = {"facts.cpp", 3, 4};
  Fd.Message = "a message";
  Fd.Function = "Bank::audit";
  Fd.Notes.push_back({{"facts.cpp", 1, 2}, "a note"});
  F.Findings.push_back(Fd);
  FactAccess A;
  A.Access.Var = "c:@S@Account@FI@balance_";
  A.Access.VarName = "balance_";
  A.Access.Write = true;
  A.Access.Indeterminate = true;
  A.Access.Held.push_back({"R:|.Account::mu_", "mu_", false});
  A.Loc = {"facts.cpp", 5, 6};
  A.Function = "Account::reset";
  F.Accesses.push_back(A);
  F.Guards.MinAccesses = 4;
  F.Guards.Reads = false;
  std::string First = text(F);
  llvm::Expected<TUFacts> Back = parseFacts(First, "mem");
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_TRUE(*Back == F);
  EXPECT_EQ(text(*Back), First);
}

// Edges are written grouped by acquisition (a lock table and, per place,
// the locks held there) and read back as the same edges in the same order.
TEST(Facts, GroupsOrderEdgesByAcquisition) {
  TUFacts F;
  F.MainFile = "order.cpp";
  auto edge = [](std::string From, std::string To, int Line) {
    FactEdge E;
    E.FromClass = E.FromName = std::move(From);
    E.ToClass = E.ToName = std::move(To);
    E.Kind = "mutex";
    E.Loc = {"order.cpp", Line, 3};
    return E;
  };
  for (int To = 1; To < 5; ++To)
    for (int From = 0; From < To; ++From)
      F.Edges.push_back(edge("m" + std::to_string(From), "m" + std::to_string(To), To));
  F.Edges.push_back(edge("m3", "m0", 9));
  F.Edges.back().Chain.push_back({{"other.cpp", 2, 5}, "'f' acquires 'm0' here"});
  F.Edges.push_back(edge("m2", "m0", 9)); // same place, another chain: no group
  std::string Text = text(F);
  llvm::json::Value V = *llvm::json::parse(Text);
  const llvm::json::Object &O = *V.getAsObject();
  EXPECT_EQ(O.getArray("orderLocks")->size(), 5u);
  EXPECT_EQ(O.getArray("lockOrder")->size(), 6u); // 4 + 2
  EXPECT_EQ((*O.getArray("lockOrder"))[3].getAsObject()->getArray("from")->size(), 4u);
  llvm::Expected<TUFacts> Back = parseFacts(Text, "mem");
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_TRUE(Back->Edges == F.Edges);
  EXPECT_EQ(text(*Back), Text);
}

TEST(Facts, RejectsBadOrderLockNumbers) {
  auto error = [](llvm::StringRef Order) {
    std::string Text = "{\"format\": \"lockcheck-facts\", \"version\": 8, \"mainFile\": "
                       "\"a.cpp\", \"functions\": [], \"findings\": [], \"externalCalls\": "
                       "[], \"named\": [], \"ifUncalled\": [], \"orderLocks\": [{\"class\": \"m\", \"name\": \"m\"}], "
                       "\"lockOrder\": [{\"kind\": \"mutex\", \"location\": {\"file\": "
                       "\"a.cpp\", \"line\": 1, \"column\": 1}, \"chain\": [], \"declared\": "
                       "false, " +
                       Order.str() + "}]}";
    llvm::Expected<TUFacts> F = parseFacts(Text, "x.json");
    return F ? std::string("accepted") : llvm::toString(F.takeError());
  };
  EXPECT_EQ(error("\"to\": 0, \"from\": [0]"), "accepted");
  EXPECT_NE(error("\"to\": 1, \"from\": [0]").find("entry of orderLocks"), std::string::npos);
  EXPECT_NE(error("\"to\": 0, \"from\": [-1]").find("entry of orderLocks"),
            std::string::npos);
  EXPECT_NE(error("\"to\": 0, \"from\": [\"0\"]").find("entry of orderLocks"),
            std::string::npos);
  EXPECT_NE(error("\"to\": 0").find("malformed"), std::string::npos);
}

TEST(Facts, RoundTripsThroughAFile) {
  llvm::SmallString<128> Path;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("facts", "json", Path));
  TUFacts F = factsOf(Code);
  ASSERT_FALSE(bool(writeFactsFile(F, Path)));
  llvm::Expected<TUFacts> Back = readFactsFile(Path);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_TRUE(*Back == F);
  llvm::sys::fs::remove(Path);
}

TEST(Facts, RejectsForeignAndFutureFiles) {
  auto error = [](llvm::StringRef Text) {
    llvm::Expected<TUFacts> F = parseFacts(Text, "x.json");
    EXPECT_FALSE(bool(F));
    return F ? std::string() : llvm::toString(F.takeError());
  };
  EXPECT_NE(error("{").find("x.json: not valid JSON"), std::string::npos);
  EXPECT_NE(error("{\"format\": \"other\"}").find("not a lockcheck facts file"),
            std::string::npos);
  EXPECT_NE(error("{\"format\": \"lockcheck-facts\", \"version\": 99}")
                .find("facts version 99 is not supported"),
            std::string::npos);
  EXPECT_NE(error("{\"format\": \"lockcheck-facts\", \"version\": 7}")
                .find("facts version 7 is not supported; this lockcheck reads version 8"),
            std::string::npos);
  EXPECT_NE(error("{\"format\": \"lockcheck-facts\", \"version\": 8, \"mainFile\": 3, "
                  "\"functions\": [], \"orderLocks\": [], \"lockOrder\": []}")
                .find("malformed"),
            std::string::npos);
}

} // namespace

namespace {

std::vector<Finding> analyse(const char *Source, AnalysisOptions Opts) {
  std::unique_ptr<clang::ASTUnit> AST =
      clang::tooling::buildASTFromCodeWithArgs(Source, {"-std=c++17"}, "tu.cpp");
  EXPECT_TRUE(AST);
  CollectingSink Sink;
  analyzeTranslationUnit(AST->getASTContext(), Opts, Sink);
  return finalizeFindings(std::move(Sink.Findings), AST->getSourceManager());
}

const char *Defines = R"cpp(
#include <mutex>
struct Account { std::mutex m; int balance = 0; };
void credit(Account &a) { std::lock_guard<std::mutex> g(a.m); a.balance++; }
)cpp";

const char *Calls = R"cpp(
#include <mutex>
struct Account { std::mutex m; int balance = 0; };
void credit(Account &a);
void deposit(Account &a) {
  std::lock_guard<std::mutex> g(a.m);
  credit(a);
}
)cpp";

TEST(Facts, ImportedSummariesSeeAcrossTranslationUnits) {
  // Alone, the calling TU cannot know what credit() does.
  EXPECT_TRUE(analyse(Calls, AnalysisOptions()).empty());
  TUFacts Other = factsOf(Defines);
  ImportedSummaries Imported;
  Imported.add(Other);
  AnalysisOptions Opts;
  Opts.Imported = &Imported;
  TUFacts Mine;
  Opts.Facts = &Mine;
  std::vector<Finding> Found = analyse(Calls, Opts);
  ASSERT_EQ(Found.size(), 1u);
  EXPECT_EQ(Found[0].CheckKind, Check::DoubleLock);
  EXPECT_EQ(Found[0].Message, "calling 'credit' acquires mutex 'a.m' that is already held");
  // The external call is listed, so a whole-project tool knows to re-check.
  EXPECT_EQ(Mine.ExternalCalls.size(), 1u);
}

} // namespace
