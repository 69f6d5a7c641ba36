// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Seed 04-synchronization-and-deadlocks.txt, "Deadlock Example" (BAD): task1
// takes lock1 then lock2, task2 takes lock2 then lock1; run together they
// wait on each other forever ("hangs due to circular wait"). Reported at the
// later edge in source order, with a note at the other one.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex lock1;
std::mutex lock2;

void task1() {
  std::lock_guard<std::mutex> a(lock1);
  std::puts("Task1 acquired lock1");
  std::this_thread::sleep_for(std::chrono::seconds(1));
  {
    std::lock_guard<std::mutex> b(lock2); // expected-note {{'lock2' acquired while holding 'lock1' here}}
    std::puts("Task1 acquired lock2");
  }
}

void task2() {
  std::lock_guard<std::mutex> b(lock2);
  std::puts("Task2 acquired lock2");
  std::this_thread::sleep_for(std::chrono::seconds(1));
  {
    std::lock_guard<std::mutex> a(lock1); // expected-warning {{acquiring mutex 'lock1' while holding 'lock2' inverts the order 'lock1' -> 'lock2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
    std::puts("Task2 acquired lock1");
  }
}

int main() {
  std::thread t1(task1);
  std::thread t2(task2);
  t1.join();
  t2.join();
}
