// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Obligations of wrappers are checked where they stop. A release wrapper
// ("needs the lock held on entry") and an acquire wrapper ("returns holding
// it") are fine by themselves and pass the obligation to their callers; at a
// root (main, a function a thread starts with) there is no caller left, so
// the obligation is checked there. A function never gets a lock as held on
// entry when it takes that lock itself first, directly or through a call.
#include <mutex>
#include <thread>

std::mutex m;
std::mutex g;
int v;

void reset() { v = 0; m.unlock(); }   // a release wrapper: fine by itself
void dbl() { m.lock(); v++; m.unlock(); }

// P1: dbl() takes and gives back 'm'; reset() then releases what is not
// held (not: main holds 'm' on entry, and dbl() locks it twice).
int main() {
  dbl();
  reset(); // expected-warning {{calling 'reset' releases mutex 'm' that is not held [lockcheck-unlock-not-held]}}
}

void begin() { g.lock(); }   // an acquire wrapper, paired with end()
void end() { g.unlock(); }

// N1: the pair used by an ordinary function.
void paired() {
  begin();
  v++;
  end();
}

// N2: a function with external linkage that returns holding 'g' is another
// acquire wrapper: its callers are not in this file.
void begin_more() {
  begin();
  v++;
}

// N3: a release wrapper of a release wrapper.
void finish() { end(); }

// P2: a thread's function has no caller to release 'g'.
void worker() {
  begin(); // expected-note {{mutex 'g' acquired here}}
  v++;
} // expected-warning {{mutex 'g' acquired by calling 'begin' is still held at the end of 'worker' [lockcheck-missing-unlock]}}

void start() {
  std::thread t(worker);
  t.join();
}

// P: a function of this file's own (internal linkage) that nothing in the
// TU names is a root as well: no caller can hold the lock for it.
static void release_unnamed() {
  v = 1;
  m.unlock(); // expected-warning {{releasing mutex 'm' that is not held [lockcheck-unlock-not-held]}}
}

// N: one whose address is taken may run with the lock held (a callback):
// a release wrapper as before.
static void release_callback() {
  v = 2;
  m.unlock();
}
void (*g_release_cb)() = release_callback;
