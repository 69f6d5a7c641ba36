// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 03-locks-and-synchronization.md, second update_total (GOOD): the
// `with lock:` form, i.e. a std::lock_guard.
#include <mutex>
#include <thread>
#include <vector>

int total = 0;
std::mutex lock;

// Updates the total by the given amount.
void update_total(int amount) {
  std::lock_guard<std::mutex> guard(lock);
  total += amount;
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i)
    threads.emplace_back(update_total, 5);
  for (std::thread &t : threads)
    t.join();
}
