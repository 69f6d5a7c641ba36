// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 04-synchronization-and-deadlocks.txt, "threading.Event() for Signaling
// Between Threads" (GOOD): a worker waits for an event that main sets. C++
// has no Event; the usual one is a flag under a mutex plus a
// condition_variable, and wait() releases the mutex while it blocks.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

class Event {
public:
  void wait() {
    std::unique_lock<std::mutex> lk(mu_);
    cv_.wait(lk, [this] { return flag_; });
  }
  void set() {
    {
      std::lock_guard<std::mutex> g(mu_);
      flag_ = true;
    }
    cv_.notify_all();
  }
  bool is_set() {
    std::lock_guard<std::mutex> g(mu_);
    return flag_;
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool flag_ = false;
};

Event event;

void worker() {
  std::puts("Waiting for signal...");
  event.wait();
  std::puts("Signal received!");
}

int main() {
  std::thread t(worker);
  std::this_thread::sleep_for(std::chrono::seconds(2));
  event.set(); // send signal
  t.join();
}
