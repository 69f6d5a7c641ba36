// A bad plugin argument is one error line naming it and the valid choices;
// the compile fails.
// DEFINE: %{check} = %FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-bogus %s 2>&1 | %{check} --check-prefix=UNKNOWN
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-werror=1 %s 2>&1 | %{check} --check-prefix=WERROR-VALUE
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-Werror %s 2>&1 | %{check} --check-prefix=CASE
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-checks= %s 2>&1 | %{check} --check-prefix=CHECKS-EMPTY
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-config= %s 2>&1 | %{check} --check-prefix=CONFIG-EMPTY
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-facts= %s 2>&1 | %{check} --check-prefix=FACTS-EMPTY
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-checks=lockcheck-dubble-lock %s 2>&1 | %{check} --check-prefix=CHECKS-UNKNOWN
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-checks=-*,double-lock %s 2>&1 | %{check} --check-prefix=CHECKS-NO-MATCH
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-werror -fplugin-arg-lockcheck-no-werror %s 2>&1 | %{check} --check-prefix=WERROR-BOTH
// A good argument does not hide a bad one after it, and `help` does not either.
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-debug -fplugin-arg-lockcheck-help -fplugin-arg-lockcheck-bogus %s 2>&1 \
// RUN:   | %{check} --check-prefix=UNKNOWN --implicit-check-not=Checks:

// UNKNOWN: {{^}}error: unknown lockcheck plugin argument 'bogus' (-fplugin-arg-lockcheck-bogus); valid arguments are: checks=<globs>, config=<path>, werror, no-werror, debug, facts=<path>, help{{$}}
// UNKNOWN: 1 error generated.
// WERROR-VALUE: {{^}}error: unknown lockcheck plugin argument 'werror=1' (-fplugin-arg-lockcheck-werror=1); valid arguments are: checks=<globs>, config=<path>, werror, no-werror, debug, facts=<path>, help{{$}}
// WERROR-BOTH: {{^}}error: lockcheck plugin arguments 'werror' and 'no-werror' contradict each other; pass one of them{{$}}
// CASE: {{^}}error: unknown lockcheck plugin argument 'Werror' (-fplugin-arg-lockcheck-Werror); valid arguments are: {{.*}}{{$}}
// CHECKS-EMPTY: {{^}}error: lockcheck plugin argument 'checks=' needs a value (-fplugin-arg-lockcheck-checks=...){{$}}
// CONFIG-EMPTY: {{^}}error: lockcheck plugin argument 'config=' needs a value (-fplugin-arg-lockcheck-config=...){{$}}
// FACTS-EMPTY: {{^}}error: lockcheck plugin argument 'facts=' needs a value (-fplugin-arg-lockcheck-facts=...){{$}}
// CHECKS-UNKNOWN: {{^}}error: invalid lockcheck plugin argument 'checks=lockcheck-dubble-lock': unknown check 'lockcheck-dubble-lock'; valid checks: lockcheck-double-lock, lockcheck-unlock-not-held, lockcheck-missing-unlock, lockcheck-exception-leak, lockcheck-unused-guard, lockcheck-lock-order, lockcheck-unguarded-access{{$}}
// CHECKS-NO-MATCH: {{^}}error: invalid lockcheck plugin argument 'checks=-*,double-lock': check glob 'double-lock' matches no lockcheck check; valid checks: lockcheck-double-lock, lockcheck-unlock-not-held, lockcheck-missing-unlock, lockcheck-exception-leak, lockcheck-unused-guard, lockcheck-lock-order, lockcheck-unguarded-access{{$}}

void f();
