// lock-order declares orders (earliest first) that are checked even when no
// cycle exists in the translation unit.
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/lock-order.yaml %s 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=DECLARED --implicit-check-not=warning:
// RUN: %lockcheck_cxx %s 2>&1 | count 0

#include <mutex>
struct Account {
  std::mutex m;
};
struct Bank {
  std::mutex m;
  // Against the declared order (no cycle exists in the code itself).
  void audit(Account &a) {
    a.m.lock();
    // DECLARED: config-lock-order.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: {{.*}} [lockcheck-lock-order]
    m.lock();
    m.unlock();
    a.m.unlock();
  }
};
