//===- BaselineTest.cpp - fingerprints and baselines ----------------------===//
#include "Baseline.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "gtest/gtest.h"

using namespace lockcheck;
using namespace lockcheck::cli;

namespace {

const char *Root = "/home/someone/projects/lockcheck-sample";

/// A finding in a file whose path is far longer than any small-string
/// buffer, the way real projects nest their sources.
Report longPathReport(unsigned Line = 42, unsigned Column = 7) {
  Report R;
  R.CheckKind = Check::MissingUnlock;
  R.Where = {std::string(Root) +
                 "/src/network/connection_pool/internal/detail/connection_pool_impl.cpp",
             Line, Column};
  R.Message = "mutex 'pool_mu_' is still held when 'acquire' returns";
  R.Function = "net::ConnectionPool::acquire";
  return R;
}

TEST(Fingerprint, LongNestedPathIsStable) {
  Report R = longPathReport();
  std::string First = fingerprint(R, Root);
  EXPECT_EQ(First.size(), 20u);
  // Computed again, from copies, after other allocations: the same digest.
  std::vector<std::string> Noise(64, std::string(200, 'x'));
  Report Copy = R;
  EXPECT_EQ(fingerprint(Copy, Root), First);
  EXPECT_EQ(fingerprint(R, std::string(Root) + "/"), First);
}

TEST(Fingerprint, IgnoresLinesAndColumns) {
  EXPECT_EQ(fingerprint(longPathReport(42, 7), Root), fingerprint(longPathReport(90, 3), Root));
}

TEST(Fingerprint, DependsOnCheckFileFunctionAndMessage) {
  Report Base = longPathReport();
  std::string F = fingerprint(Base, Root);
  Report Other = Base;
  Other.CheckKind = Check::ExceptionLeak;
  EXPECT_NE(fingerprint(Other, Root), F);
  Other = Base;
  Other.Where.File = std::string(Root) + "/src/network/connection_pool/internal/detail/other.cpp";
  EXPECT_NE(fingerprint(Other, Root), F);
  Other = Base;
  Other.Function = "net::ConnectionPool::release";
  EXPECT_NE(fingerprint(Other, Root), F);
  Other = Base;
  Other.Message = "mutex 'stats_mu_' is still held when 'acquire' returns";
  EXPECT_NE(fingerprint(Other, Root), F);
}

TEST(Fingerprint, RelativeToTheProjectRoot) {
  // The same project checked out elsewhere gives the same fingerprints.
  Report Here = longPathReport();
  Report There = Here;
  There.Where.File = "/ci/builds/1234/lockcheck-sample/src/network/connection_pool/internal/"
                     "detail/connection_pool_impl.cpp";
  EXPECT_EQ(fingerprint(Here, Root), fingerprint(There, "/ci/builds/1234/lockcheck-sample"));
}

TEST(Fingerprint, PositionsInsideMessagesAreBlanked) {
  EXPECT_EQ(normalizedMessage("'f' acquires 'm' (src/a.cpp:12:3)"),
            "'f' acquires 'm' (src/a.cpp:_)");
  Report A = longPathReport(), B = longPathReport();
  A.Message += " (src/long/path/to/file.cpp:10:2)";
  B.Message += " (src/long/path/to/file.cpp:99:20)";
  EXPECT_EQ(fingerprint(A, Root), fingerprint(B, Root));
}

TEST(Baseline, RoundTripWithLongPaths) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("lockcheck-baseline-test", Dir));
  std::string Path = (Dir + "/a/deeply/nested/baseline/directory/lockcheck-baseline.json").str();
  ASSERT_FALSE(llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path)));
  std::vector<Report> Today{longPathReport(10), longPathReport(20)};
  Today[1].Function = "net::ConnectionPool::release";
  ASSERT_FALSE(bool(Baseline::write(Path, Today, Root)));
  llvm::Expected<Baseline> B = Baseline::read(Path);
  ASSERT_TRUE(bool(B)) << llvm::toString(B.takeError());
  // The next run: lines moved, one new finding of the same kind.
  std::vector<Report> Next{longPathReport(15), longPathReport(25), longPathReport(30)};
  Next[1].Function = "net::ConnectionPool::release";
  EXPECT_EQ(B->filter(Next, Root), 2u);
  ASSERT_EQ(Next.size(), 1u);
  EXPECT_EQ(Next[0].Where.Line, 30u);
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
