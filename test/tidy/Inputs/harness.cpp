// Exercises verify_with_tidy.py with compiler warnings only, so it works
// whatever the analysis reports. harness.test runs every RUN line below both
// with -verify and through clang-tidy and requires the same verdict.
// Run 0 is correct; each other run leaves out or adds one expectation.
//
// RUN: %lockcheck_cxx -Wshadow -Wunused-variable -Xclang -verify=common,ok,shadownote %s
// RUN: %lockcheck_cxx -Wshadow -Wunused-variable -Xclang -verify=common,shadownote %s
// RUN: %lockcheck_cxx -Wshadow -Wunused-variable -Xclang -verify=common,ok,shadownote,extra %s
// RUN: %lockcheck_cxx -Wshadow -Wunused-variable -Xclang -verify=common,wrongline,shadownote %s
// RUN: %lockcheck_cxx -Wshadow -Wunused-variable -Xclang -verify=common,ok,shadownote,dupe %s
// RUN: %lockcheck_cxx -Wshadow -Wunused-variable -Xclang -verify=common,ok %s
// RUN: %lockcheck_cxx -Wshadow -Wunused-variable -Xclang -verify=common,ok,shadownote,wrongtext %s
#include "harness.h" // common-warning@harness.h:3 {{unused variable 'h'}}

void shadowing() {
  int x = 0; // shadownote-note {{previous declaration is here}}
  {
    int x = 1; // common-warning {{declaration shadows a local variable}}
    (void)x;
  }
  (void)x;
}

void same_line() {
  int a, b; // common-warning {{unused variable 'a'}} common-warning {{unused variable 'b'}} dupe-warning {{unused variable 'a'}}
  int c1, c2; // common-warning 2 {{unused variable}}
}

void forms() {
  // common-warning@+1 {{unused variable 'd'}}
  int d;
  int e; // #e_decl
  int f; // common-warning-re {{unused variable '{{[f]}}'}}
  int g; // common-warning {{{unused variable 'g'}}}
  /* common-warning@+1 {{unused variable 'bc'}} */
  int bc;
  int q; // wrongtext-warning {{unused variable 'not_q'}}
}
// common-warning@#e_decl{{unused variable 'e'}}
// common-warning@37 {{unused variable 'q'}}

void last() {
  int z; // ok-warning {{unused variable 'z'}} wrongline-warning@-1 {{unused variable 'z'}} extra-warning {{unused variable 'never'}}
}
