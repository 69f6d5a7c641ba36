//===- SarifTest.cpp - SARIF pieces: URIs, rules' help --------------------===//
#include "CheckDocs.h"
#include "Output.h"
#include "llvm/Support/JSON.h"
#include "gtest/gtest.h"

using namespace lockcheck;
using namespace lockcheck::cli;

namespace {

TEST(Sarif, UriPathsArePercentEncoded) {
  EXPECT_EQ(uriEscapePath("src/my file.cpp"), "src/my%20file.cpp");
  EXPECT_EQ(uriEscapePath("src/caf\xc3\xa9.cpp"), "src/caf%C3%A9.cpp");
  EXPECT_EQ(uriEscapePath("src/a#b.cpp"), "src/a%23b.cpp");
  EXPECT_EQ(uriEscapePath("src/100%.cpp"), "src/100%25.cpp");
  EXPECT_EQ(uriEscapePath("/abs/path-to_x.~y/z.c"), "/abs/path-to_x.~y/z.c");
}

TEST(Sarif, EveryRuleHasItsPage) {
  for (Check C : allChecks()) {
    EXPECT_FALSE(checkDocMarkdown(C).empty()) << checkName(C).str();
    EXPECT_FALSE(checkDocIntro(C).empty());
    EXPECT_EQ(checkDocText(C).find("```"), std::string::npos);
    EXPECT_NE(checkDocUri(C).find(checkName(C).drop_front(10).str() + ".md"), std::string::npos);
  }
}

TEST(Sarif, FileNamesThatNeedEscapingStayValid) {
  Report R;
  R.CheckKind = Check::DoubleLock;
  R.Where = {"/work/proj/src/my file #1 100% caf\xc3\xa9.cpp", 3, 5};
  R.Message = "acquiring mutex 'm' that is already held";
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeSarif(OS, {R}, RunSummary(), "/work/proj");
  OS.flush();
  EXPECT_NE(Out.find("\"src/my%20file%20%231%20100%25%20caf%C3%A9.cpp\""), std::string::npos)
      << Out;
  EXPECT_EQ(Out.find("0x"), std::string::npos);
  EXPECT_TRUE(bool(llvm::json::parse(Out)));
}

} // namespace
