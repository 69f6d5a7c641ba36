// `debug` explains on stderr where the configuration came from, which checks
// run, and why an analysis is skipped; it never changes the diagnostics.
// (This test assumes no .lockcheck.yaml in a parent directory of the tests.)
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-debug %s 2>&1 | %FileCheck %s -DFILE=%s --check-prefix=CLEAN
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-debug -DBROKEN %s 2>&1 | %FileCheck %s -DFILE=%s --check-prefix=BROKEN
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-debug -fplugin-arg-lockcheck-checks=-* %s 2>&1 | %FileCheck %s -DFILE=%s --check-prefix=NONE
// Without `debug`, nothing of that is printed.
// RUN: %lockcheck_cxx %s 2>&1 | count 0
// RUN: not %lockcheck_cxx -DBROKEN %s 2>&1 | %FileCheck %s --check-prefix=QUIET

// CLEAN: {{^}}lockcheck: no .lockcheck.yaml found for '[[FILE]]'{{$}}
// CLEAN-NEXT: {{^}}lockcheck: enabled checks: lockcheck-double-lock lockcheck-unlock-not-held lockcheck-missing-unlock lockcheck-exception-leak lockcheck-unused-guard lockcheck-lock-order{{$}}
// CLEAN-NOT: skipping analysis

// A TU with compile errors is not analysed: its AST is incomplete.
// BROKEN: lockcheck: enabled checks:
// BROKEN: error: use of undeclared identifier 'undeclared'
// BROKEN: {{^}}lockcheck: skipping analysis of '[[FILE]]': the translation unit has compile errors{{$}}

// NONE: {{^}}lockcheck: enabled checks:{{$}}
// NONE-NEXT: {{^}}lockcheck: skipping analysis of '[[FILE]]': no checks enabled{{$}}

// QUIET-NOT: lockcheck:
// QUIET: error: use of undeclared identifier 'undeclared'
// QUIET-NOT: lockcheck:

#ifdef BROKEN
int broken = undeclared;
#endif
void f();
