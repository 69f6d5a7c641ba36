// RUN: %lockcheck_cxx -fno-exceptions -Xclang -verify %s
// RUN: %lockcheck_cxx -fno-exceptions -fplugin-arg-lockcheck-config=%S/Inputs/opaque-calls-and-allocation.yaml -Xclang -verify %s
// expected-no-diagnostics
//
// lockcheck-exception-leak is off under -fno-exceptions: no call can throw,
// so none of the manual lock regions below is reported, not even when the
// configuration counts calls without a body and allocation failure (each
// would be reported then with exceptions enabled: exception-leak-options.cpp).
#include <mutex>
#include <string>
#include <vector>

void may_throw();
void process(int);

std::mutex g_m;
std::vector<std::string> g_items;

// A declared function that would be assumed to throw.
void manual_call() {
  g_m.lock();
  may_throw();
  g_m.unlock();
}

// A standard library call that allocates.
void manual_push_back(const std::string &s) {
  g_m.lock();
  g_items.push_back(s);
  g_m.unlock();
}

// A loop of calls.
void manual_loop(const std::vector<int> &v) {
  for (int x : v) {
    g_m.lock();
    process(x);
    g_m.unlock();
  }
}

// A member mutex.
class Queue {
public:
  void add(int x) {
    mu_.lock();
    items_.push_back(x);
    mu_.unlock();
  }

private:
  std::mutex mu_;
  std::vector<int> items_;
};

void use_queue(Queue &q) { q.add(1); }
