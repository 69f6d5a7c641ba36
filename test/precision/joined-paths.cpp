// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Where paths join, what only one of them knew is forgotten. The join of a
// path that knows `c` is false with one that knows nothing of `c` (but
// released another lock) knows nothing of `c`, whichever edge comes first:
// the locks taken under `if (c)` afterwards are on a real path. (A join that
// both dropped a fact and added a release once passed for "unchanged", and
// the block kept the first edge's state: `c` still false, the double lock in
// the second function unseen.)
#include <mutex>

std::mutex m, n;
void work() noexcept;
bool pick() noexcept;

void factThenRelease(bool c) noexcept {
  if (pick()) {
    if (c)
      return;
    work(); // c is false on this path
  } else {
    n.lock();
    n.unlock(); // this path releases n, and knows nothing of c
  }
  if (c) {
    m.lock(); // expected-note {{mutex 'm' acquired here}}
    m.lock(); // expected-warning {{acquiring mutex 'm' that is already held}}
  }
}

void releaseThenFact(bool c) noexcept {
  if (pick()) {
    n.lock();
    n.unlock();
  } else {
    if (c)
      return;
    work();
  }
  if (c) {
    m.lock(); // expected-note {{mutex 'm' acquired here}}
    m.lock(); // expected-warning {{acquiring mutex 'm' that is already held}}
  }
}

// Nothing held after the join: correct code stays silent.
void balanced(bool c) noexcept {
  if (pick()) {
    n.lock();
    n.unlock();
  } else {
    if (c)
      return;
    work();
  }
  if (c)
    m.lock();
  if (c)
    m.unlock();
}
