//===- TestSupport.h - shared fixture for the runtime tests -----*- C++ -*-===//
//
// Captures validator reports instead of printing them, and gives every test
// a fresh order graph and the default actions.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_RUNTIME_TEST_SUPPORT_H
#define LOCKCHECK_RUNTIME_TEST_SUPPORT_H

#include "lockcheck/runtime.h"

#include <gtest/gtest.h>

#include <mutex>
#include <string>
#include <vector>

namespace lctest {

class Reports {
public:
  static void capture(const lockcheck::Report &R) {
    std::lock_guard<std::mutex> L(mu());
    all().push_back(R);
  }
  static std::vector<lockcheck::Report> take() {
    std::lock_guard<std::mutex> L(mu());
    std::vector<lockcheck::Report> R;
    R.swap(all());
    return R;
  }
  static std::size_t count() {
    std::lock_guard<std::mutex> L(mu());
    return all().size();
  }

private:
  static std::mutex &mu() {
    static std::mutex M;
    return M;
  }
  static std::vector<lockcheck::Report> &all() {
    static std::vector<lockcheck::Report> V;
    return V;
  }
};

/// Every test starts with an empty graph, captured reports, misuse ->
/// Throw and cycles -> Report (the defaults).
class RuntimeTest : public ::testing::Test {
protected:
  void SetUp() override {
    lockcheck::validator::resetForTesting();
    lockcheck::validator::setReportHandler(&Reports::capture);
    lockcheck::validator::setMisuseAction(lockcheck::Action::Throw);
    lockcheck::validator::setOrderAction(lockcheck::Action::Report);
    lockcheck::validator::setMaxEdges(32768);
    lockcheck::validator::setStackDepth(16);
    Reports::take();
  }
  void TearDown() override {
    lockcheck::validator::setReportHandler(nullptr);
    std::vector<lockcheck::Report> Left = Reports::take();
    for (const lockcheck::Report &R : Left)
      ADD_FAILURE() << "unexpected validator report:\n" << R.message;
  }
  /// The reports so far; the test must look at every report it causes.
  static std::vector<lockcheck::Report> reports() { return Reports::take(); }
};

inline bool contains(const std::string &S, const std::string &Part) {
  return S.find(Part) != std::string::npos;
}

/// "file.cpp:123" for a line of the calling test file.
inline std::string at(int Line, const char *File = __builtin_FILE()) {
  return std::string(File) + ":" + std::to_string(Line);
}

} // namespace lctest

#endif
