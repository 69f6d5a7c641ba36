// acquire / acquire-shared / release / try-acquire / try-acquire-shared make
// functions the analysis cannot see into lock operations on the argument
// they name ("name(N)", 0-based, or "name(this)" for the object).
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/lock-functions.yaml -Xclang -verify=cfg %s
// Without the configuration these are ordinary calls.
// RUN: %lockcheck_cxx -Xclang -verify=none %s
// none-no-diagnostics

struct my_mutex { int opaque; };
extern "C" void my_lock(my_mutex *);
extern "C" void my_unlock(my_mutex *);
extern "C" int my_trylock(my_mutex *); // 0 on success
struct rwlock { int opaque; };
extern "C" void rw_rdlock(rwlock *);
extern "C" void rw_wrlock(rwlock *);
extern "C" void rw_unlock(rwlock *);
extern "C" int rw_tryrdlock(rwlock *); // 0 on success
namespace ns {
struct Spin {
  void grab() noexcept;
  void drop() noexcept;
  bool try_grab() noexcept; // true on success
};
} // namespace ns

my_mutex m1, m2, m3, m4, m5;
rwlock l1, l2, l3;
ns::Spin s1, s2;

void acquireTwice() {
  my_lock(&m1); // cfg-note-re {{{{.+}} 'm1' acquired here}}
  my_lock(&m1); // cfg-warning-re {{acquiring {{.+}} 'm1' that is already held [lockcheck-double-lock]}}
  my_unlock(&m1);
  my_unlock(&m1);
}

void balanced() {
  my_lock(&m2);
  my_unlock(&m2);
}

// (A function that only locks or only unlocks is a wrapper itself, so
// these take the lock and release it on some paths.)
void releaseTwice() {
  my_lock(&m3);
  my_unlock(&m3); // cfg-note-re {{{{.+}} 'm3' released here}}
  my_unlock(&m3); // cfg-warning-re {{releasing {{.+}} 'm3' that is not held [lockcheck-unlock-not-held]}}
}

void leaksOnEarlyReturn(bool fail) {
  my_lock(&m4); // cfg-note-re {{{{.+}} 'm4' acquired here}}
  if (fail)
    return; // cfg-warning-re {{{{.+}} 'm4' is still held when 'leaksOnEarlyReturn' returns [lockcheck-missing-unlock]}}
  my_unlock(&m4);
}

// "Spin::grab" matches ns::Spin::grab; the lock is the object.
void memberTwice() {
  s1.grab(); // cfg-note-re {{{{.+}} 's1' acquired here}}
  s1.grab(); // cfg-warning-re {{acquiring {{.+}} 's1' that is already held [lockcheck-double-lock]}}
  s1.drop();
  s1.drop();
}

void sharedBalanced() {
  rw_rdlock(&l1);
  rw_unlock(&l1);
}

void sharedLeaksOnEarlyReturn(bool fail) {
  rw_rdlock(&l2); // cfg-note-re {{{{.+}} 'l2' acquired here}}
  if (fail)
    return; // cfg-warning-re {{{{.+}} 'l2' is still held when 'sharedLeaksOnEarlyReturn' returns [lockcheck-missing-unlock]}}
  rw_unlock(&l2);
}

// "== 0": a non-zero result is a failure, so m5 is not held in the if.
void tryWrongBranch() {
  if (my_trylock(&m5)) {
    my_unlock(&m5); // cfg-warning-re {{releasing {{.+}} 'm5' that is not held [lockcheck-unlock-not-held]}}
    return;
  }
  my_unlock(&m5);
}

// "== true": false is a failure.
void tryMemberWrongBranch() {
  if (!s2.try_grab()) {
    s2.drop(); // cfg-warning-re {{releasing {{.+}} 's2' that is not held [lockcheck-unlock-not-held]}}
    return;
  }
  s2.drop();
}

void trySharedRightBranch() {
  if (rw_tryrdlock(&l3) == 0)
    rw_unlock(&l3);
}
