//===- lockcheck/Guards.h - annotated RAII lock guards ----------*- C++ -*-===//
//
// LockGuard, UniqueLock, SharedLock and ScopedLock: the standard guards as
// Clang scoped capabilities (constructor acquires, destructor releases), so
// -Wthread-safety and lockcheck see what they hold. They work with the
// lockcheck mutexes (which then record the guard's line in reports) and with
// any other Lockable type.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_GUARDS_H
#define LOCKCHECK_GUARDS_H

#include "lockcheck/Annotations.h"
#include "lockcheck/Validator.h"

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <system_error>
#include <thread>
#include <utility>

namespace lockcheck {
inline namespace LOCKCHECK_INLINE_NS_ {
namespace impl {
[[noreturn]] inline void throwSystemError(std::errc Code, const char *What) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
  throw std::system_error(std::make_error_code(Code), What);
#else
  (void)Code;
  (void)What;
  std::abort();
#endif
}

// Pass the call site to lockcheck mutexes; plain Lockables take no argument.
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE auto
lockAt(M &Mu, const SourceLoc &W, int) -> decltype(Mu.lock(W)) {
  return Mu.lock(W);
}
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE void
lockAt(M &Mu, const SourceLoc &, long) {
  Mu.lock();
}
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE auto
tryLockAt(M &Mu, const SourceLoc &W, int) -> decltype(Mu.try_lock(W)) {
  return Mu.try_lock(W);
}
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE bool
tryLockAt(M &Mu, const SourceLoc &, long) {
  return Mu.try_lock();
}
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE auto
unlockAt(M &Mu, const SourceLoc &W, int) -> decltype(Mu.unlock(W)) {
  return Mu.unlock(W);
}
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE void
unlockAt(M &Mu, const SourceLoc &, long) {
  Mu.unlock();
}
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE auto
lockSharedAt(M &Mu, const SourceLoc &W, int) -> decltype(Mu.lock_shared(W)) {
  return Mu.lock_shared(W);
}
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE void
lockSharedAt(M &Mu, const SourceLoc &, long) {
  Mu.lock_shared();
}
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE auto
tryLockSharedAt(M &Mu, const SourceLoc &W, int)
    -> decltype(Mu.try_lock_shared(W)) {
  return Mu.try_lock_shared(W);
}
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE bool
tryLockSharedAt(M &Mu, const SourceLoc &, long) {
  return Mu.try_lock_shared();
}
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE auto
unlockSharedAt(M &Mu, const SourceLoc &W, int)
    -> decltype(Mu.unlock_shared(W)) {
  return Mu.unlock_shared(W);
}
template <class M>
LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS LOCKCHECK_ALWAYS_INLINE void
unlockSharedAt(M &Mu, const SourceLoc &, long) {
  Mu.unlock_shared();
}

/// One lock of a ScopedLock, type-erased for the deadlock-avoidance loop.
struct AnyLock {
  void *Obj;
  void (*Lock)(void *, const SourceLoc &);
  bool (*TryLock)(void *, const SourceLoc &);
  void (*Unlock)(void *, const SourceLoc &);
};
template <class M> AnyLock anyLock(M &Mu) {
  return AnyLock{
      &Mu,
      [](void *P, const SourceLoc &W) { lockAt(*static_cast<M *>(P), W, 0); },
      [](void *P, const SourceLoc &W) {
        return static_cast<bool>(tryLockAt(*static_cast<M *>(P), W, 0));
      },
      [](void *P, const SourceLoc &W) {
        unlockAt(*static_cast<M *>(P), W, 0);
      }};
}

/// std::lock's algorithm: block on one lock, try the others; on failure
/// release everything and block on the one that was busy. Only the blocking
/// acquisition orders locks, so the validator sees no order among them.
template <std::size_t N> void lockAll(AnyLock (&Locks)[N], const SourceLoc &W) {
  std::size_t First = 0;
  for (;;) {
    Locks[First].Lock(Locks[First].Obj, W);
    std::size_t Taken = 1;
    std::size_t Busy = N;
    {
      // Releases what was taken unless all succeed, also if a try throws.
      struct Rollback {
        AnyLock *Locks;
        std::size_t First;
        const std::size_t &Taken;
        const SourceLoc &W;
        bool Armed;
        ~Rollback() {
          if (Armed)
            for (std::size_t K = Taken; K-- > 0;)
              Locks[(First + K) % N].Unlock(Locks[(First + K) % N].Obj, W);
        }
      } Undo{Locks, First, Taken, W, true};
      for (; Taken < N; ++Taken) {
        std::size_t I = (First + Taken) % N;
        if (!Locks[I].TryLock(Locks[I].Obj, W)) {
          Busy = I;
          break;
        }
      }
      if (Busy == N) {
        Undo.Armed = false;
        return;
      }
    }
    First = Busy;
    std::this_thread::yield();
  }
}

/// Releases in reverse order of the arguments.
template <std::size_t N>
void unlockAll(AnyLock (&Locks)[N], const SourceLoc &W) {
  for (std::size_t K = N; K-- > 0;)
    Locks[K].Unlock(Locks[K].Obj, W);
}
} // namespace impl

/// `with lock:` — locks in the constructor, unlocks in the destructor.
template <class M> class LOCKCHECK_SCOPED_CAPABILITY LockGuard {
public:
  using mutex_type = M;
  LOCKCHECK_ALWAYS_INLINE explicit LockGuard(
      M &Mu, SourceLoc Where = SourceLoc::current()) LOCKCHECK_ACQUIRE(Mu)
      : Mtx(Mu), Site(Where) {
    impl::lockAt(Mu, Where, 0);
  }
  /// Takes over a lock the caller already holds.
  LOCKCHECK_ALWAYS_INLINE LockGuard(M &Mu, std::adopt_lock_t,
                                    SourceLoc Where = SourceLoc::current())
      LOCKCHECK_REQUIRES(Mu)
      : Mtx(Mu), Site(Where) {}
  LockGuard(const LockGuard &) = delete;
  LockGuard &operator=(const LockGuard &) = delete;
  LOCKCHECK_ALWAYS_INLINE ~LockGuard() LOCKCHECK_RELEASE() {
    impl::unlockAt(Mtx, Site, 0);
  }

private:
  M &Mtx;
  SourceLoc Site;
};

/// A movable guard that may lock and unlock repeatedly (std::unique_lock).
/// For static checking of a try-lock, prefer
/// `UniqueLock L(m, std::defer_lock); if (L.try_lock()) ...` over the
/// try_to_lock constructor, whose result the analyses cannot see.
template <class M> class LOCKCHECK_SCOPED_CAPABILITY UniqueLock {
public:
  using mutex_type = M;
  UniqueLock() noexcept = default;
  LOCKCHECK_ALWAYS_INLINE explicit UniqueLock(
      M &Mu, SourceLoc Where = SourceLoc::current()) LOCKCHECK_ACQUIRE(Mu)
      : Mtx(&Mu), Site(Where) {
    impl::lockAt(Mu, Where, 0);
    Owns = true;
  }
  LOCKCHECK_ALWAYS_INLINE
  UniqueLock(M &Mu, std::defer_lock_t,
             SourceLoc Where = SourceLoc::current()) noexcept
      LOCKCHECK_EXCLUDES(Mu)
      : Mtx(&Mu), Site(Where) {}
  LOCKCHECK_ALWAYS_INLINE UniqueLock(M &Mu, std::try_to_lock_t,
                                     SourceLoc Where = SourceLoc::current())
      LOCKCHECK_EXCLUDES(Mu)
      : Mtx(&Mu), Site(Where) {
    Owns = impl::tryLockAt(Mu, Where, 0);
  }
  LOCKCHECK_ALWAYS_INLINE UniqueLock(M &Mu, std::adopt_lock_t,
                                     SourceLoc Where = SourceLoc::current())
      LOCKCHECK_REQUIRES(Mu)
      : Mtx(&Mu), Owns(true), Site(Where) {}
  template <class Rep, class Period>
  LOCKCHECK_ALWAYS_INLINE
  UniqueLock(M &Mu, const std::chrono::duration<Rep, Period> &Timeout,
             SourceLoc Where = SourceLoc::current()) LOCKCHECK_EXCLUDES(Mu)
      : Mtx(&Mu), Site(Where) {
    Owns = Mu.try_lock_for(Timeout, Where);
  }
  template <class Clock, class Duration>
  LOCKCHECK_ALWAYS_INLINE
  UniqueLock(M &Mu, const std::chrono::time_point<Clock, Duration> &Deadline,
             SourceLoc Where = SourceLoc::current()) LOCKCHECK_EXCLUDES(Mu)
      : Mtx(&Mu), Site(Where) {
    Owns = Mu.try_lock_until(Deadline, Where);
  }
  UniqueLock(UniqueLock &&Other) noexcept
      : Mtx(std::exchange(Other.Mtx, nullptr)),
        Owns(std::exchange(Other.Owns, false)), Site(Other.Site) {}
  UniqueLock &
  operator=(UniqueLock &&Other) LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS {
    if (this != &Other) {
      if (Owns)
        impl::unlockAt(*Mtx, Site, 0);
      Mtx = std::exchange(Other.Mtx, nullptr);
      Owns = std::exchange(Other.Owns, false);
      Site = Other.Site;
    }
    return *this;
  }
  UniqueLock(const UniqueLock &) = delete;
  UniqueLock &operator=(const UniqueLock &) = delete;
  LOCKCHECK_ALWAYS_INLINE ~UniqueLock() LOCKCHECK_RELEASE() {
    if (Owns)
      impl::unlockAt(*Mtx, Site, 0);
  }

  LOCKCHECK_ALWAYS_INLINE void lock(SourceLoc At = SourceLoc::current())
      LOCKCHECK_ACQUIRE() {
    checkCanLock();
    impl::lockAt(*Mtx, At, 0);
    Owns = true;
    Site = At;
  }
  LOCKCHECK_ALWAYS_INLINE bool try_lock(SourceLoc At = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    checkCanLock();
    Owns = impl::tryLockAt(*Mtx, At, 0);
    if (Owns)
      Site = At;
    return Owns;
  }
  template <class Rep, class Period>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_for(const std::chrono::duration<Rep, Period> &Timeout,
               SourceLoc At = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    checkCanLock();
    Owns = Mtx->try_lock_for(Timeout, At);
    if (Owns)
      Site = At;
    return Owns;
  }
  template <class Clock, class Duration>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_until(const std::chrono::time_point<Clock, Duration> &Deadline,
                 SourceLoc At = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    checkCanLock();
    Owns = Mtx->try_lock_until(Deadline, At);
    if (Owns)
      Site = At;
    return Owns;
  }
  LOCKCHECK_ALWAYS_INLINE void unlock(SourceLoc At = SourceLoc::current())
      LOCKCHECK_RELEASE() {
    if (!Owns)
      impl::throwSystemError(
          std::errc::operation_not_permitted,
          "lockcheck::UniqueLock::unlock: the guard does not own a lock");
    impl::unlockAt(*Mtx, At, 0);
    Owns = false;
  }
  /// Gives up the guard's ownership without unlocking; the caller must
  /// unlock the returned mutex. (Not expressible in Clang's attributes.)
  M *release() noexcept {
    Owns = false;
    return std::exchange(Mtx, nullptr);
  }
  void swap(UniqueLock &Other) noexcept {
    std::swap(Mtx, Other.Mtx);
    std::swap(Owns, Other.Owns);
    std::swap(Site, Other.Site);
  }
  bool owns_lock() const noexcept { return Owns; }
  explicit operator bool() const noexcept { return Owns; }
  M *mutex() const noexcept { return Mtx; }

private:
  void checkCanLock() const {
    if (!Mtx)
      impl::throwSystemError(std::errc::operation_not_permitted,
                             "lockcheck::UniqueLock: no mutex");
    if (Owns)
      impl::throwSystemError(
          std::errc::resource_deadlock_would_occur,
          "lockcheck::UniqueLock: the guard already owns its mutex");
  }

  M *Mtx = nullptr;
  bool Owns = false;
  SourceLoc Site{};
};

/// A movable guard holding a SharedMutex in shared (reader) mode.
template <class M> class LOCKCHECK_SCOPED_CAPABILITY SharedLock {
public:
  using mutex_type = M;
  SharedLock() noexcept = default;
  LOCKCHECK_ALWAYS_INLINE explicit SharedLock(
      M &Mu, SourceLoc Where = SourceLoc::current())
      LOCKCHECK_ACQUIRE_SHARED(Mu)
      : Mtx(&Mu), Site(Where) {
    impl::lockSharedAt(Mu, Where, 0);
    Owns = true;
  }
  LOCKCHECK_ALWAYS_INLINE
  SharedLock(M &Mu, std::defer_lock_t,
             SourceLoc Where = SourceLoc::current()) noexcept
      LOCKCHECK_EXCLUDES(Mu)
      : Mtx(&Mu), Site(Where) {}
  LOCKCHECK_ALWAYS_INLINE SharedLock(M &Mu, std::try_to_lock_t,
                                     SourceLoc Where = SourceLoc::current())
      LOCKCHECK_EXCLUDES(Mu)
      : Mtx(&Mu), Site(Where) {
    Owns = impl::tryLockSharedAt(Mu, Where, 0);
  }
  LOCKCHECK_ALWAYS_INLINE SharedLock(M &Mu, std::adopt_lock_t,
                                     SourceLoc Where = SourceLoc::current())
      LOCKCHECK_REQUIRES_SHARED(Mu)
      : Mtx(&Mu), Owns(true), Site(Where) {}
  SharedLock(SharedLock &&Other) noexcept
      : Mtx(std::exchange(Other.Mtx, nullptr)),
        Owns(std::exchange(Other.Owns, false)), Site(Other.Site) {}
  SharedLock &
  operator=(SharedLock &&Other) LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS {
    if (this != &Other) {
      if (Owns)
        impl::unlockSharedAt(*Mtx, Site, 0);
      Mtx = std::exchange(Other.Mtx, nullptr);
      Owns = std::exchange(Other.Owns, false);
      Site = Other.Site;
    }
    return *this;
  }
  SharedLock(const SharedLock &) = delete;
  SharedLock &operator=(const SharedLock &) = delete;
  LOCKCHECK_ALWAYS_INLINE ~SharedLock() LOCKCHECK_RELEASE() {
    if (Owns)
      impl::unlockSharedAt(*Mtx, Site, 0);
  }

  LOCKCHECK_ALWAYS_INLINE void lock(SourceLoc At = SourceLoc::current())
      LOCKCHECK_ACQUIRE_SHARED() {
    checkCanLock();
    impl::lockSharedAt(*Mtx, At, 0);
    Owns = true;
    Site = At;
  }
  LOCKCHECK_ALWAYS_INLINE bool try_lock(SourceLoc At = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE_SHARED(true) {
    checkCanLock();
    Owns = impl::tryLockSharedAt(*Mtx, At, 0);
    if (Owns)
      Site = At;
    return Owns;
  }
  // A scoped capability is itself exclusive: its unlock is RELEASE().
  LOCKCHECK_ALWAYS_INLINE void unlock(SourceLoc At = SourceLoc::current())
      LOCKCHECK_RELEASE() {
    if (!Owns)
      impl::throwSystemError(
          std::errc::operation_not_permitted,
          "lockcheck::SharedLock::unlock: the guard does not own a lock");
    impl::unlockSharedAt(*Mtx, At, 0);
    Owns = false;
  }
  M *release() noexcept {
    Owns = false;
    return std::exchange(Mtx, nullptr);
  }
  void swap(SharedLock &Other) noexcept {
    std::swap(Mtx, Other.Mtx);
    std::swap(Owns, Other.Owns);
    std::swap(Site, Other.Site);
  }
  bool owns_lock() const noexcept { return Owns; }
  explicit operator bool() const noexcept { return Owns; }
  M *mutex() const noexcept { return Mtx; }

private:
  void checkCanLock() const {
    if (!Mtx)
      impl::throwSystemError(std::errc::operation_not_permitted,
                             "lockcheck::SharedLock: no mutex");
    if (Owns)
      impl::throwSystemError(
          std::errc::resource_deadlock_would_occur,
          "lockcheck::SharedLock: the guard already owns its mutex");
  }

  M *Mtx = nullptr;
  bool Owns = false;
  SourceLoc Site{};
};

/// Locks one to four mutexes at once without deadlocking, whatever order
/// other threads use (std::scoped_lock). Clang's attributes cannot expand a
/// parameter pack, so each arity is spelled out; nest guards for more.
template <class... Ms> class ScopedLock {
  static_assert(sizeof...(Ms) <= 4,
                "lockcheck::ScopedLock takes at most four mutexes");
};

template <> class ScopedLock<> {
public:
  explicit ScopedLock() = default;
  explicit ScopedLock(std::adopt_lock_t) {}
  ScopedLock(const ScopedLock &) = delete;
  ScopedLock &operator=(const ScopedLock &) = delete;
};

template <class A> class LOCKCHECK_SCOPED_CAPABILITY ScopedLock<A> {
public:
  using mutex_type = A;
  LOCKCHECK_ALWAYS_INLINE explicit ScopedLock(
      A &MA, SourceLoc Where = SourceLoc::current()) LOCKCHECK_ACQUIRE(MA)
      : Lock(MA), Site(Where) {
    impl::lockAt(MA, Where, 0);
  }
  ScopedLock(std::adopt_lock_t, A &MA, SourceLoc Where = SourceLoc::current())
      LOCKCHECK_REQUIRES(MA)
      : Lock(MA), Site(Where) {}
  ScopedLock(const ScopedLock &) = delete;
  ScopedLock &operator=(const ScopedLock &) = delete;
  LOCKCHECK_ALWAYS_INLINE ~ScopedLock() LOCKCHECK_RELEASE() {
    impl::unlockAt(Lock, Site, 0);
  }

private:
  A &Lock;
  SourceLoc Site;
};

template <class A, class B> class LOCKCHECK_SCOPED_CAPABILITY ScopedLock<A, B> {
public:
  LOCKCHECK_ALWAYS_INLINE ScopedLock(A &MA, B &MB,
                                     SourceLoc Where = SourceLoc::current())
      LOCKCHECK_ACQUIRE(MA, MB)
      : Locks{impl::anyLock(MA), impl::anyLock(MB)}, Site(Where) {
    impl::lockAll(Locks, Where);
  }
  ScopedLock(std::adopt_lock_t, A &MA, B &MB,
             SourceLoc Where = SourceLoc::current()) LOCKCHECK_REQUIRES(MA, MB)
      : Locks{impl::anyLock(MA), impl::anyLock(MB)}, Site(Where) {}
  ScopedLock(const ScopedLock &) = delete;
  ScopedLock &operator=(const ScopedLock &) = delete;
  LOCKCHECK_ALWAYS_INLINE ~ScopedLock() LOCKCHECK_RELEASE() {
    impl::unlockAll(Locks, Site);
  }

private:
  impl::AnyLock Locks[2];
  SourceLoc Site;
};

template <class A, class B, class C>
class LOCKCHECK_SCOPED_CAPABILITY ScopedLock<A, B, C> {
public:
  LOCKCHECK_ALWAYS_INLINE ScopedLock(A &MA, B &MB, C &MC,
                                     SourceLoc Where = SourceLoc::current())
      LOCKCHECK_ACQUIRE(MA, MB, MC)
      : Locks{impl::anyLock(MA), impl::anyLock(MB), impl::anyLock(MC)},
        Site(Where) {
    impl::lockAll(Locks, Where);
  }
  ScopedLock(std::adopt_lock_t, A &MA, B &MB, C &MC,
             SourceLoc Where = SourceLoc::current())
      LOCKCHECK_REQUIRES(MA, MB, MC)
      : Locks{impl::anyLock(MA), impl::anyLock(MB), impl::anyLock(MC)},
        Site(Where) {}
  ScopedLock(const ScopedLock &) = delete;
  ScopedLock &operator=(const ScopedLock &) = delete;
  LOCKCHECK_ALWAYS_INLINE ~ScopedLock() LOCKCHECK_RELEASE() {
    impl::unlockAll(Locks, Site);
  }

private:
  impl::AnyLock Locks[3];
  SourceLoc Site;
};

template <class A, class B, class C, class D>
class LOCKCHECK_SCOPED_CAPABILITY ScopedLock<A, B, C, D> {
public:
  LOCKCHECK_ALWAYS_INLINE ScopedLock(A &MA, B &MB, C &MC, D &MD,
                                     SourceLoc Where = SourceLoc::current())
      LOCKCHECK_ACQUIRE(MA, MB, MC, MD)
      : Locks{impl::anyLock(MA), impl::anyLock(MB), impl::anyLock(MC),
              impl::anyLock(MD)},
        Site(Where) {
    impl::lockAll(Locks, Where);
  }
  ScopedLock(std::adopt_lock_t, A &MA, B &MB, C &MC, D &MD,
             SourceLoc Where = SourceLoc::current())
      LOCKCHECK_REQUIRES(MA, MB, MC, MD)
      : Locks{impl::anyLock(MA), impl::anyLock(MB), impl::anyLock(MC),
              impl::anyLock(MD)},
        Site(Where) {}
  ScopedLock(const ScopedLock &) = delete;
  ScopedLock &operator=(const ScopedLock &) = delete;
  LOCKCHECK_ALWAYS_INLINE ~ScopedLock() LOCKCHECK_RELEASE() {
    impl::unlockAll(Locks, Site);
  }

private:
  impl::AnyLock Locks[4];
  SourceLoc Site;
};

ScopedLock()->ScopedLock<>;
template <class A> ScopedLock(A &) -> ScopedLock<A>;
template <class A, class B> ScopedLock(A &, B &) -> ScopedLock<A, B>;
template <class A, class B, class C>
ScopedLock(A &, B &, C &) -> ScopedLock<A, B, C>;
template <class A, class B, class C, class D>
ScopedLock(A &, B &, C &, D &) -> ScopedLock<A, B, C, D>;
template <class A> ScopedLock(std::adopt_lock_t, A &) -> ScopedLock<A>;
template <class A, class B>
ScopedLock(std::adopt_lock_t, A &, B &) -> ScopedLock<A, B>;
template <class A, class B, class C>
ScopedLock(std::adopt_lock_t, A &, B &, C &) -> ScopedLock<A, B, C>;
template <class A, class B, class C, class D>
ScopedLock(std::adopt_lock_t, A &, B &, C &, D &) -> ScopedLock<A, B, C, D>;
} // namespace LOCKCHECK_INLINE_NS_
} // namespace lockcheck

#endif // LOCKCHECK_GUARDS_H
