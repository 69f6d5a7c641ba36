// RUN: %lockcheck_cc -Xclang -verify %s
//
// Arrays of locks: `m[i]` and `m[j]` are different locks unless the index is
// the same unchanged variable or the same constant. Locking each element in
// turn, or all of them in index order and unlocking them later, is no
// double lock; locking `m[i]` twice with the same `i` is.
#include <pthread.h>

#define N 8
void work(void);

pthread_mutex_t locks[N];
struct table {
  int n;
  struct { pthread_mutex_t mu; int count; } buckets[N];
};

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: each element in turn.
void n_each(void) {
  for (int i = 0; i < N; i++) {
    pthread_mutex_lock(&locks[i]);
    work();
    pthread_mutex_unlock(&locks[i]);
  }
}

// N2: all in index order, unlocked later with another index variable.
void n_all_then_unlock(void) {
  for (int i = 0; i < N; i++)
    pthread_mutex_lock(&locks[i]);
  work();
  for (int j = 0; j < N; j++)
    pthread_mutex_unlock(&locks[j]);
}

// N3: the same variable, unlocked in reverse order; through a struct.
void n_reverse(struct table *t) {
  int i;
  for (i = 0; i < t->n; ++i)
    pthread_mutex_lock(&t->buckets[i].mu);
  work();
  for (i = t->n - 1; i >= 0; --i)
    pthread_mutex_unlock(&t->buckets[i].mu);
}

// N4: two different index variables at once.
void n_two_indices(int i, int j) {
  pthread_mutex_lock(&locks[i]);
  pthread_mutex_lock(&locks[j]);
  pthread_mutex_unlock(&locks[j]);
  pthread_mutex_unlock(&locks[i]);
}

// N5: a while loop with the index advanced by hand.
void n_while(int n) {
  int k = 0;
  while (k < n) {
    pthread_mutex_lock(&locks[k]);
    k++;
  }
  work();
  while (k-- > 0)
    pthread_mutex_unlock(&locks[k]);
}

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: the same unchanged index twice.
void p_same_index(int i) {
  pthread_mutex_lock(&locks[i]); // expected-note {{mutex 'locks[i]' acquired here}}
  work();
  pthread_mutex_lock(&locks[i]); // expected-warning {{acquiring mutex 'locks[i]' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(&locks[i]);
}

// P2: the same constant index twice.
void p_same_constant(void) {
  pthread_mutex_lock(&locks[2]); // expected-note {{mutex 'locks[2]' acquired here}}
  pthread_mutex_lock(&locks[2]); // expected-warning {{acquiring mutex 'locks[2]' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(&locks[2]);
}

// P3: all locked, none unlocked.
void p_never_unlocked(void) {
  for (int i = 0; i < N; i++)
    pthread_mutex_lock(&locks[i]); // expected-note {{mutex 'locks[i]' acquired here}}
  work();
} // expected-warning {{mutex 'locks[i]' is still held at the end of 'p_never_unlocked' [lockcheck-missing-unlock]}}

// P4: unlocking elements nothing locked (a local array: no caller holds them).
void p_unlock_unlocked(void) {
  pthread_mutex_t local[4];
  for (int i = 0; i < 4; i++)
    pthread_mutex_init(&local[i], NULL);
  for (int i = 0; i < 4; i++)
    pthread_mutex_unlock(&local[i]); // expected-warning {{releasing mutex 'local[i]' that is not held [lockcheck-unlock-not-held]}} expected-note {{mutex 'local[i]' released here}}
}

// P5: an early return between the loops.
int p_return_between(int err) {
  for (int i = 0; i < N; i++)
    pthread_mutex_lock(&locks[i]); // expected-note {{mutex 'locks[i]' acquired here}}
  if (err)
    return -1; // expected-warning {{mutex 'locks[i]' is still held when 'p_return_between' returns [lockcheck-missing-unlock]}}
  for (int i = 0; i < N; i++)
    pthread_mutex_unlock(&locks[i]);
  return 0;
}

// P6: one element, locked on one path only.
void p_element_sometimes(int i, int c) {
  if (c)
    pthread_mutex_lock(&locks[i]);
  work();
  pthread_mutex_unlock(&locks[i]); // expected-warning {{releasing mutex 'locks[i]' that may not be held [lockcheck-unlock-not-held]}}
}
