// Reduced from gmock-spec-builders.cc:642 (docs/evaluation.md, finding 1).
// gtest's Mutex::Lock() wraps a pthread_mutex_lock checked by a fatal-log
// macro (see fp-checked-lock-fatal-log.cpp). A "...Locked" helper drops and
// retakes the caller's lock; called in a loop, lockcheck believes the retake
// may have failed and reports the next call's release as "may not be held".
// Was a false positive: Lock()'s summary was read off the first exit path
// only, which was the failed-lock one, so Lock() did not count as an acquire
// wrapper.
// RUN: %lockcheck_cxx -fno-crash-diagnostics -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>
#include <vector>

class FatalLog {
public:
  explicit FatalLog(int severity);
  ~FatalLog(); // aborts when severity is fatal; defined in another file
  FatalLog &operator<<(const char *);
};
#define CHECK_POSIX_SUCCESS(call)                                              \
  if (const int error = (call))                                                \
  FatalLog(3) << #call

class Mutex {
public:
  void Lock() {
    CHECK_POSIX_SUCCESS(pthread_mutex_lock(&mutex_));
    has_owner_ = true;
  }
  void Unlock() {
    has_owner_ = false;
    CHECK_POSIX_SUCCESS(pthread_mutex_unlock(&mutex_));
  }

private:
  pthread_mutex_t mutex_;
  bool has_owner_ = false;
};

class MutexLock {
public:
  explicit MutexLock(Mutex *m) : m_(m) { m_->Lock(); }
  ~MutexLock() { m_->Unlock(); }

private:
  Mutex *const m_;
};

Mutex g_mu;

struct Mocker {
  // Called with g_mu held; drops it while destroying expectations.
  bool VerifyAndClearLocked() {
    std::vector<int> doomed;
    doomed.swap(items);
    g_mu.Unlock();
    doomed.clear();
    g_mu.Lock();
    return true;
  }
  std::vector<int> items;
};

bool VerifyAllLocked(std::vector<Mocker *> &mockers) {
  bool ok = true;
  for (Mocker *m : mockers)
    if (!m->VerifyAndClearLocked())
      ok = false;
  return ok;
}

bool VerifyAll(std::vector<Mocker *> &mockers) {
  MutexLock lock(&g_mu);
  return VerifyAllLocked(mockers);
}
