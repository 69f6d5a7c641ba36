//===- Outbox.cpp ---------------------------------------------------------===//
#include "Outbox.h"
#include "Log.h"
#include "MessageFraming.h"

namespace lockcheck::lsp {

Outbox::Outbox(int FD) : FD(FD), Writer([this] { run(); }) {}

Outbox::~Outbox() {
  {
    std::lock_guard<std::mutex> Lock(M);
    Stopping = true;
  }
  Changed.notify_all();
  Writer.join();
}

void Outbox::send(std::string Body) {
  {
    std::lock_guard<std::mutex> Lock(M);
    if (Broken)
      return;
    Queue.push_back(frameMessage(Body));
  }
  Changed.notify_all();
}

void Outbox::flush() {
  std::unique_lock<std::mutex> Lock(M);
  Changed.wait(Lock, [&] { return Broken || (Queue.empty() && !Writing); });
}

void Outbox::run() {
  std::unique_lock<std::mutex> Lock(M);
  for (;;) {
    Changed.wait(Lock, [&] { return Stopping || !Queue.empty(); });
    if (Queue.empty())
      return; // stopping with nothing left
    std::string Framed = std::move(Queue.front());
    Queue.pop_front();
    Writing = true;
    Lock.unlock();
    bool OK = writeAll(FD, Framed);
    Lock.lock();
    Writing = false;
    if (!OK && !Broken) {
      Broken = true;
      Queue.clear();
      log(LogLevel::Error, "cannot write to the editor; dropping output");
    }
    Changed.notify_all();
  }
}

} // namespace lockcheck::lsp
