// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 04-synchronization-and-deadlocks.txt, "Synchronization with
// threading.RLock" (GOOD): nested() takes the reentrant lock twice, once
// inside the other.
#include <cstdio>
#include <mutex>

std::recursive_mutex rlock;

void nested() {
  std::lock_guard<std::recursive_mutex> outer(rlock);
  std::puts("Outer lock acquired");
  {
    std::lock_guard<std::recursive_mutex> inner(rlock);
    std::puts("Inner lock acquired");
  }
}

int main() { nested(); }
