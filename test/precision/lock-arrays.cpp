// RUN: %lockcheck_cxx -Xclang -verify %s
//
// lock-arrays.c with std::mutex arrays, members and guards.
#include <mutex>

void work() noexcept;

class Striped {
public:
  void lock_all();
  void each();
  void twice(unsigned i);

private:
  std::mutex stripes_[16];
};

void Striped::lock_all() {
  for (unsigned i = 0; i < 16; ++i)
    stripes_[i].lock();
  work();
  for (unsigned i = 0; i < 16; ++i)
    stripes_[i].unlock();
}

void Striped::each() {
  for (unsigned i = 0; i < 16; ++i) {
    std::lock_guard<std::mutex> g(stripes_[i]);
    work();
  }
}

void Striped::twice(unsigned i) {
  std::lock_guard<std::mutex> g(stripes_[i]); // expected-note {{mutex 'stripes_[i]' acquired here}}
  stripes_[i].lock(); // expected-warning {{acquiring mutex 'stripes_[i]' that is already held [lockcheck-double-lock]}}
}
