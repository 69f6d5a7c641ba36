// Every key is read; `debug` prints the configuration as lockcheck understood
// it (normalised, and itself a valid .lockcheck.yaml).
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/all-keys.yaml -fplugin-arg-lockcheck-debug %s 2>&1 \
// RUN:   | %FileCheck %s -DCFG=%S/Inputs/all-keys.yaml --match-full-lines --implicit-check-not=error: --implicit-check-not=warning:

// CHECK:      lockcheck: configuration: [[CFG]]
// CHECK-NEXT: lockcheck:   checks: 'lockcheck-*,-lockcheck-lock-order'
// CHECK-NEXT: lockcheck:   acquire: ['my_lock(0)', 'Spin::grab(this)']
// CHECK-NEXT: lockcheck:   acquire-shared: ['rw_rdlock(0)']
// CHECK-NEXT: lockcheck:   release: ['my_unlock(0)', 'rw_unlock(0)', 'Spin::drop(this)']
// CHECK-NEXT: lockcheck:   try-acquire: ['my_trylock(0) == 0', 'Spin::try_grab(this) == true', 'ns::maybe_lock(1) == true']
// CHECK-NEXT: lockcheck:   try-acquire-shared: ['rw_tryrdlock(0) == 0']
// CHECK-NEXT: lockcheck:   recursive-types: ['MyRecursiveMutex', '*::RecMutex']
// CHECK-NEXT: lockcheck:   recursive-locks: ['Connection::mutex', 'g_init_mutex']
// CHECK-NEXT: lockcheck:   nothrow: ['log_*', '::util::trace']
// CHECK-NEXT: lockcheck:   lock-order: {{\[\[}}'Bank::m', 'Account::m'], ['g_first', 'g_second', 'g_third']]
// CHECK-NEXT: lockcheck: enabled checks: lockcheck-double-lock lockcheck-unlock-not-held lockcheck-missing-unlock lockcheck-exception-leak lockcheck-unused-guard lockcheck-unguarded-access

void f();
