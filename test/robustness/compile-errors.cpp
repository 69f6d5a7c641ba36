// A file that does not compile: the plugin must neither crash nor report
// anything. Functions with errors have holes in their AST (a dropped unlock()
// call must not turn into a missing-unlock report). The final "N errors
// generated." line is printed only when clang finishes normally.
// RUN: not %lockcheck_cxx -fno-crash-diagnostics %s 2>&1 \
// RUN:   | %FileCheck %s --implicit-check-not='[lockcheck-' \
// RUN:       --implicit-check-not='Stack dump' --implicit-check-not='PLEASE submit'
// RUN: not %lockcheck_cxx -fno-crash-diagnostics %libcxx %s 2>&1 \
// RUN:   | %FileCheck %s --implicit-check-not='[lockcheck-' \
// RUN:       --implicit-check-not='Stack dump' --implicit-check-not='PLEASE submit'

#include <mutex>

std::mutex m;

// The unlock call has the wrong arity, so clang drops it from the AST.
void unlock_has_error() {
  m.lock();
  m.unlock(42);
  // CHECK: compile-errors.cpp:[[@LINE-1]]:{{[0-9]+}}: error: too many arguments
}

// The guard's type is unknown, so this is not a guard at all.
void unknown_guard_type() {
  no_such_guard<std::mutex> g(m);
  // CHECK: compile-errors.cpp:[[@LINE-1]]:{{[0-9]+}}: error: use of undeclared identifier 'no_such_guard'
}

// A template whose instantiation fails: the failing unlock must not count
// as missing.
template <class M> void bad_instantiation(M &mu) {
  mu.lock();
  mu.unlock(mu.native_handle_typo());
  // CHECK: compile-errors.cpp:[[@LINE-1]]:{{[0-9]+}}: error: no member named 'native_handle_typo'
}
template void bad_instantiation(std::mutex &);
// CHECK: compile-errors.cpp:[[@LINE-1]]:{{[0-9]+}}: note: in instantiation of

// An undeclared lock between a correct lock/unlock pair.
void undeclared_lock() {
  m.lock();
  other.lock();
  // CHECK: compile-errors.cpp:[[@LINE-1]]:{{[0-9]+}}: error: use of undeclared identifier 'other'
  m.unlock();
}

// A body that never ends: the parser reaches the end of the file inside it.
// CHECK: error: expected '}'
// CHECK: error: expected '}'
// CHECK: {{[0-9]+}} errors generated.
void unterminated() {
  std::lock_guard<std::mutex> g(m);
  if (m.try_lock()) {
