// RUN: %lockcheck_cxx -Xclang -verify %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-debug %s 2>&1 | FileCheck %s
//
// A point keeps at most 16 distinct locksets. Five locks each taken and
// released under its own condition make 32: past the bound, paths are dropped
// and conditions forgotten, and what is left says neither what happens on
// every path nor which pairs are correlated (nor which locks are held when
// another is taken). Such a function is skipped, as one over budget is, and
// -fplugin-arg-lockcheck-debug says so (before: eight "may" findings on
// correct code). Four locks fit.
#include <mutex>

std::mutex ma, mb, mc, md, me;

// CHECK: lockcheck: fiveConditional ({{.*}}): skipped: more than 16 distinct locksets at a point (paths would be dropped)
void fiveConditional(bool p, bool q, bool r, bool s, bool t) noexcept {
  if (p) ma.lock();
  if (q) mb.lock();
  if (r) mc.lock();
  if (s) md.lock();
  if (t) me.lock();
  if (p) ma.unlock();
  if (q) mb.unlock();
  if (r) mc.unlock();
  if (s) md.unlock();
  if (t) me.unlock();
}

// Four locks: 16 locksets, within the bound; a real bug is still found.
// CHECK-NOT: fourConditional ({{.*}}): more than 16
void fourConditional(bool p, bool q, bool r, bool s) noexcept {
  if (p) ma.lock();
  if (q) mb.lock();
  if (r) mc.lock();
  if (s) md.lock();
  if (p) ma.unlock();
  if (q) mb.unlock();
  if (r) mc.unlock();
  if (s) md.unlock(); // expected-note {{mutex 'md' released here}}
  md.unlock(); // expected-warning {{releasing mutex 'md' that is not held}}
}
