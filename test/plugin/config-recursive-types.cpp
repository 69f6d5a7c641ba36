// recursive-types marks lock types that may be re-acquired by their holder:
// no double lock, but unbalanced acquire/release is still reported. (The
// type's name must not say "recursive": such names count as recursive anyway.)
// RUN: %lockcheck_cxx -Xclang -verify=plain %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/recursive-types.yaml -DRECURSIVE -Xclang -verify=rec %s

namespace lib {
struct __attribute__((capability("mutex"))) CountingLock {
  void lock() __attribute__((acquire_capability()));
  void unlock() __attribute__((release_capability()));
};
} // namespace lib

lib::CountingLock r;

void twice() {
  r.lock(); // plain-note {{mutex 'r' acquired here}}
  r.lock(); // plain-warning {{acquiring mutex 'r' that is already held [lockcheck-double-lock]}}
  r.unlock();
  r.unlock();
}

#ifdef RECURSIVE
void unbalanced(bool fail) {
  r.lock(); // rec-note {{mutex 'r' acquired here}}
  r.lock();
  if (fail)
    return; // rec-warning {{mutex 'r' is still held when 'unbalanced' returns [lockcheck-missing-unlock]}}
  r.unlock();
  r.unlock();
}
#endif
