// recursive-types marks lock types that may be re-acquired by their holder:
// no double lock, but unbalanced acquire/release is still reported.
// RUN: %lockcheck_cxx -Xclang -verify=plain %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/recursive-types.yaml -DRECURSIVE -Xclang -verify=rec %s

namespace lib {
struct __attribute__((capability("mutex"))) MyRecursiveMutex {
  void lock() __attribute__((acquire_capability()));
  void unlock() __attribute__((release_capability()));
};
} // namespace lib

lib::MyRecursiveMutex r;

void twice() {
  r.lock(); // plain-note {{mutex 'r' acquired here}}
  r.lock(); // plain-warning {{acquiring mutex 'r' that is already held [lockcheck-double-lock]}}
  r.unlock();
  r.unlock();
}

#ifdef RECURSIVE
void unbalanced() {
  r.lock(); // rec-note {{mutex 'r' acquired here}}
  r.lock();
  r.unlock();
} // rec-warning {{mutex 'r' is still held at the end of 'unbalanced' [lockcheck-missing-unlock]}}
#endif
