//===- Outbox.h - the single writer of the editor's stream -----*- C++ -*-===//
//
// clangd's messages (relay thread) and lockcheck's diagnostics (worker) both
// go to the editor. Messages are queued in the order they were decided and a
// dedicated thread writes them, so a slow editor never stalls either side.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_OUTBOX_H
#define LOCKCHECK_LSP_OUTBOX_H

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace lockcheck::lsp {

class Outbox {
public:
  explicit Outbox(int FD);
  ~Outbox();

  /// Queues one message body (framing is added here).
  void send(std::string Body);
  /// Blocks until everything queued so far is written (or writing failed).
  void flush();

private:
  void run();

  int FD;
  std::mutex M;
  std::condition_variable Changed;
  std::deque<std::string> Queue;
  bool Writing = false;
  bool Broken = false;
  bool Stopping = false;
  std::thread Writer;
};

} // namespace lockcheck::lsp

#endif
