//===- ImportsTest.cpp - phase 1's shared wrappers, phase 2's order -------===//
#include "RecheckOrder.h"
#include "SharedImports.h"
#include "gtest/gtest.h"

using namespace lockcheck;
using namespace lockcheck::cli;

namespace {

FactFunction function(std::string Usr, bool Wrapper, bool CallsOut = false) {
  FactFunction F;
  F.Usr = Usr;
  F.Name = Usr;
  if (Wrapper) {
    FactLock L;
    L.Path.push_back({"param", "h", "", "", 0});
    L.Display = "h";
    L.Kind = "mutex";
    F.NetAcquired.push_back(L);
  }
  if (CallsOut) {
    FactCall C;
    C.CalleeUsr = "elsewhere";
    F.Calls.push_back(C);
  }
  return F;
}

TUFacts tu(std::vector<FactFunction> Fns, std::vector<std::string> Calls = {}) {
  TUFacts T;
  T.Functions = std::move(Fns);
  T.ExternalCalls = std::move(Calls);
  return T;
}

} // namespace

TEST(SharedImports, OnlyWrappersAndTheFirstDefinitionCount) {
  SharedImports S;
  auto Before = S.snapshot();
  EXPECT_FALSE(S.update(0, tu({function("plain", false)})));
  EXPECT_TRUE(S.update(3, tu({function("lock", true)})));
  EXPECT_TRUE(Before->empty()); // a snapshot never changes
  ASSERT_NE(S.snapshot()->find("lock"), nullptr);
  EXPECT_EQ(S.snapshot()->find("plain"), nullptr);
  // TU 1 defines `lock` too, as no wrapper: it comes first in the run, so
  // it wins whenever it finishes.
  EXPECT_TRUE(S.update(1, tu({function("lock", false)})));
  EXPECT_EQ(S.snapshot()->find("lock"), nullptr);
  // Analysed again, TU 1 no longer defines it: TU 3's counts again.
  EXPECT_TRUE(S.update(1, tu({})));
  EXPECT_NE(S.snapshot()->find("lock"), nullptr);
}

TEST(SharedImports, DigestCoversOnlyWhatTheTUCalls) {
  SharedImports S;
  S.update(0, tu({function("lock", true), function("unlock", true)}));
  TUFacts Caller = tu({}, {"lock"});
  std::string D = importDigest(Caller, *S.snapshot());
  EXPECT_NE(D, "");
  EXPECT_EQ(importDigest(tu({}, {"other"}), *S.snapshot()), "");
  S.update(0, tu({function("lock", true)})); // unlock is gone: not called
  EXPECT_EQ(importDigest(Caller, *S.snapshot()), D);
  S.update(0, tu({function("lock", false)}));
  EXPECT_EQ(importDigest(Caller, *S.snapshot()), "");
}

TEST(RecheckOrder, WrapperChainsGoInDependencyOrder) {
  // use (0) calls wrap (2), which calls out; wrap calls lock (1), which does
  // not: lock's summary cannot change, so nothing waits for TU 1.
  TUFacts Use = tu({}, {"wrap"});
  TUFacts Lock = tu({function("lock", true)});
  TUFacts Wrap = tu({function("wrap", false, /*CallsOut=*/true)}, {"lock"});
  std::vector<RecheckStep> Steps = recheckSteps({&Use, &Lock, &Wrap});
  ASSERT_EQ(Steps.size(), 2u);
  EXPECT_EQ(Steps[0].TUs, (std::vector<unsigned>{1, 2}));
  EXPECT_EQ(Steps[1].TUs, (std::vector<unsigned>{0}));
  EXPECT_TRUE(Steps[0].InCycles.empty() && Steps[1].InCycles.empty());
}

TEST(RecheckOrder, TUsImportingEachOtherFormOneStep) {
  TUFacts A = tu({function("a", false, true)}, {"b"});
  TUFacts B = tu({function("b", false, true)}, {"a"});
  std::vector<RecheckStep> Steps = recheckSteps({&A, &B});
  ASSERT_EQ(Steps.size(), 1u);
  EXPECT_EQ(Steps[0].InCycles, (std::vector<unsigned>{0, 1}));
}
