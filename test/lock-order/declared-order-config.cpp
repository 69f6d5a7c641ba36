// RUN: %lockcheck_cxx -fno-caret-diagnostics -fplugin-arg-lockcheck-config=%S/Inputs/chain-with-unused-middle.yaml %s 2>&1 \
// RUN:   | %FileCheck %s --implicit-check-not=warning:
//
// A declared lock-order chain from .lockcheck.yaml whose middle entry is
// never acquired in this TU still orders the entries around it. (FileCheck:
// the note on a declaration from the configuration has no source location.)
#include <mutex>

struct Bank {
  std::mutex ledger, audit, journal;
  int entries = 0;

  // Against the chain.
  void replay() noexcept {
    std::lock_guard<std::mutex> b(journal);
    // CHECK: declared-order-config.cpp:[[@LINE+2]]:{{[0-9]+}}: warning: acquiring mutex 'ledger' while holding 'journal' inverts the order 'ledger' -> 'journal' used elsewhere; potential deadlock [lockcheck-lock-order]
    // CHECK-NEXT: note: 'Bank::ledger' is declared to be acquired before 'Bank::journal' in {{.*}}chain-with-unused-middle.yaml
    std::lock_guard<std::mutex> a(ledger);
    ++entries;
  }
};
