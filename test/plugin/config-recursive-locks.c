// recursive-locks names lock objects made recursive at run time, where the
// type cannot say so (SQLite's sqlite3MutexAlloc(SQLITE_MUTEX_RECURSIVE)
// behind the same type as its fast mutexes): the named field or global may
// be taken again by its holder; other locks of the same type may not.
// RUN: %lockcheck_cc -fplugin-arg-lockcheck-config=%S/Inputs/recursive-locks.yaml -Xclang -verify=expected,rec %s
// RUN: sed 's/recursive-locks:.*//' %S/Inputs/recursive-locks.yaml > %t.yaml
// RUN: %lockcheck_cc -fplugin-arg-lockcheck-config=%t.yaml -Xclang -verify=expected,plain %s

typedef struct conn_mutex conn_mutex; // one type for recursive and fast mutexes
void conn_enter(conn_mutex *m);
void conn_leave(conn_mutex *m);

struct connection {
  conn_mutex *mutex; // allocated recursive
  conn_mutex *fast;  // allocated plain
};
conn_mutex *g_init_mutex; // allocated recursive
conn_mutex *g_other;

void prepare(struct connection *db) {
  conn_enter(db->mutex); // plain-note {{mutex '*db->mutex' acquired here}}
  conn_enter(db->mutex); // plain-warning {{acquiring mutex '*db->mutex' that is already held [lockcheck-double-lock]}}
  conn_leave(db->mutex);
  conn_leave(db->mutex);
}

void init_twice(void) {
  conn_enter(g_init_mutex); // plain-note {{mutex '*g_init_mutex' acquired here}}
  conn_enter(g_init_mutex); // plain-warning {{acquiring mutex '*g_init_mutex' that is already held [lockcheck-double-lock]}}
  conn_leave(g_init_mutex);
  conn_leave(g_init_mutex);
}

// Through a call: the callee takes the lock its caller holds.
static void step(struct connection *db) {
  conn_enter(db->mutex);
  conn_leave(db->mutex);
}
void run(struct connection *db) {
  conn_enter(db->mutex); // plain-note {{mutex '*db->mutex' acquired here}}
  step(db); // plain-warning {{calling 'step' acquires mutex '*db->mutex' that is already held [lockcheck-double-lock]}}
            // plain-note@-6 {{'step' acquires '*db->mutex' here}}
  conn_leave(db->mutex);
}

// Not named: still plain mutexes.
void fast_twice(struct connection *db) {
  conn_enter(db->fast); // expected-note {{mutex '*db->fast' acquired here}}
  conn_enter(db->fast); // expected-warning {{acquiring mutex '*db->fast' that is already held [lockcheck-double-lock]}}
  conn_leave(db->fast);
  conn_leave(db->fast);
}
void other_twice(void) {
  conn_enter(g_other); // expected-note {{mutex '*g_other' acquired here}}
  conn_enter(g_other); // expected-warning {{acquiring mutex '*g_other' that is already held [lockcheck-double-lock]}}
  conn_leave(g_other);
  conn_leave(g_other);
}

// Recursive, but counted: one acquisition too many is still a missing unlock
// (a plain mutex deadlocks at the second acquisition instead).
void unbalanced(struct connection *db, int fail) {
  conn_enter(db->mutex); // expected-note {{mutex '*db->mutex' acquired here}}
  conn_enter(db->mutex); // plain-warning {{acquiring mutex '*db->mutex' that is already held [lockcheck-double-lock]}}
  conn_leave(db->mutex);
  if (fail)
    return; // rec-warning {{mutex '*db->mutex' is still held when 'unbalanced' returns [lockcheck-missing-unlock]}}
  conn_leave(db->mutex);
}
