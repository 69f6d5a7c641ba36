// XFAIL: *
// Gap: std::unique_lock::release() is modelled (the mutex stays locked and
// the caller owns it), lockcheck::UniqueLock::release() is not: dropping the
// returned pointer leaves the mutex locked forever and is not reported.
// (ANALYZER-NOTES.md: "M *release() | none - ... (GuardDisown)".)
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
