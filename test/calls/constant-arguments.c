// RUN: %lockcheck_cc -Xclang -verify %s
//
// C: a flag or a magic number passed as a constant selects the callee's
// path (ParamSpecialisation.h). `handler(-42, ...)` only reschedules; any
// other descriptor accepts connections, which takes `conn_lock`.
#include <pthread.h>
#include <stdbool.h>

pthread_mutex_t conn_lock = PTHREAD_MUTEX_INITIALIZER;
int accepting;
void reschedule(void);
void accept_conns(bool on);

void handler(int fd, short which) {
  if (fd == -42 || which == 0)
    reschedule();
  else
    accept_conns(true); // expected-note {{'handler' calls 'accept_conns' here}}
}
void do_accept(bool on) {
  accepting = on;
  if (!on)
    handler(-42, 1);
}
void accept_conns(bool on) {
  pthread_mutex_lock(&conn_lock); // expected-note {{'accept_conns' acquires 'conn_lock' here}}
  do_accept(on);
  pthread_mutex_unlock(&conn_lock);
}
void poll_conns(int fd) {
  pthread_mutex_lock(&conn_lock); // expected-note {{mutex 'conn_lock' acquired here}}
  handler(fd, 1); // expected-warning {{calling 'handler' acquires mutex 'conn_lock' that is already held}}
  pthread_mutex_unlock(&conn_lock);
}

// The flag says whether the caller holds the lock.
int count;
void bump(int locked) {
  if (!locked)
    pthread_mutex_lock(&conn_lock); // expected-note {{'bump' acquires 'conn_lock' here}}
  ++count;
  if (!locked)
    pthread_mutex_unlock(&conn_lock);
}
void bump_held(void) {
  pthread_mutex_lock(&conn_lock);
  bump(1);
  pthread_mutex_unlock(&conn_lock);
}
void bump_held_bug(void) {
  pthread_mutex_lock(&conn_lock); // expected-note {{mutex 'conn_lock' acquired here}}
  bump(0); // expected-warning {{calling 'bump' acquires mutex 'conn_lock' that is already held}}
  pthread_mutex_unlock(&conn_lock);
}
