// A problem in a template is reported once, however many instantiations
// have it.
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock -Xclang -verify %s

#include <mutex>

template <class M> void twice(M &mu) {
  mu.lock(); // expected-note {{acquired here}}
  mu.lock(); // expected-warning {{acquiring mutex 'mu' that is already held [lockcheck-double-lock]}}
  mu.unlock();
  mu.unlock();
}

template <class T> struct Box {
  std::mutex boxMutex;
  void relock() {
    boxMutex.lock(); // expected-note {{acquired here}}
    boxMutex.lock(); // expected-warning {{acquiring mutex 'boxMutex' that is already held [lockcheck-double-lock]}}
    boxMutex.unlock();
    boxMutex.unlock();
  }
};

std::mutex a;
std::recursive_mutex r; // recursive: not a double lock, so no third report
std::timed_mutex t;
void use() {
  twice(a);
  twice(t);
  twice(a);
  Box<int>().relock();
  Box<long>().relock();
  Box<char>().relock();
}
