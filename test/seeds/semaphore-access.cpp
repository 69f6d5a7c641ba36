// RUN: %lockcheck_cxx -std=c++20 -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 04-synchronization-and-deadlocks.txt, "Using threading.Semaphore"
// (GOOD): a counting semaphore admits two threads at a time. A semaphore is
// not a lock (any thread may release it, and acquire/release need not pair up
// within one function), so lockcheck reports nothing for it.
#include <chrono>
#include <cstdio>
#include <semaphore>
#include <thread>
#include <vector>

std::counting_semaphore<2> sem(2); // only 2 threads allowed simultaneously

void access_resource(int id) {
  sem.acquire();
  std::printf("Thread-%d accessing\n", id);
  std::this_thread::sleep_for(std::chrono::seconds(1));
  sem.release();
}

// Acquire here, release elsewhere: fine for a semaphore.
void take_slot() { sem.acquire(); }
void give_slot() { sem.release(); }

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(access_resource, i);
  for (std::thread &t : threads)
    t.join();
}
