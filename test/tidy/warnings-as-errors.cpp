// REQUIRES: tidy
// --warnings-as-errors turns the selected lockcheck warnings into errors and
// makes clang-tidy fail; the others stay warnings.
// RUN: not %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' \
// RUN:   --warnings-as-errors='lockcheck-double-lock' %s -- -std=c++17 2> %t.err \
// RUN:   | %FileCheck %s --implicit-check-not='{{warning|error}}:'
// RUN: %FileCheck --check-prefix=STDERR %s < %t.err
// STDERR: 1 warning treated as error
//
// Without it the same findings leave the exit status at 0.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefix=PLAIN %s --implicit-check-not='{{warning|error}}:'
//
// A glob over all of them.
// RUN: not %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' \
// RUN:   --warnings-as-errors='lockcheck-*' %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefix=ALL %s --implicit-check-not='{{warning|error}}:'
#include <mutex>

void work() noexcept;
std::mutex m, m2;

void twice() {
  m.lock();
  m.lock();
  // CHECK: warnings-as-errors.cpp:[[@LINE-1]]:{{[0-9]+}}: error: acquiring mutex 'm' that is already held [lockcheck-double-lock,-warnings-as-errors]
  // PLAIN: warnings-as-errors.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: acquiring mutex 'm' that is already held [lockcheck-double-lock]
  // ALL: warnings-as-errors.cpp:[[@LINE-3]]:{{[0-9]+}}: error: acquiring mutex 'm' that is already held [lockcheck-double-lock,-warnings-as-errors]
  m.unlock();
}

void leak() {
  m2.lock();
  work();
}
// CHECK: warnings-as-errors.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: mutex 'm2' is still held at the end of 'leak' [lockcheck-missing-unlock]
// PLAIN: warnings-as-errors.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: mutex 'm2' is still held at the end of 'leak' [lockcheck-missing-unlock]
// ALL: warnings-as-errors.cpp:[[@LINE-3]]:{{[0-9]+}}: error: mutex 'm2' is still held at the end of 'leak' [lockcheck-missing-unlock,-warnings-as-errors]
