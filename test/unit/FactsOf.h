//===- FactsOf.h - the facts of a snippet of code, for unit tests ---------===//
#ifndef LOCKCHECK_TEST_FACTSOF_H
#define LOCKCHECK_TEST_FACTSOF_H

#include "lockcheck/Analysis.h"
#include "lockcheck/FindingFilter.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

namespace lockcheck {

/// Parses \p Source as the C++17 file \p Name and returns its facts.
inline TUFacts factsOf(const std::string &Source, const char *Name = "facts.cpp") {
  std::unique_ptr<clang::ASTUnit> AST =
      clang::tooling::buildASTFromCodeWithArgs(Source, {"-std=c++17"}, Name);
  EXPECT_TRUE(AST);
  TUFacts Facts;
  AnalysisOptions Opts;
  Opts.Facts = &Facts;
  CollectingSink Sink;
  if (AST)
    analyzeTranslationUnit(AST->getASTContext(), Opts, Sink);
  return Facts;
}

} // namespace lockcheck

#endif
