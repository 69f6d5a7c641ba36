//===- AnalysisScheduler.cpp ----------------------------------------------===//
#include "AnalysisScheduler.h"
#include "Log.h"

namespace lockcheck::lsp {

AnalysisScheduler::AnalysisScheduler(BufferAnalyzer &Analyzer,
                                     SnapshotFn Snapshot, DeliverFn Deliver)
    : Analyzer(Analyzer), Snapshot(std::move(Snapshot)),
      Deliver(std::move(Deliver)), Worker([this] { run(); }) {}

AnalysisScheduler::~AnalysisScheduler() {
  {
    std::lock_guard<std::mutex> Lock(M);
    Stopping = true;
  }
  Wake.notify_all();
  Worker.join();
}

void AnalysisScheduler::schedule(const std::string &Key,
                                 std::chrono::milliseconds Delay) {
  {
    std::lock_guard<std::mutex> Lock(M);
    Due[Key] = std::chrono::steady_clock::now() + Delay;
    Closed.erase(Key);
  }
  Wake.notify_all();
}

void AnalysisScheduler::forget(const std::string &Key) {
  {
    std::lock_guard<std::mutex> Lock(M);
    Due.erase(Key);
    Closed.insert(Key);
  }
  Wake.notify_all();
}

void AnalysisScheduler::run() {
  std::unique_lock<std::mutex> Lock(M);
  while (!Stopping) {
    if (!Closed.empty()) {
      std::set<std::string> Gone;
      Gone.swap(Closed);
      Lock.unlock();
      for (const std::string &Key : Gone)
        Analyzer.forget(Key);
      Lock.lock();
      continue;
    }
    if (Due.empty()) {
      Wake.wait(Lock);
      continue;
    }
    auto Next = Due.begin();
    for (auto It = Due.begin(); It != Due.end(); ++It)
      if (It->second < Next->second)
        Next = It;
    if (Next->second > std::chrono::steady_clock::now()) {
      Wake.wait_until(Lock, Next->second);
      continue;
    }
    std::string Key = Next->first;
    Due.erase(Next);
    Lock.unlock();
    if (std::optional<AnalysisRequest> Request = Snapshot(Key)) {
      AnalysisOutcome Outcome = Analyzer.analyze(*Request);
      Deliver(*Request, std::move(Outcome));
    }
    Lock.lock();
  }
}

} // namespace lockcheck::lsp
