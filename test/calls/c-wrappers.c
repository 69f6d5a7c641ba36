// RUN: %lockcheck_cc -Xclang -verify %s
//
// Calls in C with pthread: lock_acct()/unlock_acct() wrappers applied to the
// caller's lockset, and self-deadlock through call chains. A read lock taken
// again through a call is fine (pthread_rwlock_t read locks are re-entrant).
#include <pthread.h>
#include <stddef.h>

void work(void);
int cond(void);

struct acct {
  pthread_mutex_t mu;
  int bal;
};

void lock_acct(struct acct *a) { pthread_mutex_lock(&a->mu); } // expected-note 2 {{'lock_acct' acquires 'a->mu' here}}
void unlock_acct(struct acct *a) { pthread_mutex_unlock(&a->mu); }

pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
pthread_rwlock_t g_rw = PTHREAD_RWLOCK_INITIALIZER;

void lock_global(void) {
  pthread_mutex_lock(&g_mu); // expected-note 3 {{'lock_global' acquires 'g_mu' here}}
  work();
  pthread_mutex_unlock(&g_mu);
}

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: lock_acct() twice.
void p1_twice(struct acct *a) {
  lock_acct(a); // expected-note {{mutex 'a->mu' acquired here}}
  lock_acct(a); // expected-warning {{calling 'lock_acct' acquires mutex 'a->mu' that is already held [lockcheck-double-lock]}}
  unlock_acct(a);
}

// P2: unlock_acct() once too often.
void p2_unlock_twice(struct acct *a) {
  lock_acct(a);
  a->bal++;
  unlock_acct(a); // expected-note {{mutex 'a->mu' released here}}
  unlock_acct(a); // expected-warning {{calling 'unlock_acct' releases mutex 'a->mu' that is not held [lockcheck-unlock-not-held]}}
}

// P3: an early return skips unlock_acct().
int p3_leak(struct acct *a, int n) {
  lock_acct(a); // expected-note {{mutex 'a->mu' acquired here}}
  if (a->bal < n)
    return -1; // expected-warning {{mutex 'a->mu' is still held when 'p3_leak' returns [lockcheck-missing-unlock]}}
  a->bal -= n;
  unlock_acct(a);
  return 0;
}

// P4: locked directly, then the wrapper.
void p4_direct_then_wrapper(struct acct *a) {
  pthread_mutex_lock(&a->mu); // expected-note {{mutex 'a->mu' acquired here}}
  lock_acct(a); // expected-warning {{calling 'lock_acct' acquires mutex 'a->mu' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(&a->mu);
}

// P5: a helper that locks and unlocks the held global.
void p5_helper(void) {
  pthread_mutex_lock(&g_mu); // expected-note {{mutex 'g_mu' acquired here}}
  lock_global(); // expected-warning {{calling 'lock_global' acquires mutex 'g_mu' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(&g_mu);
}

// P6: two calls deep.
void p6_mid(void) {
  if (cond())
    lock_global(); // expected-note {{'p6_mid' calls 'lock_global' here}}
}
void p6_two_deep(void) {
  pthread_mutex_lock(&g_mu); // expected-note {{mutex 'g_mu' acquired here}}
  p6_mid(); // expected-warning {{calling 'p6_mid' acquires mutex 'g_mu' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(&g_mu);
}

// P7: recursion while holding the lock taken on entry.
pthread_mutex_t g_rec = PTHREAD_MUTEX_INITIALIZER;
void p7_walk(int n) {
  pthread_mutex_lock(&g_rec); // expected-note {{mutex 'g_rec' acquired here}} expected-note {{'p7_walk' acquires 'g_rec' here}}
  if (n > 0)
    p7_walk(n - 1); // expected-warning {{calling 'p7_walk' acquires mutex 'g_rec' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(&g_rec);
}

// P8: a write lock held, a helper takes the read lock.
void read_stats(void) {
  pthread_rwlock_rdlock(&g_rw); // expected-note {{'read_stats' acquires 'g_rw' here}}
  work();
  pthread_rwlock_unlock(&g_rw);
}
void p8_write_then_read(void) {
  pthread_rwlock_wrlock(&g_rw); // expected-note {{rwlock 'g_rw' acquired here}}
  read_stats(); // expected-warning {{calling 'read_stats' acquires rwlock 'g_rw' that is already held [lockcheck-double-lock]}}
  pthread_rwlock_unlock(&g_rw);
}

// P9: held on one path only.
void p9_maybe(void) {
  int c = cond();
  if (c)
    pthread_mutex_lock(&g_mu); // expected-note {{mutex 'g_mu' acquired here}}
  lock_global(); // expected-warning {{calling 'lock_global' acquires mutex 'g_mu' that may already be held [lockcheck-double-lock]}}
  if (c)
    pthread_mutex_unlock(&g_mu);
}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: the wrappers used correctly.
void n1_balanced(struct acct *a) {
  lock_acct(a);
  a->bal++;
  unlock_acct(a);
}

// N2: another (local) account.
void n2_other(void) {
  struct acct x, y;
  pthread_mutex_init(&x.mu, NULL);
  pthread_mutex_init(&y.mu, NULL);
  lock_acct(&x);
  lock_acct(&y);
  unlock_acct(&y);
  unlock_acct(&x);
}

// N3: a helper that only try-locks.
void try_global(void) {
  if (pthread_mutex_trylock(&g_mu) == 0)
    pthread_mutex_unlock(&g_mu);
}
void n3_try_callee(void) {
  pthread_mutex_lock(&g_mu);
  try_global();
  pthread_mutex_unlock(&g_mu);
}

// N4: a thread function started, not called.
void *worker(void *arg) {
  lock_global();
  return arg;
}
void n4_spawn(void) {
  pthread_t t;
  pthread_mutex_lock(&g_mu);
  pthread_create(&t, NULL, worker, NULL);
  pthread_mutex_unlock(&g_mu);
  pthread_join(t, NULL);
}

// N5: a read lock held, a helper takes it for reading again.
void n5_read_then_read(void) {
  pthread_rwlock_rdlock(&g_rw);
  read_stats();
  pthread_rwlock_unlock(&g_rw);
}

// N6: released before the call.
void n6_released(void) {
  pthread_mutex_lock(&g_mu);
  work();
  pthread_mutex_unlock(&g_mu);
  lock_global();
}

// N7: a helper that needs the lock held and does not lock.
int g_count;
void bump_locked(void) { g_count++; }
void n7_requires_only(void) {
  pthread_mutex_lock(&g_mu);
  bump_locked();
  pthread_mutex_unlock(&g_mu);
}
