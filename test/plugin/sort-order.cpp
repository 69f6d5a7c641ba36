// Findings come out in source order, whatever order the analysis visits
// functions in (members defined out of line, template instantiations at the
// end of the TU). Each CHECK sits just above the line it expects.
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-checks=-*,lockcheck-double-lock %s 2>&1 \
// RUN:   | %FileCheck %s --implicit-check-not=warning:
#include <mutex>
template <class M> void first(M &m);
std::mutex m, first_m, last_m;
void a() {
  first_m.lock();
  // CHECK: sort-order.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: acquiring mutex 'first_m'
  first_m.lock();
  first_m.unlock();
  first_m.unlock();
}
template <class M> void first(M &mu) {
  mu.lock();
  // CHECK: sort-order.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: acquiring mutex 'mu'
  mu.lock();
  mu.unlock();
  mu.unlock();
}
struct S {
  std::mutex member;
  void g();
};
void S::g() {
  member.lock();
  // CHECK: sort-order.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: acquiring mutex 'member'
  member.lock();
  member.unlock();
  member.unlock();
}
void z() {
  last_m.lock();
  // CHECK: sort-order.cpp:[[@LINE+1]]:{{[0-9]+}}: warning: acquiring mutex 'last_m'
  last_m.lock();
  last_m.unlock();
  last_m.unlock();
  first(m);
}
