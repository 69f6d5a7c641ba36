// RUN: %lockcheck_cxx -Xclang -verify %s
//
// A try-lock anywhere in a condition: behind `&&`, `||`, `!`, `?:`,
// `__builtin_expect` (LIKELY/UNLIKELY), casts and comparisons with
// true/false, or stored in a bool first. The lock is held exactly where the
// condition says the try-lock succeeded. Every helper is noexcept so
// lockcheck-exception-leak stays silent.
#include <mutex>

#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)

void work() noexcept;
bool cond() noexcept;

std::mutex m, other;

class __attribute__((capability("mutex"))) Mu {
public:
  void Lock() __attribute__((acquire_capability()));
  void Unlock() __attribute__((release_capability()));
  bool TryLock() __attribute__((try_acquire_capability(true)));
};
Mu mu;

//===----------------------------------------------------------------------===//
// Negative cases: correct code stays silent
//===----------------------------------------------------------------------===//

// N1: `c && m.try_lock()`: the CFG tests c in a block of its own.
void n_and(bool c) {
  if (c && m.try_lock()) {
    work();
    m.unlock();
  }
}

// N2: `!c || !m.try_lock()` returns unless the lock was taken.
void n_or_return(bool c) {
  if (!c || !m.try_lock())
    return;
  work();
  m.unlock();
}

// N3: an operand that is itself a call.
void n_and_call() {
  if (cond() && m.try_lock()) {
    work();
    m.unlock();
  }
}

// N4: nested: `(c || cond()) && m.try_lock()` and `c && (cond() && try)`.
void n_nested(bool c) {
  if ((c || cond()) && m.try_lock())
    m.unlock();
  if (c && (cond() && m.try_lock()))
    m.unlock();
}

// N5: the result of `c && m.try_lock()` stored in a bool first.
void n_stored_and(bool c) {
  bool ok = cond() && m.try_lock();
  if (ok) {
    work();
    m.unlock();
  }
}

// N6: `?:` with a try-lock in one arm.
void n_conditional_operator() {
  bool ok = cond() ? m.try_lock() : false;
  if (ok)
    m.unlock();
  if (cond() ? m.try_lock() : false)
    m.unlock();
}

// N7: __builtin_expect and the LIKELY/UNLIKELY macros.
void n_expect() {
  if (__builtin_expect(m.try_lock(), 1))
    m.unlock();
  if (LIKELY(m.try_lock()))
    m.unlock();
  if (UNLIKELY(!m.try_lock()))
    return;
  m.unlock();
}

// N8: __builtin_expect around `&&`, and `!(... && ...)`.
void n_expect_and(bool c) {
  if (__builtin_expect(c && m.try_lock(), 1))
    m.unlock();
  if (!(cond() && m.try_lock()))
    return;
  m.unlock();
}

// N9: casts and comparisons with true/false.
void n_casts() {
  if (static_cast<bool>(m.try_lock()) == true)
    m.unlock();
  if ((int)m.try_lock() != 0)
    m.unlock();
  if (m.try_lock() != false)
    m.unlock();
}

// N10: a bool assigned on one branch only.
void n_flag_on_one_branch(bool c) {
  bool locked = false;
  if (c)
    locked = m.try_lock();
  work();
  if (locked)
    m.unlock();
}

// N11: in a loop.
void n_loop(int n) {
  for (int i = 0; i < n; ++i) {
    if (cond() && m.try_lock()) {
      work();
      m.unlock();
    }
  }
}

// N12: std::try_lock behind `&&`.
void n_std_try_lock(bool c) {
  if (c && std::try_lock(m, other) == -1) {
    m.unlock();
    other.unlock();
  }
}

// N13: a try-acquire capability (thread-safety attributes) behind `&&`.
void n_attribute_try(bool c) {
  if (c && mu.TryLock())
    mu.Unlock();
  if (UNLIKELY(!mu.TryLock()))
    return;
  mu.Unlock();
}

// N14: `c || m.try_lock()`: held only where c was false.
void n_or_then_test(bool c) {
  if (c || m.try_lock()) {
    work();
    if (!c)
      m.unlock();
  }
}

//===----------------------------------------------------------------------===//
// Positive cases: the branch that did not take the lock
//===----------------------------------------------------------------------===//

// P1: the try-lock succeeds but cond() is false: leaked.
void p_leak_when_second_fails() {
  if (m.try_lock() && cond()) { // expected-note {{mutex 'm' acquired here}}
    work();
    m.unlock();
  }
} // expected-warning {{mutex 'm' may still be held at the end of 'p_leak_when_second_fails' [lockcheck-missing-unlock]}}

// P2: unlocking after the if, whatever the condition said.
void p_unlock_after(bool c) {
  if (c && m.try_lock())
    work();
  m.unlock(); // expected-warning {{releasing mutex 'm' that may not be held [lockcheck-unlock-not-held]}}
}

// P3: the stored result tested the wrong way round.
void p_stored_wrong_way() {
  bool ok = cond() && m.try_lock();
  if (!ok)
    m.unlock(); // expected-warning {{releasing mutex 'm' that is not held [lockcheck-unlock-not-held]}}
  else
    m.unlock();
}

// P4: UNLIKELY on the failure branch, which unlocks.
void p_unlikely_failure_unlocks() {
  if (UNLIKELY(!m.try_lock())) {
    m.unlock(); // expected-warning {{releasing mutex 'm' that is not held [lockcheck-unlock-not-held]}}
    return;
  }
  m.unlock();
}

// P5: the else of `c && try_lock()` holds nothing.
void p_else_unlocks(bool c) {
  if (c && m.try_lock())
    m.unlock();
  else
    m.unlock(); // expected-warning {{releasing mutex 'm' that is not held [lockcheck-unlock-not-held]}}
}
