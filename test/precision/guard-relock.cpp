// RUN: %lockcheck_cxx -Xclang -verify %s
//
// A guard's mutex released by hand and taken again before the guard ends
// (unlocking around a slow call inside a lock_guard/unique_lock scope) is
// correct. It is reported only where the guard releases a mutex that is
// not held: at the end of its scope, or at unique_lock::unlock(). Every
// helper is noexcept so lockcheck-exception-leak stays silent.
#include <mutex>
#include <shared_mutex>

void slow() noexcept;
bool cond() noexcept;

std::mutex m;
std::shared_mutex sm;
std::recursive_mutex rm;

class Queue {
public:
  void drain();
  void drain_wrong();

private:
  std::mutex mu_;
  int pending_ = 0;
};

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: lock_guard, unlocked around a slow call.
void n_lock_guard() {
  std::lock_guard<std::mutex> g(m);
  m.unlock();
  slow();
  m.lock();
}

// N2: unique_lock and scoped_lock alike.
void n_unique_and_scoped() {
  {
    std::unique_lock<std::mutex> lk(m);
    m.unlock();
    slow();
    m.lock();
  }
  std::scoped_lock sl(m);
  m.unlock();
  slow();
  m.lock();
}

// N3: in a loop, on a member.
void Queue::drain() {
  std::lock_guard<std::mutex> g(mu_);
  while (pending_ > 0) {
    --pending_;
    mu_.unlock();
    slow();
    mu_.lock();
  }
}

// N4: shared mode.
void n_shared() {
  std::shared_lock<std::shared_mutex> r(sm);
  sm.unlock_shared();
  slow();
  sm.lock_shared();
}

// N5: re-taken with a try-lock loop, then the guard ends.
void n_retry() {
  std::lock_guard<std::mutex> g(m);
  m.unlock();
  while (!m.try_lock())
    slow();
}

// N6: unique_lock::unlock() after the mutex was taken again.
void n_unique_unlock_after_relock() {
  std::unique_lock<std::mutex> lk(m);
  m.unlock();
  slow();
  m.lock();
  lk.unlock();
}

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: never taken again: the guard unlocks a mutex that is not held.
void p_not_relocked() {
  std::lock_guard<std::mutex> g(m); // expected-note {{'g' acquired 'm' here}}
  m.unlock(); // expected-note {{mutex 'm' released here}}
  slow();
} // expected-warning {{guard 'g' releases mutex 'm' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}

// P2: taken again on one path only.
void p_relocked_sometimes() {
  std::lock_guard<std::mutex> g(m); // expected-note {{'g' acquired 'm' here}}
  m.unlock(); // expected-note {{mutex 'm' released here}}
  if (cond())
    m.lock();
} // expected-warning {{guard 'g' releases mutex 'm' that may have been unlocked by hand and not locked again [lockcheck-unlock-not-held]}}

// P3: an early return before the mutex is taken again.
void Queue::drain_wrong() {
  std::lock_guard<std::mutex> g(mu_); // expected-note {{'g' acquired 'mu_' here}}
  mu_.unlock(); // expected-note {{mutex 'mu_' released here}}
  if (pending_ == 0)
    return; // expected-warning {{guard 'g' releases mutex 'mu_' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}
  slow();
  mu_.lock();
}

// P4: unlocked by hand twice.
void p_unlocked_twice() {
  std::lock_guard<std::mutex> g(m);
  m.unlock(); // expected-note {{mutex 'm' released here}}
  m.unlock(); // expected-warning {{releasing mutex 'm' that is not held [lockcheck-unlock-not-held]}}
  m.lock();
}

// P5: unique_lock::unlock() on a mutex unlocked by hand.
void p_unique_unlock() {
  std::unique_lock<std::mutex> lk(m); // expected-note {{'lk' acquired 'm' here}}
  m.unlock(); // expected-note {{mutex 'm' released here}}
  lk.unlock(); // expected-warning {{guard 'lk' releases mutex 'm' that was unlocked by hand and not locked again [lockcheck-unlock-not-held]}}
}

// P6: taken again twice: a double lock.
void p_relocked_twice() {
  std::lock_guard<std::mutex> g(m);
  m.unlock();
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  m.lock(); // expected-warning {{acquiring mutex 'm' that is already held [lockcheck-double-lock]}}
}
