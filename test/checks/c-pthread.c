// RUN: %lockcheck_cc -Xclang -verify %s
// RUN: %lockcheck_cc -D_GNU_SOURCE -Xclang -verify %s
//
// The intra-procedural checks on C code with POSIX locks: pthread_mutex_*
// (kind 'mutex'), pthread_rwlock_* ('rwlock') and pthread_spin_* ('spinlock').
// The lock is named by the argument without its leading '&' ('m',
// 'b->lock', 'q->buf.lock'), or dereferenced for a pointer ('*pm').
// Try-locks (and lock calls whose result is tested) hold the lock only on the
// branch where they returned 0. POSIX allows a thread to hold several read
// locks on one rwlock, so rdlock twice is no double lock (but each must be
// released).
#include <pthread.h>
#include <stddef.h>
#include <time.h>

void work(void);
int cond(void);

pthread_mutex_t g_m = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t g_other = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t g_handoff = PTHREAD_MUTEX_INITIALIZER; /* released by a wrapper */
pthread_rwlock_t g_rw = PTHREAD_RWLOCK_INITIALIZER;
pthread_spinlock_t g_spin;
pthread_cond_t g_cv = PTHREAD_COND_INITIALIZER;
int g_ready;

struct buffer {
  pthread_mutex_t lock;
  size_t len;
};

/*===--------------------------------------------------------------------===*/
/* Positive cases                                                           */
/*===--------------------------------------------------------------------===*/

/* P1: pthread_mutex_lock twice (definite). */
void dl_twice(void) {
  pthread_mutex_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
  work();
  pthread_mutex_lock(&g_m); // expected-warning {{acquiring mutex 'g_m' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(&g_m);
}

/* P2: locked on one branch, then unconditionally (possible). */
void dl_branch(int verbose) {
  if (verbose)
    pthread_mutex_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
  pthread_mutex_lock(&g_m);   // expected-warning {{acquiring mutex 'g_m' that may already be held}}
  pthread_mutex_unlock(&g_m);
}

/* P3: a struct member through a pointer. */
void dl_member(struct buffer *b) {
  pthread_mutex_lock(&b->lock); // expected-note {{mutex 'b->lock' acquired here}}
  b->len = 0;
  pthread_mutex_lock(&b->lock); // expected-warning {{acquiring mutex 'b->lock' that is already held}}
  pthread_mutex_unlock(&b->lock);
}

/* P4: a pointer parameter. */
void dl_pointer_param(pthread_mutex_t *pm) {
  pthread_mutex_lock(pm); // expected-note {{mutex '*pm' acquired here}}
  pthread_mutex_lock(pm); // expected-warning {{acquiring mutex '*pm' that is already held}}
  pthread_mutex_unlock(pm);
}

/* P5: a while loop whose 'continue' skips the unlock. */
void dl_loop_continue(void) {
  while (cond()) {
    pthread_mutex_lock(&g_m); // expected-warning {{acquiring mutex 'g_m' that may already be held}} expected-note 2 {{mutex 'g_m' acquired here}}
    if (cond())
      continue;
    pthread_mutex_unlock(&g_m);
  }
} // expected-warning {{mutex 'g_m' may still be held at the end of 'dl_loop_continue' [lockcheck-missing-unlock]}}

/* P6: rdlock then wrlock: an upgrade. */
void dl_rwlock_upgrade(void) {
  pthread_rwlock_rdlock(&g_rw); // expected-note {{rwlock 'g_rw' acquired here}}
  work();
  pthread_rwlock_wrlock(&g_rw); // expected-warning {{acquiring rwlock 'g_rw' exclusively while it is held shared; upgrading a lock deadlocks [lockcheck-double-lock]}}
  pthread_rwlock_unlock(&g_rw);
}

/* P7: wrlock twice. */
void dl_rwlock_write_twice(void) {
  pthread_rwlock_wrlock(&g_rw); // expected-note {{rwlock 'g_rw' acquired here}}
  pthread_rwlock_wrlock(&g_rw); // expected-warning {{acquiring rwlock 'g_rw' that is already held}}
  pthread_rwlock_unlock(&g_rw);
}

/* P8: wrlock, then rdlock. */
void dl_rwlock_write_then_read(void) {
  pthread_rwlock_wrlock(&g_rw); // expected-note {{rwlock 'g_rw' acquired here}}
  pthread_rwlock_rdlock(&g_rw); // expected-warning {{acquiring rwlock 'g_rw' that is already held}}
  pthread_rwlock_unlock(&g_rw);
}

/* P9: a spinlock locked twice. */
void dl_spin_twice(void) {
  pthread_spin_lock(&g_spin); // expected-note {{spinlock 'g_spin' acquired here}}
  pthread_spin_lock(&g_spin); // expected-warning {{acquiring spinlock 'g_spin' that is already held}}
  pthread_spin_unlock(&g_spin);
}

/* P10: unlocked on one path, unlocked again after the join. */
void un_released_on_branch(int k) {
  pthread_mutex_lock(&g_m);
  if (k)
    pthread_mutex_unlock(&g_m); // expected-note {{mutex 'g_m' released here}}
  pthread_mutex_unlock(&g_m);   // expected-warning {{releasing mutex 'g_m' that may not be held [lockcheck-unlock-not-held]}}
}

/* P11: unlock twice. */
void un_twice(void) {
  pthread_mutex_lock(&g_m);
  pthread_mutex_unlock(&g_m); // expected-note {{mutex 'g_m' released here}}
  pthread_mutex_unlock(&g_m); // expected-warning {{releasing mutex 'g_m' that is not held}}
}

/* P12: locked on one branch only. */
void un_branch(int verbose) {
  if (verbose)
    pthread_mutex_lock(&g_m);
  work();
  pthread_mutex_unlock(&g_m); // expected-warning {{releasing mutex 'g_m' that may not be held}}
}

/* P13: unlock on the failure branch of trylock. */
int un_trylock_failed(void) {
  if (pthread_mutex_trylock(&g_m) != 0) {
    pthread_mutex_unlock(&g_m); // expected-warning {{releasing mutex 'g_m' that is not held}}
    return -1;
  }
  pthread_mutex_unlock(&g_m);
  return 0;
}

/* P14: a tryrdlock whose result is ignored. */
void un_tryrdlock_ignored(void) {
  pthread_rwlock_tryrdlock(&g_rw);
  work();
  pthread_rwlock_unlock(&g_rw); // expected-warning {{releasing rwlock 'g_rw' that may not be held}}
}

/* P15: a spinlock unlocked twice. */
void un_spin_twice(void) {
  pthread_spin_lock(&g_spin);
  pthread_spin_unlock(&g_spin); // expected-note {{spinlock 'g_spin' released here}}
  pthread_spin_unlock(&g_spin); // expected-warning {{releasing spinlock 'g_spin' that is not held}}
}

/* P16: a goto over the lock to the unlock. */
void un_goto(int skip) {
  if (skip)
    goto out;
  pthread_mutex_lock(&g_m);
  work();
out:
  pthread_mutex_unlock(&g_m); // expected-warning {{releasing mutex 'g_m' that may not be held}}
}

/* P17: the allocation-failure path returns with the lock held. */
int mu_early_return(struct buffer *b, size_t n) {
  pthread_mutex_lock(&b->lock); // expected-note {{mutex 'b->lock' acquired here}}
  if (n == 0)
    return -1; // expected-warning {{mutex 'b->lock' is still held when 'mu_early_return' returns [lockcheck-missing-unlock]}}
  b->len += n;
  pthread_mutex_unlock(&b->lock);
  return 0;
}

/* P18: never unlocked. */
void mu_forgot(void) {
  pthread_mutex_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
  work();
} // expected-warning {{mutex 'g_m' is still held at the end of 'mu_forgot'}}

/* P19: the success branch of trylock returns holding it. */
int mu_trylock_success_returns(void) {
  if (pthread_mutex_trylock(&g_m) == 0) // expected-note {{mutex 'g_m' acquired here}}
    return 1; // expected-warning {{mutex 'g_m' is still held when 'mu_trylock_success_returns' returns}}
  return 0;
}

/* P20: a goto to the exit label skips the unlock. */
int mu_goto(int k) {
  pthread_mutex_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
  if (k)
    goto out;
  pthread_mutex_unlock(&g_m);
out:
  return k; // expected-warning {{mutex 'g_m' may still be held when 'mu_goto' returns}}
}

/* P21: one switch case keeps the lock. */
void mu_switch(int k) {
  switch (k) {
  case 1:
    pthread_mutex_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
    break;
  default:
    work();
    break;
  }
} // expected-warning {{mutex 'g_m' may still be held at the end of 'mu_switch'}}

/* P22: a read lock that leaks on an early return. */
int mu_rwlock(int k) {
  pthread_rwlock_rdlock(&g_rw); // expected-note {{rwlock 'g_rw' acquired here}}
  if (k)
    return k; // expected-warning {{rwlock 'g_rw' is still held when 'mu_rwlock' returns}}
  pthread_rwlock_unlock(&g_rw);
  return 0;
}

/* P23: a spinlock never released. */
void mu_spin(void) {
  pthread_spin_lock(&g_spin); // expected-note {{spinlock 'g_spin' acquired here}}
  work();
} // expected-warning {{spinlock 'g_spin' is still held at the end of 'mu_spin'}}

/* P24: a function-local static mutex. */
void mu_static_local(void) {
  static pthread_mutex_t local_m = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&local_m); // expected-note {{mutex 'local_m' acquired here}}
  if (cond())
    return; // expected-warning {{mutex 'local_m' is still held when 'mu_static_local' returns}}
  pthread_mutex_unlock(&local_m);
}

/* P25: a struct passed by pointer, a member of a member. */
struct queue {
  struct buffer buf;
  int count;
};
void mu_nested_member(struct queue *q) {
  pthread_mutex_lock(&q->buf.lock); // expected-note {{mutex 'q->buf.lock' acquired here}}
  q->count++;
} // expected-warning {{mutex 'q->buf.lock' is still held at the end of 'mu_nested_member'}}

/*===--------------------------------------------------------------------===*/
/* Negative cases: no diagnostic expected.                                  */
/*===--------------------------------------------------------------------===*/

/* N1: balanced. */
void ok_basic(void) {
  pthread_mutex_lock(&g_m);
  work();
  pthread_mutex_unlock(&g_m);
}

/* N2: the correlated condition on an int flag. */
void ok_correlated(int flag) {
  if (flag)
    pthread_mutex_lock(&g_m);
  work();
  if (flag)
    pthread_mutex_unlock(&g_m);
}

/* N3: correlated on a negated flag with else branches. */
void ok_correlated_negated(int quiet) {
  if (!quiet)
    pthread_mutex_lock(&g_m);
  else
    work();
  work();
  if (!quiet)
    pthread_mutex_unlock(&g_m);
  else
    work();
}

/* N4: trylock == 0. */
void ok_trylock_eq(void) {
  if (pthread_mutex_trylock(&g_m) == 0) {
    work();
    pthread_mutex_unlock(&g_m);
  }
}

/* N5: trylock != 0 returns. */
int ok_trylock_ne(void) {
  if (pthread_mutex_trylock(&g_m) != 0)
    return -1;
  work();
  pthread_mutex_unlock(&g_m);
  return 0;
}

/* N6: the trylock result kept in a variable. */
void ok_trylock_rc(void) {
  int rc = pthread_mutex_trylock(&g_m);
  if (rc == 0) {
    work();
    pthread_mutex_unlock(&g_m);
  }
}

/* N7: `if (!pthread_mutex_trylock(&m))`. */
void ok_trylock_not(void) {
  if (!pthread_mutex_trylock(&g_m))
    pthread_mutex_unlock(&g_m);
}

/* N8: a failing pthread_mutex_lock holds nothing. */
int ok_lock_checked(void) {
  if (pthread_mutex_lock(&g_m) != 0)
    return -1;
  work();
  pthread_mutex_unlock(&g_m);
  return 0;
}

/* N9: the goto-cleanup idiom. */
int ok_goto_cleanup(struct buffer *b, size_t n) {
  int rc = 0;
  pthread_mutex_lock(&b->lock);
  if (n == 0) {
    rc = -1;
    goto out;
  }
  b->len += n;
out:
  pthread_mutex_unlock(&b->lock);
  return rc;
}

/* N10: a loop whose break and continue unlock first. */
void ok_loop(int n) {
  int i;
  for (i = 0; i < n; ++i) {
    pthread_mutex_lock(&g_m);
    if (i == 1) {
      pthread_mutex_unlock(&g_m);
      continue;
    }
    if (i == 5) {
      pthread_mutex_unlock(&g_m);
      break;
    }
    pthread_mutex_unlock(&g_m);
  }
}

/* N11: every switch case unlocks. */
void ok_switch(int k) {
  pthread_mutex_lock(&g_m);
  switch (k) {
  case 0:
    pthread_mutex_unlock(&g_m);
    return;
  default:
    pthread_mutex_unlock(&g_m);
    break;
  }
}

/* N12: two buffers' locks are two locks. */
void ok_two_buffers(struct buffer *a, struct buffer *b) {
  pthread_mutex_lock(&a->lock);
  pthread_mutex_lock(&b->lock); // expected-warning {{acquiring 'b->lock' while holding 'a->lock', both 'buffer::lock' locks of unrelated objects; potential deadlock}} expected-note {{always take the two locks in one global order (for example by address)}} expected-note@-1 {{mutex 'a->lock' acquired here}}
  a->len = b->len;
  pthread_mutex_unlock(&b->lock);
  pthread_mutex_unlock(&a->lock);
}

/* N13: two read locks, two unlocks. */
void ok_rwlock_read_twice(void) {
  pthread_rwlock_rdlock(&g_rw);
  pthread_rwlock_rdlock(&g_rw);
  work();
  pthread_rwlock_unlock(&g_rw);
  pthread_rwlock_unlock(&g_rw);
}

/* N14: read lock, unlock, write lock, unlock. */
void ok_rwlock_sequence(void) {
  pthread_rwlock_rdlock(&g_rw);
  pthread_rwlock_unlock(&g_rw);
  pthread_rwlock_wrlock(&g_rw);
  pthread_rwlock_unlock(&g_rw);
}

/* N15: try read/write locks. */
void ok_rwlock_try(void) {
  if (pthread_rwlock_tryrdlock(&g_rw) == 0)
    pthread_rwlock_unlock(&g_rw);
  if (pthread_rwlock_trywrlock(&g_rw) != 0)
    return;
  pthread_rwlock_unlock(&g_rw);
}

/* N16: spinlocks. */
void ok_spin(void) {
  pthread_spin_lock(&g_spin);
  pthread_spin_unlock(&g_spin);
  if (pthread_spin_trylock(&g_spin) == 0)
    pthread_spin_unlock(&g_spin);
}

/* N17: a timed lock. */
int ok_timedlock(const struct timespec *deadline) {
  if (pthread_mutex_timedlock(&g_m, deadline) != 0)
    return -1;
  pthread_mutex_unlock(&g_m);
  return 0;
}

/* N18: spinning on trylock. */
void ok_spin_on_trylock(void) {
  while (pthread_mutex_trylock(&g_m) != 0)
    work();
  pthread_mutex_unlock(&g_m);
}

/* N19: init and destroy are not lock operations. */
void ok_init_destroy(struct buffer *b) {
  pthread_mutex_init(&b->lock, NULL);
  pthread_mutex_destroy(&b->lock);
}

/* N20: pthread_cond_wait releases and re-acquires internally. */
void ok_cond_wait(void) {
  pthread_mutex_lock(&g_m);
  while (!g_ready)
    pthread_cond_wait(&g_cv, &g_m);
  pthread_mutex_unlock(&g_m);
}

/* N21: a pointer parameter, balanced. */
void ok_pointer_param(pthread_mutex_t *pm) {
  pthread_mutex_lock(pm);
  work();
  pthread_mutex_unlock(pm);
}

/* N22: an early return that unlocks first. */
int ok_early_return(int k) {
  pthread_mutex_lock(&g_m);
  if (k < 0) {
    pthread_mutex_unlock(&g_m);
    return -1;
  }
  pthread_mutex_unlock(&g_m);
  return k;
}

/* N23: nested locks released in reverse order. */
void ok_nested(void) {
  pthread_mutex_lock(&g_m);
  pthread_mutex_lock(&g_other);
  work();
  pthread_mutex_unlock(&g_other);
  pthread_mutex_unlock(&g_m);
}

/* N24: the first operation on 'g_handoff' is a release: a release wrapper
 * (its caller locked it). */
void ok_release_wrapper(void) {
  work();
  pthread_mutex_unlock(&g_handoff);
}

/* A mutex made recursive by its initializer nests; one initialised as a
   plain mutex does not. */
#ifdef PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP
pthread_mutex_t g_recursive = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
void recursive_by_initializer(void) {
  pthread_mutex_lock(&g_recursive);
  pthread_mutex_lock(&g_recursive);
  pthread_mutex_unlock(&g_recursive);
  pthread_mutex_unlock(&g_recursive);
}
#endif
void plain_by_initializer(void) {
  pthread_mutex_lock(&g_other); // expected-note {{mutex 'g_other' acquired here}}
  pthread_mutex_lock(&g_other); // expected-warning {{acquiring mutex 'g_other' that is already held [lockcheck-double-lock]}}
  pthread_mutex_unlock(&g_other);
}
