// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Thread-safety attributes as real code writes them: the legacy spellings
// (lockable, scoped_lockable, exclusive_lock_function, shared_lock_function,
// exclusive_trylock_function, unlock_function) mean what the new ones mean;
// an attribute repeated on the out-of-line definition counts once;
// assert_capability makes the lock held from that point; a function that
// releases one mode and acquires the other (promote, demote) changes the
// mode; a try-lock that passes on another try-lock's verdict is a try-lock.
#include <pthread.h>

#define LOCKABLE __attribute__((lockable))
#define SCOPED_LOCKABLE __attribute__((scoped_lockable))
#define EXCLUSIVE_LOCK_FUNCTION(...) __attribute__((exclusive_lock_function(__VA_ARGS__)))
#define SHARED_LOCK_FUNCTION(...) __attribute__((shared_lock_function(__VA_ARGS__)))
#define EXCLUSIVE_TRYLOCK_FUNCTION(...) __attribute__((exclusive_trylock_function(__VA_ARGS__)))
#define UNLOCK_FUNCTION(...) __attribute__((unlock_function(__VA_ARGS__)))
#define ACQUIRE(...) __attribute__((acquire_capability(__VA_ARGS__)))
#define ACQUIRE_SHARED(...) __attribute__((acquire_shared_capability(__VA_ARGS__)))
#define RELEASE(...) __attribute__((release_capability(__VA_ARGS__)))
#define RELEASE_SHARED(...) __attribute__((release_shared_capability(__VA_ARGS__)))
#define ASSERT_CAPABILITY(...) __attribute__((assert_capability(__VA_ARGS__)))
#define ASSERT_EXCLUSIVE_LOCK(...) __attribute__((assert_exclusive_lock(__VA_ARGS__)))

void work() noexcept;

class LOCKABLE Mutex {
public:
  void Lock() noexcept EXCLUSIVE_LOCK_FUNCTION();
  void Unlock() noexcept UNLOCK_FUNCTION();
  bool TryLock() noexcept EXCLUSIVE_TRYLOCK_FUNCTION(true);
  void ReaderLock() noexcept SHARED_LOCK_FUNCTION();
  void ReaderUnlock() noexcept UNLOCK_FUNCTION();
  void AssertHeld() noexcept ASSERT_EXCLUSIVE_LOCK();
  void AssertHeldToo() noexcept ASSERT_CAPABILITY(this);
  void Promote() noexcept RELEASE_SHARED() ACQUIRE();
  void Demote() noexcept RELEASE() ACQUIRE_SHARED();
};

class SCOPED_LOCKABLE MutexLock {
public:
  explicit MutexLock(Mutex *mu) noexcept EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) { mu->Lock(); }
  ~MutexLock() UNLOCK_FUNCTION() { mu_->Unlock(); }

private:
  Mutex *mu_;
};

// An attribute repeated on the definition.
struct Foo {
  Mutex mu1;
  int x = 0;
  void lock1() noexcept EXCLUSIVE_LOCK_FUNCTION(mu1);
  void unlock1() noexcept UNLOCK_FUNCTION(mu1);
};
void Foo::lock1() noexcept EXCLUSIVE_LOCK_FUNCTION(mu1) { mu1.Lock(); }
void Foo::unlock1() noexcept UNLOCK_FUNCTION(mu1) { mu1.Unlock(); }

// N1: lock1() then unlock1() is one acquisition and its release.
void repeated(Foo &foo) {
  foo.lock1();
  foo.x++;
  foo.unlock1();
}

// P1: but twice is a double lock.
void repeated_twice(Foo &foo) {
  foo.lock1(); // expected-note {{mutex 'foo.mu1' acquired here}}
  foo.lock1(); // expected-warning {{acquiring mutex 'foo.mu1' that is already held [lockcheck-double-lock]}}
  foo.unlock1();
}

// P2: the legacy scoped_lockable guard.
void legacy_guard(Mutex &m) {
  MutexLock l(&m);  // expected-note {{mutex 'm' acquired here}}
  MutexLock l2(&m); // expected-warning {{acquiring mutex 'm' that is already held [lockcheck-double-lock]}}
}

// N2: the legacy try-lock.
void legacy_try(Mutex &m) {
  if (m.TryLock()) {
    work();
    m.Unlock();
  }
}

// P3: a legacy try-lock whose success is ignored may leave nothing to unlock.
void legacy_try_ignored(Mutex &m) {
  m.TryLock();
  m.Unlock(); // expected-warning {{releasing mutex 'm' that may not be held [lockcheck-unlock-not-held]}}
}

// N3: asserted held, then released: the caller holds it.
void asserted_release(Mutex &m) {
  m.AssertHeld();
  m.Unlock();
}

// P4: asserted held, then locked again.
void asserted_lock(Mutex &m) {
  m.AssertHeldToo();
  m.Lock(); // expected-warning {{acquiring mutex 'm' that is already held [lockcheck-double-lock]}}
  m.Unlock();
}

// N4: promote a reader lock to a writer lock, then release it.
void promote(Mutex &m) {
  m.ReaderLock();
  m.Promote();
  m.Unlock();
}

// N5: demote a writer lock to a reader lock, then release it.
void demote(Mutex &m) {
  m.Lock();
  m.Demote();
  m.ReaderUnlock();
}

// P5: promote what is no longer held.
void promote_unheld(Mutex &m) {
  m.ReaderLock();
  m.ReaderUnlock(); // expected-note {{mutex 'm' released here}}
  m.Promote();      // expected-warning {{releasing mutex 'm' that is not held [lockcheck-unlock-not-held]}}
  m.Unlock();
}

// A try-lock without attributes that forwards to pthread's.
class Spin {
public:
  bool TryLock() noexcept { return pthread_mutex_trylock(&mu_) == 0; }
  void Unlock() noexcept { pthread_mutex_unlock(&mu_); }

private:
  pthread_mutex_t mu_;
};

// N6: tested, then released on success only.
void forwarded_try(Spin &s) {
  if (s.TryLock()) {
    work();
    s.Unlock();
  }
}

// P6: released whatever the result was.
void forwarded_try_ignored(Spin &s) {
  if (!s.TryLock())
    work();
  s.Unlock(); // expected-warning {{calling 'Unlock' releases mutex 's.mu_' that may not be held [lockcheck-unlock-not-held]}}
}
