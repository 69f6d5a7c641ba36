// A -verify form expectations.py does not support (harness.test).
void f() {
  int x; // expected-warning 1+ {{unused variable}}
}
