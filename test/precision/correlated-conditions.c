// RUN: %lockcheck_cc -Xclang -verify %s
//
// Lock and unlock under the same test, unchanged in between: a pointer
// compared with NULL, a flag read through __builtin_expect, a struct field or
// a global that nothing writes in between, an `a && b` chain, the address of
// a weak symbol, a constant macro. A write in between (an assignment, a
// callee whose body writes it, an unknown function that receives the object
// or may write a global other files see) makes the second test unknown,
// except for the pointer the lock itself is named through (`if (o->lock)
// pthread_mutex_lock(o->lock);`, a global `g_lock`): calls are taken to leave
// it alone, as they are when the lock keeps its name `*o->lock` across them.
#include <pthread.h>
#include <stddef.h>

#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define HAVE_LOCKING 1

struct conn {
  int shared;
  struct { int on; } opts;
  pthread_mutex_t mu;
};

void work(void);                       // unknown, receives nothing
void inspect(const struct conn *c);    // unknown, cannot write *c
void update(struct conn *c);           // unknown, may write *c
static int is_shared(const struct conn *c) { return c->shared; }
static void unshare(struct conn *c) { c->shared = 0; }

// A lock that is NULL when the program runs without threads.
struct obj {
  pthread_mutex_t *lock;
  int n;
  int (*op)(struct obj *);
};
void update_obj(struct obj *o); // unknown, may write *o

pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
int g_verbose;        // other files may write it
static int s_tracing; // only this file can

#pragma weak pthread_create

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: C's NULL is `((void *)0)`; `p`, `p != NULL` and `!p` are one test.
void n_null(void *p) {
  if (p != NULL)
    pthread_mutex_lock(&g_mu);
  work();
  if (p)
    pthread_mutex_unlock(&g_mu);
  if (NULL == p)
    return;
  pthread_mutex_lock(&g_mu);
  if (!p)
    return;
  pthread_mutex_unlock(&g_mu);
}

// N2: a flag read through UNLIKELY both times.
void n_unlikely(int flag) {
  if (UNLIKELY(flag))
    pthread_mutex_lock(&g_mu);
  work();
  if (UNLIKELY(flag))
    pthread_mutex_unlock(&g_mu);
}

// N3: a struct field, with calls in between that cannot write it.
void n_field(struct conn *c) {
  if (c->shared)
    pthread_mutex_lock(&c->mu);
  work();
  inspect(c);
  if (is_shared(c) > 1)
    work();
  if (c->shared)
    pthread_mutex_unlock(&c->mu);
}

// N4: a field of a field, through __builtin_expect.
void n_nested_field(struct conn *c) {
  if (__builtin_expect(c->opts.on, 0))
    pthread_mutex_lock(&c->mu);
  work();
  if (__builtin_expect(c->opts.on, 0))
    pthread_mutex_unlock(&c->mu);
}

// N5: `a && b`, and `b && a`'s first operand alone.
void n_chain(int a, int b) {
  if (a && b)
    pthread_mutex_lock(&g_mu);
  work();
  if (a && b)
    pthread_mutex_unlock(&g_mu);
  if (UNLIKELY(a && b))
    pthread_mutex_lock(&g_mu);
  if (UNLIKELY(a && b))
    pthread_mutex_unlock(&g_mu);
}

// N6: the address of a weak symbol, and a constant macro.
void n_weak_and_macro(void) {
  if (&pthread_create)
    pthread_mutex_lock(&g_mu);
  work();
  if (&pthread_create != NULL)
    pthread_mutex_unlock(&g_mu);
  if (HAVE_LOCKING)
    pthread_mutex_lock(&g_mu);
  work();
  if (HAVE_LOCKING)
    pthread_mutex_unlock(&g_mu);
}

// N7: a static global: an unknown function cannot name it.
void n_static_global(void) {
  if (s_tracing)
    pthread_mutex_lock(&g_mu);
  work();
  if (s_tracing)
    pthread_mutex_unlock(&g_mu);
}

// N8: a global other files see, with no call in between.
void n_global_no_call(int n) {
  if (g_verbose)
    pthread_mutex_lock(&g_mu);
  n += 1;
  if (g_verbose)
    pthread_mutex_unlock(&g_mu);
}

// N9: the pointer the lock is named through, tested at the lock and at the
// unlock, with calls that receive the object in between.
int n_lock_pointer(struct obj *o) {
  int r;
  if (o->lock)
    pthread_mutex_lock(o->lock);
  update_obj(o);
  r = o->op(o);
  if (o->lock)
    pthread_mutex_unlock(o->lock);
  return r;
}

// N10: the same in a local struct whose address a call was given: only the
// lock pointer's test survives the calls.
void start_worker(struct obj *o);
void n_lock_pointer_escaped(pthread_mutex_t *m) {
  struct obj local;
  local.lock = m;
  local.n = 0;
  start_worker(&local);
  if (local.lock)
    pthread_mutex_lock(local.lock);
  work();
  if (local.lock)
    pthread_mutex_unlock(local.lock);
}

// N11: a global lock pointer (NULL until threads are set up), other files
// see it and an unknown call comes in between.
pthread_mutex_t *g_count_lock;
int g_count;
void n_global_lock_pointer(void) {
  if (g_count_lock)
    pthread_mutex_lock(g_count_lock);
  if (++g_count > 10)
    work();
  if (g_count_lock)
    pthread_mutex_unlock(g_count_lock);
}

//===----------------------------------------------------------------------===//
// Positive cases: the condition may have changed
//===----------------------------------------------------------------------===//

// P1: the field is assigned in between.
void p_field_assigned(struct conn *c) {
  if (c->shared)
    pthread_mutex_lock(&c->mu); // expected-note {{mutex 'c->mu' acquired here}}
  c->shared = 0;
  if (c->shared)
    pthread_mutex_unlock(&c->mu); // expected-warning {{releasing mutex 'c->mu' that may not be held [lockcheck-unlock-not-held]}}
} // expected-warning {{mutex 'c->mu' may still be held at the end of 'p_field_assigned' [lockcheck-missing-unlock]}}

// P2: a callee whose body writes the field.
void p_field_written_by_callee(struct conn *c) {
  if (c->shared)
    pthread_mutex_lock(&c->mu); // expected-note {{mutex 'c->mu' acquired here}}
  unshare(c);
  if (c->shared)
    pthread_mutex_unlock(&c->mu); // expected-warning {{releasing mutex 'c->mu' that may not be held [lockcheck-unlock-not-held]}}
} // expected-warning {{mutex 'c->mu' may still be held at the end of 'p_field_written_by_callee' [lockcheck-missing-unlock]}}

// P3: an unknown function that receives the object.
void p_field_passed(struct conn *c) {
  if (c->opts.on)
    pthread_mutex_lock(&c->mu); // expected-note {{mutex 'c->mu' acquired here}}
  update(c);
  if (c->opts.on)
    pthread_mutex_unlock(&c->mu); // expected-warning {{releasing mutex 'c->mu' that may not be held [lockcheck-unlock-not-held]}}
} // expected-warning {{mutex 'c->mu' may still be held at the end of 'p_field_passed' [lockcheck-missing-unlock]}}

// P4: a global other files see, and an unknown call in between.
void p_global_unknown_call(void) {
  if (g_verbose)
    pthread_mutex_lock(&g_mu); // expected-note {{mutex 'g_mu' acquired here}}
  work();
  if (g_verbose)
    pthread_mutex_unlock(&g_mu); // expected-warning {{releasing mutex 'g_mu' that may not be held [lockcheck-unlock-not-held]}}
} // expected-warning {{mutex 'g_mu' may still be held at the end of 'p_global_unknown_call' [lockcheck-missing-unlock]}}

// P5: opposite tests.
void p_opposite(void *p) {
  if (p != NULL)
    pthread_mutex_lock(&g_mu); // expected-note {{mutex 'g_mu' acquired here}}
  if (!p)
    pthread_mutex_unlock(&g_mu); // expected-warning {{releasing mutex 'g_mu' that is not held [lockcheck-unlock-not-held]}}
} // expected-warning {{mutex 'g_mu' may still be held at the end of 'p_opposite' [lockcheck-missing-unlock]}}

// P6: the lock pointer itself reassigned in between: the unlock may release
// another lock.
void p_lock_pointer_assigned(struct obj *o, pthread_mutex_t *other) {
  if (o->lock)
    pthread_mutex_lock(o->lock); // expected-note {{mutex '*o->lock' acquired here}}
  o->lock = other;
  if (o->lock)
    pthread_mutex_unlock(o->lock); // expected-warning {{releasing mutex '*o->lock' that may not be held [lockcheck-unlock-not-held]}}
} // expected-warning {{mutex '*o->lock' may still be held at the end of 'p_lock_pointer_assigned' [lockcheck-missing-unlock]}}

// P7: another field of the object tested, which the call may write.
void p_other_field(struct obj *o) {
  if (o->n)
    pthread_mutex_lock(o->lock); // expected-note {{mutex '*o->lock' acquired here}}
  update_obj(o);
  if (o->n)
    pthread_mutex_unlock(o->lock); // expected-warning {{releasing mutex '*o->lock' that may not be held [lockcheck-unlock-not-held]}}
} // expected-warning {{mutex '*o->lock' may still be held at the end of 'p_other_field' [lockcheck-missing-unlock]}}

// P8: another field of that local struct, which the call may write.
void p_escaped_other_field(pthread_mutex_t *m) {
  struct obj local;
  local.lock = m;
  local.n = 1;
  start_worker(&local);
  if (local.n)
    pthread_mutex_lock(local.lock); // expected-note {{mutex '*local.lock' acquired here}}
  work();
  if (local.n)
    pthread_mutex_unlock(local.lock); // expected-warning {{releasing mutex '*local.lock' that may not be held [lockcheck-unlock-not-held]}}
} // expected-warning {{mutex '*local.lock' may still be held at the end of 'p_escaped_other_field' [lockcheck-missing-unlock]}}
