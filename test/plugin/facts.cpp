// `facts=<path>` writes the TU's summaries and lock-order edges as JSON
// (docs/facts-format.md) without changing the diagnostics.
// RUN: rm -f %t.json
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-facts=%t.json %s 2>&1 | count 0
// RUN: %FileCheck %s --input-file=%t.json
// An unwritable path is one clear error.
// RUN: not %lockcheck_cxx -fplugin-arg-lockcheck-facts=%t.missing-dir/x.json %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=BADPATH
// BADPATH: error: cannot write facts file '{{.*}}x.json': {{.*}}

#include <mutex>

struct Account {
  std::mutex m;
  int balance = 0;
};

void credit(Account &a, int n) {
  std::lock_guard<std::mutex> g(a.m);
  a.balance += n;
}

std::mutex audit_lock;
void audit(Account &a) {
  std::lock_guard<std::mutex> g(audit_lock);
  credit(a, 0);
}


// CHECK: "format": "lockcheck-facts"
// CHECK: "acquires": [
// CHECK: "message": "'credit' acquires 'a.m' here"
// CHECK: "class": "Account::m"
// CHECK: "kind": "param"
// CHECK: "name": "credit"
// CHECK: "message": "'audit' acquires 'audit_lock' here"
// CHECK: "message": "'audit' calls 'credit' here"
// CHECK: "name": "audit"
// CHECK: "lockOrder": [
// CHECK: "from": [
// CHECK-NEXT: 0
// CHECK-NEXT: ]
// CHECK: "to": 1
// CHECK: "orderLocks": [
// CHECK: "class": "audit_lock"
// CHECK: "class": "Account::m"
// CHECK: "version": 8
