//===- LspPiecesTest.cpp - URIs, framing, positions, documents ------------===//
#include "MessageFraming.h"
#include "Positions.h"
#include "TextDocument.h"
#include "Uri.h"
#include "gtest/gtest.h"
#include <thread>
#include <unistd.h>

using namespace lockcheck::lsp;

namespace {

TEST(Uri, RoundTripsAwkwardPaths) {
  for (const char *P : {"/src/my file.cpp", "/src/caf\xc3\xa9.cpp", "/src/a#b%c.cpp",
                        "/a/very/long/nested/path/that/does/not/fit/any/small/buffer/x.cpp"}) {
    std::string U = pathToFileUri(P);
    EXPECT_EQ(U.rfind("file://", 0), 0u) << U;
    std::optional<std::string> Back = fileUriToPath(U);
    ASSERT_TRUE(Back) << U;
    EXPECT_EQ(*Back, P);
  }
}

TEST(Framing, ReadsWhatItWrites) {
  int Pipe[2];
  ASSERT_EQ(pipe(Pipe), 0);
  std::string Big(100000, 'x');
  std::string Body1 = "{\"jsonrpc\":\"2.0\"}", Body2 = "{\"big\":\"" + Big + "\"}";
  std::string Data = frameMessage(Body1) + frameMessage(Body2);
  std::thread Writer([&] {
    EXPECT_TRUE(writeAll(Pipe[1], Data));
    close(Pipe[1]);
  });
  FrameReader R(Pipe[0], "test");
  EXPECT_EQ(R.next(), Body1);
  EXPECT_EQ(R.next(), Body2);
  EXPECT_EQ(R.next(), std::nullopt);
  Writer.join();
  close(Pipe[0]);
}

TEST(Positions, CodeUnits) {
  llvm::StringRef Line = "a\xc3\xa9\xf0\x9f\x98\x80z"; // a, é, 😀, z
  EXPECT_EQ(codeUnitsIn(Line, PositionEncoding::UTF8), 8);
  EXPECT_EQ(codeUnitsIn(Line, PositionEncoding::UTF16), 5);
  EXPECT_EQ(codeUnitsIn(Line, PositionEncoding::UTF32), 4);
  EXPECT_EQ(bytesForCodeUnits(Line, 4, PositionEncoding::UTF16), 7u);
}

TEST(TextDocument, IncrementalEditsAndRangeMapping) {
  TextDocument D("int a;\nint b;\n", 1);
  ContentChange C;
  C.Replaced = Range{{0, 0}, {0, 0}};
  C.Text = "// hi\n";
  D.applyChanges({C}, 2, PositionEncoding::UTF16);
  EXPECT_EQ(D.text(), "// hi\nint a;\nint b;\n");
  std::optional<Range> Moved = D.mapRange(Range{{1, 4}, {1, 5}}, 1);
  ASSERT_TRUE(Moved);
  EXPECT_EQ(Moved->Start.Line, 2);
}

} // namespace
