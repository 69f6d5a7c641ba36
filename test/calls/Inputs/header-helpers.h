// Lock helpers a header shares with every file that includes it.
#include <pthread.h>

struct foo {
  pthread_mutex_t mu;
  int n;
};

static inline void foo_lock(struct foo *f) { pthread_mutex_lock(&f->mu); }
static inline void foo_unlock(struct foo *f) { pthread_mutex_unlock(&f->mu); }
static inline int foo_trylock(struct foo *f) { return pthread_mutex_trylock(&f->mu) == 0; }

// A helper with a bug of its own: reported where a file uses it.
static inline int foo_bump(struct foo *f) {
  pthread_mutex_lock(&f->mu); // used-note {{mutex 'f->mu' acquired here}}
  if (f->n < 0)
    return -1; // used-warning {{mutex 'f->mu' is still held when 'foo_bump' returns}}
  f->n++;
  pthread_mutex_unlock(&f->mu);
  return 0;
}
