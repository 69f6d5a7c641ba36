// RUN: %lockcheck_cxx -std=c++20 -Xclang -verify %s
//
// lockcheck-exception-leak reports an exception path only where an
// exception is known to be possible: a `throw` in a body it can read
// (through any number of calls), and standard library calls documented to
// throw something other than std::bad_alloc. Calls without a body and
// allocation failure count only when configured (exception-leak-options.cpp).
// Handlers are matched by type. exception-leak.cpp has the basic shapes.
#include <any>
#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>
#include <tuple>
#include <variant>
#include <vector>
#include <algorithm>

std::mutex m;
std::vector<int> items;
std::map<std::string, int> table;
std::string text;
int counter;

void declared_only(int);            // no body anywhere: may not throw
struct Widget {
  virtual void draw();               // no body, no overrider here
  virtual ~Widget();
};

struct Oops {};                      // not a std::exception
struct Base {};
struct Derived : Base {};

void fail_oops() { throw Oops(); }
void fail_runtime() { throw std::runtime_error("x"); }
void fail_invalid() { throw std::invalid_argument("x"); }
void fail_derived() { throw Derived(); }
void fail_base() { throw Base(); }
int quiet(int x) { return x + 1; }

//===----------------------------------------------------------------------===//
// The old noise: calls that are not known to throw.
//===----------------------------------------------------------------------===//

// A function declared here, defined nowhere in sight.
void opaque_call() {
  m.lock();
  declared_only(1);
  m.unlock();
}

// Allocation failure: containers, strings, new.
void allocation(const std::string &s) {
  m.lock();
  items.push_back(1);
  text += s;
  table[s] = 2;
  int *p = new int(3);
  m.unlock();
  delete p;
}

// Calls through pointers and std::function targets nobody can see... except
// that calling an empty std::function throws std::bad_function_call (below).
void through_pointer(void (*cb)(int)) {
  m.lock();
  cb(1);
  m.unlock();
}

// A virtual call with no body to read and no overrider in this file.
void virtual_unseen(Widget &w) {
  m.lock();
  w.draw();
  m.unlock();
}

// Functions whose bodies do not throw, however deep.
int level3(int x) { return quiet(x) * 2; }
int level2(int x) { return level3(x) + quiet(x); }
int level1(int x) { return level2(x); }
void deep_quiet() {
  m.lock();
  counter = level1(counter);
  m.unlock();
}

// Recursion that never throws.
int even(int n);
int odd(int n) { return n == 0 ? 0 : even(n - 1); }
int even(int n) { return n == 0 ? 1 : odd(n - 1); }
void recursive_quiet() {
  m.lock();
  counter = even(counter);
  m.unlock();
}

// A callee that catches everything it throws.
void contained() {
  try {
    fail_runtime();
  } catch (const std::exception &) {
  }
}
void calls_contained() {
  m.lock();
  contained();
  m.unlock();
}

// Standard library calls that are documented not to throw anything but
// std::bad_alloc, or not at all in these forms.
void quiet_library(std::any &a, std::tuple<int, int> &t, const std::filesystem::path &p) {
  std::error_code ec;
  m.lock();
  std::string head = text.substr(0, 3);  // position 0 is never out of range
  std::size_t colon = text.find("://");
  std::string rest = text.substr(colon + 3); // a position from a search (npos tested in real code)
  std::string ext = text.substr(text.rfind('.') + 1);
  text.erase(0, 1);
  int *ip = std::any_cast<int>(&a);      // a pointer: null instead of a throw
  int first = std::get<0>(t);            // checked at compile time
  bool there = std::filesystem::exists(p, ec); // reports to ec
  std::sort(items.begin(), items.end(), [](int x, int y) { return x < y; });
  std::vector<int>::iterator it = std::find(items.begin(), items.end(), 3);
  items.reserve(items.size() + 1);      // std::length_error only past max_size()
  m.unlock();
  (void)head; (void)ip; (void)first; (void)there; (void)it;
}

// C functions and extern "C" declarations never throw.
extern "C" void c_callback(int);
extern "C" void c_defined(int x) { if (x) throw 1; }
void c_calls() {
  m.lock();
  c_callback(1);
  c_defined(0);
  m.unlock();
}

// Evaluated at compile time, or not at all.
constexpr int checked(int x) {
  if (x < 0)
    throw std::invalid_argument("negative");
  return x;
}
consteval int squared(int x) {
  if (x > 1000)
    throw std::out_of_range("big");
  return x * x;
}
void compile_time() {
  m.lock();
  constexpr int k = checked(3);
  static constexpr int s = checked(4);
  int q = squared(5);
  auto size = sizeof(fail_runtime(), 1);
  bool nothrow = noexcept(fail_runtime());
  using T = decltype(fail_runtime());
  counter = k + s + q + static_cast<int>(size) + nothrow;
  m.unlock();
}

// if constexpr: the branch not taken does not exist.
template <bool Strict> void maybe_strict(int x) {
  m.lock();
  if constexpr (Strict) {
    if (x < 0)
      throw std::invalid_argument("negative");
  }
  counter = x;
  m.unlock();
}
template void maybe_strict<false>(int);

// A handler for a base class catches the derived class.
void base_handler() {
  m.lock();
  try {
    fail_derived();
  } catch (const Base &) {
  }
  m.unlock();
}

// A std::exception handler catches every standard exception.
void std_handler(const std::string &s, const std::vector<int> &v) {
  m.lock();
  try {
    counter = std::stoi(s) + v.at(2);
    fail_invalid();
  } catch (const std::exception &) {
    counter = 0;
  }
  m.unlock();
}

// Handlers in order: each takes what it matches.
void handlers_in_order(const std::string &s) {
  m.lock();
  try {
    counter = std::stoi(s);
  } catch (const std::invalid_argument &) {
    counter = -1;
  } catch (const std::out_of_range &) {
    counter = -2;
  }
  m.unlock();
}

// A pointer and a literal are caught by their types.
void literal_handlers(int k) {
  m.lock();
  try {
    if (k == 1)
      throw "bad";
    if (k == 2)
      throw 42;
    if (k == 3)
      throw new Derived();
  } catch (const char *) {
  } catch (int) {
  } catch (Base *) {
  }
  m.unlock();
}

// A lambda that cannot throw, passed to an algorithm.
void algorithm_quiet() {
  m.lock();
  std::for_each(items.begin(), items.end(), [](int &x) { x = quiet(x); });
  m.unlock();
}

// A thread's function runs elsewhere: its throw is not this function's.
void thread_function_throws() {
  std::thread t([] { fail_runtime(); });
  m.lock();
  ++counter;
  m.unlock();
  t.join();
}

//===----------------------------------------------------------------------===//
// Exceptions that can really happen.
//===----------------------------------------------------------------------===//

// A throw three calls down.
void down3() { fail_oops(); }
void down2() { down3(); }
void down1() { down2(); }
void deep_throw() {
  m.lock(); // expected-note {{mutex 'm' acquired here; a lock guard (std::lock_guard, std::scoped_lock) would release it during unwinding}}
  down1(); // expected-warning {{mutex 'm' stays locked if 'down1' throws 'Oops' (from 'fail_oops') [lockcheck-exception-leak]}}
  m.unlock();
}

// Recursion that throws at the bottom.
int countdown(int n) {
  if (n < 0)
    throw std::domain_error("negative");
  return n == 0 ? 0 : countdown(n - 1);
}
int ping(int n);
int pong(int n) { return n > 100 ? throw Oops() : ping(n + 1); }
int ping(int n) { return n == 0 ? 0 : pong(n); }
void recursive_throw() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = countdown(counter); // expected-warning {{mutex 'm' stays locked if 'countdown' throws}}
  m.unlock();
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = ping(counter); // expected-warning {{mutex 'm' stays locked if 'ping' throws}}
  m.unlock();
}

// Documented standard library throws.
void conversions(const std::string &s) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = std::stoi(s); // expected-warning {{mutex 'm' stays locked if 'stoi' throws}}
  m.unlock();
}
void element_access(const std::vector<int> &v) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = v.at(3); // expected-warning {{mutex 'm' stays locked if 'at' throws}}
  m.unlock();
}
void map_access(const std::string &key) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = table.at(key); // expected-warning {{mutex 'm' stays locked if 'at' throws}}
  m.unlock();
}
void string_position(std::size_t from) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  std::string tail = text.substr(from); // expected-warning {{mutex 'm' stays locked if 'substr' throws}}
  m.unlock();
}
void empty_function(const std::function<void()> &f) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  f(); // expected-warning {{mutex 'm' stays locked if 'f' throws}}
  m.unlock();
}
void future_get(std::future<int> &fut) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = fut.get(); // expected-warning {{mutex 'm' stays locked if 'get' throws}}
  m.unlock();
}
void optional_value(const std::optional<int> &o) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = o.value(); // expected-warning {{mutex 'm' stays locked if 'value' throws}}
  m.unlock();
}
void any_cast_value(const std::any &a) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = std::any_cast<int>(a); // expected-warning {{mutex 'm' stays locked if 'any_cast' throws}}
  m.unlock();
}
void variant_get(const std::variant<int, long> &v) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = std::get<int>(v); // expected-warning {{mutex 'm' stays locked if 'get' throws}}
  m.unlock();
}
void filesystem_call(const std::filesystem::path &p) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  bool there = std::filesystem::exists(p); // expected-warning {{mutex 'm' stays locked if 'exists' throws}}
  m.unlock();
  (void)there;
}
void regex_call(const std::string &s, const std::regex &re) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  bool hit = std::regex_match(s, re); // expected-warning {{mutex 'm' stays locked if 'regex_match' throws}}
  m.unlock();
  (void)hit;
}
// Starting a thread fails only when the system is out of threads or memory:
// like std::bad_alloc, counted with `allocation` (exception-leak-options.cpp).
void thread_start() {
  m.lock();
  std::thread t([] {});
  m.unlock();
  t.join();
}
// join() and detach() throw only when misused (a thread that is not
// joinable, or joining itself), like locking a held mutex: not counted.
void thread_join_held(std::thread &t) {
  m.lock();
  t.join();
  t.detach();
  m.unlock();
}

// A constructor that throws is a throwing point like a call.
struct Parsed {
  explicit Parsed(int x) {
    if (x < 0)
      throw std::invalid_argument("negative");
  }
};
void construct_throws(int x) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  Parsed p(x); // expected-warning {{mutex 'm' stays locked if 'Parsed' throws}}
  m.unlock();
}

// dynamic_cast to a reference throws std::bad_cast.
struct Shape { virtual ~Shape() = default; };
struct Circle : Shape {};
void cast_ref(Shape &s) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  Circle &c = dynamic_cast<Circle &>(s); // expected-warning {{mutex 'm' stays locked if 'dynamic_cast' throws}}
  m.unlock();
  (void)c;
}

// A lambda that throws, run by an algorithm.
void algorithm_throws() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  std::for_each(items.begin(), items.end(), [](int x) { if (x < 0) fail_oops(); }); // expected-warning {{mutex 'm' stays locked if 'for_each' throws}}
  m.unlock();
}

// A virtual call reaches an overrider here that throws.
struct Task {
  virtual void run() {}
  virtual ~Task() = default;
};
struct FailingTask : Task {
  void run() override { fail_runtime(); }
};
void run_task(Task &t) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  t.run(); // expected-warning {{mutex 'm' stays locked if 'run' throws}}
  m.unlock();
}

//===----------------------------------------------------------------------===//
// Handlers matched by type.
//===----------------------------------------------------------------------===//

// A handler for std::length_error does not stop std::runtime_error.
void wrong_std_handler() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  try {
    fail_runtime(); // expected-warning {{mutex 'm' stays locked if 'fail_runtime' throws}}
  } catch (const std::length_error &) {
    counter = 0;
  }
  m.unlock();
}

// A std::exception handler does not stop an exception of another hierarchy.
void std_handler_user_type() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  try {
    fail_oops(); // expected-warning {{mutex 'm' stays locked if 'fail_oops' throws}}
  } catch (const std::exception &) {
    counter = 0;
  }
  m.unlock();
}

// A handler for the derived class does not catch the base class.
void derived_handler() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  try {
    fail_base(); // expected-warning {{mutex 'm' stays locked if 'fail_base' throws}}
  } catch (const Derived &) {
  }
  m.unlock();
}

// std::stoi throws two types; this handler takes only one.
void partial_handler(const std::string &s) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  try {
    counter = std::stoi(s); // expected-warning {{mutex 'm' stays locked if 'stoi' throws}}
  } catch (const std::invalid_argument &) {
    counter = -1;
  }
  m.unlock();
}

// A rethrow in a typed handler carries on what the handler caught.
void typed_rethrow() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  try {
    fail_invalid();
  } catch (const std::logic_error &) {
    counter = -1;
    throw; // expected-warning {{mutex 'm' stays locked when this exception leaves 'typed_rethrow'}}
  }
  m.unlock();
}

// ... and is caught further out by type.
void rethrow_caught_outside() {
  m.lock();
  try {
    try {
      fail_invalid();
    } catch (const std::invalid_argument &) {
      throw;
    }
  } catch (const std::logic_error &) {
    counter = -1;
  }
  m.unlock();
}

// A callee that catches only part of what it throws passes the rest on.
void partly_contained() {
  try {
    fail_runtime();
    fail_invalid();
  } catch (const std::logic_error &) {
  }
}
void calls_partly_contained() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  partly_contained(); // expected-warning {{mutex 'm' stays locked if 'partly_contained' throws}}
  m.unlock();
}
