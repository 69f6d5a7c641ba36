// RUN: %lockcheck_cxx -std=c++20 -Xclang -verify %s
// RUN: %if libcxx %{ %lockcheck_cxx %libcxx -std=c++20 -Xclang -verify %s %}
//
// Calling an empty std::function throws std::bad_function_call. A `const`
// member that every constructor sets to a target cannot be empty: it cannot
// be reassigned, and every object got one when it was made (an empty one
// handed to the constructor is its caller's error). A member that can be
// reassigned, that a constructor leaves empty or sets to nullptr, whose
// constructor is defined out of sight, or whose class has no constructor of
// its own (an aggregate, which `{}` builds without it) may be empty.
#include <cstddef>
#include <functional>
#include <mutex>
#include <utility>

std::mutex m;
int counter;

// --- Set by every constructor: no warning ------------------------------------

class FromParameter {
  const std::function<int(int)> size_of_;
public:
  explicit FromParameter(std::function<int(int)> f) : size_of_(std::move(f)) {}
  void update(int cf) {
    m.lock();
    counter += size_of_(cf);
    m.unlock();
  }
};

// A class template over the callable type, with an empty in-class default
// that its only constructor overrides.
template <typename SizeFn> class Updater {
public:
  Updater(int start, SizeFn &&fn) : next_(start), size_fn_(std::move(fn)) {}
  int update(int cf) {
    m.lock();
    int n = size_fn_(cf) + next_++;
    m.unlock();
    return n;
  }
private:
  int next_;
  const SizeFn size_fn_{};
};
int use_updater(std::function<int(int)> fn) {
  Updater<std::function<int(int)>> u(1, std::move(fn));
  return u.update(2);
}

class TwoWays {
  const std::function<void()> on_done_;
public:
  TwoWays() : on_done_([] {}) {}
  explicit TwoWays(void (*fn)()) : on_done_(fn) {}
  TwoWays(int, int) : TwoWays() {} // delegates
  void finish() {
    m.lock();
    on_done_();
    m.unlock();
  }
};

class InClassLambda {
  const std::function<void()> tick_ = [] { ++counter; };
public:
  explicit InClassLambda(int) {}
  InClassLambda() = default;
  void run() {
    m.lock();
    tick_();
    m.unlock();
  }
};

// --- May be empty: warnings ------------------------------------------------

class Reassignable {
  std::function<void()> cb_; // not const: may be reset after construction
public:
  explicit Reassignable(std::function<void()> cb) : cb_(std::move(cb)) {}
  void reset() { cb_ = nullptr; }
  void fire() {
    m.lock(); // expected-note {{mutex 'm' acquired here}}
    cb_(); // expected-warning {{mutex 'm' stays locked if 'cb_' throws 'std::bad_function_call'}}
    m.unlock();
  }
};

class OneConstructorLeavesIt {
  const std::function<void()> cb_;
public:
  explicit OneConstructorLeavesIt(std::function<void()> cb) : cb_(std::move(cb)) {}
  OneConstructorLeavesIt() {} // empty
  void fire() {
    m.lock(); // expected-note {{mutex 'm' acquired here}}
    cb_(); // expected-warning {{mutex 'm' stays locked if 'cb_' throws 'std::bad_function_call'}}
    m.unlock();
  }
};

class SetToNull {
  const std::function<void()> cb_;
public:
  explicit SetToNull(int) : cb_(nullptr) {}
  void fire() {
    m.lock(); // expected-note {{mutex 'm' acquired here}}
    cb_(); // expected-warning {{mutex 'm' stays locked if 'cb_' throws 'std::bad_function_call'}}
    m.unlock();
  }
};

class DefinedElsewhere {
  const std::function<void()> cb_;
public:
  explicit DefinedElsewhere(int); // in another file: what it sets is not known
  void fire() {
    m.lock(); // expected-note {{mutex 'm' acquired here}}
    cb_(); // expected-warning {{mutex 'm' stays locked if 'cb_' throws 'std::bad_function_call'}}
    m.unlock();
  }
};

struct Aggregate {
  const std::function<void()> cb;
  void fire() const {
    m.lock(); // expected-note {{mutex 'm' acquired here}}
    cb(); // expected-warning {{mutex 'm' stays locked if 'cb' throws 'std::bad_function_call'}}
    m.unlock();
  }
};
void use_aggregate() { Aggregate{}.fire(); }

class EmptyDefaultKept {
  const std::function<void()> cb_{};
public:
  EmptyDefaultKept() = default;
  void fire() {
    m.lock(); // expected-note {{mutex 'm' acquired here}}
    cb_(); // expected-warning {{mutex 'm' stays locked if 'cb_' throws 'std::bad_function_call'}}
    m.unlock();
  }
};

// A std::function parameter is not a member: whether it is empty is not known.
void parameter(const std::function<void()> &f) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  f(); // expected-warning {{mutex 'm' stays locked if 'f' throws 'std::bad_function_call'}}
  m.unlock();
}
