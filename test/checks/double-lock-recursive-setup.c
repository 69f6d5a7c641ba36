// RUN: %lockcheck_cc -Xclang -verify %s
//
// double-lock-recursive-setup.cpp for C: a pthread mutex is recursive by how
// it was initialised. C code sets its locks up in an init function, a global
// in `init()`, a struct's field in `foo_init(struct foo *)`, with an
// attribute object given PTHREAD_MUTEX_RECURSIVE there; re-locking such a
// mutex (directly or through a call) is no deadlock. A mutex initialised
// with a default or an error-checking attribute, and another field of the
// same struct, are not recursive.
#include <pthread.h>
#include <stddef.h>

static pthread_mutex_t g_rec, g_plain;
struct foo {
  pthread_mutex_t mu;    // set up recursive in foo_init
  pthread_mutex_t other; // set up with default attributes
  int n;
};
int depth;

void init(void) {
  pthread_mutexattr_t a, e;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&g_rec, &a);
  pthread_mutexattr_init(&e);
  pthread_mutexattr_settype(&e, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_init(&g_plain, &e);
}

void foo_init(struct foo *f) {
  pthread_mutexattr_t a;
  pthread_mutexattr_init(&a);
  pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&f->mu, &a);
  pthread_mutex_init(&f->other, NULL);
}

// --- Recursive: no warning ------------------------------------------------------

void rec_inner(void) {
  pthread_mutex_lock(&g_rec);
  depth++;
  pthread_mutex_unlock(&g_rec);
}
void rec_outer(void) {
  pthread_mutex_lock(&g_rec);
  rec_inner();
  pthread_mutex_unlock(&g_rec);
}
void foo_twice(struct foo *f) {
  pthread_mutex_lock(&f->mu);
  pthread_mutex_lock(&f->mu);
  f->n++;
  pthread_mutex_unlock(&f->mu);
  pthread_mutex_unlock(&f->mu);
}

// --- Not recursive: warnings ---------------------------------------------------

void plain_twice(void) {
  pthread_mutex_lock(&g_plain); // expected-note {{mutex 'g_plain' acquired here}}
  pthread_mutex_lock(&g_plain); // expected-warning {{acquiring mutex 'g_plain' that is already held}}
  pthread_mutex_unlock(&g_plain);
}
void other_twice(struct foo *f) {
  pthread_mutex_lock(&f->other); // expected-note {{mutex 'f->other' acquired here}}
  pthread_mutex_lock(&f->other); // expected-warning {{acquiring mutex 'f->other' that is already held}}
  pthread_mutex_unlock(&f->other);
}
