// NOLINT comments suppress findings the way clang-tidy users write them:
// NOLINT and NOLINT(<globs>) on the finding's line, NOLINTNEXTLINE on the line
// before, NOLINTBEGIN/NOLINTEND around it. A comment naming other checks
// suppresses nothing.
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock -Xclang -verify %s

#include <mutex>
std::mutex m;

void plain() {
  m.lock();
  m.lock(); // NOLINT
  m.unlock();
  m.unlock();
}

void named() {
  m.lock();
  m.lock(); // NOLINT(lockcheck-double-lock)
  m.unlock();
  m.unlock();
}

void glob() {
  m.lock();
  m.lock(); // NOLINT(lockcheck-*)
  m.unlock();
  m.unlock();
}

void list() {
  m.lock();
  m.lock(); // NOLINT(bugprone-use-after-move, lockcheck-double-lock)
  m.unlock();
  m.unlock();
}

void otherCheck() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  m.lock(); // NOLINT(lockcheck-missing-unlock) expected-warning {{acquiring mutex 'm' that is already held [lockcheck-double-lock]}}
  m.unlock();
  m.unlock();
}

void negated() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  m.lock(); // NOLINT(lockcheck-*,-lockcheck-double-lock) expected-warning {{already held}}
  m.unlock();
  m.unlock();
}

void onTheNoteLine() {
  m.lock(); // NOLINT expected-note {{mutex 'm' acquired here}}
  m.lock(); // expected-warning {{already held}}
  m.unlock();
  m.unlock();
}

void nextLine() {
  m.lock();
  // NOLINTNEXTLINE(lockcheck-double-lock)
  m.lock();
  m.unlock();
  m.unlock();
}

void nextLineOnlyTheNext() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  // NOLINTNEXTLINE(lockcheck-double-lock)

  m.lock(); // expected-warning {{already held}}
  m.unlock();
  m.unlock();
}

void nextLineOtherCheck() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  // NOLINTNEXTLINE(lockcheck-lock-order)
  m.lock(); // expected-warning {{already held}}
  m.unlock();
  m.unlock();
}

// NOLINTBEGIN(lockcheck-double-lock)
void inBlock() {
  m.lock();
  m.lock();
  m.unlock();
  m.unlock();
}
// NOLINTEND(lockcheck-double-lock)

void afterBlock() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  m.lock(); // expected-warning {{already held}}
  m.unlock();
  m.unlock();
}

// An END for other checks does not close the BEGIN, and a BEGIN never
// closed suppresses nothing (as in clang-tidy).
// NOLINTBEGIN(lockcheck-double-lock)
void unclosedBlock() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  m.lock(); // expected-warning {{already held}}
  m.unlock();
  m.unlock();
}
// NOLINTEND(lockcheck-lock-order)

// Macros: a NOLINT where the macro is used, or in its definition.
#define LOCK_TWICE(mu) mu.lock(); mu.lock() // NOLINT(lockcheck-double-lock)
#define LOCK(mu) mu.lock()

void macroDefinition() {
  LOCK_TWICE(m);
  m.unlock();
  m.unlock();
}

void macroUse() {
  LOCK(m);
  LOCK(m); // NOLINT(lockcheck-double-lock)
  m.unlock();
  m.unlock();
}

void macroNoComment() {
  LOCK(m); // expected-note {{mutex 'm' acquired here}}
  LOCK(m); // expected-warning {{already held}}
  m.unlock();
  m.unlock();
}

// Not directives: a longer word, an unclosed parenthesis.
void longerWord() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  m.lock(); // NOLINTED expected-warning {{already held}}
  m.unlock();
  m.unlock();
}

void unclosedParenthesis() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  m.lock(); // NOLINT(lockcheck-double-lock expected-warning {{already held}}
  m.unlock();
  m.unlock();
}
