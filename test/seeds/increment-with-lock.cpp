// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 05-lock-and-rlock-cookbook.md, "Lock management" (GOOD for lockcheck):
// increment_with_lock/decrement_with_lock acquire and release the lock around
// each update; the *_without_lock pair races on its counter, which is a data
// race but no lock misuse, so lockcheck has nothing to say about it either.
#include <cstdio>
#include <mutex>
#include <thread>

int shared_resource_with_lock = 0;
int shared_resource_with_no_lock = 0;
const int COUNT = 100000;
std::mutex shared_resource_lock;

// LOCK MANAGEMENT
void increment_with_lock() {
  for (int i = 0; i < COUNT; ++i) {
    shared_resource_lock.lock();
    shared_resource_with_lock += 1;
    shared_resource_lock.unlock();
  }
}

void decrement_with_lock() {
  for (int i = 0; i < COUNT; ++i) {
    shared_resource_lock.lock();
    shared_resource_with_lock -= 1;
    shared_resource_lock.unlock();
  }
}

// NO LOCK MANAGEMENT
void increment_without_lock() {
  for (int i = 0; i < COUNT; ++i)
    shared_resource_with_no_lock += 1;
}

void decrement_without_lock() {
  for (int i = 0; i < COUNT; ++i)
    shared_resource_with_no_lock -= 1;
}

int main() {
  std::thread t1(increment_with_lock);
  std::thread t2(decrement_with_lock);
  std::thread t3(increment_without_lock);
  std::thread t4(decrement_without_lock);
  t1.join();
  t2.join();
  t3.join();
  t4.join();
  std::printf("the value of shared variable with lock management is %d\n",
              shared_resource_with_lock);
  std::printf("the value of shared variable with race condition is %d\n",
              shared_resource_with_no_lock);
}
