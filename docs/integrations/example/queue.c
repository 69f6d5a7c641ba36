#include <pthread.h>

static pthread_mutex_t queue_mu = PTHREAD_MUTEX_INITIALIZER;
static int queue[16];
static int queue_len;

int queue_push(int value) {
  pthread_mutex_lock(&queue_mu);
  if (queue_len == 16)
    return -1; /* lockcheck: returns with queue_mu held */
  queue[queue_len++] = value;
  pthread_mutex_unlock(&queue_mu);
  return 0;
}
