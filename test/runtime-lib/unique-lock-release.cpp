// lockcheck::UniqueLock::release(), like std::unique_lock::release(), gives
// up ownership without unlocking: the mutex stays locked and the caller must
// unlock it. (Any scoped capability's unannotated `M *release()` is read so.)
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=0 -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=1 -Xclang -verify %s
#include "lockcheck/runtime.h"

void work() noexcept;

lockcheck::Mutex Mu;

void disown_and_forget() noexcept {
  lockcheck::UniqueLock<lockcheck::Mutex> L(Mu); // expected-note {{mutex 'Mu' acquired here}}
  lockcheck::Mutex *M = L.release();
  (void)M;
  work();
} // expected-warning {{mutex 'Mu' is still held at the end of 'disown_and_forget' [lockcheck-missing-unlock]}}

// The mutex is unlocked by name after the guard let go of it, or through
// the pointer release() returned.
void disown_and_unlock_by_pointer() noexcept {
  lockcheck::UniqueLock<lockcheck::Mutex> L(Mu);
  lockcheck::Mutex *M = L.release();
  work();
  M->unlock();
}
void disown_and_unlock() noexcept {
  lockcheck::UniqueLock<lockcheck::Mutex> L(Mu);
  (void)L.release();
  work();
  Mu.unlock();
}
