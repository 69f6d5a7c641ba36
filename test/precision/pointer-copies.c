// RUN: %lockcheck_cc -Xclang -verify %s
//
// A local pointer initialised from a parameter and never reassigned names
// the parameter's lock: a function that releases through such a copy
// releases the lock its caller holds (a release wrapper, as when it
// releases through the parameter itself), and a lock taken through one name
// is held under the other.
#include <pthread.h>

// --- Release wrappers through a copy: no warning ------------------------------

// The shape of a lock-callback table's unlock function.
int unlock_callback(unsigned mode, void *lock_) {
  pthread_mutex_t *lock = lock_;
  (void)mode;
  return pthread_mutex_unlock(lock);
}

int unlock_copy(pthread_mutex_t *p) {
  pthread_mutex_t *lock = p;
  return pthread_mutex_unlock(lock);
}

void unlock_copy_void(pthread_mutex_t *p) {
  pthread_mutex_t *lock = p;
  pthread_mutex_unlock(lock);
}

// Taken through the copy, released through the parameter, and the reverse.
void lock_copy_unlock_param(pthread_mutex_t *p) {
  pthread_mutex_t *lock = p;
  pthread_mutex_lock(lock);
  pthread_mutex_unlock(p);
}
void lock_param_unlock_copy(pthread_mutex_t *p) {
  pthread_mutex_lock(p);
  pthread_mutex_t *lock = p;
  pthread_mutex_unlock(lock);
}

// --- The same lock under two names: warnings ----------------------------------

void released_twice(pthread_mutex_t *p) {
  pthread_mutex_t *lock = p;
  pthread_mutex_unlock(lock); // expected-note {{mutex '*p' released here}}
  pthread_mutex_unlock(p); // expected-warning {{releasing mutex '*p' that is not held}}
}

void locked_twice(pthread_mutex_t *p) {
  pthread_mutex_t *lock = p;
  pthread_mutex_lock(p); // expected-note {{mutex '*p' acquired here}}
  pthread_mutex_lock(lock); // expected-warning {{acquiring mutex '*p' that is already held}}
  pthread_mutex_unlock(lock);
}

void copy_not_released(pthread_mutex_t *p, int fail) {
  pthread_mutex_t *lock = p;
  pthread_mutex_lock(lock); // expected-note {{mutex '*p' acquired here}}
  if (fail)
    return; // expected-warning {{mutex '*p' is still held when 'copy_not_released' returns}}
  pthread_mutex_unlock(p);
}
