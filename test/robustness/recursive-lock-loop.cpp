// A loop that takes a recursive mutex again on every iteration: the count of
// acquisitions is bounded (8), so the analysis reaches a fixpoint. The count
// of manual acquisitions was not, and such a function ran to the limit of
// block visits (1.6 million in a function of 40,000 blocks: 16x the compile
// time) and was then skipped.
// RUN: %lockcheck_cxx -Xclang -verify %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-debug %s 2>&1 | FileCheck %s --implicit-check-not=skipped
// CHECK: lockcheck: enabled checks:
#include <mutex>

std::recursive_mutex rm;

void lockMany(int n) {
  for (int i = 0; i < n; ++i)
    rm.lock(); // expected-note {{mutex 'rm' acquired here}}
} // expected-warning {{mutex 'rm' may still be held at the end of 'lockMany'}}

void lockTwiceUnlockTwice() {
  rm.lock();
  rm.lock();
  rm.unlock();
  rm.unlock();
}
