// RUN: %lockcheck_cc -Xclang -verify %s
//
// Hand-over-hand traversal in C, ending when the cursor is NULL: on that
// edge no lock reached through the cursor can be held. A return from inside
// the walk with the current node's lock held is still a leak.
#include <pthread.h>
#include <stddef.h>

struct node {
  pthread_mutex_t m;
  struct node *next;
  int v;
};

int sum(struct node *head) {
  int s = 0;
  pthread_mutex_lock(&head->m);
  struct node *n = head;
  while (n != NULL) {
    s += n->v;
    struct node *next = n->next;
    if (next)
      pthread_mutex_lock(&next->m);
    pthread_mutex_unlock(&n->m);
    n = next;
  }
  return s;
}

int find(struct node *head, int k) {
  pthread_mutex_lock(&head->m); // expected-note {{mutex 'n->m' acquired here}}
  struct node *n = head;
  while (n) {
    if (n->v == k)
      return 1; // expected-warning {{mutex 'n->m' is still held when 'find' returns [lockcheck-missing-unlock]}}
    struct node *next = n->next;
    if (next)
      pthread_mutex_lock(&next->m);
    pthread_mutex_unlock(&n->m);
    n = next;
  }
  return 0;
}
