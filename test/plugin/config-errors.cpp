// Every configuration error: one line naming the file, line and column, the
// problem and the valid choices; the compile fails.
// DEFINE: %{lockcheck} = not %lockcheck_cxx %s -fplugin-arg-lockcheck-config=%S/Inputs/config
// DEFINE: %{check} = %FileCheck %s -DDIR=%S/Inputs/config --implicit-check-not=error:
// RUN: %{lockcheck}/acquire-arg-too-large.yaml 2>&1 | %{check} --check-prefix=ACQUIRE-ARG-TOO-LARGE
// RUN: %{lockcheck}/acquire-bad-arg.yaml 2>&1 | %{check} --check-prefix=ACQUIRE-BAD-ARG
// RUN: %{lockcheck}/acquire-bad-name.yaml 2>&1 | %{check} --check-prefix=ACQUIRE-BAD-NAME
// RUN: %{lockcheck}/acquire-empty-component.yaml 2>&1 | %{check} --check-prefix=ACQUIRE-EMPTY-COMPONENT
// RUN: %{lockcheck}/acquire-no-close.yaml 2>&1 | %{check} --check-prefix=ACQUIRE-NO-CLOSE
// RUN: %{lockcheck}/acquire-no-name.yaml 2>&1 | %{check} --check-prefix=ACQUIRE-NO-NAME
// RUN: %{lockcheck}/acquire-no-paren.yaml 2>&1 | %{check} --check-prefix=ACQUIRE-NO-PAREN
// RUN: %{lockcheck}/acquire-not-list.yaml 2>&1 | %{check} --check-prefix=ACQUIRE-NOT-LIST
// RUN: %{lockcheck}/acquire-shared-bad.yaml 2>&1 | %{check} --check-prefix=ACQUIRE-SHARED-BAD
// RUN: %{lockcheck}/checks-no-match.yaml 2>&1 | %{check} --check-prefix=CHECKS-NO-MATCH
// RUN: %{lockcheck}/checks-not-string.yaml 2>&1 | %{check} --check-prefix=CHECKS-NOT-STRING
// RUN: %{lockcheck}/checks-unknown.yaml 2>&1 | %{check} --check-prefix=CHECKS-UNKNOWN
// RUN: %{lockcheck}/duplicate-key.yaml 2>&1 | %{check} --check-prefix=DUPLICATE-KEY
// RUN: %{lockcheck}/exception-leak-bad-value.yaml 2>&1 | %{check} --check-prefix=EXCEPTION-LEAK-BAD-VALUE
// RUN: %{lockcheck}/exception-leak-not-mapping.yaml 2>&1 | %{check} --check-prefix=EXCEPTION-LEAK-NOT-MAPPING
// RUN: %{lockcheck}/exception-leak-unknown-key.yaml 2>&1 | %{check} --check-prefix=EXCEPTION-LEAK-UNKNOWN-KEY
// RUN: %{lockcheck}/lock-order-bad-name.yaml 2>&1 | %{check} --check-prefix=LOCK-ORDER-BAD-NAME
// RUN: %{lockcheck}/lock-order-duplicate.yaml 2>&1 | %{check} --check-prefix=LOCK-ORDER-DUPLICATE
// RUN: %{lockcheck}/lock-order-flat.yaml 2>&1 | %{check} --check-prefix=LOCK-ORDER-FLAT
// RUN: %{lockcheck}/lock-order-lock-not-string.yaml 2>&1 | %{check} --check-prefix=LOCK-ORDER-LOCK-NOT-STRING
// RUN: %{lockcheck}/lock-order-not-list.yaml 2>&1 | %{check} --check-prefix=LOCK-ORDER-NOT-LIST
// RUN: %{lockcheck}/lock-order-one-lock.yaml 2>&1 | %{check} --check-prefix=LOCK-ORDER-ONE-LOCK
// RUN: %{lockcheck}/non-scalar-key.yaml 2>&1 | %{check} --check-prefix=NON-SCALAR-KEY
// RUN: %{lockcheck}/not-a-mapping.yaml 2>&1 | %{check} --check-prefix=NOT-A-MAPPING
// RUN: %{lockcheck}/nothrow-bad.yaml 2>&1 | %{check} --check-prefix=NOTHROW-BAD
// RUN: %{lockcheck}/nothrow-not-string.yaml 2>&1 | %{check} --check-prefix=NOTHROW-NOT-STRING
// RUN: %{lockcheck}/recursive-locks-bad.yaml 2>&1 | %{check} --check-prefix=RECURSIVE-LOCKS-BAD
// RUN: %{lockcheck}/recursive-locks-not-list.yaml 2>&1 | %{check} --check-prefix=RECURSIVE-LOCKS-NOT-LIST
// RUN: %{lockcheck}/recursive-types-bad.yaml 2>&1 | %{check} --check-prefix=RECURSIVE-TYPES-BAD
// RUN: %{lockcheck}/recursive-types-not-list.yaml 2>&1 | %{check} --check-prefix=RECURSIVE-TYPES-NOT-LIST
// RUN: %{lockcheck}/release-condition.yaml 2>&1 | %{check} --check-prefix=RELEASE-CONDITION
// RUN: %{lockcheck}/release-not-string.yaml 2>&1 | %{check} --check-prefix=RELEASE-NOT-STRING
// RUN: %{lockcheck}/syntax-error.yaml 2>&1 | %{check} --check-prefix=SYNTAX-ERROR
// RUN: %{lockcheck}/try-acquire-bad-condition.yaml 2>&1 | %{check} --check-prefix=TRY-ACQUIRE-BAD-CONDITION
// RUN: %{lockcheck}/try-acquire-shared-not-list.yaml 2>&1 | %{check} --check-prefix=TRY-ACQUIRE-SHARED-NOT-LIST
// RUN: %{lockcheck}/two-documents.yaml 2>&1 | %{check} --check-prefix=TWO-DOCUMENTS
// RUN: %{lockcheck}/unknown-key.yaml 2>&1 | %{check} --check-prefix=UNKNOWN-KEY
// RUN: %{lockcheck}/unknown-key-far.yaml 2>&1 | %{check} --check-prefix=UNKNOWN-KEY-FAR
// A file that cannot be read.
// RUN: %{lockcheck}/missing.yaml 2>&1 | %{check} --check-prefix=MISSING
// RUN: %{lockcheck} 2>&1 | %{check} --check-prefix=DIRECTORY

// ACQUIRE-ARG-TOO-LARGE: {{^}}[[DIR]]/acquire-arg-too-large.yaml:1:11: error: malformed function pattern 'my_lock(256)': the lock argument '256' must be 'this' or an argument number from 0 to 255; valid forms are: 'name(N)', 'name(this)'{{$}}
// ACQUIRE-BAD-ARG: {{^}}[[DIR]]/acquire-bad-arg.yaml:1:11: error: malformed function pattern 'my_lock(first)': the lock argument 'first' must be 'this' or an argument number from 0 to 255; valid forms are: 'name(N)', 'name(this)'{{$}}
// ACQUIRE-BAD-NAME: {{^}}[[DIR]]/acquire-bad-name.yaml:1:11: error: malformed function pattern 'my lock(0)': unexpected character ' ' in the name; valid forms are: 'name(N)', 'name(this)'{{$}}
// ACQUIRE-EMPTY-COMPONENT: {{^}}[[DIR]]/acquire-empty-component.yaml:1:11: error: malformed function pattern 'ns::::lock(0)': empty name component; valid forms are: 'name(N)', 'name(this)'{{$}}
// ACQUIRE-NO-CLOSE: {{^}}[[DIR]]/acquire-no-close.yaml:1:11: error: malformed function pattern 'my_lock(0': expected ')' after the lock argument; valid forms are: 'name(N)', 'name(this)'{{$}}
// ACQUIRE-NO-NAME: {{^}}[[DIR]]/acquire-no-name.yaml:1:11: error: malformed function pattern '(0)': expected a function name before '('; valid forms are: 'name(N)', 'name(this)'{{$}}
// ACQUIRE-NO-PAREN: {{^}}[[DIR]]/acquire-no-paren.yaml:1:11: error: malformed function pattern 'my_lock': expected '(' and the lock argument after the function name; valid forms are: 'name(N)', 'name(this)'{{$}}
// ACQUIRE-NOT-LIST: {{^}}[[DIR]]/acquire-not-list.yaml:1:10: error: 'acquire' expects a list of function patterns such as ['my_lock(0)']{{$}}
// ACQUIRE-SHARED-BAD: {{^}}[[DIR]]/acquire-shared-bad.yaml:3:5: error: malformed function pattern 'rw_rdlock(this) == 0': unexpected '== 0' after ')'; a success condition is only valid in try-acquire and try-acquire-shared; valid forms are: 'name(N)', 'name(this)'{{$}}
// CHECKS-NO-MATCH: {{^}}[[DIR]]/checks-no-match.yaml:1:9: error: check glob 'double-lock' matches no lockcheck check; valid checks: lockcheck-double-lock, lockcheck-unlock-not-held, lockcheck-missing-unlock, lockcheck-exception-leak, lockcheck-unused-guard, lockcheck-lock-order, lockcheck-unguarded-access{{$}}
// CHECKS-NOT-STRING: {{^}}[[DIR]]/checks-not-string.yaml:1:10: error: 'checks' expects a string of check globs such as 'lockcheck-*,-lockcheck-lock-order'{{$}}
// CHECKS-UNKNOWN: {{^}}[[DIR]]/checks-unknown.yaml:1:9: error: unknown check 'lockcheck-dobule-lock'; valid checks: lockcheck-double-lock, lockcheck-unlock-not-held, lockcheck-missing-unlock, lockcheck-exception-leak, lockcheck-unused-guard, lockcheck-lock-order, lockcheck-unguarded-access{{$}}
// DUPLICATE-KEY: {{^}}[[DIR]]/duplicate-key.yaml:3:1: error: duplicate key 'acquire'{{$}}
// LOCK-ORDER-BAD-NAME: {{^}}[[DIR]]/lock-order-bad-name.yaml:1:15: error: malformed lock name 'Bank.m': unexpected character '.' in the name; valid forms are: 'name', 'ns::name', 'Class::name', with '*' and '?' as wildcards{{$}}
// LOCK-ORDER-DUPLICATE: {{^}}[[DIR]]/lock-order-duplicate.yaml:1:21: error: lock 'a' appears twice in one lock order{{$}}
// LOCK-ORDER-FLAT: {{^}}[[DIR]]/lock-order-flat.yaml:1:14: error: each 'lock-order' entry must be a list of two or more locks, earliest first, such as ['Bank::m', 'Account::m']{{$}}
// LOCK-ORDER-LOCK-NOT-STRING: {{^}}[[DIR]]/lock-order-lock-not-string.yaml:1:19: error: the locks of a 'lock-order' entry must be strings such as 'Bank::m'{{$}}
// LOCK-ORDER-NOT-LIST: {{^}}[[DIR]]/lock-order-not-list.yaml:1:13: error: 'lock-order' expects a list of lock orders such as {{\[\[}}'Bank::m', 'Account::m']]{{$}}
// LOCK-ORDER-ONE-LOCK: {{^}}[[DIR]]/lock-order-one-lock.yaml:3:6: error: each 'lock-order' entry must be a list of two or more locks, earliest first, such as ['Bank::m', 'Account::m']{{$}}
// NON-SCALAR-KEY: {{^}}[[DIR]]/non-scalar-key.yaml:1:3: error: expected a key; valid keys are: checks, acquire, acquire-shared, release, try-acquire, try-acquire-shared, recursive-types, recursive-locks, nothrow, lock-order, guard-min-accesses, guard-min-percent, unguarded-reads, exception-leak{{$}}
// NOT-A-MAPPING: {{^}}[[DIR]]/not-a-mapping.yaml:1:1: error: expected a mapping of keys; valid keys are: checks, acquire, acquire-shared, release, try-acquire, try-acquire-shared, recursive-types, recursive-locks, nothrow, lock-order, guard-min-accesses, guard-min-percent, unguarded-reads, exception-leak{{$}}
// EXCEPTION-LEAK-BAD-VALUE: {{^}}[[DIR]]/exception-leak-bad-value.yaml:1:32: error: 'exception-leak: opaque-calls' expects true or false, not 'yes'{{$}}
// EXCEPTION-LEAK-NOT-MAPPING: {{^}}[[DIR]]/exception-leak-not-mapping.yaml:1:18: error: 'exception-leak' expects a mapping such as {opaque-calls: true, allocation: true}{{$}}
// EXCEPTION-LEAK-UNKNOWN-KEY: {{^}}[[DIR]]/exception-leak-unknown-key.yaml:3:3: error: unknown key 'alocation' in 'exception-leak'; valid keys are: opaque-calls, allocation{{$}}
// NOTHROW-BAD: {{^}}[[DIR]]/nothrow-bad.yaml:1:11: error: malformed function name pattern 'log_*()': unexpected character '(' in the name; valid forms are: 'name', 'ns::name', 'Class::name', with '*' and '?' as wildcards{{$}}
// NOTHROW-NOT-STRING: {{^}}[[DIR]]/nothrow-not-string.yaml:1:12: error: 'nothrow' entries must be strings such as 'log_*'{{$}}
// RECURSIVE-LOCKS-BAD: {{^}}[[DIR]]/recursive-locks-bad.yaml:1:19: error: malformed lock name pattern 'db->mutex': unexpected character '-' in the name; valid forms are: 'name', 'ns::name', 'Class::name', with '*' and '?' as wildcards{{$}}
// RECURSIVE-LOCKS-NOT-LIST: {{^}}[[DIR]]/recursive-locks-not-list.yaml:1:18: error: 'recursive-locks' expects a list of lock names such as ['Connection::mutex']{{$}}
// RECURSIVE-TYPES-BAD: {{^}}[[DIR]]/recursive-types-bad.yaml:1:19: error: malformed type name pattern 'My-Mutex': unexpected character '-' in the name; valid forms are: 'name', 'ns::name', 'Class::name', with '*' and '?' as wildcards{{$}}
// RECURSIVE-TYPES-NOT-LIST: {{^}}[[DIR]]/recursive-types-not-list.yaml:1:18: error: 'recursive-types' expects a list of type names such as ['MyCountingMutex']{{$}}
// RELEASE-CONDITION: {{^}}[[DIR]]/release-condition.yaml:1:11: error: malformed function pattern 'my_unlock(0) == 0': unexpected '== 0' after ')'; a success condition is only valid in try-acquire and try-acquire-shared; valid forms are: 'name(N)', 'name(this)'{{$}}
// RELEASE-NOT-STRING: {{^}}[[DIR]]/release-not-string.yaml:1:12: error: 'release' entries must be strings such as 'my_unlock(0)'{{$}}
// SYNTAX-ERROR: {{^}}[[DIR]]/syntax-error.yaml:2:1: error: invalid YAML: expected , between entries{{$}}
// TRY-ACQUIRE-BAD-CONDITION: {{^}}[[DIR]]/try-acquire-bad-condition.yaml:1:15: error: malformed function pattern 'my_trylock(0) != 0': unexpected '!= 0' after ')'; valid forms are: 'name(N)', 'name(this)', each optionally followed by '== 0' or '== true'{{$}}
// TRY-ACQUIRE-SHARED-NOT-LIST: {{^}}[[DIR]]/try-acquire-shared-not-list.yaml:1:22: error: 'try-acquire-shared' expects a list of function patterns such as ['rw_tryrdlock(0) == 0']{{$}}
// TWO-DOCUMENTS: {{^}}[[DIR]]/two-documents.yaml:3:1: error: expected a single YAML document{{$}}
// UNKNOWN-KEY: {{^}}[[DIR]]/unknown-key.yaml:2:1: error: unknown key 'aquire' (did you mean 'acquire'?); valid keys are: checks, acquire, acquire-shared, release, try-acquire, try-acquire-shared, recursive-types, recursive-locks, nothrow, lock-order, guard-min-accesses, guard-min-percent, unguarded-reads, exception-leak{{$}}
// UNKNOWN-KEY-FAR: {{^}}[[DIR]]/unknown-key-far.yaml:1:1: error: unknown key 'locks'; valid keys are: checks, acquire, acquire-shared, release, try-acquire, try-acquire-shared, recursive-types, recursive-locks, nothrow, lock-order, guard-min-accesses, guard-min-percent, unguarded-reads, exception-leak{{$}}
// MISSING: {{^}}error: [[DIR]]/missing.yaml: cannot read configuration file: No such file or directory{{$}}
// DIRECTORY: {{^}}error: [[DIR]]: cannot read configuration file: Is a directory{{$}}

void f();
