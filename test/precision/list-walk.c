// RUN: %lockcheck_cc -Xclang -verify %s
//
// A walk down a linked list names every node's lock through one variable:
// after `n = n->next` the lock `n->mu` is another node's. Releasing each
// node's lock in turn (locks the caller took) is no second release;
// releasing one node's lock twice without moving on is.
#include <pthread.h>

struct node {
  pthread_mutex_t mu;
  int locked;
  struct node *next;
};

void work(void);

// The caller holds the locks of the nodes marked `locked`.
void release_later(struct node *p) {
  struct node *n;
  for (n = p->next; n; n = n->next) {
    if (n->locked)
      pthread_mutex_unlock(&n->mu);
  }
}

void release_all(struct node *head) {
  struct node *n = head;
  while (n) {
    pthread_mutex_unlock(&n->mu);
    n = n->next;
  }
}

void release_pairwise(struct node *n) {
  struct node *next = n->next;
  pthread_mutex_unlock(&n->mu);
  n = next;
  pthread_mutex_unlock(&n->mu);
}

// --- Still reported ----------------------------------------------------------

void release_twice(struct node *n) {
  pthread_mutex_unlock(&n->mu); // expected-note {{mutex 'n->mu' released here}}
  work();
  pthread_mutex_unlock(&n->mu); // expected-warning {{releasing mutex 'n->mu' that is not held}}
}

void release_twice_in_walk(struct node *head) {
  for (struct node *n = head; n; n = n->next) {
    pthread_mutex_unlock(&n->mu); // expected-note {{mutex 'n->mu' released here}}
    pthread_mutex_unlock(&n->mu); // expected-warning {{releasing mutex 'n->mu' that is not held}}
  }
}

// A second walk takes back the locks the first released (sqlite's
// btreeLockCarefully): the first operation on `n->mu` through a later value
// of `n` is an acquisition, which does not make the first walk's releases
// releases of locks this function holds.
void relock_in_order(struct node *p) {
  struct node *n;
  for (n = p->next; n; n = n->next)
    if (n->locked)
      pthread_mutex_unlock(&n->mu);
  pthread_mutex_lock(&p->mu);
  for (n = p->next; n; n = n->next)
    if (n->locked)
      pthread_mutex_lock(&n->mu);
}
