/* lockcheck-missing-unlock in C with POSIX threads: an error path that
 * forgets pthread_mutex_unlock leaves the mutex locked for every later caller. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct buffer {
  pthread_mutex_t lock;
  char *data;
  size_t len;
};

/* BAD: the allocation-failure path returns with 'b->lock' held. */
int buffer_append(struct buffer *b, const char *s) {
  size_t n = strlen(s);
  pthread_mutex_lock(&b->lock);
  char *p = realloc(b->data, b->len + n);
  if (!p)
    return -1; /* warning: mutex 'b->lock' is still held when 'buffer_append' returns */
  memcpy(p + b->len, s, n);
  b->data = p;
  b->len += n;
  pthread_mutex_unlock(&b->lock);
  return 0;
}

/* GOOD: every path unlocks. */
int buffer_append_fixed(struct buffer *b, const char *s) {
  size_t n = strlen(s);
  int rc = 0;
  pthread_mutex_lock(&b->lock);
  char *p = realloc(b->data, b->len + n);
  if (!p) {
    rc = -1;
    goto out;
  }
  memcpy(p + b->len, s, n);
  b->data = p;
  b->len += n;
out:
  pthread_mutex_unlock(&b->lock);
  return rc;
}

/* GOOD: a try-lock holds the mutex only when it returns 0. */
int buffer_try_clear(struct buffer *b) {
  if (pthread_mutex_trylock(&b->lock) != 0)
    return -1;
  b->len = 0;
  pthread_mutex_unlock(&b->lock);
  return 0;
}

int main(void) {
  struct buffer b = {PTHREAD_MUTEX_INITIALIZER, NULL, 0};
  buffer_append_fixed(&b, "hello");
  buffer_try_clear(&b);
  free(b.data);
  return 0;
}
