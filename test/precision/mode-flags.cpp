// RUN: %lockcheck_cxx -Xclang -verify %s
//
// A flag parameter that says whether the caller already holds the lock
// (ModeSwitch.cpp): with the flag one way the function's first operation on
// the lock is a release (the caller's lock, handed back at the end), the
// other way an acquisition (released again before it returns). Neither is a
// lock that "may not be held". A flag that only decides whether the lock is
// taken, with the release unconditional, still is.
#include <mutex>

bool cond() noexcept;
void work() noexcept;

struct Options {
  std::mutex mu;
  int version = 0;

  // Unlocked during the expensive part, whoever took it.
  void write(bool already_held) noexcept {
    if (!already_held)
      mu.lock(); // expected-note {{'write' acquires 'mu' here}}
    ++version;
    mu.unlock();
    work();
    if (already_held)
      mu.lock();
  }
  // Two modes, one with a guard, one releasing and re-taking the caller's.
  int read(bool is_locked, bool slow) noexcept {
    if (!slow) {
      if (is_locked)
        return version;
      std::lock_guard<std::mutex> g(mu);
      return version;
    }
    if (is_locked)
      mu.unlock();
    int v = version;
    work();
    if (is_locked)
      mu.lock();
    return v;
  }
  void caller() noexcept {
    mu.lock();
    write(true);
    read(true, true);
    mu.unlock();
    write(false);
    read(false, true);
  }
  void callerBug() noexcept {
    mu.lock(); // expected-note {{mutex 'mu' acquired here}}
    write(false); // expected-warning {{calling 'write' acquires mutex 'mu' that is already held}}
    mu.unlock();
  }

  // Negative: taken on one branch, released on every path.
  void logged(bool verbose) noexcept {
    if (verbose)
      mu.lock();
    work();
    mu.unlock(); // expected-warning {{releasing mutex 'mu' that may not be held}}
  }
  // Negative: a flag that makes it an acquire or a release function does not
  // hand the lock back in either mode.
  void setPaused(bool pause) noexcept {
    if (pause)
      mu.lock(); // expected-note {{mutex 'mu' acquired here}}
    else
      mu.unlock(); // expected-warning {{releasing mutex 'mu' that is not held}}
  } // expected-warning {{mutex 'mu' may still be held at the end of 'setPaused'}}
  // Negative: a mode function whose unlocked mode leaks on an early return is
  // analysed as any other function (its mixed modes reported as before).
  int writeLeaks(bool already_held) noexcept {
    if (!already_held)
      mu.lock(); // expected-note {{mutex 'mu' acquired here}}
    if (cond())
      return -1; // expected-warning {{mutex 'mu' may still be held when 'writeLeaks' returns}}
    mu.unlock(); // expected-warning {{releasing mutex 'mu' that may not be held}}
    work();
    if (already_held)
      mu.lock(); // expected-note {{mutex 'mu' acquired here}}
    return 0; // expected-warning {{mutex 'mu' may still be held when 'writeLeaks' returns}}
  }
};
