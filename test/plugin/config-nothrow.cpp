// nothrow names functions assumed not to throw, so calling them while holding
// a manually taken lock is no exception leak: functions without a body (which
// count only with `exception-leak: {opaque-calls: true}`, set in both files
// here) and functions whose body would throw alike.
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/opaque-calls.yaml -Xclang -verify=throws %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/nothrow.yaml -Xclang -verify=nothrow %s
// nothrow-no-diagnostics

#include <mutex>
std::mutex m;
void log_message(const char *);
namespace util {
void trace();
}
struct Full {};
void log_full(bool full) {
  if (full)
    throw Full();
}

void logs() {
  m.lock(); // throws-note {{mutex 'm' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  log_message("x"); // throws-warning {{mutex 'm' stays locked if 'log_message' throws [lockcheck-exception-leak]}}
  m.unlock();
}

void traces() {
  m.lock(); // throws-note {{mutex 'm' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  util::trace(); // throws-warning {{mutex 'm' stays locked if 'trace' throws [lockcheck-exception-leak]}}
  m.unlock();
}

void logs_full() {
  m.lock(); // throws-note {{mutex 'm' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  log_full(true); // throws-warning {{mutex 'm' stays locked if 'log_full' throws 'Full' [lockcheck-exception-leak]}}
  m.unlock();
}
