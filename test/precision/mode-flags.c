// RUN: %lockcheck_cc -Xclang -verify %s
//
// C: an int flag saying whether the caller holds the lock (ModeSwitch.cpp).
#include <pthread.h>

pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
long total;
void work(void);

long stats_sum(int locked) {
  long t;
  if (!locked)
    pthread_mutex_lock(&stats_lock);
  t = total;
  if (!locked)
    pthread_mutex_unlock(&stats_lock);
  return t;
}

/* Drops the caller's lock around slow work, or takes it briefly itself. */
void stats_flush(int locked) {
  if (locked)
    pthread_mutex_unlock(&stats_lock);
  work();
  pthread_mutex_lock(&stats_lock);
  total = 0;
  if (!locked)
    pthread_mutex_unlock(&stats_lock);
}

void stats_reset(void) {
  pthread_mutex_lock(&stats_lock);
  stats_flush(1);
  total += stats_sum(1);
  pthread_mutex_unlock(&stats_lock);
  stats_flush(0);
}

/* Negative: locked on one branch only. */
void stats_maybe(int locking) {
  if (locking)
    pthread_mutex_lock(&stats_lock);
  total++;
  pthread_mutex_unlock(&stats_lock); // expected-warning {{releasing mutex 'stats_lock' that may not be held}}
}
