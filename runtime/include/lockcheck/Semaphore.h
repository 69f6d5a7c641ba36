//===- lockcheck/Semaphore.h - counting semaphore ---------------*- C++ -*-===//
//
// Python's threading.Semaphore / BoundedSemaphore for C++17 (which has no
// std::counting_semaphore). A semaphore is not owned by a thread -- any
// thread may release it -- so it is deliberately not a Clang capability;
// SemaphoreGuard gives `with sem:`.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_SEMAPHORE_H
#define LOCKCHECK_SEMAPHORE_H

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>

namespace lockcheck {

class Semaphore {
public:
  static constexpr std::ptrdiff_t unbounded = PTRDIFF_MAX;

  /// \p Initial permits; release() beyond \p Max throws std::overflow_error
  /// (Python's BoundedSemaphore raises ValueError).
  explicit Semaphore(std::ptrdiff_t Initial = 1, std::ptrdiff_t Max = unbounded)
      : Count(Initial), Limit(Max) {
    if (Initial < 0 || Max < 1 || Initial > Max)
      throw std::invalid_argument(
          "lockcheck::Semaphore: need 0 <= initial <= max and max >= 1");
  }
  Semaphore(const Semaphore &) = delete;
  Semaphore &operator=(const Semaphore &) = delete;

  /// Blocks until a permit is available and takes it.
  void acquire() {
    std::unique_lock<std::mutex> L(Mu);
    Cv.wait(L, [this] { return Count > 0; });
    --Count;
  }
  bool try_acquire() {
    std::lock_guard<std::mutex> L(Mu);
    if (Count == 0)
      return false;
    --Count;
    return true;
  }
  template <class Rep, class Period>
  bool try_acquire_for(const std::chrono::duration<Rep, Period> &Timeout) {
    return try_acquire_until(std::chrono::steady_clock::now() + Timeout);
  }
  template <class Clock, class Duration>
  bool
  try_acquire_until(const std::chrono::time_point<Clock, Duration> &Deadline) {
    std::unique_lock<std::mutex> L(Mu);
    if (!Cv.wait_until(L, Deadline, [this] { return Count > 0; }))
      return false;
    --Count;
    return true;
  }
  /// Returns \p N permits; wakes up to \p N waiters.
  void release(std::ptrdiff_t N = 1) {
    if (N < 1)
      throw std::invalid_argument(
          "lockcheck::Semaphore::release: n must be one or more");
    {
      std::lock_guard<std::mutex> L(Mu);
      if (N > Limit - Count)
        throw std::overflow_error(
            "lockcheck::Semaphore::release: released too many times (max " +
            std::to_string(Limit) + ")");
      Count += N;
    }
    if (N == 1)
      Cv.notify_one();
    else
      Cv.notify_all();
  }
  /// Permits available now (already stale when it returns).
  std::ptrdiff_t available() const {
    std::lock_guard<std::mutex> L(Mu);
    return Count;
  }
  std::ptrdiff_t max() const noexcept { return Limit; }

private:
  mutable std::mutex Mu;
  std::condition_variable Cv;
  std::ptrdiff_t Count;
  const std::ptrdiff_t Limit;
};

/// `with sem:` -- acquires a permit for the guard's lifetime.
class SemaphoreGuard {
public:
  explicit SemaphoreGuard(Semaphore &Sem) : Held(Sem) { Sem.acquire(); }
  SemaphoreGuard(const SemaphoreGuard &) = delete;
  SemaphoreGuard &operator=(const SemaphoreGuard &) = delete;
  ~SemaphoreGuard() { Held.release(); }

private:
  Semaphore &Held;
};

} // namespace lockcheck

#endif // LOCKCHECK_SEMAPHORE_H
