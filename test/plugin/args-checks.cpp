// `checks=<globs>` enables and disables checks left to right, clang-tidy
// style; several checks= arguments apply in order.
// DEFINE: %{debug} = %lockcheck_cxx -fplugin-arg-lockcheck-debug %s
// RUN: %{debug} -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock 2>&1 | %FileCheck %s --check-prefix=ONLY-DOUBLE
// RUN: %{debug} -fplugin-arg-lockcheck-checks=lockcheck-*,-lockcheck-lock-order 2>&1 | %FileCheck %s --check-prefix=NO-ORDER
// RUN: %{debug} '-fplugin-arg-lockcheck-checks=-*, lockcheck-*unlock*' 2>&1 | %FileCheck %s --check-prefix=UNLOCKS
// RUN: %{debug} -fplugin-arg-lockcheck-checks=-* -fplugin-arg-lockcheck-checks=lockcheck-lock-order,lockcheck-unused-guard 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=TWO-ARGS
// ONLY-DOUBLE: {{^}}lockcheck: enabled checks: lockcheck-double-lock{{$}}
// NO-ORDER: {{^}}lockcheck: enabled checks: lockcheck-double-lock lockcheck-unlock-not-held lockcheck-missing-unlock lockcheck-exception-leak lockcheck-unused-guard lockcheck-unguarded-access{{$}}
// UNLOCKS: {{^}}lockcheck: enabled checks: lockcheck-unlock-not-held lockcheck-missing-unlock{{$}}
// TWO-ARGS: {{^}}lockcheck: enabled checks: lockcheck-unused-guard lockcheck-lock-order{{$}}

// A disabled check reports nothing; an enabled one reports as usual.
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock -Xclang -verify=on %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-checks=-lockcheck-double-lock,-lockcheck-unlock-not-held -Xclang -verify=off %s
// off-no-diagnostics

#include <mutex>
std::mutex m;
void f() {
  m.lock(); // on-note {{mutex 'm' acquired here}}
  m.lock(); // on-warning {{acquiring mutex 'm' that is already held [lockcheck-double-lock]}}
  m.unlock();
  m.unlock();
}
