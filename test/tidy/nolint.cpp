// REQUIRES: tidy
// clang-tidy's own NOLINT handling applies to the lockcheck checks: NOLINT,
// NOLINT(<globs>), NOLINTNEXTLINE and NOLINTBEGIN/NOLINTEND; a suppressed
// warning takes its notes with it.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' %s -- -std=c++17 \
// RUN:   | %FileCheck %s --implicit-check-not='{{warning|error|note}}:'
#include <mutex>

void work() noexcept;
std::mutex m;

void reported() {
  m.lock();
  m.lock();
  // CHECK: nolint.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: acquiring mutex 'm' that is already held [lockcheck-double-lock]
  // CHECK: nolint.cpp:[[@LINE-3]]:{{[0-9]+}}: note: mutex 'm' acquired here
  m.unlock();
}

void bare_nolint() {
  m.lock();
  m.lock(); // NOLINT
  m.unlock();
}

void named_nolint() {
  m.lock();
  m.lock(); // NOLINT(lockcheck-double-lock)
  m.unlock();
}

void glob_nolint() {
  m.lock();
  m.lock(); // NOLINT(bugprone-*, lockcheck-*)
  m.unlock();
}

// A NOLINT for another check suppresses nothing here.
void other_check_nolint() {
  m.lock();
  m.lock(); // NOLINT(lockcheck-missing-unlock)
  // CHECK: nolint.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: acquiring mutex 'm' that is already held [lockcheck-double-lock]
  // CHECK: nolint.cpp:[[@LINE-3]]:{{[0-9]+}}: note: mutex 'm' acquired here
  m.unlock();
}

// NOLINT on the line of a note does not suppress the warning; clang-tidy
// drops just that note (as for any check's notes).
void nolint_on_note_line() {
  m.lock(); // NOLINT(lockcheck-double-lock)
  m.lock();
  // CHECK: nolint.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: acquiring mutex 'm' that is already held [lockcheck-double-lock]
  // CHECK-NOT: note:
  m.unlock();
}

void next_line() {
  m.lock();
  // NOLINTNEXTLINE(lockcheck-double-lock)
  m.lock();
  m.unlock();
}

// NOLINTBEGIN(lockcheck-double-lock)
void block_a() {
  m.lock();
  m.lock();
  m.unlock();
}
void block_b(std::mutex &pm) {
  pm.lock();
  pm.lock();
  pm.unlock();
}
// NOLINTEND(lockcheck-double-lock)

// A block for one check leaves the others alone.
// NOLINTBEGIN(lockcheck-double-lock)
void block_other_check() {
  m.lock();
  work();
}
// CHECK: nolint.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: mutex 'm' is still held at the end of 'block_other_check' [lockcheck-missing-unlock]
// CHECK: nolint.cpp:[[@LINE-4]]:{{[0-9]+}}: note: mutex 'm' acquired here
// NOLINTEND(lockcheck-double-lock)

// missing-unlock reports at the closing brace; NOLINT goes there.
void leak_suppressed() {
  m.lock();
  work();
} // NOLINT(lockcheck-missing-unlock)
