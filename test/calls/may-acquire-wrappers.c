// RUN: %lockcheck_cc -Xclang -verify %s
//
// A function that returns holding its lock on some paths and not on others,
// by a test its caller cannot read (the lock pointer is NULL when the
// program runs without threads), leaves the caller not knowing whether it
// holds the lock: the caller's release under its own test is no release of
// a lock not held, and the release makes the function an acquire wrapper
// (its own "may still be held" is no bug). A wrapper of such a wrapper
// passes the uncertainty on. What the caller does after releasing is
// checked as before.
#include <pthread.h>

struct buf {
  pthread_mutex_t *lock; // NULL without threads
  int refcnt, n;
};

static void buf_lock(struct buf *b) {
  if (b->lock)
    pthread_mutex_lock(b->lock);
}
void buf_incref_and_lock(struct buf *b) {
  buf_lock(b);
  b->refcnt++;
}

// --- No warning --------------------------------------------------------------

void touch(struct buf *b) {
  buf_incref_and_lock(b);
  b->n++;
  if (b->lock)
    pthread_mutex_unlock(b->lock);
}

void touch_direct(struct buf *b) {
  buf_lock(b);
  b->n--;
  if (b->lock)
    pthread_mutex_unlock(b->lock);
}

// --- Warnings ------------------------------------------------------------------

void released_twice(struct buf *b) {
  buf_lock(b);
  pthread_mutex_unlock(b->lock); // expected-note {{mutex '*b->lock' released here}}
  pthread_mutex_unlock(b->lock); // expected-warning {{releasing mutex '*b->lock' that is not held}}
}

pthread_mutex_t m;
int fail;
void leaky(void) {
  pthread_mutex_lock(&m); // expected-note {{mutex 'm' acquired here}}
  if (fail)
    return; // expected-warning {{mutex 'm' is still held when 'leaky' returns}}
  pthread_mutex_unlock(&m);
}
