// RUN: %lockcheck_cc -Xclang -verify %s
//
// A conditional acquire wrapper returns holding its lock on success only, by
// C's error-code convention: every return that holds the lock returns 0,
// every other return an error code (constant or computed), and the function
// gives the lock back itself on those paths (SQLite's vdbeUnbind()). At a call
// it acts as a try-lock: the caller holds the lock where it tested for 0.
#include <pthread.h>

#define OK 0
#define BUSY 5
int misuse(int line);
struct stmt {
  pthread_mutex_t *mu;
  int state, n;
};

static int unbind(struct stmt *p, int i) {
  pthread_mutex_lock(p->mu); // expected-note {{'unbind' acquires '*p->mu' here}}
  if (p->state != 1) {
    pthread_mutex_unlock(p->mu);
    return misuse(__LINE__); // an error code computed at run time
  }
  if (i >= p->n) {
    pthread_mutex_unlock(p->mu);
    return BUSY;
  }
  return OK; // no missing unlock: holding it here is the contract
}

int bind_int(struct stmt *p, int i) {
  int rc = unbind(p, i);
  if (rc == OK) {
    p->n++;
    pthread_mutex_unlock(p->mu);
  }
  return rc;
}

int bind_checked(struct stmt *p, int i) {
  if (unbind(p, i) != OK)
    return 1;
  pthread_mutex_unlock(p->mu);
  return 0;
}

// The result is ignored: the call is trusted to have succeeded.
void bind_unchecked(struct stmt *p) {
  unbind(p, 0);
  pthread_mutex_unlock(p->mu);
}

int bind_leaky(struct stmt *p, int i) {
  int rc = unbind(p, i); // expected-note {{mutex '*p->mu' acquired here}}
  if (rc == OK) {
    if (++p->n > 10)
      return 7; // expected-warning {{mutex '*p->mu' is still held when 'bind_leaky' returns [lockcheck-missing-unlock]}}
    pthread_mutex_unlock(p->mu);
  }
  return rc;
}

int bind_unlocks_anyway(struct stmt *p, int i) {
  int rc = unbind(p, i);
  pthread_mutex_unlock(p->mu); // expected-warning {{releasing mutex '*p->mu' that may not be held [lockcheck-unlock-not-held]}}
  return rc;
}

int bind_while_holding(struct stmt *p) {
  pthread_mutex_lock(p->mu); // expected-note {{mutex '*p->mu' acquired here}}
  int rc = unbind(p, 0); // expected-warning {{calling 'unbind' acquires mutex '*p->mu' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(p->mu);
  return rc;
}

// Passing the result on makes a conditional acquire wrapper of its own.
static int unbind_first(struct stmt *p) { return unbind(p, 0); }
static int unbind_checked(struct stmt *p, int i) {
  int rc = unbind(p, i);
  if (rc != OK)
    return rc;
  p->n++;
  return OK;
}

int bind_first(struct stmt *p) {
  int rc = unbind_first(p);
  if (rc != OK)
    return rc;
  pthread_mutex_unlock(p->mu);
  if (unbind_checked(p, 1) != OK) // expected-note {{mutex '*p->mu' acquired here}}
    return BUSY;
  if (p->n > 3)
    return OK; // expected-warning {{mutex '*p->mu' is still held when 'bind_first' returns [lockcheck-missing-unlock]}}
  pthread_mutex_unlock(p->mu);
  return OK;
}

//===----------------------------------------------------------------------===//
// Not conditional wrappers: the result does not say whether the lock is held.
//===----------------------------------------------------------------------===//

// OK is returned both with and without the lock.
static int ambiguous(struct stmt *p) {
  pthread_mutex_lock(p->mu); // expected-note {{mutex '*p->mu' acquired here}}
  if (p->state) {
    pthread_mutex_unlock(p->mu);
    return OK;
  }
  return OK; // expected-warning {{mutex '*p->mu' is still held when 'ambiguous' returns [lockcheck-missing-unlock]}}
}

// The value returned while holding the lock is not a constant.
static int computed(struct stmt *p) {
  pthread_mutex_lock(p->mu); // expected-note {{mutex '*p->mu' acquired here}}
  if (p->state) {
    pthread_mutex_unlock(p->mu);
    return BUSY;
  }
  return p->n; // expected-warning {{mutex '*p->mu' is still held when 'computed' returns [lockcheck-missing-unlock]}}
}

// Holding the lock where it returns an error (a non-zero value), releasing it
// where it succeeds: the classic early-return leak.
static int early_return(struct stmt *p) {
  pthread_mutex_lock(p->mu); // expected-note {{mutex '*p->mu' acquired here}}
  if (p->state)
    return -1; // expected-warning {{mutex '*p->mu' is still held when 'early_return' returns [lockcheck-missing-unlock]}}
  p->n++;
  pthread_mutex_unlock(p->mu);
  return 0;
}

// A truth value is no contract: returning 1 with the lock held is as often a
// forgotten unlock.
static int held_on_true(struct stmt *p) {
  pthread_mutex_lock(p->mu); // expected-note {{mutex '*p->mu' acquired here}}
  if (p->state) {
    pthread_mutex_unlock(p->mu);
    return 0;
  }
  return 1; // expected-warning {{mutex '*p->mu' is still held when 'held_on_true' returns [lockcheck-missing-unlock]}}
}

// The same contract for a lock the caller cannot name: reached through a
// local pointer that may come from one place or another (memcached's
// extstore_write_request). It is
// handed over on success; no summary can say so, and no leak is reported.
struct page {
  pthread_mutex_t mutex;
  int free;
};
struct store {
  struct page *pages[8];
};
struct page *new_page(struct store *s);
static int reserve(struct store *s, int bucket, int len) {
  int ret = -1;
  struct page *pg = s->pages[bucket];
  if (!pg)
    pg = new_page(s);
  if (!pg)
    return ret;
  pthread_mutex_lock(&pg->mutex);
  if (pg->free < len) {
    pthread_mutex_unlock(&pg->mutex);
    return ret;
  }
  pg->free -= len;
  return 0; // leaves pg locked for the caller
}
// Negative: the same shape, but an error return keeps the lock.
static int reserve_leaks(struct store *s, int bucket, int len) {
  struct page *pg = s->pages[bucket];
  if (!pg)
    pg = new_page(s);
  pthread_mutex_lock(&pg->mutex); // expected-note {{mutex 'pg->mutex' acquired here}}
  if (pg->free < len)
    return -1; // expected-warning {{mutex 'pg->mutex' is still held when 'reserve_leaks' returns [lockcheck-missing-unlock]}}
  pg->free -= len;
  pthread_mutex_unlock(&pg->mutex);
  return 0;
}

void use_all(struct stmt *p) {
  ambiguous(p);
  computed(p);
  early_return(p);
  held_on_true(p);
  reserve(0, 0, 0);
  reserve_leaks(0, 0, 0);
}
