// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Seed 03-locks-and-synchronization.md, main() with threading.Lock (BAD):
// "When you actually go to run this code, you will find that it just hangs":
// main() holds the non-reentrant lock and do_something() acquires it again.
// The thread never gets past that first call, so the analysis ends the path
// there: the second call, do_something_else(), is not reported.
#include <cstdio>
#include <mutex>
#include <string>

int total = 0;
std::mutex lock;

std::string do_something() {
  {
    std::lock_guard<std::mutex> guard(lock); // expected-note {{'do_something' acquires 'lock' here}}
    std::puts("Lock acquired in the do_something function");
  }
  std::puts("Lock released in the do_something function");
  return "Done doing something";
}

std::string do_something_else() {
  {
    std::lock_guard<std::mutex> guard(lock); // expected-note {{'do_something_else' acquires 'lock' here}}
    std::puts("Lock acquired in the do something else function");
  }
  std::puts("Lock released in the do_something_else function");
  return "Finished something else";
}

void run() { // the seed's main()
  std::string result_one, result_two;
  {
    std::lock_guard<std::mutex> guard(lock); // expected-note 2 {{mutex 'lock' acquired here}}
    result_one = do_something(); // expected-warning {{calling 'do_something' acquires mutex 'lock' that is already held [lockcheck-double-lock]}}
    // The thread hangs in do_something(); the second call is a bug of its own.
    result_two = do_something_else(); // expected-warning {{calling 'do_something_else' acquires mutex 'lock' that is already held [lockcheck-double-lock]}}
  }
  std::printf("%s\n", result_one.c_str());
  std::printf("%s\n", result_two.c_str());
}

int main() { run(); }
