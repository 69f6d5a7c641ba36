// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 03-locks-and-synchronization.md, main() with threading.RLock (GOOD):
// main() holds the lock while calling do_something() and do_something_else(),
// which take it again; with a reentrant lock (std::recursive_mutex) that
// works. Must stay silent once calls are summarised too (issue 3).
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

int total = 0;
std::recursive_mutex lock;

std::string do_something() {
  {
    std::lock_guard<std::recursive_mutex> guard(lock);
    std::puts("Lock acquired in the do_something function");
  }
  std::puts("Lock released in the do_something function");
  return "Done doing something";
}

std::string do_something_else() {
  {
    std::lock_guard<std::recursive_mutex> guard(lock);
    std::puts("Lock acquired in the do something else function");
  }
  std::puts("Lock released in the do_something_else function");
  return "Finished something else";
}

void run() { // the seed's main()
  std::string result_one, result_two;
  {
    std::lock_guard<std::recursive_mutex> guard(lock);
    result_one = do_something();
    result_two = do_something_else();
  }
  std::printf("%s\n", result_one.c_str());
  std::printf("%s\n", result_two.c_str());
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i)
    threads.emplace_back(run);
  for (std::thread &t : threads)
    t.join();
}
