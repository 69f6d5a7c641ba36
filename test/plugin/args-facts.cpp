// `facts=<path>` is accepted (whole-program facts, issue 3); it must not
// disturb the compile or its diagnostics.
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-facts=%t.facts.json %s 2>&1 | count 0
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-facts=%t.facts.json -fplugin-arg-lockcheck-debug %s 2>&1 \
// RUN:   | %FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// CHECK: lockcheck: enabled checks:

void f();
