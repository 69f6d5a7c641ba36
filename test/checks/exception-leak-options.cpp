// RUN: %lockcheck_cxx -Xclang -verify %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/opaque-calls.yaml -Xclang -verify=expected,opaque %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/allocation.yaml -Xclang -verify=expected,alloc %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/opaque-calls-and-allocation.yaml -Xclang -verify=expected,opaque,alloc %s
//
// The exception-leak options of .lockcheck.yaml:
//   exception-leak: {opaque-calls: true}   a call with no body to read (declared
//     only, through a pointer, a virtual call's unseen overriders, a
//     std::function's target) may throw anything;
//   exception-leak: {allocation: true}     `new` and standard library calls
//     not declared noexcept may throw std::bad_alloc.
// Without them (the default) these calls are not exception paths. Only
// `expected` findings are reported whatever the options; -fno-exceptions
// means no exception paths at all, options or not (exception-leak-noexcept.cpp).
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <stdexcept>
#include <thread>
#include <string>
#include <variant>
#include <vector>

std::mutex m;
std::vector<int> items;
std::map<int, std::string> names;
std::string text;
int counter;

void declared_only(int);
void log_line(const char *) noexcept;
extern "C" void c_function(int);
struct Plugin {
  virtual void run(); // defined elsewhere, overriders elsewhere
  virtual ~Plugin();
};
void relay(int x) { declared_only(x); } // throws what declared_only throws

//===----------------------------------------------------------------------===//
// Calls with no body to read.
//===----------------------------------------------------------------------===//

void opaque_call() {
  m.lock(); // opaque-note {{mutex 'm' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  declared_only(1); // opaque-warning {{mutex 'm' stays locked if 'declared_only' throws [lockcheck-exception-leak]}}
  m.unlock();
}

void through_pointer(void (*cb)(int)) {
  m.lock(); // opaque-note {{mutex 'm' acquired here}}
  cb(1); // opaque-warning {{mutex 'm' stays locked if 'cb' throws}}
  m.unlock();
}

void virtual_call(Plugin &p) {
  m.lock(); // opaque-note {{mutex 'm' acquired here}}
  p.run(); // opaque-warning {{mutex 'm' stays locked if 'run' throws}}
  m.unlock();
}

// Through a body that calls one.
void through_relay() {
  m.lock(); // opaque-note {{mutex 'm' acquired here}}
  relay(2); // opaque-warning {{mutex 'm' stays locked if 'relay' throws}}
  m.unlock();
}

// An exception of unknown type may or may not be a std::exception.
void typed_handler() {
  m.lock(); // opaque-note {{mutex 'm' acquired here}}
  try {
    declared_only(3); // opaque-warning {{mutex 'm' stays locked if 'declared_only' throws}}
  } catch (const std::exception &) {
    m.unlock();
    throw;
  }
  m.unlock();
}

// Calling an empty std::function throws std::bad_function_call whatever the
// options (its target's exceptions count with opaque-calls).
void std_function(const std::function<void()> &f) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  f(); // expected-warning {{mutex 'm' stays locked if 'f' throws}}
  m.unlock();
}

// Never throwing, whatever the options.
void never_throws() {
  m.lock();
  log_line("x");
  c_function(1);
  m.unlock();
}

// A catch-all handler that releases.
void catch_all() {
  m.lock();
  try {
    declared_only(4);
  } catch (...) {
    m.unlock();
    throw;
  }
  m.unlock();
}

//===----------------------------------------------------------------------===//
// Allocation failure.
//===----------------------------------------------------------------------===//

void container_growth() {
  m.lock(); // alloc-note {{mutex 'm' acquired here}}
  items.push_back(1); // alloc-warning {{mutex 'm' stays locked if 'push_back' throws}}
  m.unlock();
}

void string_append(const std::string &s) {
  m.lock(); // alloc-note {{mutex 'm' acquired here}}
  text += s; // alloc-warning {{mutex 'm' stays locked if 'operator+=' throws}}
  m.unlock();
}

void map_insert(int k) {
  m.lock(); // alloc-note {{mutex 'm' acquired here}}
  names[k] = "x"; // alloc-warning {{mutex 'm' stays locked if 'operator[]' throws}}
  m.unlock();
}

int *allocate() {
  m.lock(); // alloc-note {{mutex 'm' acquired here}}
  int *p = new int(1); // alloc-warning {{mutex 'm' stays locked if 'new' throws}}
  m.unlock();
  return p;
}

// A thread the system cannot start is resource exhaustion too.
void start_thread() {
  m.lock(); // alloc-note {{mutex 'm' acquired here}}
  std::thread t([] {}); // alloc-warning {{mutex 'm' stays locked if 'thread' throws}}
  m.unlock();
  t.join();
}

// std::length_error past max_size() is allocation failure too.
void capacity(std::size_t n) {
  m.lock(); // alloc-note {{mutex 'm' acquired here}}
  items.reserve(n); // alloc-warning {{mutex 'm' stays locked if 'reserve' throws}}
  m.unlock();
}
void capacity_caught(std::size_t n) {
  m.lock();
  try {
    items.reserve(n);
  } catch (const std::length_error &) {
  } catch (const std::bad_alloc &) {
  }
  m.unlock();
}

// std::visit throws only for a variant an exception left valueless while it
// changed its alternative (a failed allocation, in practice).
int visit_variant(const std::variant<int, std::string> &v) {
  m.lock(); // alloc-note {{mutex 'm' acquired here}}
  int n = std::visit([](const auto &x) { return static_cast<int>(sizeof(x)); }, v); // alloc-warning {{mutex 'm' stays locked if 'visit' throws}}
  m.unlock();
  return n;
}

// new (std::nothrow) returns null instead; placement new allocates nothing.
int *no_throw_new(void *buf) {
  m.lock();
  int *p = new (std::nothrow) int(1);
  int *q = new (buf) int(2);
  m.unlock();
  return p ? p : q;
}

// Handlers that take std::bad_alloc, and one that does not.
void bad_alloc_caught() {
  m.lock();
  try {
    items.push_back(2);
  } catch (const std::bad_alloc &) {
    m.unlock();
    throw;
  }
  m.unlock();
}
void bad_alloc_not_caught() {
  m.lock(); // alloc-note {{mutex 'm' acquired here}}
  try {
    items.push_back(3); // alloc-warning {{mutex 'm' stays locked if 'push_back' throws}}
  } catch (const std::length_error &) {
    m.unlock();
    throw;
  }
  m.unlock();
}

// Standard library calls declared noexcept never allocate-fail.
void noexcept_library() {
  m.lock();
  counter = static_cast<int>(items.size() + text.size());
  items.clear();
  m.unlock();
}
