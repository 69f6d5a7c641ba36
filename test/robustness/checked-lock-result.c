// Careful C code checks what the blocking lock functions return: an error
// (EINVAL, EDEADLK for an error-checking mutex, thrd_error) means the mutex
// was NOT acquired, so returning on that branch holds nothing.
// RUN: %lockcheck_cc -fno-crash-diagnostics -Xclang -verify %s
// expected-no-diagnostics
#include <pthread.h>
#include <threads.h>

struct counter {
  pthread_mutex_t pm;
  mtx_t cm;
  int value;
};

int bump_pthread(struct counter *c) {
  if (pthread_mutex_lock(&c->pm) != 0)
    return -1;
  ++c->value;
  pthread_mutex_unlock(&c->pm);
  return 0;
}

int bump_pthread_rc(struct counter *c) {
  int rc = pthread_mutex_lock(&c->pm);
  if (rc)
    return rc;
  ++c->value;
  return pthread_mutex_unlock(&c->pm);
}

int bump_c11(struct counter *c) {
  if (mtx_lock(&c->cm) != thrd_success)
    return -1;
  ++c->value;
  mtx_unlock(&c->cm);
  return 0;
}
