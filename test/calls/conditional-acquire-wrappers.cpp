// RUN: %lockcheck_cxx -Xclang -verify %s
// RUN: %lockcheck_cxx %libcxx -Xclang -verify %s
//
// A member function that returns 0 holding its object's mutex and an error
// code after giving it back is a conditional acquire wrapper: callers hold
// the mutex where they tested for 0 (see conditional-acquire-wrappers.c).
// A bool result is no such contract.
#include <cerrno>
#include <mutex>

class Cache {
  std::mutex mu_;
  bool ready_ = false;
  int hits_ = 0;

public:
  int enter_if_ready() {
    mu_.lock();
    if (!ready_) {
      mu_.unlock();
      return EAGAIN;
    }
    return 0;
  }
  void leave() { mu_.unlock(); }

  void hit() {
    if (enter_if_ready() == 0) {
      ++hits_;
      leave();
    }
  }
  int hit_or_fail() {
    if (int rc = enter_if_ready())
      return rc;
    ++hits_;
    leave();
    return 0;
  }
  void hit_leaky(bool stop) {
    if (enter_if_ready() == 0) { // expected-note {{mutex 'mu_' acquired here}}
      if (stop)
        return; // expected-warning {{mutex 'mu_' is still held when 'hit_leaky' returns [lockcheck-missing-unlock]}}
      leave();
    }
  }
  void hit_unchecked_release() {
    int rc = enter_if_ready();
    mu_.unlock(); // expected-warning {{releasing mutex 'mu_' that may not be held [lockcheck-unlock-not-held]}}
    (void)rc;
  }

  // Returning true with the lock held: a leak, not a contract.
  bool ready_or_leak() {
    mu_.lock(); // expected-note {{mutex 'mu_' acquired here}}
    if (!ready_) {
      mu_.unlock();
      return false;
    }
    return true; // expected-warning {{mutex 'mu_' is still held when 'ready_or_leak' returns [lockcheck-missing-unlock]}}
  }
};
