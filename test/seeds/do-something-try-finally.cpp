// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 03-locks-and-synchronization.md, do_something / do_something_else
// (GOOD): each function acquires the module lock, prints inside try, and
// releases (and prints) in finally. Called one after the other from main,
// never nested, so the plain lock is fine.
#include <cstdio>
#include <mutex>
#include <string>

int total = 0;
std::mutex lock;

std::string do_something() {
  lock.lock();
  try {
    std::puts("Lock acquired in the do_something function");
  } catch (...) {
    lock.unlock();
    std::puts("Lock released in the do_something function");
    throw;
  }
  lock.unlock();
  std::puts("Lock released in the do_something function");
  return "Done doing something";
}

std::string do_something_else() {
  lock.lock();
  try {
    std::puts("Lock acquired in the do_something_else function");
  } catch (...) {
    lock.unlock();
    std::puts("Lock released in the do_something_else function");
    throw;
  }
  lock.unlock();
  std::puts("Lock released in the do_something_else function");
  return "Finished something else";
}

int main() {
  std::string result_one = do_something();
  std::string result_two = do_something_else();
  std::printf("%s\n%s\n", result_one.c_str(), result_two.c_str());
}
