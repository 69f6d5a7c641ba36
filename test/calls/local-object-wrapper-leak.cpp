// Gap: missing-unlock is excused for every lock of a class (here Session::m_)
// as soon as the TU has a release wrapper for that class (end()), even when
// the lock belongs to a local object and so cannot be handed to a caller:
// the object dies with its mutex locked. Calling begin() on a local session
// and never end() is not reported, nor is locking a local's mutex directly.
// RUN: %lockcheck_cxx -Xclang -verify %s
#include <mutex>

void work() noexcept;

class Session {
public:
  void begin() noexcept { m_.lock(); }
  void end() noexcept { m_.unlock(); }

private:
  std::mutex m_;
};

void local_session_leak() noexcept {
  Session s;
  s.begin(); // expected-note {{mutex 's.m_' acquired here}}
  work();
} // expected-warning {{mutex 's.m_' is still held at the end of 'local_session_leak' [lockcheck-missing-unlock]}}

struct Slot {
  std::mutex m;
  void release() noexcept { m.unlock(); }
};

void local_slot_leak() noexcept {
  Slot s;
  s.m.lock(); // expected-note {{mutex 's.m' acquired here}}
  work();
} // expected-warning {{mutex 's.m' is still held at the end of 'local_slot_leak' [lockcheck-missing-unlock]}}
