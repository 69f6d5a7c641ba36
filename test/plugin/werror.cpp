// Clang's -Werror, -Wno-error and -w apply to lockcheck's findings as to its
// own warnings, and the `werror` argument makes them errors regardless of
// -Wno-error. -w wins over both, as it does over -Werror in clang.
// `no-werror` keeps them warnings in a -Werror build (the compile succeeds),
// and so does -Wno-error=lockcheck (which Clang 19 itself reports as an
// unknown warning option before the plugin is loaded, so a -Werror build
// needs -Wno-unknown-warning-option with it).
// DEFINE: %{cxx} = %lockcheck_cxx -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock %s
// DEFINE: %{check} = %FileCheck %s -DFILE=%s --implicit-check-not=warning: --implicit-check-not=error:
// RUN: %{cxx} 2>&1 | %{check} --check-prefix=WARN
// RUN: not %{cxx} -Werror 2>&1 | %{check} --check-prefix=ERR
// RUN: %{cxx} -Werror -Wno-error 2>&1 | %{check} --check-prefix=WARN
// RUN: not %{cxx} -Wno-error -Werror 2>&1 | %{check} --check-prefix=ERR
// RUN: %{cxx} -Werror=unused-variable 2>&1 | %{check} --check-prefix=WARN
// RUN: not %{cxx} -fplugin-arg-lockcheck-werror 2>&1 | %{check} --check-prefix=ERR
// RUN: not %{cxx} -fplugin-arg-lockcheck-werror -Wno-error 2>&1 | %{check} --check-prefix=ERR
// RUN: %{cxx} -Werror -fplugin-arg-lockcheck-no-werror 2>&1 | %{check} --check-prefix=WARN
// RUN: %{cxx} -fplugin-arg-lockcheck-no-werror -Werror 2>&1 | %{check} --check-prefix=WARN
// RUN: %{cxx} -fplugin-arg-lockcheck-no-werror 2>&1 | %{check} --check-prefix=WARN
// RUN: %{cxx} -Werror -Wno-unknown-warning-option -Wno-error=lockcheck 2>&1 | %{check} --check-prefix=WARN
// RUN: not %{cxx} -Werror -Wno-unknown-warning-option -Wno-error=other 2>&1 | %{check} --check-prefix=ERR
// RUN: %{cxx} -Werror -fplugin-arg-lockcheck-no-werror -w 2>&1 | count 0
// RUN: %{cxx} -w 2>&1 | count 0
// RUN: %{cxx} -w -Werror 2>&1 | count 0
// RUN: %{cxx} -Werror -w 2>&1 | count 0
// RUN: %{cxx} -fplugin-arg-lockcheck-werror -w 2>&1 | count 0
// A warning that -Werror made an error leaves a sound AST, so the analysis
// still runs (real compile errors stop it: see args-debug.cpp).
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock -Werror -Wunused-variable -DUNUSED %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=UNUSED
// UNUSED: error: unused variable 'unused' [-Werror,-Wunused-variable]
// UNUSED: error: acquiring mutex 'm' that is already held [lockcheck-double-lock]
// UNUSED: 2 errors generated.
// no-werror concerns lockcheck's findings only; Clang's own warnings stay errors.
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock -fplugin-arg-lockcheck-no-werror -Werror -Wunused-variable -DUNUSED %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=UNUSED-KEEP
// UNUSED-KEEP: error: unused variable 'unused' [-Werror,-Wunused-variable]
// UNUSED-KEEP: warning: acquiring mutex 'm' that is already held [lockcheck-double-lock]
// UNUSED-KEEP: 1 warning and 1 error generated.

// WARN: {{^}}[[FILE]]:[[@LINE+10]]:{{[0-9]+}}: warning: acquiring mutex 'm' that is already held [lockcheck-double-lock]{{$}}
// WARN: {{^}}[[FILE]]:[[@LINE+8]]:{{[0-9]+}}: note: mutex 'm' acquired here{{$}}
// WARN: {{^}}1 warning generated.{{$}}
// ERR: {{^}}[[FILE]]:[[@LINE+7]]:{{[0-9]+}}: error: acquiring mutex 'm' that is already held [lockcheck-double-lock]{{$}}
// ERR: {{^}}[[FILE]]:[[@LINE+5]]:{{[0-9]+}}: note: mutex 'm' acquired here{{$}}
// ERR: {{^}}1 error generated.{{$}}
#include <mutex>
std::mutex m;
void f() {
  m.lock();
  m.lock();
  m.unlock();
  m.unlock();
#ifdef UNUSED
  int unused;
#endif
}
