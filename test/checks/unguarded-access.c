// RUN: %lockcheck_cc -fplugin-arg-lockcheck-checks=-*,lockcheck-unguarded-access -Xclang -verify %s
// RUN: %python %S/../tidy/verify_with_tidy.py --clang-tidy=%clang_tidy --plugin=%tidy_plugin --filecheck=%FileCheck --tmp=%t %s
// REQUIRES: tidy
//
// lockcheck-unguarded-access on C with POSIX locks: struct fields guarded by
// a lock in the same struct, globals guarded by a global lock, helpers called
// only with the lock held.
#include <pthread.h>

struct queue {
  pthread_mutex_t lock;
  int len;
  int cap;
};

// P1: a bare write of q->len; the lock is q->lock, the same object's. A
// function that initialises the lock is the object's constructor: its writes
// do not count (else q_init's write would lower the share below 75%).
void q_init(struct queue *q) { pthread_mutex_init(&q->lock, 0); q->len = 0; }
void q_push(struct queue *q) { pthread_mutex_lock(&q->lock); q->len++; pthread_mutex_unlock(&q->lock); } // #p1a
void q_pop(struct queue *q) { pthread_mutex_lock(&q->lock); q->len--; pthread_mutex_unlock(&q->lock); } // #p1b
int q_len(struct queue *q) { pthread_mutex_lock(&q->lock); int n = q->len; pthread_mutex_unlock(&q->lock); return n; } // #p1c
void q_clear(struct queue *q) { q->len = 0; } // expected-warning{{'len' is written without 'lock', which guards it in 3 other places}}
// expected-note@#p1a{{'lock' is held here}}
// expected-note@#p1b{{'lock' is held here}}
// expected-note@#p1c{{'lock' is held here}}

// N1: a static helper only called under the lock is guarded; q->cap is
// written under another queue's lock only (not counted), never bare.
static void grow(struct queue *q) { q->cap *= 2; }
void q_reserve(struct queue *q) { pthread_mutex_lock(&q->lock); grow(q); pthread_mutex_unlock(&q->lock); }
void q_reserve2(struct queue *q) { pthread_mutex_lock(&q->lock); grow(q); grow(q); pthread_mutex_unlock(&q->lock); }
void q_cap(struct queue *q) { pthread_mutex_lock(&q->lock); q->cap = 4; pthread_mutex_unlock(&q->lock); }
void q_steal(struct queue *a, struct queue *b) { pthread_mutex_lock(&b->lock); a->cap = b->cap; pthread_mutex_unlock(&b->lock); }

// P2: globals.
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static long hits;
void hit(void) { pthread_mutex_lock(&stats_lock); hits++; pthread_mutex_unlock(&stats_lock); } // #p2a
void hit2(void) { pthread_mutex_lock(&stats_lock); hits += 2; pthread_mutex_unlock(&stats_lock); } // #p2b
long get_hits(void) { pthread_mutex_lock(&stats_lock); long h = hits; pthread_mutex_unlock(&stats_lock); return h; } // #p2c
long peek_hits(void) { return hits; } // expected-warning{{'hits' is read without 'stats_lock', which guards it in 3 other places}}
// expected-note@#p2a{{'stats_lock' is held here}}
// expected-note@#p2b{{'stats_lock' is held here}}
// expected-note@#p2c{{'stats_lock' is held here}}

// P3: a function whose address is taken (a thread function) gains nothing
// from its direct callers: it runs without their locks.
static int flag;
static void *worker(void *arg) { flag = 1; return arg; } // expected-warning{{'flag' is written without 'stats_lock', which guards it in 3 other places}}
void f1(void) { pthread_mutex_lock(&stats_lock); flag = 2; worker(0); pthread_mutex_unlock(&stats_lock); } // #p3a
void f2(void) { pthread_mutex_lock(&stats_lock); flag = 3; pthread_mutex_unlock(&stats_lock); } // #p3b
void f3(void) { pthread_mutex_lock(&stats_lock); flag = 4; pthread_mutex_unlock(&stats_lock); } // #p3c
// expected-note@#p3a{{'stats_lock' is held here}}
// expected-note@#p3b{{'stats_lock' is held here}}
// expected-note@#p3c{{'stats_lock' is held here}}
void start(pthread_t *t) { pthread_create(t, 0, worker, 0); }
