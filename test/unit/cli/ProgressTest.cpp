//===- ProgressTest.cpp ---------------------------------------------------===//
#include "Progress.h"
#include "gtest/gtest.h"

using namespace lockcheck::cli;

TEST(Progress, Durations) {
  EXPECT_EQ(formatDuration(0.04), "0.0s");
  EXPECT_EQ(formatDuration(12.34), "12.3s");
  EXPECT_EQ(formatDuration(243), "4m03s");
  EXPECT_EQ(formatDuration(3600), "60m00s");
}
