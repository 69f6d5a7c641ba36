// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 04-synchronization-and-deadlocks.txt, "Basic Locking with
// threading.Lock" (GOOD): increment() takes the lock with `with lock:` on
// every iteration of its loop.
#include <cstdio>
#include <mutex>
#include <thread>

int counter = 0;
std::mutex lock;

void increment() {
  for (int i = 0; i < 100000; ++i) {
    std::lock_guard<std::mutex> guard(lock);
    counter += 1;
  }
}

int main() {
  std::thread t1(increment);
  std::thread t2(increment);
  t1.join();
  t2.join();
  std::printf("Counter: %d\n", counter);
}
