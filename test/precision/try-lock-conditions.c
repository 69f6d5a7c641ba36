// RUN: %lockcheck_cc -Xclang -verify %s
//
// C try-locks (0 = taken) anywhere in a condition, and error-code wrappers
// around them: a function that returns 0 exactly where its try-lock
// succeeded is a conditional acquire (libuv's uv_mutex_trylock), used as a
// try-lock by its callers, as often as they like.
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

#define UNLIKELY(x) __builtin_expect(!!(x), 0)

void work(void);
int cond(void);

pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t m2 = PTHREAD_MUTEX_INITIALIZER;
pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;

int take(pthread_mutex_t *mu) {
  int err = pthread_mutex_trylock(mu);
  if (err) {
    if (err != EBUSY && err != EAGAIN)
      abort();
    return -EBUSY;
  }
  return 0;
}

static int take_read(void) {
  if (pthread_rwlock_tryrdlock(&rw) != 0)
    return EBUSY;
  return 0;
}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: behind `&&` and `||`.
void n_and_or(int c) {
  if (c && pthread_mutex_trylock(&m) == 0) {
    work();
    pthread_mutex_unlock(&m);
  }
  if (!c || pthread_mutex_trylock(&m) != 0)
    return;
  pthread_mutex_unlock(&m);
}

// N2: UNLIKELY, `!`, and a result that is not compared.
void n_unlikely(void) {
  if (UNLIKELY(pthread_mutex_trylock(&m)))
    return;
  pthread_mutex_unlock(&m);
  if (!pthread_mutex_trylock(&m))
    pthread_mutex_unlock(&m);
}

// N3: stored first, through `&&` and `?:`.
void n_stored(int c) {
  int locked = cond() && !pthread_mutex_trylock(&m);
  if (locked)
    pthread_mutex_unlock(&m);
  int rc = c ? pthread_mutex_trylock(&m) : EBUSY;
  if (rc == 0)
    pthread_mutex_unlock(&m);
}

// N4: an error-code wrapper, twice in one function.
int n_wrapper_twice(void) {
  if (take(&m) != 0)
    return -1;
  work();
  pthread_mutex_unlock(&m);
  if (take(&m) != 0)
    return -1;
  pthread_mutex_unlock(&m);
  return 0;
}

// N5: two wrappers nested, and a read-lock wrapper behind `&&`.
void n_wrappers_nested(int c) {
  if (take(&m) == 0) {
    if (take(&m2) == 0)
      pthread_mutex_unlock(&m2);
    pthread_mutex_unlock(&m);
  }
  if (c && take_read() == 0)
    pthread_rwlock_unlock(&rw);
}

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: the else branch of `c && trylock == 0` holds nothing.
void p_else(int c) {
  if (c && pthread_mutex_trylock(&m) == 0)
    pthread_mutex_unlock(&m);
  else
    pthread_mutex_unlock(&m); // expected-warning {{releasing mutex 'm' that is not held [lockcheck-unlock-not-held]}}
}

// P2: the wrapper's failure branch unlocks.
void p_wrapper_failure_unlocks(void) {
  if (take(&m) != 0) {
    pthread_mutex_unlock(&m); // expected-warning {{releasing mutex 'm' that is not held [lockcheck-unlock-not-held]}}
    return;
  }
  pthread_mutex_unlock(&m);
}

// P3: a success that returns without unlocking.
int p_wrapper_leak(int c) {
  if (take(&m) != 0) // expected-note {{mutex 'm' acquired here}}
    return -1;
  if (c)
    return 1; // expected-warning {{mutex 'm' is still held when 'p_wrapper_leak' returns [lockcheck-missing-unlock]}}
  pthread_mutex_unlock(&m);
  return 0;
}
