// Fix-it mirroring of verify_with_tidy.py, with a compiler fix-it only
// (harness.test). Run 1 is right; run 2 expects a fix-it at the wrong column.
//
// RUN: %lockcheck_cxx -Wextra-semi -Xclang -verify %s
// RUN: %lockcheck_cxx -Wextra-semi -fdiagnostics-parseable-fixits %s 2>&1 | %FileCheck --implicit-check-not=fix-it: %s
// RUN: %lockcheck_cxx -Wextra-semi -fdiagnostics-parseable-fixits %s 2>&1 | %FileCheck --check-prefix=WRONG %s
struct S {
  int a;
};; // expected-warning {{extra ';' outside of a function}}
// CHECK: fix-it:"{{.*}}harness-fixits.cpp":{[[@LINE-1]]:3-[[@LINE-1]]:4}:""
// WRONG: fix-it:"{{.*}}harness-fixits.cpp":{[[@LINE-2]]:2-[[@LINE-2]]:3}:""
