// The config's `checks` list applies first, then each checks= argument.
// DEFINE: %{debug} = %lockcheck_cxx -fplugin-arg-lockcheck-debug %s
// RUN: %{debug} -fplugin-arg-lockcheck-config=%S/Inputs/checks-only-double.yaml 2>&1 | %FileCheck %s --check-prefix=CONFIG
// RUN: %{debug} -fplugin-arg-lockcheck-config=%S/Inputs/checks-only-double.yaml -fplugin-arg-lockcheck-checks=lockcheck-lock-order 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=PLUS-ARG
// RUN: %{debug} -fplugin-arg-lockcheck-config=%S/Inputs/checks-only-double.yaml -fplugin-arg-lockcheck-checks=-lockcheck-double-lock 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=NONE
// RUN: %{debug} -fplugin-arg-lockcheck-config=%S/Inputs/checks-no-double.yaml 2>&1 | %FileCheck %s --check-prefix=FOLDED
// CONFIG: {{^}}lockcheck: enabled checks: lockcheck-double-lock{{$}}
// PLUS-ARG: {{^}}lockcheck: enabled checks: lockcheck-double-lock lockcheck-lock-order{{$}}
// NONE: {{^}}lockcheck: skipping analysis of '{{.*}}config-checks.cpp': no checks enabled{{$}}
// FOLDED: {{^}}lockcheck:   checks: 'lockcheck-*,-lockcheck-double-lock,-lockcheck-unlock-not-held'{{$}}
// FOLDED-NEXT: {{^}}lockcheck: enabled checks: lockcheck-missing-unlock lockcheck-exception-leak lockcheck-unused-guard lockcheck-lock-order lockcheck-unguarded-access{{$}}

// What the enabled set means for findings:
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/checks-only-double.yaml -Xclang -verify=on %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/checks-no-double.yaml -Xclang -verify=off %s
// off-no-diagnostics

#include <mutex>
std::mutex m;
void f() {
  m.lock(); // on-note {{mutex 'm' acquired here}}
  m.lock(); // on-warning {{acquiring mutex 'm' that is already held [lockcheck-double-lock]}}
  m.unlock();
  m.unlock();
}
