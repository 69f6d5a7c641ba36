// RUN: %lockcheck_cc -Xclang -verify %s
//
// A switch on a parameter that chooses between acquiring and releasing
// (SwitchModes.cpp): each value alone is an acquire or a release wrapper, so
// the function is not reported for mixing them; a mistake within one mode is.
#include <pthread.h>

enum pause_type { PAUSE_ALL, PAUSE_WORKERS, RESUME_ALL, RESUME_WORKERS };
pthread_mutex_t hang_lock = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t maint_lock = PTHREAD_MUTEX_INITIALIZER;
int paused;
void log_unknown(int);

void pause_threads(enum pause_type type) {
  switch (type) {
  case PAUSE_ALL:
    pthread_mutex_lock(&maint_lock);
    /* fall through */
  case PAUSE_WORKERS:
    paused = 1;
    pthread_mutex_lock(&hang_lock);
    break;
  case RESUME_ALL:
    pthread_mutex_unlock(&maint_lock);
    /* fall through */
  case RESUME_WORKERS:
    pthread_mutex_unlock(&hang_lock);
    break;
  default:
    log_unknown(type);
    break;
  }
}

void rehash(void) {
  pause_threads(PAUSE_ALL);
  paused = 2;
  pause_threads(RESUME_ALL);
}

// One mode leaks on its error path: that mode's own analysis reports it.
int set_mode(int mode, int fail) {
  switch (mode) {
  case 1:
    pthread_mutex_lock(&hang_lock); // expected-note {{mutex 'hang_lock' acquired here}}
    if (fail)
      return -1; // expected-warning {{mutex 'hang_lock' is still held when 'set_mode' returns}}
    paused = 3;
    pthread_mutex_unlock(&hang_lock);
    break;
  case 2:
    pthread_mutex_unlock(&maint_lock);
    break;
  }
  return 0;
}

// A switch on something else is no choice of modes.
int state;
void toggle(void) {
  switch (state) {
  case 0:
    pthread_mutex_lock(&hang_lock); // expected-note {{mutex 'hang_lock' acquired here}}
    break;
  case 1:
    pthread_mutex_unlock(&hang_lock); // expected-warning {{releasing mutex 'hang_lock' that is not held}}
    break;
  }
} // expected-warning {{mutex 'hang_lock' may still be held at the end of 'toggle'}}

// No value acquires for the caller: the unlock in case 1 is a lock taken in
// case 0 only, not a release wrapper.
void one_case_locks(int k) {
  switch (k) {
  case 0:
    pthread_mutex_lock(&hang_lock);
    paused = 4;
    break;
  case 1:
    paused = 5;
    break;
  }
  pthread_mutex_unlock(&hang_lock); // expected-warning {{releasing mutex 'hang_lock' that may not be held}}
}
