// Findings during a real compile (-c) are reported like under -fsyntax-only
// and the object is still the one plain clang writes; when they are errors
// (-Werror) the compile fails and, as for any error, no object is left.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clangxx -std=c++17 -c %s -o %t/plain.o
// RUN: %clangxx -std=c++17 -c %s -o %t/plugin.o -fplugin=%plugin -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=WARN
// RUN: cmp %t/plain.o %t/plugin.o
// RUN: not %clangxx -std=c++17 -c %s -o %t/werror.o -fplugin=%plugin -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock -Werror 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=ERR
// RUN: not ls %t/werror.o

// WARN: warning: acquiring mutex 'm' that is already held [lockcheck-double-lock]
// ERR: error: acquiring mutex 'm' that is already held [lockcheck-double-lock]

#include <mutex>
std::mutex m;
void f() {
  m.lock();
  m.lock();
  m.unlock();
  m.unlock();
}
