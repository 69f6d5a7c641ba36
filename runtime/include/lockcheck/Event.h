//===- lockcheck/Event.h - one-shot / resettable event ----------*- C++ -*-===//
//
// Python's threading.Event: a flag threads can wait for. set() wakes every
// waiter; clear() resets it.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_EVENT_H
#define LOCKCHECK_EVENT_H

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace lockcheck {

class Event {
public:
  Event() = default;
  Event(const Event &) = delete;
  Event &operator=(const Event &) = delete;

  void set() {
    {
      std::lock_guard<std::mutex> L(Mu);
      Flag = true;
    }
    Cv.notify_all();
  }
  void clear() {
    std::lock_guard<std::mutex> L(Mu);
    Flag = false;
  }
  bool is_set() const {
    std::lock_guard<std::mutex> L(Mu);
    return Flag;
  }
  /// Blocks until the flag is set.
  void wait() {
    std::unique_lock<std::mutex> L(Mu);
    Cv.wait(L, [this] { return Flag; });
  }
  /// Returns the flag: false if the timeout expired first.
  template <class Rep, class Period>
  bool wait_for(const std::chrono::duration<Rep, Period> &Timeout) {
    return wait_until(std::chrono::steady_clock::now() + Timeout);
  }
  template <class Clock, class Duration>
  bool wait_until(const std::chrono::time_point<Clock, Duration> &Deadline) {
    std::unique_lock<std::mutex> L(Mu);
    return Cv.wait_until(L, Deadline, [this] { return Flag; });
  }

private:
  mutable std::mutex Mu;
  std::condition_variable Cv;
  bool Flag = false;
};

} // namespace lockcheck

#endif // LOCKCHECK_EVENT_H
