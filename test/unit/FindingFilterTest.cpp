//===- FindingFilterTest.cpp - NOLINT, system headers, dedupe, sort -------===//
//
// Findings are built by hand at known lines of a parsed file, so these tests
// do not depend on the analysis.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/FindingFilter.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace lockcheck;

namespace {

// Line numbers matter: tests refer to them.
const char Code[] = R"cpp(#include <sys.h>
void l2(); // NOLINT
void l3(); // NOLINT(lockcheck-double-lock)
void l4(); // NOLINT(lockcheck-*)
void l5(); // NOLINT(bugprone-foo)
void l6(); // NOLINT( bugprone-foo , lockcheck-unlock-not-held )
void l7(); // NOLINT(lockcheck-*,-lockcheck-double-lock)
// NOLINTNEXTLINE(lockcheck-double-lock)
void l9();
void l10();
// NOLINTNEXTLINE
void l12();
// NOLINTBEGIN(lockcheck-missing-unlock)
void l14();
// NOLINTEND(lockcheck-missing-unlock)
void l16();
// NOLINTBEGIN(lockcheck-double-lock)
void l18();
// NOLINTEND(lockcheck-missing-unlock)
void l20();
void l21(); // NOLINTED is a word, and so is MY_NOLINT
void l22(); // NOLINT(lockcheck-double-lock
#define TWICE(x) x; x // NOLINT(lockcheck-unused-guard)
#define ONCE(x) x
void l25() { ONCE(l2()); } // NOLINT(lockcheck-exception-leak)
void l26() { TWICE(l2()); }
void l27() { ONCE(l2()); }
// NOLINTBEGIN
void l29();
// NOLINTEND
void l31();
)cpp";

const char SysHeader[] = "void in_system_header();\n";

class FindingFilterTest : public ::testing::Test {
protected:
  void SetUp() override {
    AST = tooling::buildASTFromCodeWithArgs(
        Code, {"-std=c++17", "-isystem", "/sys"}, "input.cc", "lockcheck-unit",
        std::make_shared<PCHContainerOperations>(),
        tooling::getClangStripDependencyFileAdjuster(),
        {{"/sys/sys.h", SysHeader}});
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  }

  const SourceManager &sm() { return AST->getSourceManager(); }

  SourceLocation at(unsigned Line, unsigned Col = 1) {
    return sm().translateLineCol(sm().getMainFileID(), Line, Col);
  }

  /// The location inside the macro argument expansion on \p Line (the
  /// "l2()" spelled in the call of ONCE/TWICE).
  SourceLocation inMacro(unsigned Line) {
    SourceLocation Found;
    const SourceManager &SM = sm();
    for (Decl *D : AST->getASTContext().getTranslationUnitDecl()->decls())
      if (auto *FD = dyn_cast<FunctionDecl>(D))
        if (FD->hasBody() && SM.getExpansionLineNumber(FD->getLocation()) == Line)
          if (auto *Body = dyn_cast<CompoundStmt>(FD->getBody()))
            if (!Body->body_empty())
              Found = (*Body->body_begin())->getBeginLoc();
    return Found;
  }

  static Finding make(Check C, SourceLocation Loc, std::string Msg = "msg") {
    Finding F;
    F.CheckKind = C;
    F.Loc = Loc;
    F.Message = std::move(Msg);
    return F;
  }

  bool suppressed(unsigned Line, Check C) {
    return isSuppressedByNolint(sm(), at(Line), C);
  }

  std::unique_ptr<ASTUnit> AST;
};

TEST_F(FindingFilterTest, NolintOnTheLine) {
  EXPECT_TRUE(suppressed(2, Check::DoubleLock));
  EXPECT_TRUE(suppressed(2, Check::LockOrder));
  EXPECT_TRUE(suppressed(3, Check::DoubleLock));
  EXPECT_FALSE(suppressed(3, Check::MissingUnlock));
  EXPECT_TRUE(suppressed(4, Check::UnusedGuard));
  EXPECT_FALSE(suppressed(5, Check::DoubleLock));
  EXPECT_TRUE(suppressed(6, Check::UnlockNotHeld));
  EXPECT_FALSE(suppressed(6, Check::DoubleLock));
  EXPECT_FALSE(suppressed(7, Check::DoubleLock)); // negated glob
  EXPECT_TRUE(suppressed(7, Check::MissingUnlock));
  EXPECT_FALSE(suppressed(10, Check::DoubleLock)); // no comment at all
}

TEST_F(FindingFilterTest, NolintNextLine) {
  EXPECT_FALSE(suppressed(8, Check::DoubleLock)); // the comment's own line
  EXPECT_TRUE(suppressed(9, Check::DoubleLock));
  EXPECT_FALSE(suppressed(9, Check::MissingUnlock));
  EXPECT_FALSE(suppressed(10, Check::DoubleLock)); // only the next line
  EXPECT_TRUE(suppressed(12, Check::LockOrder));
}

TEST_F(FindingFilterTest, NolintBeginEnd) {
  for (unsigned Line : {13u, 14u, 15u})
    EXPECT_TRUE(suppressed(Line, Check::MissingUnlock)) << Line;
  EXPECT_FALSE(suppressed(14, Check::DoubleLock));
  EXPECT_FALSE(suppressed(16, Check::MissingUnlock));
  // A BEGIN closed only by an END with other checks suppresses nothing.
  EXPECT_FALSE(suppressed(18, Check::DoubleLock));
  EXPECT_FALSE(suppressed(20, Check::DoubleLock));
  EXPECT_TRUE(suppressed(29, Check::ExceptionLeak));
  EXPECT_FALSE(suppressed(31, Check::ExceptionLeak));
}

TEST_F(FindingFilterTest, NotDirectives) {
  EXPECT_FALSE(suppressed(21, Check::DoubleLock));
  EXPECT_FALSE(suppressed(22, Check::DoubleLock)); // unclosed parenthesis
}

TEST_F(FindingFilterTest, Macros) {
  // NOLINT on the line where the macro is used.
  SourceLocation L25 = inMacro(25);
  ASSERT_TRUE(L25.isMacroID());
  EXPECT_TRUE(isSuppressedByNolint(sm(), L25, Check::ExceptionLeak));
  EXPECT_FALSE(isSuppressedByNolint(sm(), L25, Check::DoubleLock));
  // NOLINT on the line of the macro's definition.
  SourceLocation L26 = inMacro(26);
  ASSERT_TRUE(L26.isMacroID());
  EXPECT_TRUE(isSuppressedByNolint(sm(), L26, Check::UnusedGuard));
  EXPECT_FALSE(isSuppressedByNolint(sm(), inMacro(27), Check::UnusedGuard));
}

TEST_F(FindingFilterTest, FinalizeAppliesNolintUnlessAsked) {
  std::vector<Finding> In;
  In.push_back(make(Check::DoubleLock, at(2)));
  In.push_back(make(Check::DoubleLock, at(10)));
  std::vector<Finding> Out = finalizeFindings(In, sm());
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].Loc, at(10));

  FilterOptions Keep;
  Keep.ApplyNolint = false;
  EXPECT_EQ(finalizeFindings(In, sm(), Keep).size(), 2u);
}

TEST_F(FindingFilterTest, SystemHeaders) {
  FileID SysFile;
  const SourceManager &SM = sm();
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
    if (It->first.getName().ends_with("sys.h"))
      SysFile = SM.translateFile(It->first);
  ASSERT_TRUE(SysFile.isValid());
  SourceLocation InSys = SM.translateLineCol(SysFile, 1, 1);
  ASSERT_TRUE(SM.isInSystemHeader(InSys));

  std::vector<Finding> In;
  In.push_back(make(Check::DoubleLock, InSys));
  In.push_back(make(Check::DoubleLock, at(10)));
  std::vector<Finding> Out = finalizeFindings(In, SM);
  ASSERT_EQ(Out.size(), 1u);
  EXPECT_EQ(Out[0].Loc, at(10));

  FilterOptions Keep;
  Keep.DropSystemHeaders = false;
  EXPECT_EQ(finalizeFindings(In, SM, Keep).size(), 2u);
}

TEST_F(FindingFilterTest, Deduplicates) {
  std::vector<Finding> In;
  In.push_back(make(Check::DoubleLock, at(10), "a"));
  In.push_back(make(Check::DoubleLock, at(10), "a")); // a second instantiation
  In.push_back(make(Check::DoubleLock, at(10), "b"));
  In.push_back(make(Check::MissingUnlock, at(10), "a"));
  In.push_back(make(Check::DoubleLock, at(16), "a"));
  EXPECT_EQ(finalizeFindings(In, sm()).size(), 4u);
}

TEST_F(FindingFilterTest, SortsByLocationKeepingNoteOrder) {
  std::vector<Finding> In;
  In.push_back(make(Check::DoubleLock, at(20)));
  In.push_back(make(Check::DoubleLock, SourceLocation(), "no location"));
  Finding WithNotes = make(Check::DoubleLock, at(16, 3));
  WithNotes.Notes.push_back({at(31), "first note"});
  WithNotes.Notes.push_back({at(10), "second note"});
  In.push_back(WithNotes);
  In.push_back(make(Check::LockOrder, at(16, 3)));
  In.push_back(make(Check::MissingUnlock, at(16, 1)));
  In.push_back(make(Check::DoubleLock, at(10)));

  std::vector<Finding> Out = finalizeFindings(In, sm());
  ASSERT_EQ(Out.size(), 6u);
  EXPECT_EQ(Out[0].Loc, at(10));
  EXPECT_EQ(Out[1].Loc, at(16, 1));
  EXPECT_EQ(Out[2].Loc, at(16, 3));
  EXPECT_EQ(Out[2].CheckKind, Check::DoubleLock); // ties: by check
  EXPECT_EQ(Out[3].CheckKind, Check::LockOrder);
  EXPECT_EQ(Out[4].Loc, at(20));
  EXPECT_TRUE(Out[5].Loc.isInvalid());
  ASSERT_EQ(Out[2].Notes.size(), 2u);
  EXPECT_EQ(Out[2].Notes[0].Message, "first note");
  EXPECT_EQ(Out[2].Notes[1].Message, "second note");
}

TEST_F(FindingFilterTest, SortsAcrossFiles) {
  // The header is included on line 1, so it comes before the main file.
  FileID SysFile;
  const SourceManager &SM = sm();
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It)
    if (It->first.getName().ends_with("sys.h"))
      SysFile = SM.translateFile(It->first);
  std::vector<Finding> In;
  In.push_back(make(Check::DoubleLock, at(2)));
  In.push_back(make(Check::DoubleLock, SM.translateLineCol(SysFile, 1, 1)));
  FilterOptions Keep;
  Keep.DropSystemHeaders = false;
  Keep.ApplyNolint = false;
  std::vector<Finding> Out = finalizeFindings(In, SM, Keep);
  ASSERT_EQ(Out.size(), 2u);
  EXPECT_EQ(SM.getFileID(Out[0].Loc), SysFile);
}

} // namespace
