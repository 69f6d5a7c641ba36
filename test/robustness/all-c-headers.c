// Every C17 standard header plus <pthread.h>, in C11 and C17 mode, and correct
// code using pthread mutexes, rwlocks, spinlocks and C11 mtx_t: no diagnostic.
// RUN: %lockcheck_cc -fno-crash-diagnostics -Xclang -verify -std=c11 %s
// RUN: %lockcheck_cc -fno-crash-diagnostics -Xclang -verify -std=c17 %s
// RUN: %lockcheck_cc -fno-crash-diagnostics -Xclang -verify -std=gnu17 %s
// expected-no-diagnostics

// Strict -std=c11 hides POSIX; real code asks for it like this.
#define _POSIX_C_SOURCE 200809L
#include <assert.h>
#include <complex.h>
#include <ctype.h>
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <inttypes.h>
#include <iso646.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <string.h>
#include <tgmath.h>
#include <threads.h>
#include <time.h>
#include <uchar.h>
#include <wchar.h>
#include <wctype.h>

#include <pthread.h>

struct table {
  pthread_mutex_t mu;
  pthread_rwlock_t rw;
  pthread_spinlock_t spin;
  mtx_t cmtx;
  int rows[16];
  atomic_int hits;
};

int table_get(struct table *t, int i) {
  int v;
  pthread_rwlock_rdlock(&t->rw);
  v = t->rows[i & 15];
  pthread_rwlock_unlock(&t->rw);
  return v;
}

void table_set(struct table *t, int i, int v) {
  pthread_rwlock_wrlock(&t->rw);
  t->rows[i & 15] = v;
  pthread_rwlock_unlock(&t->rw);
}

int table_sum(struct table *t) {
  int sum = 0;
  pthread_mutex_lock(&t->mu);
  for (int i = 0; i < 16; ++i) {
    if (t->rows[i] < 0)
      continue;
    sum += t->rows[i];
  }
  pthread_mutex_unlock(&t->mu);
  return sum;
}

int table_try_clear(struct table *t) {
  if (pthread_mutex_trylock(&t->mu) != 0)
    return EBUSY;
  memset(t->rows, 0, sizeof t->rows);
  pthread_mutex_unlock(&t->mu);
  return 0;
}

void table_hit(struct table *t) {
  pthread_spin_lock(&t->spin);
  atomic_fetch_add(&t->hits, 1);
  pthread_spin_unlock(&t->spin);
}

int table_first_negative(struct table *t) {
  int found = -1;
  mtx_lock(&t->cmtx);
  for (int i = 0; i < 16; ++i) {
    if (t->rows[i] < 0) {
      found = i;
      goto done;
    }
  }
done:
  mtx_unlock(&t->cmtx);
  return found;
}

int table_try_first(struct table *t) {
  int v = -1;
  if (mtx_trylock(&t->cmtx) == thrd_success) {
    v = t->rows[0];
    mtx_unlock(&t->cmtx);
  }
  return v;
}
