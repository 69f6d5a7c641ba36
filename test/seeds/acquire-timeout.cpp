// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 04-synchronization-and-deadlocks.txt, "Using acquire(timeout=x) to
// Avoid Deadlock" (GOOD):
//   if lock1.acquire(timeout=2):
//       if lock2.acquire(timeout=2):
//           # do work
//           lock2.release()
//       lock1.release()
//   else:
//       print("Could not acquire locks safely")
// try_lock_for holds each lock only when it succeeded.
#include <chrono>
#include <cstdio>
#include <mutex>

std::timed_mutex lock1;
std::timed_mutex lock2;
int work_done;

void transfer() {
  const std::chrono::seconds timeout(2);
  if (lock1.try_lock_for(timeout)) {
    if (lock2.try_lock_for(timeout)) {
      // do work
      ++work_done;
      lock2.unlock();
    }
    lock1.unlock();
  } else {
    std::puts("Could not acquire locks safely");
  }
}

// The same with unique_lock's timed constructor.
void transfer_guarded() {
  const std::chrono::seconds timeout(2);
  std::unique_lock<std::timed_mutex> a(lock1, timeout);
  if (!a) {
    std::puts("Could not acquire locks safely");
    return;
  }
  std::unique_lock<std::timed_mutex> b(lock2, timeout);
  if (b)
    ++work_done;
}

int main() {
  transfer();
  transfer_guarded();
}
