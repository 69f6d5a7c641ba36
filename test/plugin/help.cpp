// `help` lists the arguments and every check with what it finds, on stdout,
// and the compile goes on without analysis (the lock bug below is not
// reported) and succeeds.
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-help %s 2>&1 \
// RUN:   | %FileCheck %s --match-full-lines --implicit-check-not=warning: --implicit-check-not=error:

// CHECK:      lockcheck: finds lock misuse while clang compiles
// CHECK-EMPTY:
// CHECK-NEXT: Arguments (pass each as -fplugin-arg-lockcheck-<argument>):
// CHECK-NEXT:   checks=<globs>  {{.+}}
// CHECK-NEXT:   config=<path>   {{.+}}
// CHECK-NEXT:   werror          report findings as errors
// CHECK-NEXT:   no-werror       keep findings warnings when the compile uses -Werror {{.+}}
// CHECK-NEXT:   debug           {{.+}}
// CHECK-NEXT:   facts=<path>    {{.+}}
// CHECK-NEXT:   help            print this help
// CHECK-EMPTY:
// CHECK-NEXT: Checks:
// CHECK-NEXT:   lockcheck-double-lock       acquiring a non-recursive lock that is already held {{.+}}
// CHECK-NEXT:   lockcheck-unlock-not-held   releasing a lock that is not held{{.*}}
// CHECK-NEXT:   lockcheck-missing-unlock    a lock acquired in a function and still held at one of its exits
// CHECK-NEXT:   lockcheck-exception-leak    a manually acquired lock that stays held when an exception escapes
// CHECK-NEXT:   lockcheck-unused-guard      a lock guard that is destroyed at once and protects nothing
// CHECK-NEXT:   lockcheck-lock-order        locks taken in inconsistent orders (potential deadlock)
// CHECK-NEXT:   lockcheck-unguarded-access  shared state accessed without the lock that guards it everywhere else (off by default)
// CHECK-EMPTY:
// CHECK-NEXT: Suppress one finding with // NOLINT(<check>) on its line; configure with .lockcheck.yaml.

#include <mutex>
std::mutex m;
void f() {
  m.lock();
  m.lock();
  m.unlock();
  m.unlock();
}
