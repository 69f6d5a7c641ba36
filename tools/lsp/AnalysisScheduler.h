//===- AnalysisScheduler.h - debounced analysis on one worker --*- C++ -*-===//
//
// Edits arrive per keystroke; analysing each would waste the machine and lag
// behind. A document is analysed once its edits have settled for the
// debounce delay, on a worker thread, so the relay never waits for clang.
// The text is taken when the analysis starts, so it is always the latest.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_ANALYSISSCHEDULER_H
#define LOCKCHECK_LSP_ANALYSISSCHEDULER_H

#include "BufferAnalyzer.h"
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace lockcheck::lsp {

class AnalysisScheduler {
public:
  /// The current state of a document, or std::nullopt once it is closed.
  using SnapshotFn = std::function<std::optional<AnalysisRequest>(const std::string &Key)>;
  using DeliverFn = std::function<void(const AnalysisRequest &, AnalysisOutcome)>;

  AnalysisScheduler(BufferAnalyzer &Analyzer, SnapshotFn Snapshot,
                    DeliverFn Deliver);
  ~AnalysisScheduler();

  /// Analyse \p Key once nothing has rescheduled it for \p Delay.
  void schedule(const std::string &Key, std::chrono::milliseconds Delay);
  /// The document was closed: drop its pending run and its parsed unit.
  void forget(const std::string &Key);

private:
  void run();

  BufferAnalyzer &Analyzer;
  SnapshotFn Snapshot;
  DeliverFn Deliver;

  std::mutex M;
  std::condition_variable Wake;
  std::map<std::string, std::chrono::steady_clock::time_point> Due;
  std::set<std::string> Closed;
  bool Stopping = false;
  std::thread Worker;
};

} // namespace lockcheck::lsp

#endif
