// REQUIRES: tidy
// C translation units work the same way (pthread mutexes; no exceptions).
// The plugin and the module must agree on this file:
// RUN: %lockcheck_cc -Xclang -verify %s
// RUN: %python %S/verify_with_tidy.py --clang-tidy=%clang_tidy --plugin=%tidy_plugin --filecheck=%FileCheck --tmp=%t %s
#include <pthread.h>

struct buffer {
  pthread_mutex_t lock;
  int len;
};

int append(struct buffer *b, int n) {
  pthread_mutex_lock(&b->lock); // expected-note {{mutex 'b->lock' acquired here}}
  if (n < 0)
    return -1; // expected-warning {{mutex 'b->lock' is still held when 'append' returns [lockcheck-missing-unlock]}}
  b->len += n;
  pthread_mutex_unlock(&b->lock);
  return 0;
}

void unlock_twice(struct buffer *b) {
  pthread_mutex_lock(&b->lock);
  pthread_mutex_unlock(&b->lock); // expected-note {{mutex 'b->lock' released here}}
  pthread_mutex_unlock(&b->lock); // expected-warning {{releasing mutex 'b->lock' that is not held [lockcheck-unlock-not-held]}}
}
