// RUN: %lockcheck_cc -Xclang -verify %s
//
// lockcheck-lock-order in C with pthread (and a Clang capability type for
// declared orders, since Clang drops acquired_before/acquired_after on
// pthread_mutex_t). Same rules as cycles.cpp; the same-class hint in C is to
// take the two locks in one global order. Every group uses its own locks.
#include <pthread.h>
#include <stddef.h>
#include <threads.h>
#include <time.h>

void work(void);
int cond(void);

//===----------------------------------------------------------------------===//
// Positive cases
//===----------------------------------------------------------------------===//

// P1: two locks, both orders.
pthread_mutex_t a1 = PTHREAD_MUTEX_INITIALIZER, a2 = PTHREAD_MUTEX_INITIALIZER;
void p1_forward(void) {
  pthread_mutex_lock(&a1);
  pthread_mutex_lock(&a2); // expected-note {{'a2' acquired while holding 'a1' here}}
  pthread_mutex_unlock(&a2);
  pthread_mutex_unlock(&a1);
}
void p1_backward(void) {
  pthread_mutex_lock(&a2);
  pthread_mutex_lock(&a1); // expected-warning {{acquiring mutex 'a1' while holding 'a2' inverts the order 'a1' -> 'a2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  pthread_mutex_unlock(&a1);
  pthread_mutex_unlock(&a2);
}

// P2: three locks.
pthread_mutex_t c1 = PTHREAD_MUTEX_INITIALIZER, c2 = PTHREAD_MUTEX_INITIALIZER,
                c3 = PTHREAD_MUTEX_INITIALIZER;
void p2_12(void) {
  pthread_mutex_lock(&c1);
  pthread_mutex_lock(&c2); // expected-note {{'c2' acquired while holding 'c1' here}}
  pthread_mutex_unlock(&c2);
  pthread_mutex_unlock(&c1);
}
void p2_23(void) {
  pthread_mutex_lock(&c2);
  pthread_mutex_lock(&c3); // expected-note {{'c3' acquired while holding 'c2' here}}
  pthread_mutex_unlock(&c3);
  pthread_mutex_unlock(&c2);
}
void p2_31(void) {
  pthread_mutex_lock(&c3);
  pthread_mutex_lock(&c1); // expected-warning {{acquiring mutex 'c1' while holding 'c3' closes the lock-order cycle 'c3' -> 'c1' -> 'c2' -> 'c3'; potential deadlock [lockcheck-lock-order]}}
  pthread_mutex_unlock(&c1);
  pthread_mutex_unlock(&c3);
}

// P3: four locks, one edge through lock/unlock wrappers.
pthread_mutex_t d1 = PTHREAD_MUTEX_INITIALIZER, d2 = PTHREAD_MUTEX_INITIALIZER,
                d3 = PTHREAD_MUTEX_INITIALIZER, d4 = PTHREAD_MUTEX_INITIALIZER;
void lock_d3(void) { pthread_mutex_lock(&d3); } // expected-note {{'lock_d3' acquires 'd3' here}}
void unlock_d3(void) { pthread_mutex_unlock(&d3); }
void p3_12(void) {
  pthread_mutex_lock(&d1);
  pthread_mutex_lock(&d2); // expected-note {{'d2' acquired while holding 'd1' here}}
  pthread_mutex_unlock(&d2);
  pthread_mutex_unlock(&d1);
}
void p3_23(void) {
  pthread_mutex_lock(&d2);
  lock_d3(); // expected-note {{'d3' acquired while holding 'd2' here}} expected-note {{'p3_23' calls 'lock_d3' here}}
  unlock_d3();
  pthread_mutex_unlock(&d2);
}
void p3_34(void) {
  lock_d3();
  pthread_mutex_lock(&d4); // expected-note {{'d4' acquired while holding 'd3' here}}
  pthread_mutex_unlock(&d4);
  unlock_d3();
}
void p3_41(void) {
  pthread_mutex_lock(&d4);
  pthread_mutex_lock(&d1); // expected-warning {{acquiring mutex 'd1' while holding 'd4' closes the lock-order cycle 'd4' -> 'd1' -> 'd2' -> 'd3' -> 'd4'; potential deadlock [lockcheck-lock-order]}}
  pthread_mutex_unlock(&d1);
  pthread_mutex_unlock(&d4);
}

// P4: struct fields of two different structs, through calls.
struct queue {
  pthread_mutex_t lock;
  int n;
};
struct stats {
  pthread_mutex_t lock;
  int pushes;
};
void stats_bump(struct stats *s) {
  pthread_mutex_lock(&s->lock); // expected-note {{'stats_bump' acquires 's->lock' here}}
  s->pushes++;
  pthread_mutex_unlock(&s->lock);
}
void queue_peek(struct queue *q) {
  pthread_mutex_lock(&q->lock); // expected-note {{'queue_peek' acquires 'q->lock' here}}
  work();
  pthread_mutex_unlock(&q->lock);
}
void p4_push(struct queue *q, struct stats *s) {
  pthread_mutex_lock(&q->lock);
  q->n++;
  stats_bump(s); // expected-note {{'s->lock' acquired while holding 'q->lock' here}} expected-note {{'p4_push' calls 'stats_bump' here}}
  pthread_mutex_unlock(&q->lock);
}
void p4_report(struct queue *q, struct stats *s) {
  pthread_mutex_lock(&s->lock);
  queue_peek(q); // expected-warning {{acquiring mutex 'q->lock' while holding 's->lock' inverts the order 'q->lock' -> 's->lock' used elsewhere; potential deadlock [lockcheck-lock-order]}} expected-note {{'p4_report' calls 'queue_peek' here}}
  pthread_mutex_unlock(&s->lock);
}

// P5: a static (file-local) mutex and a global, read-write lock included.
static pthread_mutex_t s_table = PTHREAD_MUTEX_INITIALIZER;
pthread_rwlock_t g_rw = PTHREAD_RWLOCK_INITIALIZER;
void p5_read_then_table(void) {
  pthread_rwlock_rdlock(&g_rw);
  pthread_mutex_lock(&s_table); // expected-note {{'s_table' acquired while holding 'g_rw' here}}
  pthread_mutex_unlock(&s_table);
  pthread_rwlock_unlock(&g_rw);
}
void p5_table_then_write(void) {
  pthread_mutex_lock(&s_table);
  pthread_rwlock_wrlock(&g_rw); // expected-warning {{acquiring rwlock 'g_rw' while holding 's_table' inverts the order 'g_rw' -> 's_table' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  pthread_rwlock_unlock(&g_rw);
  pthread_mutex_unlock(&s_table);
}

// P6: recursion reaching the second lock.
pthread_mutex_t r1 = PTHREAD_MUTEX_INITIALIZER, r2 = PTHREAD_MUTEX_INITIALIZER;
void p6_descend(int n) {
  if (n > 0) {
    p6_descend(n - 1);
    return;
  }
  pthread_mutex_lock(&r2); // expected-note {{'p6_descend' acquires 'r2' here}}
  pthread_mutex_unlock(&r2);
}
void p6_outer(void) {
  pthread_mutex_lock(&r1);
  p6_descend(4); // expected-note {{'r2' acquired while holding 'r1' here}} expected-note {{'p6_outer' calls 'p6_descend' here}}
  pthread_mutex_unlock(&r1);
}
void p6_reverse(void) {
  pthread_mutex_lock(&r2);
  pthread_mutex_lock(&r1); // expected-warning {{acquiring mutex 'r1' while holding 'r2' inverts the order 'r1' -> 'r2' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  pthread_mutex_unlock(&r1);
  pthread_mutex_unlock(&r2);
}

// P7: a thread function is a function like any other: its order counts.
pthread_mutex_t t1 = PTHREAD_MUTEX_INITIALIZER, t2 = PTHREAD_MUTEX_INITIALIZER;
void *p7_worker(void *arg) {
  pthread_mutex_lock(&t2);
  pthread_mutex_lock(&t1); // expected-note {{'t1' acquired while holding 't2' here}}
  pthread_mutex_unlock(&t1);
  pthread_mutex_unlock(&t2);
  return arg;
}
void p7_main(void) {
  pthread_t th;
  pthread_create(&th, NULL, p7_worker, NULL);
  pthread_mutex_lock(&t1);
  pthread_mutex_lock(&t2); // expected-warning {{acquiring mutex 't2' while holding 't1' inverts the order 't2' -> 't1' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  pthread_mutex_unlock(&t2);
  pthread_mutex_unlock(&t1);
  pthread_join(th, NULL);
}

// P8: transfer(from, to): two locks of one struct field through unrelated
// pointers.
struct account {
  pthread_mutex_t mu;
  int balance;
};
void p8_transfer(struct account *from, struct account *to, int n) {
  pthread_mutex_lock(&from->mu); // expected-note {{mutex 'from->mu' acquired here}}
  pthread_mutex_lock(&to->mu); // expected-warning {{acquiring 'to->mu' while holding 'from->mu', both 'account::mu' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{always take the two locks in one global order (for example by address)}}
  from->balance -= n;
  to->balance += n;
  pthread_mutex_unlock(&to->mu);
  pthread_mutex_unlock(&from->mu);
}

// P9: the same with the second lock in a wrapper.
void account_lock(struct account *a) { pthread_mutex_lock(&a->mu); } // expected-note {{'account_lock' acquires 'a->mu' here}}
void account_unlock(struct account *a) { pthread_mutex_unlock(&a->mu); }
void p9_transfer_wrapped(struct account *from, struct account *to, int n) {
  account_lock(from); // expected-note {{mutex 'from->mu' acquired here}}
  account_lock(to); // expected-warning {{acquiring 'to->mu' while holding 'from->mu', both 'account::mu' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{'p9_transfer_wrapped' calls 'account_lock' here}} expected-note {{always take the two locks in one global order (for example by address)}}
  from->balance -= n;
  to->balance += n;
  account_unlock(to);
  account_unlock(from);
}

// P10: a declared order on a capability type, violated with no other cycle.
typedef struct __attribute__((capability("mutex"))) lk {
  pthread_mutex_t impl;
} lk_t;
void lk_lock(lk_t *l) __attribute__((acquire_capability(*l)));
void lk_unlock(lk_t *l) __attribute__((release_capability(*l)));
lk_t g_outer;
lk_t g_inner __attribute__((acquired_after(g_outer))); // expected-note {{'g_outer' is declared to be acquired before 'g_inner' here}}
void p10_declared(void) {
  lk_lock(&g_inner);
  lk_lock(&g_outer); // expected-warning {{acquiring mutex 'g_outer' while holding 'g_inner' inverts the order 'g_outer' -> 'g_inner' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  lk_unlock(&g_outer);
  lk_unlock(&g_inner);
}

// P11: a spinlock nested in both orders with a mutex.
pthread_spinlock_t g_spin;
pthread_mutex_t g_sm = PTHREAD_MUTEX_INITIALIZER;
void p11_spin_first(void) {
  pthread_spin_lock(&g_spin);
  pthread_mutex_lock(&g_sm); // expected-note {{'g_sm' acquired while holding 'g_spin' here}}
  pthread_mutex_unlock(&g_sm);
  pthread_spin_unlock(&g_spin);
}
void p11_mutex_first(void) {
  pthread_mutex_lock(&g_sm);
  pthread_spin_lock(&g_spin); // expected-warning {{acquiring spinlock 'g_spin' while holding 'g_sm' inverts the order 'g_spin' -> 'g_sm' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  pthread_spin_unlock(&g_spin);
  pthread_mutex_unlock(&g_sm);
}

// P12: two elements of one array, chosen by index variables.
struct account accounts[16];
void p12_by_index(int i, int j) {
  pthread_mutex_lock(&accounts[i].mu); // expected-note {{mutex 'accounts[i].mu' acquired here}}
  pthread_mutex_lock(&accounts[j].mu); // expected-warning {{acquiring 'accounts[j].mu' while holding 'accounts[i].mu', both 'account::mu' locks of unrelated objects; potential deadlock [lockcheck-lock-order]}} expected-note {{always take the two locks in one global order (for example by address)}}
  pthread_mutex_unlock(&accounts[j].mu);
  pthread_mutex_unlock(&accounts[i].mu);
}

// P13: a C11 mtx_t and a pthread mutex.
mtx_t g_c11;
pthread_mutex_t g_px = PTHREAD_MUTEX_INITIALIZER;
void p13_c11_first(void) {
  mtx_lock(&g_c11);
  pthread_mutex_lock(&g_px); // expected-note {{'g_px' acquired while holding 'g_c11' here}}
  pthread_mutex_unlock(&g_px);
  mtx_unlock(&g_c11);
}
void p13_pthread_first(void) {
  pthread_mutex_lock(&g_px);
  mtx_lock(&g_c11); // expected-warning {{acquiring mutex 'g_c11' while holding 'g_px' inverts the order 'g_c11' -> 'g_px' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  mtx_unlock(&g_c11);
  pthread_mutex_unlock(&g_px);
}

// P14: a field reached through a global pointer, and a global.
struct queue *g_queue;
pthread_mutex_t g_log = PTHREAD_MUTEX_INITIALIZER;
void p14_queue_then_log(void) {
  pthread_mutex_lock(&g_queue->lock);
  pthread_mutex_lock(&g_log); // expected-note {{'g_log' acquired while holding 'g_queue->lock' here}}
  pthread_mutex_unlock(&g_log);
  pthread_mutex_unlock(&g_queue->lock);
}
void p14_log_then_queue(void) {
  pthread_mutex_lock(&g_log);
  pthread_mutex_lock(&g_queue->lock); // expected-warning {{acquiring mutex 'g_queue->lock' while holding 'g_log' inverts the order 'g_queue->lock' -> 'g_log' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  pthread_mutex_unlock(&g_queue->lock);
  pthread_mutex_unlock(&g_log);
}

// P15: static functions and static mutexes, through lock/unlock wrappers.
static pthread_mutex_t s_one = PTHREAD_MUTEX_INITIALIZER, s_two = PTHREAD_MUTEX_INITIALIZER;
static void lock_two(void) { pthread_mutex_lock(&s_two); } // expected-note {{'lock_two' acquires 's_two' here}}
static void unlock_two(void) { pthread_mutex_unlock(&s_two); }
static void p15_one_then_two(void) {
  pthread_mutex_lock(&s_one);
  lock_two(); // expected-note {{'s_two' acquired while holding 's_one' here}} expected-note {{'p15_one_then_two' calls 'lock_two' here}}
  unlock_two();
  pthread_mutex_unlock(&s_one);
}
void p15_two_then_one(void) {
  lock_two();
  pthread_mutex_lock(&s_one); // expected-warning {{acquiring mutex 's_one' while holding 's_two' inverts the order 's_one' -> 's_two' used elsewhere; potential deadlock [lockcheck-lock-order]}}
  pthread_mutex_unlock(&s_one);
  unlock_two();
  p15_one_then_two();
}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

// N1: one order everywhere.
pthread_mutex_t k1 = PTHREAD_MUTEX_INITIALIZER, k2 = PTHREAD_MUTEX_INITIALIZER;
void n1_a(void) {
  pthread_mutex_lock(&k1);
  pthread_mutex_lock(&k2);
  pthread_mutex_unlock(&k2);
  pthread_mutex_unlock(&k1);
}
void n1_b(void) {
  pthread_mutex_lock(&k1);
  pthread_mutex_lock(&k2);
  pthread_mutex_unlock(&k2);
  pthread_mutex_unlock(&k1);
}

// N2: the other order uses pthread_mutex_trylock for the second lock.
pthread_mutex_t q1 = PTHREAD_MUTEX_INITIALIZER, q2 = PTHREAD_MUTEX_INITIALIZER;
void n2_blocking(void) {
  pthread_mutex_lock(&q1);
  pthread_mutex_lock(&q2);
  pthread_mutex_unlock(&q2);
  pthread_mutex_unlock(&q1);
}
void n2_try(void) {
  pthread_mutex_lock(&q2);
  if (pthread_mutex_trylock(&q1) == 0) {
    work();
    pthread_mutex_unlock(&q1);
  }
  pthread_mutex_unlock(&q2);
}

// N3: sequential, never nested.
pthread_mutex_t m1 = PTHREAD_MUTEX_INITIALIZER, m2 = PTHREAD_MUTEX_INITIALIZER;
void n3_nested(void) {
  pthread_mutex_lock(&m1);
  pthread_mutex_lock(&m2);
  pthread_mutex_unlock(&m2);
  pthread_mutex_unlock(&m1);
}
void n3_sequential(void) {
  pthread_mutex_lock(&m2);
  work();
  pthread_mutex_unlock(&m2);
  pthread_mutex_lock(&m1);
  work();
  pthread_mutex_unlock(&m1);
}

// N4: a thread started while a lock is held runs without it.
pthread_mutex_t j1 = PTHREAD_MUTEX_INITIALIZER, j2 = PTHREAD_MUTEX_INITIALIZER;
void *n4_worker(void *arg) {
  pthread_mutex_lock(&j2);
  pthread_mutex_unlock(&j2);
  return arg;
}
void n4_spawn(void) {
  pthread_t th;
  pthread_mutex_lock(&j1);
  pthread_create(&th, NULL, n4_worker, NULL);
  pthread_mutex_unlock(&j1);
  pthread_join(th, NULL);
}
void n4_reverse(void) {
  pthread_mutex_lock(&j2);
  pthread_mutex_lock(&j1);
  pthread_mutex_unlock(&j1);
  pthread_mutex_unlock(&j2);
}

// N5: structural nesting: a list node's lock, then its successor's.
struct node {
  pthread_mutex_t mu;
  struct node *next;
};
void n5_hand_over_hand(struct node *n) {
  pthread_mutex_lock(&n->mu);
  pthread_mutex_lock(&n->next->mu);
  pthread_mutex_unlock(&n->mu);
  pthread_mutex_unlock(&n->next->mu);
}

// N6: two locals of one struct.
void n6_locals(void) {
  struct account x, y;
  pthread_mutex_init(&x.mu, NULL);
  pthread_mutex_init(&y.mu, NULL);
  pthread_mutex_lock(&x.mu);
  pthread_mutex_lock(&y.mu);
  pthread_mutex_unlock(&y.mu);
  pthread_mutex_unlock(&x.mu);
}

// N7: a declared order, followed.
lk_t n_outer;
lk_t n_inner __attribute__((acquired_after(n_outer)));
void n7_declared_ok(void) {
  lk_lock(&n_outer);
  lk_lock(&n_inner);
  lk_unlock(&n_inner);
  lk_unlock(&n_outer);
}

// N8: a callee that releases its lock before the caller takes the next one.
pthread_mutex_t o1 = PTHREAD_MUTEX_INITIALIZER, o2 = PTHREAD_MUTEX_INITIALIZER;
void n8_touch_o1(void) {
  pthread_mutex_lock(&o1);
  pthread_mutex_unlock(&o1);
}
void n8_nested(void) {
  pthread_mutex_lock(&o1);
  pthread_mutex_lock(&o2);
  pthread_mutex_unlock(&o2);
  pthread_mutex_unlock(&o1);
}
void n8_call_then_lock(void) {
  n8_touch_o1();
  pthread_mutex_lock(&o2);
  pthread_mutex_unlock(&o2);
}

// N9: a read lock try-locked under a mutex held the other way.
pthread_rwlock_t n_rw = PTHREAD_RWLOCK_INITIALIZER;
pthread_mutex_t n_mu = PTHREAD_MUTEX_INITIALIZER;
void n9_rw_then_mu(void) {
  pthread_rwlock_wrlock(&n_rw);
  pthread_mutex_lock(&n_mu);
  pthread_mutex_unlock(&n_mu);
  pthread_rwlock_unlock(&n_rw);
}
void n9_mu_then_try(void) {
  pthread_mutex_lock(&n_mu);
  if (pthread_rwlock_tryrdlock(&n_rw) == 0)
    pthread_rwlock_unlock(&n_rw);
  pthread_mutex_unlock(&n_mu);
}

// N10: a lock released on every path before a call that takes the other.
pthread_mutex_t p1 = PTHREAD_MUTEX_INITIALIZER, p2 = PTHREAD_MUTEX_INITIALIZER;
void n10_lock_p1(void) {
  pthread_mutex_lock(&p1);
  pthread_mutex_unlock(&p1);
}
void n10_nested(void) {
  pthread_mutex_lock(&p1);
  pthread_mutex_lock(&p2);
  pthread_mutex_unlock(&p2);
  pthread_mutex_unlock(&p1);
}
void n10_branches(void) {
  pthread_mutex_lock(&p2);
  if (cond()) {
    pthread_mutex_unlock(&p2);
    n10_lock_p1();
    return;
  }
  pthread_mutex_unlock(&p2);
  n10_lock_p1();
}

// N11: transfer taking the two locks in address order (the hint's advice).
void n11_transfer_by_address(struct account *from, struct account *to, int n) {
  if (from < to) {
    pthread_mutex_lock(&from->mu);
    pthread_mutex_lock(&to->mu);
  } else {
    pthread_mutex_lock(&to->mu);
    pthread_mutex_lock(&from->mu);
  }
  from->balance -= n;
  to->balance += n;
  pthread_mutex_unlock(&to->mu);
  pthread_mutex_unlock(&from->mu);
}

// N12: the other order uses pthread_mutex_timedlock: it gives up.
pthread_mutex_t w1 = PTHREAD_MUTEX_INITIALIZER, w2 = PTHREAD_MUTEX_INITIALIZER;
void n12_blocking(void) {
  pthread_mutex_lock(&w1);
  pthread_mutex_lock(&w2);
  pthread_mutex_unlock(&w2);
  pthread_mutex_unlock(&w1);
}
void n12_timed(void) {
  struct timespec ts = {0, 0};
  pthread_mutex_lock(&w2);
  if (pthread_mutex_timedlock(&w1, &ts) == 0)
    pthread_mutex_unlock(&w1);
  pthread_mutex_unlock(&w2);
}

// N13: structural nesting through an array of children.
struct tree {
  pthread_mutex_t mu;
  struct tree *kids[2];
};
void n13_tree(struct tree *t) {
  pthread_mutex_lock(&t->mu);
  pthread_mutex_lock(&t->kids[0]->mu);
  pthread_mutex_unlock(&t->kids[0]->mu);
  pthread_mutex_unlock(&t->mu);
}

// N14: C11 mtx_trylock as the second lock.
mtx_t x1, x2;
void n14_blocking(void) {
  mtx_lock(&x1);
  mtx_lock(&x2);
  mtx_unlock(&x2);
  mtx_unlock(&x1);
}
void n14_try(void) {
  mtx_lock(&x2);
  if (mtx_trylock(&x1) == thrd_success)
    mtx_unlock(&x1);
  mtx_unlock(&x2);
}

// N15: a wrapper pair used in one order everywhere.
pthread_mutex_t v1 = PTHREAD_MUTEX_INITIALIZER, v2 = PTHREAD_MUTEX_INITIALIZER;
void lock_v2(void) { pthread_mutex_lock(&v2); }
void unlock_v2(void) { pthread_mutex_unlock(&v2); }
void n15_a(void) {
  pthread_mutex_lock(&v1);
  lock_v2();
  unlock_v2();
  pthread_mutex_unlock(&v1);
}
void n15_b(void) {
  pthread_mutex_lock(&v1);
  pthread_mutex_lock(&v2);
  pthread_mutex_unlock(&v2);
  pthread_mutex_unlock(&v1);
}
