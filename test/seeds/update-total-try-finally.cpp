// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 03-locks-and-synchronization.md, first update_total (GOOD):
//   lock.acquire()
//   try:
//       total += amount
//   finally:
//       lock.release()
//   print(total)
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

int total = 0;
std::mutex lock;

// Updates the total by the given amount.
void update_total(int amount) {
  lock.lock();
  try {
    total += amount;
  } catch (...) {
    lock.unlock();
    throw;
  }
  lock.unlock();
  std::printf("%d\n", total);
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i)
    threads.emplace_back(update_total, 5);
  for (std::thread &t : threads)
    t.join();
}
