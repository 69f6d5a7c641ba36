// RUN: %lockcheck_cxx -Xclang -verify %s
//
// lockcheck-double-lock and a pthread mutex wrapper class: whether
// re-locking deadlocks depends on how the constructor set the mutex up, not
// on its type. A constructor that gives the attribute object a recursive type
// and initialises the mutex with it makes the wrapper recursive; any other
// set-up leaves it an ordinary, non-recursive mutex.
// (The class names do not say "recursive": that alone would make them so.)
#include <pthread.h>

class SetUpMutex {
public:
  SetUpMutex() {
    pthread_mutexattr_init(&attr_);
    pthread_mutexattr_settype(&attr_, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&mutex_, &attr_);
  }
  ~SetUpMutex() { pthread_mutex_destroy(&mutex_); }
  void lock() noexcept { pthread_mutex_lock(&mutex_); }
  void unlock() noexcept { pthread_mutex_unlock(&mutex_); }

private:
  pthread_mutex_t mutex_;
  pthread_mutexattr_t attr_;
};

// The attribute object is a local of the constructor.
class LocalAttrMutex {
public:
  LocalAttrMutex() {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE_NP);
    pthread_mutex_init(&m_, &a);
    pthread_mutexattr_destroy(&a);
  }
  void lock() noexcept { pthread_mutex_lock(&m_); }
  void unlock() noexcept { pthread_mutex_unlock(&m_); }

private:
  pthread_mutex_t m_;
};

// The member initializer says it.
class InitializerMutex {
public:
  void lock() noexcept { pthread_mutex_lock(&m_); }
  void unlock() noexcept { pthread_mutex_unlock(&m_); }

private:
  pthread_mutex_t m_ = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
};

// Negative: an error-checking mutex is not recursive; re-locking it fails
// (EDEADLK), which is a bug all the same.
class ErrorCheckMutex {
public:
  ErrorCheckMutex() {
    pthread_mutexattr_init(&attr_);
    pthread_mutexattr_settype(&attr_, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&mutex_, &attr_);
  }
  void lock() noexcept { pthread_mutex_lock(&mutex_); }
  void unlock() noexcept { pthread_mutex_unlock(&mutex_); }

private:
  pthread_mutex_t mutex_;
  pthread_mutexattr_t attr_;
};

// Negative: the recursive attribute object is set up, but the mutex is
// initialised with another one.
class WrongAttr {
public:
  WrongAttr() {
    pthread_mutexattr_init(&recursive_);
    pthread_mutexattr_settype(&recursive_, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutexattr_init(&plain_);
    pthread_mutex_init(&mutex_, &plain_);
  }
  void lock() noexcept { pthread_mutex_lock(&mutex_); }
  void unlock() noexcept { pthread_mutex_unlock(&mutex_); }

private:
  pthread_mutex_t mutex_;
  pthread_mutexattr_t recursive_, plain_;
};

// Negative: a default-initialised mutex.
class PlainMutex {
public:
  PlainMutex() { pthread_mutex_init(&mutex_, nullptr); }
  void lock() noexcept { pthread_mutex_lock(&mutex_); }
  void unlock() noexcept { pthread_mutex_unlock(&mutex_); }

private:
  pthread_mutex_t mutex_;
};

template <typename M> struct Owner {
  M mu;
  int n = 0;
  void inner() noexcept {
    mu.lock(); // expected-note 2 {{'inner' acquires 'mu' here}}
    ++n;
    mu.unlock();
  }
};

struct Users {
  Owner<SetUpMutex> r;
  Owner<LocalAttrMutex> rl;
  Owner<InitializerMutex> ri;
  Owner<ErrorCheckMutex> e;
  Owner<WrongAttr> w;
  Owner<PlainMutex> p;

  void recursiveOk() noexcept {
    r.mu.lock();
    r.inner();
    r.mu.unlock();
  }
  void recursiveLocalAttrOk() noexcept {
    rl.mu.lock();
    rl.inner();
    rl.mu.unlock();
  }
  void recursiveInitializerOk() noexcept {
    ri.mu.lock();
    ri.inner();
    ri.mu.unlock();
  }
  void errorCheck() noexcept {
    e.mu.lock(); // expected-note {{mutex 'e.mu' acquired here}}
    e.inner();   // expected-warning {{calling 'inner' acquires mutex 'e.mu' that is already held}}
    e.mu.unlock();
  }
  void wrongAttr() noexcept {
    w.mu.lock(); // expected-note {{mutex 'w.mu' acquired here}}
    w.inner();   // expected-warning {{calling 'inner' acquires mutex 'w.mu' that is already held}}
    w.mu.unlock();
  }
  void plain() noexcept {
    p.mu.lock();
    p.mu.lock(); // expected-warning {{mutex 'p.mu' that is already held}}
    // expected-note@-2 {{acquired here}}
    p.mu.unlock();
    p.mu.unlock();
  }
};
