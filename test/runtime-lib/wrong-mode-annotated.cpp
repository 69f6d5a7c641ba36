// Gap: the wrong-mode release check (test/checks/wrong-mode-release.cpp)
// fires for std::shared_mutex but not for capability-annotated types such as
// lockcheck::SharedMutex (lock_shared() is acquire_shared_capability,
// unlock() is release_capability, unlock_shared() is
// release_shared_capability). Clang's -Wthread-safety reports both.
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=0 -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=1 -Xclang -verify %s
#include "lockcheck/runtime.h"

lockcheck::SharedMutex SMu;

void shared_then_exclusive_unlock() noexcept {
  SMu.lock_shared(); // expected-note {{mutex 'SMu' acquired here}}
  SMu.unlock(); // expected-warning {{releasing mutex 'SMu' held shared with an exclusive unlock [lockcheck-unlock-not-held]}}
}

void exclusive_then_shared_unlock() noexcept {
  SMu.lock(); // expected-note {{mutex 'SMu' acquired here}}
  SMu.unlock_shared(); // expected-warning {{releasing mutex 'SMu' held exclusively with a shared unlock [lockcheck-unlock-not-held]}}
}
