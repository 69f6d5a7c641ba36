//===- SolverTest.cpp - how fast the dataflow solver converges ------------===//
//
// The lit tests say what the analysis finds; these say how much work the
// solver spends finding it, which no finding shows: a solver that visits
// every block three times finds the same as one that visits it once.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/Analysis.h"
#include "lockcheck/FindingFilter.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <string>

using namespace lockcheck;

namespace {

SolverStats solve(const std::string &Source, std::vector<Finding> *Findings = nullptr) {
  std::unique_ptr<clang::ASTUnit> AST =
      clang::tooling::buildASTFromCodeWithArgs(Source, {"-std=c++17"}, "tu.cpp");
  EXPECT_TRUE(AST);
  SolverStats Stats;
  if (!AST)
    return Stats;
  AnalysisOptions Opts;
  Opts.Stats = &Stats;
  CollectingSink Sink;
  analyzeTranslationUnit(AST->getASTContext(), Opts, Sink);
  if (Findings)
    *Findings = std::move(Sink.Findings);
  return Stats;
}

/// \p N goto labels, each taking and releasing one of four mutexes, then
/// jumping back to an earlier label or ahead to a later one (the shape of
/// `gen_stress.py labels`): every path that reaches a label last released
/// each mutex somewhere else.
std::string labels(unsigned N) {
  std::string S = "#include <mutex>\nstd::mutex l0, l1, l2, l3;\n"
                  "int jumpy(const int *v, int x) noexcept {\n  int r = 0;\n";
  for (unsigned I = 0; I < N; ++I) {
    unsigned Back = (I * 7919) % (I + 1), Fwd = std::min(N - 1, I + 1 + (I * 31) % 17);
    std::string M = "l" + std::to_string(I % 4), Idx = std::to_string(I);
    S += "L" + Idx + ":\n  " + M + ".lock(); r += v[" + Idx + "]; " + M + ".unlock();\n";
    S += "  if (v[" + Idx + "] == x) goto L" + std::to_string(Back) + ";\n";
    S += "  if (v[" + Idx + "] < x) goto L" + std::to_string(Fwd) + ";\n";
  }
  return S + "  return r;\n}\n";
}

// Where paths joining at a label released a mutex at different places, the
// join keeps the release of the first edge it takes. Taken in the CFG's
// order of predecessors, where a back edge can come first, each back edge
// visited later changed the state: 2.3 visits per block on this input (2.9
// on 8,000 labels), and as many times the work.
TEST(Solver, BackEdgesDoNotRevisitForADifferentReleaseSite) {
  std::vector<Finding> Findings;
  SolverStats Stats = solve(labels(400), &Findings);
  EXPECT_TRUE(Findings.empty());
  ASSERT_GT(Stats.Blocks, 2000u);
  EXPECT_LT(Stats.Visits, Stats.Blocks + Stats.Blocks / 10)
      << Stats.Visits << " visits of " << Stats.Blocks << " blocks";
}

// A loop whose body changes what its head sees needs a second visit of the
// body, and no more.
TEST(Solver, ALoopIsVisitedTwice) {
  SolverStats Stats = solve(R"cpp(
#include <mutex>
std::mutex m;
void work() noexcept;
void spin(int n) {
  for (int i = 0; i < n; ++i) {
    m.lock();
    work();
    m.unlock();
  }
}
)cpp");
  ASSERT_GT(Stats.Blocks, 3u);
  EXPECT_LE(Stats.Visits, 2 * Stats.Blocks);
}

} // namespace
