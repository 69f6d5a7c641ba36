// RUN: %lockcheck_cxx -Xclang -verify %s
//
// A flag parameter that selects what a function does with a lock: a call
// passing a constant gets the summary of the function with that value
// (ParamSpecialisation.h), so `writeOptions(true)` under the lock is not a
// second acquisition, while `writeOptions(false)` is. A call passing an
// unknown value keeps the summary of every value.
#include <mutex>

bool cond() noexcept;

struct Options {
  std::mutex mu;
  int version = 0;

  // Takes `mu` itself unless the caller says it holds it.
  void write(bool already_held) noexcept {
    if (!already_held)
      mu.lock(); // expected-note 2 {{'write' acquires 'mu' here}}
    ++version;
    if (!already_held)
      mu.unlock();
  }
  // The same with the test the other way round and an early return.
  int read(bool is_locked) noexcept {
    if (is_locked)
      return version;
    std::lock_guard<std::mutex> g(mu); // expected-note {{'read' acquires 'mu' here}}
    return version;
  }

  void setHeld() noexcept {
    std::lock_guard<std::mutex> g(mu);
    write(true);
    read(true);
  }
  void setHeldBug() noexcept {
    std::lock_guard<std::mutex> g(mu); // expected-note {{mutex 'mu' acquired here}}
    write(false); // expected-warning {{calling 'write' acquires mutex 'mu' that is already held}}
  }
  int readHeldBug() noexcept {
    std::lock_guard<std::mutex> g(mu); // expected-note {{mutex 'mu' acquired here}}
    return read(0); // expected-warning {{calling 'read' acquires mutex 'mu' that is already held}}
  }
  void setUnknown(bool b) noexcept {
    std::lock_guard<std::mutex> g(mu); // expected-note {{mutex 'mu' acquired here}}
    write(b); // expected-warning {{calling 'write' acquires mutex 'mu' that is already held}}
  }
  void setUnlocked() noexcept { write(false); }
};

// An integer flag compared with a constant, through a chain of calls: the
// constant is passed two calls down from the function that holds the lock.
std::mutex conn_lock;
int accepting;
void accept_conns(bool on) noexcept;

void reschedule() noexcept;
void handler(int fd) noexcept {
  if (fd == -42)
    reschedule();
  else
    accept_conns(true); // expected-note {{'handler' calls 'accept_conns' here}}
}
void do_accept(bool on) noexcept {
  accepting = on;
  if (!on)
    handler(-42);
}
void accept_conns(bool on) noexcept {
  conn_lock.lock(); // expected-note {{'accept_conns' acquires 'conn_lock' here}}
  do_accept(on);
  conn_lock.unlock();
}
void poll_conns() noexcept {
  conn_lock.lock(); // expected-note {{mutex 'conn_lock' acquired here}}
  handler(7); // expected-warning {{calling 'handler' acquires mutex 'conn_lock' that is already held}}
  conn_lock.unlock();
}
