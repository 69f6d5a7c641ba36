// REQUIRES: tidy
// CheckOptions describe what the lock model cannot see, with the semantics of
// the .lockcheck.yaml keys. The analysis is shared by all lockcheck checks, so
// each option is read as a global option (or as <check>.<Option>) and the
// values of all enabled checks are merged.
//
// No options: the wrappers are unknown, the custom mutex is not recursive and
// may_throw may throw.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' --config='{}' %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefixes=NONE,ALWAYS %s --implicit-check-not='{{warning|error}}:'
//
// Global options.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' \
// RUN:   --config="{CheckOptions: {AcquireFunctions: 'my_lock(0)', ReleaseFunctions: 'my_unlock(0)', \
// RUN:   TryAcquireFunctions: 'my_trylock(0) == 0', RecursiveLockTypes: 'RecMutex', NoThrowFunctions: 'may_throw; log_*'}}" \
// RUN:   %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefixes=OPTS,ALWAYS %s --implicit-check-not='{{warning|error}}:'
//
// The same values split between two checks' local options: merged, because
// the checks share one lock model.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' \
// RUN:   --config="{CheckOptions: {lockcheck-double-lock.AcquireFunctions: 'my_lock(0)', lockcheck-missing-unlock.ReleaseFunctions: 'my_unlock(0)', \
// RUN:   lockcheck-unlock-not-held.TryAcquireFunctions: 'my_trylock(0) == 0', lockcheck-double-lock.RecursiveLockTypes: 'RecMutex', \
// RUN:   lockcheck-exception-leak.NoThrowFunctions: 'may_throw;log_*'}}" \
// RUN:   %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefixes=OPTS,ALWAYS %s --implicit-check-not='{{warning|error}}:'
//
// The same values from a .lockcheck.yaml named by ConfigFile.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' \
// RUN:   --config="{CheckOptions: {ConfigFile: '%S/Inputs/options.lockcheck.yaml'}}" \
// RUN:   %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefixes=OPTS,ALWAYS %s --implicit-check-not='{{warning|error}}:'
//
// A file and options add up: the file has the lock functions only.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' \
// RUN:   --config="{CheckOptions: {ConfigFile: '%S/Inputs/lock-functions.lockcheck.yaml', RecursiveLockTypes: 'RecMutex', NoThrowFunctions: 'may_throw;log_*'}}" \
// RUN:   %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefixes=OPTS,ALWAYS %s --implicit-check-not='{{warning|error}}:'
//
// Options of a check that is not enabled do not take part.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-double-lock' \
// RUN:   --config="{CheckOptions: {lockcheck-missing-unlock.AcquireFunctions: 'my_lock(0)'}}" \
// RUN:   %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefix=DISABLED %s --implicit-check-not='{{warning|error}}:'
//
// --verify-config knows the options and flags a misspelt one.
// RUN: not %clang_tidy --load=%tidy_plugin --verify-config --config="{Checks: '-*,lockcheck-*', \
// RUN:   CheckOptions: {AcquireFunctions: 'my_lock(0)', lockcheck-double-lock.NoThrowFunctions: 'log_*', \
// RUN:   ConfigFile: none, Debug: false, lockcheck-double-lock.AcquireFunction: 'typo(0)'}}" 2>&1 \
// RUN:   | %FileCheck --check-prefix=VERIFY %s --implicit-check-not='warning:'
// VERIFY: warning: unknown check option 'lockcheck-double-lock.AcquireFunction'; did you mean 'lockcheck-double-lock.AcquireFunctions' [-verify-config]
//
// Debug takes true or false.
// RUN: not %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' --config="{CheckOptions: {Debug: maybe}}" \
// RUN:   %s -- -std=c++17 | %FileCheck --check-prefix=BADDEBUG %s
// BADDEBUG: error: lockcheck: invalid value 'maybe' of option 'Debug'; valid values: true, false [clang-tidy-config]
//
// ExceptionLeakOpaqueCalls and ExceptionLeakAllocation: the exception-leak
// switches, as global or local options; set, they override the file's.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-exception-leak' --config='{}' %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefixes=EL %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-exception-leak' \
// RUN:   --config="{CheckOptions: {ExceptionLeakOpaqueCalls: true}}" %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefixes=EL,OPAQUE %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-exception-leak' \
// RUN:   --config="{CheckOptions: {lockcheck-exception-leak.ExceptionLeakAllocation: 'True'}}" %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefixes=EL,ALLOC %s --implicit-check-not='{{warning|error}}:'
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-exception-leak' \
// RUN:   --config="{CheckOptions: {ConfigFile: '%S/Inputs/exception-leak.lockcheck.yaml', ExceptionLeakAllocation: false}}" \
// RUN:   %s -- -std=c++17 | %FileCheck --check-prefixes=EL,OPAQUE %s --implicit-check-not='{{warning|error}}:'
// RUN: not %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-*' --config="{CheckOptions: {ExceptionLeakOpaqueCalls: yes}}" \
// RUN:   %s -- -std=c++17 | %FileCheck --check-prefix=BADSWITCH %s
// BADSWITCH: error: lockcheck: invalid value 'yes' of option 'ExceptionLeakOpaqueCalls'; valid values: true, false [clang-tidy-config]
//
// --dump-config lists every option of every enabled check.
// RUN: %clang_tidy --load=%tidy_plugin --checks='-*,lockcheck-double-lock' --dump-config \
// RUN:   --config="{CheckOptions: {AcquireFunctions: 'my_lock(0)'}}" %s -- -std=c++17 \
// RUN:   | %FileCheck --check-prefix=DUMP %s
// DUMP-DAG: lockcheck-double-lock.AcquireFunctions: 'my_lock(0)'
// DUMP-DAG: lockcheck-double-lock.AcquireSharedFunctions: ''
// DUMP-DAG: lockcheck-double-lock.ReleaseFunctions: ''
// DUMP-DAG: lockcheck-double-lock.TryAcquireFunctions: ''
// DUMP-DAG: lockcheck-double-lock.TryAcquireSharedFunctions: ''
// DUMP-DAG: lockcheck-double-lock.RecursiveLockTypes: ''
// DUMP-DAG: lockcheck-double-lock.RecursiveLocks: ''
// DUMP-DAG: lockcheck-double-lock.NoThrowFunctions: ''
// DUMP-DAG: lockcheck-double-lock.LockOrders: ''
// DUMP-DAG: lockcheck-double-lock.ConfigFile: ''
// DUMP-DAG: lockcheck-double-lock.Debug: ''
// DUMP-DAG: lockcheck-double-lock.ExceptionLeakOpaqueCalls: ''
// DUMP-DAG: lockcheck-double-lock.ExceptionLeakAllocation: ''
#include <mutex>
#include <vector>

std::mutex g;

// Lock wrappers whose bodies live elsewhere.
void my_lock(std::mutex *m) noexcept;
void my_unlock(std::mutex *m) noexcept;
int my_trylock(std::mutex *m) noexcept;

void wrapper_twice() {
  my_lock(&g);
  my_lock(&g);
  // OPTS: options.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: acquiring mutex 'g' that is already held [lockcheck-double-lock]
  my_unlock(&g);
}

void wrapper_leak() {
  my_lock(&g);
}
// OPTS: options.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: mutex 'g' is still held at the end of 'wrapper_leak' [lockcheck-missing-unlock]

void wrapper_try() {
  if (my_trylock(&g) == 0)
    my_unlock(&g);
}

// A capability the model knows, recursive only by configuration.
class __attribute__((capability("mutex"))) RecMutex {
public:
  void lock() noexcept __attribute__((acquire_capability()));
  void unlock() noexcept __attribute__((release_capability()));
};
RecMutex rec;

// Not recursive: a double lock, after which it counts as held once. Recursive:
// held twice, released once, so still held at the end.
void recursive_twice() {
  rec.lock();
  rec.lock();
  // NONE: options.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: acquiring mutex 'rec' that is already held [lockcheck-double-lock]
  // DISABLED: options.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: acquiring mutex 'rec' that is already held [lockcheck-double-lock]
  rec.unlock();
}
// OPTS: options.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: mutex 'rec' is still held at the end of 'recursive_twice' [lockcheck-missing-unlock]

struct Failure {};
bool failing;
void may_throw() {
  if (failing)
    throw Failure();
}
void log_event(const char *) {
  if (failing)
    throw Failure();
}

void throwing_calls() {
  g.lock();
  may_throw();
  // NONE: options.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: mutex 'g' stays locked if 'may_throw' throws 'Failure' [lockcheck-exception-leak]
  // EL: options.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: mutex 'g' stays locked if 'may_throw' throws 'Failure' [lockcheck-exception-leak]
  log_event("x");
  g.unlock();
}

// Not known to throw unless the switches say so.
void opaque(int);
void opaque_and_allocating(std::vector<int> &v) {
  g.lock();
  opaque(1);
  // OPAQUE: options.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: mutex 'g' stays locked if 'opaque' throws [lockcheck-exception-leak]
  v.push_back(1);
  // ALLOC: options.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: mutex 'g' stays locked if 'push_back' throws 'std::bad_alloc' [lockcheck-exception-leak]
  g.unlock();
}

// ALWAYS is for what no option changes.
void always_twice() {
  g.lock();
  g.lock();
  // ALWAYS: options.cpp:[[@LINE-1]]:{{[0-9]+}}: warning: acquiring mutex 'g' that is already held [lockcheck-double-lock]
  // DISABLED: options.cpp:[[@LINE-2]]:{{[0-9]+}}: warning: acquiring mutex 'g' that is already held [lockcheck-double-lock]
  g.unlock();
}
