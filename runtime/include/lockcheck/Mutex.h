//===- lockcheck/Mutex.h - annotated mutexes --------------------*- C++ -*-===//
//
// Mutex, RecursiveMutex, TimedMutex, RecursiveTimedMutex and SharedMutex:
// the standard mutexes with Clang thread-safety attributes on every lock
// operation and, when LOCKCHECK_VALIDATE is on, the run-time validator.
// Every operation takes a defaulted SourceLoc so that reports name the line
// that locked; with the validator off it is an empty struct and costs nothing.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_MUTEX_H
#define LOCKCHECK_MUTEX_H

#include "lockcheck/Annotations.h"
#include "lockcheck/Validator.h"

#include <chrono>
#include <mutex>
#include <shared_mutex>

namespace lockcheck {
#if LOCKCHECK_VALIDATE
inline namespace validated {
namespace impl {
using lockcheck::detail::LockKind;
using lockcheck::detail::LockMeta;
using lockcheck::detail::Mode;

/// The validated implementation shared by all mutex classes.
template <class Native, LockKind Kind> class LockCore {
public:
  constexpr LockCore(const char *Name, LockClass *Class) noexcept
      : Meta(Name, Class ? Class->meta() : nullptr, Kind) {}
  LockCore(const LockCore &) = delete;
  LockCore &operator=(const LockCore &) = delete;
  ~LockCore() {
    if (Meta.needsCleanup())
      lockcheck::detail::onDestroy(Meta);
  }

  LOCKCHECK_ALWAYS_INLINE void lock(const SourceLoc &Where,
                                    Mode Md = Mode::Exclusive) {
    if (!lockcheck::detail::beforeLock(Meta, Md, Where))
      return;
    if (Md == Mode::Exclusive)
      Native_.lock();
    else
      nativeLockShared();
    lockcheck::detail::afterLock(Meta, Md, Where, /*Blocking=*/true);
  }
  LOCKCHECK_ALWAYS_INLINE bool try_lock(const SourceLoc &Where,
                                        Mode Md = Mode::Exclusive) {
    return tryWith(Where, Md, [this, Md] {
      return Md == Mode::Exclusive ? Native_.try_lock() : nativeTryShared();
    });
  }
  template <class Rep, class Period>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_for(const std::chrono::duration<Rep, Period> &D,
               const SourceLoc &Where, Mode Md = Mode::Exclusive) {
    return tryWith(Where, Md, [&] {
      if constexpr (Kind == LockKind::SharedMutex)
        return Md == Mode::Exclusive ? Native_.try_lock_for(D)
                                     : Native_.try_lock_shared_for(D);
      else
        return Native_.try_lock_for(D);
    });
  }
  template <class Clock, class Dur>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_until(const std::chrono::time_point<Clock, Dur> &T,
                 const SourceLoc &Where, Mode Md = Mode::Exclusive) {
    return tryWith(Where, Md, [&] {
      if constexpr (Kind == LockKind::SharedMutex)
        return Md == Mode::Exclusive ? Native_.try_lock_until(T)
                                     : Native_.try_lock_shared_until(T);
      else
        return Native_.try_lock_until(T);
    });
  }
  LOCKCHECK_ALWAYS_INLINE void unlock(const SourceLoc &Where,
                                      Mode Md = Mode::Exclusive) {
    if (!lockcheck::detail::beforeUnlock(Meta, Md, Where))
      return;
    if (Md == Mode::Exclusive)
      Native_.unlock();
    else
      nativeUnlockShared();
  }
  LOCKCHECK_ALWAYS_INLINE void assertHeld(const SourceLoc &Where,
                                          Mode Md = Mode::Exclusive) const {
    lockcheck::detail::checkHeld(Meta, Md, Where);
  }

private:
  template <class Try>
  LOCKCHECK_ALWAYS_INLINE bool tryWith(const SourceLoc &Where, Mode Md, Try T) {
    if (!lockcheck::detail::beforeTryLock(Meta, Md, Where))
      return false;
    if (!T())
      return false;
    lockcheck::detail::afterLock(Meta, Md, Where, /*Blocking=*/false);
    return true;
  }
  // Only instantiated for SharedMutex.
  LOCKCHECK_ALWAYS_INLINE void nativeLockShared() {
    if constexpr (Kind == LockKind::SharedMutex)
      Native_.lock_shared();
  }
  LOCKCHECK_ALWAYS_INLINE bool nativeTryShared() {
    if constexpr (Kind == LockKind::SharedMutex)
      return Native_.try_lock_shared();
    else
      return false;
  }
  LOCKCHECK_ALWAYS_INLINE void nativeUnlockShared() {
    if constexpr (Kind == LockKind::SharedMutex)
      Native_.unlock_shared();
  }

  Native Native_;
  LockMeta Meta;
};
} // namespace impl
} // namespace validated
#else
inline namespace plain {
namespace impl {
using lockcheck::detail::LockKind;
using lockcheck::detail::Mode;

/// With the validator off a mutex is exactly its standard counterpart.
template <class Native, LockKind Kind> class LockCore {
public:
  constexpr LockCore(const char *, LockClass *) noexcept {}
  LockCore(const LockCore &) = delete;
  LockCore &operator=(const LockCore &) = delete;

  LOCKCHECK_ALWAYS_INLINE void lock(SourceLoc, Mode Md = Mode::Exclusive) {
    if constexpr (Kind == LockKind::SharedMutex) {
      if (Md == Mode::Shared)
        return Native_.lock_shared();
    }
    Native_.lock();
  }
  LOCKCHECK_ALWAYS_INLINE bool try_lock(SourceLoc, Mode Md = Mode::Exclusive) {
    if constexpr (Kind == LockKind::SharedMutex) {
      if (Md == Mode::Shared)
        return Native_.try_lock_shared();
    }
    return Native_.try_lock();
  }
  template <class Rep, class Period>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_for(const std::chrono::duration<Rep, Period> &D, SourceLoc,
               Mode Md = Mode::Exclusive) {
    if constexpr (Kind == LockKind::SharedMutex) {
      if (Md == Mode::Shared)
        return Native_.try_lock_shared_for(D);
    }
    return Native_.try_lock_for(D);
  }
  template <class Clock, class Dur>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_until(const std::chrono::time_point<Clock, Dur> &T, SourceLoc,
                 Mode Md = Mode::Exclusive) {
    if constexpr (Kind == LockKind::SharedMutex) {
      if (Md == Mode::Shared)
        return Native_.try_lock_shared_until(T);
    }
    return Native_.try_lock_until(T);
  }
  LOCKCHECK_ALWAYS_INLINE void unlock(SourceLoc,
                                      Mode Md = Mode::Exclusive) noexcept {
    if constexpr (Kind == LockKind::SharedMutex) {
      if (Md == Mode::Shared)
        return Native_.unlock_shared();
    }
    Native_.unlock();
  }
  LOCKCHECK_ALWAYS_INLINE void
  assertHeld(SourceLoc, Mode = Mode::Exclusive) const noexcept {}

private:
  Native Native_;
};
} // namespace impl
} // namespace plain
#endif

inline namespace LOCKCHECK_INLINE_NS_ {
// The inline namespace above is selected by LOCKCHECK_VALIDATE; see
// Validator.h. Each class spells out its own annotations: Clang does not
// carry capability attributes through base classes reliably.

/// A non-recursive mutex (Python's threading.Lock, std::mutex).
class LOCKCHECK_CAPABILITY("mutex") Mutex {
public:
  constexpr Mutex() noexcept : Core(nullptr, nullptr) {}
  /// \p Name appears in validator reports; it must outlive the mutex.
  constexpr explicit Mutex(const char *Name) noexcept : Core(Name, nullptr) {}
  explicit Mutex(LockClass &Class) noexcept : Core(Class.name(), &Class) {}
  Mutex(const char *Name, LockClass &Class) noexcept : Core(Name, &Class) {}

  LOCKCHECK_ALWAYS_INLINE void lock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_ACQUIRE() {
    Core.lock(Where);
  }
  LOCKCHECK_ALWAYS_INLINE bool try_lock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    return Core.try_lock(Where);
  }
  LOCKCHECK_ALWAYS_INLINE void unlock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_RELEASE() {
    Core.unlock(Where);
  }
  /// Checks (validator on) that the calling thread holds the mutex, and
  /// tells the static analysis that it does.
  void assert_held(SourceLoc Where = SourceLoc::current()) const
      LOCKCHECK_ASSERT_CAPABILITY(this) {
    Core.assertHeld(Where);
  }
  /// For negative capabilities: LOCKCHECK_REQUIRES(!mu).
  const Mutex &operator!() const noexcept { return *this; }

private:
  impl::LockCore<std::mutex, detail::LockKind::Mutex> Core;
};

/// A mutex the owning thread may lock again; it must unlock as many times
/// (Python's threading.RLock, std::recursive_mutex).
class LOCKCHECK_CAPABILITY("recursive mutex") RecursiveMutex {
public:
  RecursiveMutex() noexcept : Core(nullptr, nullptr) {}
  explicit RecursiveMutex(const char *Name) noexcept : Core(Name, nullptr) {}
  explicit RecursiveMutex(LockClass &Class) noexcept
      : Core(Class.name(), &Class) {}
  RecursiveMutex(const char *Name, LockClass &Class) noexcept
      : Core(Name, &Class) {}

  LOCKCHECK_ALWAYS_INLINE void lock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_ACQUIRE() {
    Core.lock(Where);
  }
  LOCKCHECK_ALWAYS_INLINE bool try_lock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    return Core.try_lock(Where);
  }
  LOCKCHECK_ALWAYS_INLINE void unlock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_RELEASE() {
    Core.unlock(Where);
  }
  void assert_held(SourceLoc Where = SourceLoc::current()) const
      LOCKCHECK_ASSERT_CAPABILITY(this) {
    Core.assertHeld(Where);
  }
  const RecursiveMutex &operator!() const noexcept { return *this; }

private:
  impl::LockCore<std::recursive_mutex, detail::LockKind::RecursiveMutex> Core;
};

/// A mutex whose acquisition can time out (Lock.acquire(timeout=...)).
class LOCKCHECK_CAPABILITY("mutex") TimedMutex {
public:
  TimedMutex() noexcept : Core(nullptr, nullptr) {}
  explicit TimedMutex(const char *Name) noexcept : Core(Name, nullptr) {}
  explicit TimedMutex(LockClass &Class) noexcept : Core(Class.name(), &Class) {}
  TimedMutex(const char *Name, LockClass &Class) noexcept
      : Core(Name, &Class) {}

  LOCKCHECK_ALWAYS_INLINE void lock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_ACQUIRE() {
    Core.lock(Where);
  }
  LOCKCHECK_ALWAYS_INLINE bool try_lock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    return Core.try_lock(Where);
  }
  template <class Rep, class Period>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_for(const std::chrono::duration<Rep, Period> &Timeout,
               SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    return Core.try_lock_for(Timeout, Where);
  }
  template <class Clock, class Duration>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_until(const std::chrono::time_point<Clock, Duration> &Deadline,
                 SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    return Core.try_lock_until(Deadline, Where);
  }
  LOCKCHECK_ALWAYS_INLINE void unlock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_RELEASE() {
    Core.unlock(Where);
  }
  void assert_held(SourceLoc Where = SourceLoc::current()) const
      LOCKCHECK_ASSERT_CAPABILITY(this) {
    Core.assertHeld(Where);
  }
  const TimedMutex &operator!() const noexcept { return *this; }

private:
  impl::LockCore<std::timed_mutex, detail::LockKind::TimedMutex> Core;
};

/// RecursiveMutex with timeouts (RLock.acquire(timeout=...)).
class LOCKCHECK_CAPABILITY("recursive mutex") RecursiveTimedMutex {
public:
  RecursiveTimedMutex() noexcept : Core(nullptr, nullptr) {}
  explicit RecursiveTimedMutex(const char *Name) noexcept
      : Core(Name, nullptr) {}
  explicit RecursiveTimedMutex(LockClass &Class) noexcept
      : Core(Class.name(), &Class) {}
  RecursiveTimedMutex(const char *Name, LockClass &Class) noexcept
      : Core(Name, &Class) {}

  LOCKCHECK_ALWAYS_INLINE void lock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_ACQUIRE() {
    Core.lock(Where);
  }
  LOCKCHECK_ALWAYS_INLINE bool try_lock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    return Core.try_lock(Where);
  }
  template <class Rep, class Period>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_for(const std::chrono::duration<Rep, Period> &Timeout,
               SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    return Core.try_lock_for(Timeout, Where);
  }
  template <class Clock, class Duration>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_until(const std::chrono::time_point<Clock, Duration> &Deadline,
                 SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    return Core.try_lock_until(Deadline, Where);
  }
  LOCKCHECK_ALWAYS_INLINE void unlock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_RELEASE() {
    Core.unlock(Where);
  }
  void assert_held(SourceLoc Where = SourceLoc::current()) const
      LOCKCHECK_ASSERT_CAPABILITY(this) {
    Core.assertHeld(Where);
  }
  const RecursiveTimedMutex &operator!() const noexcept { return *this; }

private:
  impl::LockCore<std::recursive_timed_mutex,
                 detail::LockKind::RecursiveTimedMutex>
      Core;
};

/// A reader-writer lock (std::shared_timed_mutex): one writer or many
/// readers. Neither mode is re-entrant, and a reader must not upgrade.
class LOCKCHECK_CAPABILITY("mutex") SharedMutex {
public:
  SharedMutex() noexcept : Core(nullptr, nullptr) {}
  explicit SharedMutex(const char *Name) noexcept : Core(Name, nullptr) {}
  explicit SharedMutex(LockClass &Class) noexcept
      : Core(Class.name(), &Class) {}
  SharedMutex(const char *Name, LockClass &Class) noexcept
      : Core(Name, &Class) {}

  LOCKCHECK_ALWAYS_INLINE void lock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_ACQUIRE() {
    Core.lock(Where);
  }
  LOCKCHECK_ALWAYS_INLINE bool try_lock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    return Core.try_lock(Where);
  }
  template <class Rep, class Period>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_for(const std::chrono::duration<Rep, Period> &Timeout,
               SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    return Core.try_lock_for(Timeout, Where);
  }
  template <class Clock, class Duration>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_until(const std::chrono::time_point<Clock, Duration> &Deadline,
                 SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE(true) {
    return Core.try_lock_until(Deadline, Where);
  }
  LOCKCHECK_ALWAYS_INLINE void unlock(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_RELEASE() {
    Core.unlock(Where);
  }

  LOCKCHECK_ALWAYS_INLINE void
  lock_shared(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_ACQUIRE_SHARED() {
    Core.lock(Where, detail::Mode::Shared);
  }
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_shared(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE_SHARED(true) {
    return Core.try_lock(Where, detail::Mode::Shared);
  }
  template <class Rep, class Period>
  LOCKCHECK_ALWAYS_INLINE bool
  try_lock_shared_for(const std::chrono::duration<Rep, Period> &Timeout,
                      SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE_SHARED(true) {
    return Core.try_lock_for(Timeout, Where, detail::Mode::Shared);
  }
  template <class Clock, class Duration>
  LOCKCHECK_ALWAYS_INLINE bool try_lock_shared_until(
      const std::chrono::time_point<Clock, Duration> &Deadline,
      SourceLoc Where = SourceLoc::current())
      LOCKCHECK_TRY_ACQUIRE_SHARED(true) {
    return Core.try_lock_until(Deadline, Where, detail::Mode::Shared);
  }
  LOCKCHECK_ALWAYS_INLINE void
  unlock_shared(SourceLoc Where = SourceLoc::current())
      LOCKCHECK_RELEASE_SHARED() {
    Core.unlock(Where, detail::Mode::Shared);
  }

  void assert_held(SourceLoc Where = SourceLoc::current()) const
      LOCKCHECK_ASSERT_CAPABILITY(this) {
    Core.assertHeld(Where);
  }
  void assert_held_shared(SourceLoc Where = SourceLoc::current()) const
      LOCKCHECK_ASSERT_SHARED_CAPABILITY(this) {
    Core.assertHeld(Where, detail::Mode::Shared);
  }
  const SharedMutex &operator!() const noexcept { return *this; }

private:
  impl::LockCore<std::shared_timed_mutex, detail::LockKind::SharedMutex> Core;
};
} // namespace LOCKCHECK_INLINE_NS_
} // namespace lockcheck

#endif // LOCKCHECK_MUTEX_H
