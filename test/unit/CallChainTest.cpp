//===- CallChainTest.cpp - call chains shared between summaries -----------===//
#include "lockcheck/CallChain.h"
#include "gtest/gtest.h"
#include <vector>

using namespace lockcheck;

namespace {

std::vector<std::string> messages(const CallChain &C) {
  std::vector<std::string> Out;
  for (const ChainStep &S : C)
    Out.push_back(S.Message);
  return Out;
}

ChainStep step(std::string Message) { return {clang::SourceLocation(), std::move(Message)}; }

TEST(CallChain, PrependsWithoutChangingTheRest) {
  CallChain Leaf(step("'c' acquires 'm' here"));
  CallChain Mid(step("'b' calls 'c' here"), Leaf);
  CallChain Top(step("'a' calls 'b' here"), Mid);
  EXPECT_EQ(messages(Leaf), std::vector<std::string>{"'c' acquires 'm' here"});
  EXPECT_EQ(messages(Top), (std::vector<std::string>{"'a' calls 'b' here", "'b' calls 'c' here",
                                                     "'c' acquires 'm' here"}));
  EXPECT_EQ(Top.size(), 3u);
  // Two callers of one callee share its steps; each sees its own first step.
  CallChain Other(step("'x' calls 'b' here"), Mid);
  EXPECT_EQ(messages(Other).front(), "'x' calls 'b' here");
  EXPECT_EQ(messages(Top).front(), "'a' calls 'b' here");
}

TEST(CallChain, TakeShowsTheFirstSteps) {
  CallChain C;
  for (int I = 9; I >= 0; --I)
    C = CallChain(step(std::to_string(I)), C);
  CallChain Cut = C.take(MaxChainSteps);
  EXPECT_EQ(Cut.size(), size_t(MaxChainSteps));
  EXPECT_EQ(messages(Cut), (std::vector<std::string>{"0", "1", "2", "3", "4", "5", "6", "7"}));
  // A step put in front of a cut chain goes on with the steps it shows.
  CallChain Longer(step("call"), Cut);
  EXPECT_EQ(Longer.size(), size_t(MaxChainSteps) + 1);
  EXPECT_EQ(messages(Longer).back(), "7");
  EXPECT_TRUE(CallChain().empty());
  EXPECT_EQ(CallChain().begin(), CallChain().end());
  EXPECT_EQ(C.take(0).begin(), C.take(0).end());
}

TEST(CallChain, CopiesOutliveTheOriginal) {
  CallChain Copy;
  {
    CallChain Leaf(step("leaf"));
    CallChain Top(step("top"), Leaf);
    Copy = Top;
  }
  EXPECT_EQ(messages(Copy), (std::vector<std::string>{"top", "leaf"}));
  CallChain Moved(std::move(Copy));
  EXPECT_EQ(messages(Moved), (std::vector<std::string>{"top", "leaf"}));
}

TEST(CallChain, OneStepStartsManyChains) {
  SharedStepRef Call(new SharedStep(step("'a' calls 'b' here")));
  CallChain First(step("'b' acquires 'm' here")), Second(step("'b' acquires 'n' here"));
  CallChain ViaFirst(Call, First), ViaSecond(Call, Second);
  EXPECT_EQ(messages(ViaFirst),
            (std::vector<std::string>{"'a' calls 'b' here", "'b' acquires 'm' here"}));
  EXPECT_EQ(messages(ViaSecond),
            (std::vector<std::string>{"'a' calls 'b' here", "'b' acquires 'n' here"}));
  // Both show the one stored step; it lives as long as a chain starts with it.
  EXPECT_EQ(&*ViaFirst.begin(), &*ViaSecond.begin());
  Call = nullptr;
  EXPECT_EQ(ViaSecond.begin()->Message, "'a' calls 'b' here");
}

TEST(CallChain, ALongChainIsFreedWithoutRecursion) {
  CallChain C;
  for (int I = 0; I < 1000000; ++I)
    C = CallChain(step(""), C);
  EXPECT_EQ(C.size(), 1000000u);
} // the destructor walks a million nodes

} // namespace
