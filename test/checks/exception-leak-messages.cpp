// RUN: %lockcheck_cxx -Xclang -verify=expected,default %s
// RUN: %lockcheck_cxx -fplugin-arg-lockcheck-config=%S/Inputs/opaque-calls.yaml -Xclang -verify=expected,opaque %s
//
// At a call, lockcheck-exception-leak names what may leave it: the exception
// type (the first by name, "or others" when more may), and where it comes
// from when that is not the callee's own `throw`: a standard library
// function or `new` ("from 'vector::at'"), or the function further down that
// throws it ("from 'parse'", "from 'vector::at' in 'Table::lookup'"). Only
// what passes the handlers around the call is named. A call that may throw
// only something nobody can name (opaque-calls) says no type.
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

std::mutex m;
std::vector<int> items;
struct Failure {};
struct Derived : Failure {};

int parse(const std::string &s) {
  if (s.empty())
    throw std::invalid_argument("empty");
  return std::stoi(s);
}
int first() { return items.at(0); }
struct Table {
  std::vector<int> rows;
  int lookup(unsigned i) { return rows.at(i); }
};
int relay(Table &t) { return t.lookup(1); }
void fail() { throw Derived(); }
void fail_twice(bool b) {
  if (b)
    throw Failure();
  fail();
}
void declared_only();
void mixed(bool b) {
  if (b)
    throw std::runtime_error("x");
  declared_only();
}
struct Loader {
  Loader() { parse("1"); }
};

// The callee's own throw: just the type.
void own_throw(const std::string &s) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  parse(s); // expected-warning {{mutex 'm' stays locked if 'parse' throws 'std::invalid_argument' or others [lockcheck-exception-leak]}}
  m.unlock();
}

// A standard library call: the types its documentation names.
void library_call() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  items.at(3); // expected-warning {{mutex 'm' stays locked if 'at' throws 'std::out_of_range' [lockcheck-exception-leak]}}
  m.unlock();
}

// A library call in the callee.
void library_in_callee() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  first(); // expected-warning {{mutex 'm' stays locked if 'first' throws 'std::out_of_range' (from 'vector::at') [lockcheck-exception-leak]}}
  m.unlock();
}

// Further down: the function that calls it.
void library_further_down(Table &t) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  relay(t); // expected-warning {{mutex 'm' stays locked if 'relay' throws 'std::out_of_range' (from 'vector::at' in 'Table::lookup') [lockcheck-exception-leak]}}
  m.unlock();
}

// A user type thrown further down.
void throw_further_down() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  fail_twice(false); // expected-warning {{mutex 'm' stays locked if 'fail_twice' throws 'Derived' (from 'fail') or others [lockcheck-exception-leak]}}
  m.unlock();
}

// A handler takes some: the message names what passes it.
void past_handler(const std::string &s) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  try {
    parse(s); // expected-warning {{mutex 'm' stays locked if 'parse' throws 'std::out_of_range' (from 'stoi') [lockcheck-exception-leak]}}
  } catch (const std::invalid_argument &) {
  }
  m.unlock();
}
// A handler for the base takes both types: nothing leaves.
void past_base_handler() {
  m.lock();
  try {
    fail_twice(true);
  } catch (const Failure &) {
  }
  m.unlock();
}

// A constructor is named by its class.
void constructor() {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  Loader l; // expected-warning {{mutex 'm' stays locked if 'Loader' throws 'std::invalid_argument' (from 'parse') or others [lockcheck-exception-leak]}}
  m.unlock();
}

// With opaque calls: a known type and an unknown one, or no type at all.
void known_and_unknown(bool b) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  mixed(b); // default-warning {{mutex 'm' stays locked if 'mixed' throws 'std::runtime_error' [lockcheck-exception-leak]}} opaque-warning {{mutex 'm' stays locked if 'mixed' throws 'std::runtime_error' or others [lockcheck-exception-leak]}}
  m.unlock();
}
void nothing_to_name() {
  m.lock(); // opaque-note {{mutex 'm' acquired here}}
  declared_only(); // opaque-warning {{mutex 'm' stays locked if 'declared_only' throws [lockcheck-exception-leak]}}
  m.unlock();
}
