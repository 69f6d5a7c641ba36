// The plugin runs on C translation units the same way (pthread locks,
// NOLINT, and -c leaves the object untouched).
// RUN: %lockcheck_cc -fplugin-arg-lockcheck-debug %s 2>&1 | %FileCheck %s --check-prefix=DEBUG
// RUN: %lockcheck_cc -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock -Xclang -verify %s
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang -c %s -o %t/plain.o
// RUN: %clang -c %s -o %t/plugin.o -fplugin=%plugin -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=WARN
// RUN: cmp %t/plain.o %t/plugin.o
// DEBUG: {{^}}lockcheck: enabled checks: lockcheck-double-lock lockcheck-unlock-not-held {{.*}} lockcheck-lock-order{{$}}
// WARN: warning: acquiring mutex 'm' that is already held [lockcheck-double-lock]

#include <pthread.h>
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

void twice(void) {
  pthread_mutex_lock(&m); // expected-note {{mutex 'm' acquired here}}
  pthread_mutex_lock(&m); // expected-warning {{acquiring mutex 'm' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(&m);
  pthread_mutex_unlock(&m);
}

void suppressed(void) {
  pthread_mutex_lock(&m);
  pthread_mutex_lock(&m); // NOLINT(lockcheck-double-lock)
  pthread_mutex_unlock(&m);
  pthread_mutex_unlock(&m);
}
