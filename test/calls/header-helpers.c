// RUN: %lockcheck_cc -Xclang -verify %s
// RUN: %lockcheck_cc -DUSE_BUMP -Xclang -verify=expected,used %s
//
// A `static inline` helper, or any function of internal linkage a header
// defines, belongs to every file that includes it. A file that does not use
// it neither reports it as a root (`foo_lock` would "still hold" its lock)
// nor analyses it: the files that call it do, once. A function of this
// file's own that nothing names is still a root.
#include "Inputs/header-helpers.h"

#ifdef USE_BUMP
int bump(struct foo *f) { return foo_bump(f); }
#endif

static inline void lock_unused(struct foo *f) { pthread_mutex_lock(&f->mu); }

// expected-note@+1 {{mutex 'f->mu' acquired here}}
static void lock_unnamed(struct foo *f) { pthread_mutex_lock(&f->mu); } // expected-warning {{mutex 'f->mu' is still held at the end of 'lock_unnamed'}}
