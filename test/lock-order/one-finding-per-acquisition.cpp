// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Several cycles can end at one acquisition: `hang` then `crawler` in
// stop() closes both crawler -> hang (pause()) and crawler -> stats -> hang.
// One fix (the order at that acquisition) serves them all, so it is one
// finding, naming the shortest cycle; the other cycle's own edge is
// reported where it ends, if elsewhere.
#include <mutex>

std::mutex crawler, stats, hang;

void pause() {
  std::lock_guard<std::mutex> a(crawler);
  std::lock_guard<std::mutex> b(hang); // expected-note {{'hang' acquired while holding 'crawler' here}}
}
void sweep() {
  std::lock_guard<std::mutex> a(crawler);
  std::lock_guard<std::mutex> b(stats);
}
void tally() {
  std::lock_guard<std::mutex> a(stats);
  std::lock_guard<std::mutex> b(hang);
}
void stop() {
  std::lock_guard<std::mutex> a(hang);
  std::lock_guard<std::mutex> b(crawler); // expected-warning {{acquiring mutex 'crawler' while holding 'hang' inverts the order 'crawler' -> 'hang' used elsewhere}}
}
