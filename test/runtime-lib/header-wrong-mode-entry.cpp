// Gap (false positive): with the runtime headers on -I (not -isystem), every
// TU that includes lockcheck/runtime.h gets "releasing mutex 'Native_' held
// exclusively with a shared unlock" inside Mutex.h: LockCore's unlock paths
// call Native_.unlock_shared() first, so the lock is inferred pre-held by the
// caller (a release wrapper) and assumed held exclusively. A release
// wrapper whose first release is shared should take the lock as held shared.
// Plain reproducer: struct W { std::shared_mutex N;
//   void unlockShared() noexcept { N.unlock_shared(); } };
// The other runtime-lib tests use -isystem until this is fixed.
// RUN: %lockcheck_cxx -I%src_root/runtime/include -DLOCKCHECK_VALIDATE=0 -Xclang -verify %s
// RUN: %lockcheck_cxx -I%src_root/runtime/include -DLOCKCHECK_VALIDATE=1 -Xclang -verify %s
// expected-no-diagnostics
#include "lockcheck/runtime.h"

#include <shared_mutex>

lockcheck::Mutex Mu;

void balanced() noexcept {
  lockcheck::LockGuard G(Mu);
}

struct W {
  std::shared_mutex N;
  void unlockShared() noexcept { N.unlock_shared(); }
};
