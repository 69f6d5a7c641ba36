// RUN: %lockcheck_cc -std=c11 -Xclang -verify %s
//
// The intra-procedural checks on C11 <threads.h> mutexes (mtx_t, kind
// 'mutex'). mtx_trylock and mtx_timedlock hold the lock only where they
// returned thrd_success; an mtx_t is treated as non-recursive.
#include <threads.h>
#include <time.h>

void work(void);
int cond(void);

mtx_t g_m;
mtx_t g_other;
mtx_t g_handoff; /* released by a wrapper */
cnd_t g_cv;
int g_ready;

struct account {
  mtx_t lock;
  long balance;
};

/*===--------------------------------------------------------------------===*/
/* Positive cases                                                           */
/*===--------------------------------------------------------------------===*/

/* P1: mtx_lock twice. */
void dl_twice(void) {
  mtx_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
  mtx_lock(&g_m); // expected-warning {{acquiring mutex 'g_m' that is already held [lockcheck-double-lock]}}
  mtx_unlock(&g_m);
}

/* P2: locked on one branch first (possible). */
void dl_branch(int k) {
  if (k > 0)
    mtx_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
  mtx_lock(&g_m);   // expected-warning {{acquiring mutex 'g_m' that may already be held}}
  mtx_unlock(&g_m);
}

/* P3: a do/while that locks every iteration and unlocks after it. */
void dl_do_while(void) {
  do {
    mtx_lock(&g_m); // expected-warning {{acquiring mutex 'g_m' that may already be held}} expected-note {{mutex 'g_m' acquired here}}
    work();
  } while (cond());
  mtx_unlock(&g_m);
}

/* P4: switch fall-through from a case that locked. */
void dl_switch(int k) {
  switch (k) {
  case 0:
    mtx_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
    /* fall through */
  case 1:
    mtx_lock(&g_m); // expected-warning {{acquiring mutex 'g_m' that may already be held}}
    mtx_unlock(&g_m);
    break;
  default:
    break;
  }
}

/* P5: a member through a pointer. */
void dl_member(struct account *a) {
  mtx_lock(&a->lock); // expected-note {{mutex 'a->lock' acquired here}}
  a->balance++;
  mtx_lock(&a->lock); // expected-warning {{acquiring mutex 'a->lock' that is already held}}
  mtx_unlock(&a->lock);
}

/* P6: lock on the success branch of mtx_trylock. */
void dl_after_trylock(void) {
  if (mtx_trylock(&g_m) == thrd_success) { // expected-note {{mutex 'g_m' acquired here}}
    mtx_lock(&g_m); // expected-warning {{acquiring mutex 'g_m' that is already held}}
    mtx_unlock(&g_m);
  }
}

/* P7: unlocked on one path, unlocked again after the join. */
void un_released_on_branch(int k) {
  mtx_lock(&g_m);
  if (k)
    mtx_unlock(&g_m); // expected-note {{mutex 'g_m' released here}}
  mtx_unlock(&g_m);   // expected-warning {{releasing mutex 'g_m' that may not be held [lockcheck-unlock-not-held]}}
}

/* P8: unlock twice. */
void un_twice(void) {
  mtx_lock(&g_m);
  work();
  mtx_unlock(&g_m); // expected-note {{mutex 'g_m' released here}}
  mtx_unlock(&g_m); // expected-warning {{releasing mutex 'g_m' that is not held}}
}

/* P9: unlock on the failure branch of mtx_trylock. */
void un_trylock_failed(void) {
  if (mtx_trylock(&g_m) != thrd_success) {
    mtx_unlock(&g_m); // expected-warning {{releasing mutex 'g_m' that is not held}}
    return;
  }
  mtx_unlock(&g_m);
}

/* P10: mtx_timedlock whose result is ignored. */
void un_timedlock_ignored(const struct timespec *deadline) {
  mtx_timedlock(&g_m, deadline);
  work();
  mtx_unlock(&g_m); // expected-warning {{releasing mutex 'g_m' that may not be held}}
}

/* P11: the condition changes between lock and unlock. */
void un_condition_changed(int c) {
  if (c)
    mtx_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
  c = cond();
  if (c)
    mtx_unlock(&g_m); // expected-warning {{releasing mutex 'g_m' that may not be held}}
} // expected-warning {{mutex 'g_m' may still be held at the end of 'un_condition_changed'}}

/* P12: a loop that unlocks what it locked only before the loop. */
void un_loop(int n) {
  int i;
  mtx_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
  for (i = 0; i < n; ++i)
    mtx_unlock(&g_m); // expected-warning {{releasing mutex 'g_m' that may not be held}} expected-note {{mutex 'g_m' released here}}
} // expected-warning {{mutex 'g_m' may still be held at the end of 'un_loop'}}

/* P13: an early return with the lock held. */
int mu_early_return(struct account *a, long amount) {
  mtx_lock(&a->lock); // expected-note {{mutex 'a->lock' acquired here}}
  if (a->balance < amount)
    return -1; // expected-warning {{mutex 'a->lock' is still held when 'mu_early_return' returns [lockcheck-missing-unlock]}}
  a->balance -= amount;
  mtx_unlock(&a->lock);
  return 0;
}

/* P14: never unlocked. */
void mu_forgot(void) {
  mtx_lock(&g_other); // expected-note {{mutex 'g_other' acquired here}}
  work();
} // expected-warning {{mutex 'g_other' is still held at the end of 'mu_forgot'}}

/* P15: the success branch of mtx_trylock returns holding it. */
int mu_trylock_returns(void) {
  if (mtx_trylock(&g_m) == thrd_success) // expected-note {{mutex 'g_m' acquired here}}
    return 1; // expected-warning {{mutex 'g_m' is still held when 'mu_trylock_returns' returns}}
  return 0;
}

/* P16: a goto that skips the unlock. */
int mu_goto(int k) {
  mtx_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
  if (k)
    goto done;
  mtx_unlock(&g_m);
done:
  return k; // expected-warning {{mutex 'g_m' may still be held when 'mu_goto' returns}}
}

/* P17: 'break' leaves the loop holding the lock. */
void mu_loop_break(void) {
  while (cond()) {
    mtx_lock(&g_m); // expected-note {{mutex 'g_m' acquired here}}
    if (g_ready)
      break;
    mtx_unlock(&g_m);
  }
} // expected-warning {{mutex 'g_m' may still be held at the end of 'mu_loop_break'}}

/* P18: a function-local static mutex. */
void mu_static_local(void) {
  static mtx_t local_m;
  mtx_lock(&local_m); // expected-note {{mutex 'local_m' acquired here}}
} // expected-warning {{mutex 'local_m' is still held at the end of 'mu_static_local'}}

/*===--------------------------------------------------------------------===*/
/* Negative cases: no diagnostic expected.                                  */
/*===--------------------------------------------------------------------===*/

/* N1: balanced. */
void ok_basic(void) {
  mtx_lock(&g_m);
  work();
  mtx_unlock(&g_m);
}

/* N2: the correlated condition. */
void ok_correlated(int flag) {
  if (flag)
    mtx_lock(&g_m);
  work();
  if (flag)
    mtx_unlock(&g_m);
}

/* N3: correlated on a negation, with else branches. */
void ok_correlated_negated(int quiet) {
  if (!quiet)
    mtx_lock(&g_m);
  else
    work();
  if (quiet)
    work();
  else
    mtx_unlock(&g_m);
}

/* N4: mtx_trylock == thrd_success. */
void ok_trylock(void) {
  if (mtx_trylock(&g_m) == thrd_success) {
    work();
    mtx_unlock(&g_m);
  }
}

/* N5: mtx_trylock != thrd_success returns. */
int ok_trylock_return(void) {
  if (mtx_trylock(&g_m) != thrd_success)
    return -1;
  mtx_unlock(&g_m);
  return 0;
}

/* N6: the result kept in a variable. */
void ok_trylock_rc(void) {
  int rc = mtx_trylock(&g_m);
  if (rc == thrd_success)
    mtx_unlock(&g_m);
}

/* N7: mtx_timedlock. */
int ok_timedlock(const struct timespec *deadline) {
  if (mtx_timedlock(&g_m, deadline) != thrd_success)
    return -1;
  work();
  mtx_unlock(&g_m);
  return 0;
}

/* N8: a checked mtx_lock holds nothing when it failed. */
int ok_lock_checked(void) {
  if (mtx_lock(&g_m) != thrd_success)
    return -1;
  mtx_unlock(&g_m);
  return 0;
}

/* N9: goto cleanup. */
int ok_goto_cleanup(struct account *a, long amount) {
  int rc = 0;
  mtx_lock(&a->lock);
  if (a->balance < amount) {
    rc = -1;
    goto out;
  }
  a->balance -= amount;
out:
  mtx_unlock(&a->lock);
  return rc;
}

/* N10: a loop with break and continue that unlock first. */
void ok_loop(void) {
  while (cond()) {
    mtx_lock(&g_m);
    if (g_ready) {
      mtx_unlock(&g_m);
      break;
    }
    if (cond()) {
      mtx_unlock(&g_m);
      continue;
    }
    mtx_unlock(&g_m);
  }
}

/* N11: every switch case unlocks. */
void ok_switch(int k) {
  mtx_lock(&g_m);
  switch (k) {
  case 0:
    mtx_unlock(&g_m);
    break;
  default:
    work();
    mtx_unlock(&g_m);
    break;
  }
}

/* N12: two accounts, two locks. */
void ok_two_accounts(struct account *a, struct account *b) {
  mtx_lock(&a->lock);
  mtx_lock(&b->lock); // expected-warning {{acquiring 'b->lock' while holding 'a->lock', both 'account::lock' locks of unrelated objects; potential deadlock}} expected-note {{always take the two locks in one global order (for example by address)}} expected-note@-1 {{mutex 'a->lock' acquired here}}
  a->balance += b->balance;
  b->balance = 0;
  mtx_unlock(&b->lock);
  mtx_unlock(&a->lock);
}

/* N13: cnd_wait releases and re-acquires internally. */
void ok_cnd_wait(void) {
  mtx_lock(&g_m);
  while (!g_ready)
    cnd_wait(&g_cv, &g_m);
  mtx_unlock(&g_m);
}

/* N14: init and destroy are not lock operations. */
void ok_init_destroy(struct account *a) {
  mtx_init(&a->lock, mtx_plain);
  mtx_destroy(&a->lock);
}

/* N15: spinning on mtx_trylock. */
void ok_spin(void) {
  while (mtx_trylock(&g_m) != thrd_success)
    thrd_yield();
  mtx_unlock(&g_m);
}

/* N16: an early return that unlocks first. */
int ok_early_return(int k) {
  mtx_lock(&g_m);
  if (k < 0) {
    mtx_unlock(&g_m);
    return -1;
  }
  mtx_unlock(&g_m);
  return k;
}

/* N17: lock, unlock, lock, unlock. */
void ok_sequential(void) {
  mtx_lock(&g_m);
  mtx_unlock(&g_m);
  mtx_lock(&g_m);
  mtx_unlock(&g_m);
}

/* N18: the first operation on 'g_handoff' is a release: a release wrapper
 * (its caller locked it). */
void ok_release_wrapper(void) {
  mtx_unlock(&g_handoff);
}
