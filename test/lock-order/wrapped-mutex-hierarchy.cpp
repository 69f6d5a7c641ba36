// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Two locks of one class nested along a structure (an object's lock, then
// the lock of an object it points to) are a hierarchy, not two unrelated
// objects, also when the mutex sits inside the project's own wrapper class
// (`mutex_.mu_`). Unrelated objects stay a finding.
#include <mutex>

class Mutex {
public:
  void Lock() { mu_.lock(); }
  void Unlock() { mu_.unlock(); }

private:
  std::mutex mu_;
};

class MutexLock {
public:
  explicit MutexLock(Mutex *mu) : mu_(mu) { mu_->Lock(); }
  ~MutexLock() { mu_->Unlock(); }

private:
  Mutex *mu_;
};

class Logger {
public:
  virtual ~Logger() = default;
  virtual int Level() = 0;
};

class RollingLogger : public Logger {
public:
  int Level() override {
    MutexLock l(&mutex_);
    return inner_ ? inner_->Level() : level_;
  }
  // Two unrelated loggers, in the order the caller picks.
  void CopyFrom(RollingLogger *a, RollingLogger *b) {
    MutexLock la(&a->mutex_); // expected-note {{mutex 'a->mutex_.mu_' acquired here}}
    MutexLock lb(&b->mutex_); // expected-warning {{both 'Mutex::mu_' locks of unrelated objects}} expected-note {{take both at once}}
    level_ = a->level_ + b->level_;
  }

private:
  Mutex mutex_;
  RollingLogger *inner_ = nullptr;
  int level_ = 0;
};
