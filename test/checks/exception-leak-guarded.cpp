// RUN: %lockcheck_cxx -std=c++20 -Xclang -verify %s
// RUN: %if libcxx %{ %lockcheck_cxx %libcxx -std=c++20 -Xclang -verify %s %}
//
// A standard exception that reports a precondition the code tested on the
// way to the call cannot be thrown there: `o.value()` under `o.has_value()`,
// `f()` after `if (!f) return;`, `v.at(i)` in `for (i = 0; i < v.size(); ++i)`,
// `s.substr(1)` under `s.size() >= 2`, `m.at(k)` under `m.count(k)`. A test
// of another object, a change in between, a test that does not cover the
// index, or a jump past the test leaves the exception possible.
#include <cassert>
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

std::mutex m;
int counter;
void log_line(const char *);

// --- Ruled out: no warning ---------------------------------------------------
// Each locks by hand: an exception would leave the lock held.

void optional_ternary(std::optional<int> o) {
  m.lock();
  counter = o.has_value() ? o.value() : 0;
  m.unlock();
}

void optional_if_bool(const std::optional<int> &o) {
  m.lock();
  if (o)
    counter = o.value();
  if (o != std::nullopt && counter > 0)
    counter += o.value();
  if (!o.has_value() || counter < 0) {
    m.unlock();
    return;
  }
  counter -= o.value();
  m.unlock();
}

void optional_early_return(std::optional<std::string> name) {
  m.lock();
  if (!name.has_value()) {
    log_line("no name");
    m.unlock();
    return;
  }
  log_line("named");
  counter = static_cast<int>(name.value().size());
  m.unlock();
}

struct Callbacks {
  std::function<int(int)> on_item;
  std::optional<int> limit;
  std::mutex mu;

  int run(int x) {
    mu.lock();
    if (!on_item) {
      mu.unlock();
      return 0;
    }
    int r = on_item(x);
    mu.unlock();
    return r;
  }
  int run_checked(int x) {
    mu.lock();
    int r = on_item != nullptr ? on_item(x) : x;
    mu.unlock();
    return r;
  }
  int capped(int x) {
    mu.lock();
    if (limit.has_value() && x > limit.value())
      x = limit.value();
    mu.unlock();
    return x;
  }
};

// The test is in a callee: its summary throws nothing.
int pick(std::optional<int> o) { return o.has_value() ? std::move(o.value()) : -1; }
void through_callee(std::optional<int> o) {
  m.lock();
  counter = pick(o);
  m.unlock();
}

void index_loop(const std::vector<int> &v) {
  m.lock();
  for (std::size_t i = 0; i < v.size(); ++i)
    counter += v.at(i);
  std::size_t j = 0;
  while (j < v.size()) {
    counter += v.at(j);
    ++j;
  }
  m.unlock();
}

void constant_positions(const std::string &s) {
  m.lock();
  const std::size_t brackets = 2;
  if (s.size() >= brackets && s[0] == '[')
    counter = static_cast<int>(s.substr(1, s.size() - brackets).size());
  if (s.empty()) {
    m.unlock();
    return;
  }
  counter += s.at(0);
  m.unlock();
}

void aborts_unless_engaged(std::optional<int> o) {
  m.lock();
  if (!o)
    std::abort();
  counter = o.value();
  m.unlock();
}

void asserted(std::optional<int> o) {
  m.lock();
  assert(o.has_value());
  counter = o.value();
  m.unlock();
}

// Between the test and the call: other asserts (whose failure never returns)
// and library calls on other members change nothing.
struct Compactor {
  std::optional<int> earliest_;
  std::vector<std::vector<int>> levels_;
  const int *limit_;
  void filter() {
    m.lock();
    assert(earliest_.has_value());
    assert(limit_ != nullptr);
    int first = levels_[0].empty() ? 0 : levels_[0].front();
    counter = first + earliest_.value();
    m.unlock();
  }
  // A library call given code to run may change anything the code reaches.
  void filter_sorted(bool (*before)(int, int)) {
    m.lock(); // expected-note {{mutex 'm' acquired here}}
    if (!earliest_.has_value()) {
      m.unlock();
      return;
    }
    std::sort(levels_[0].begin(), levels_[0].end(), before);
    counter = earliest_.value(); // expected-warning {{mutex 'm' stays locked if 'value' throws}}
    m.unlock();
  }
};

void map_lookup(const std::map<std::string, int> &table, const std::string &key) {
  m.lock();
  if (table.count(key))
    counter = table.at(key);
  if (table.find(key) != table.end())
    counter += table.at(key);
  m.unlock();
}

// The test is a one-line predicate: what it returns is the test.
struct ReadOptions {
  const std::function<bool(int)> *filter = nullptr;
};
inline bool has_filter(const ReadOptions &o) { return o.filter != nullptr && *o.filter; }
struct Table {
  std::function<void()> on_close;
  std::mutex mu;
  bool closable() const { return static_cast<bool>(on_close); }
  void close() {
    mu.lock();
    if (closable())
      on_close();
    mu.unlock();
  }
};
void predicate(const ReadOptions &options) {
  m.lock();
  if (has_filter(options) && !(*options.filter)(counter))
    counter = 0;
  m.unlock();
}

// --- Still possible: warnings ------------------------------------------------

void optional_untested(std::optional<int> o) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = o.value(); // expected-warning {{mutex 'm' stays locked if 'value' throws}}
  m.unlock();
}

void optional_other_object(std::optional<int> a, std::optional<int> b) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = a.has_value() ? b.value() : 0; // expected-warning {{mutex 'm' stays locked if 'value' throws}}
  m.unlock();
}

void optional_wrong_branch(std::optional<int> o) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  counter = o.has_value() ? 0 : o.value(); // expected-warning {{mutex 'm' stays locked if 'value' throws}}
  m.unlock();
}

void optional_reset_between(std::optional<int> o) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  if (o.has_value()) {
    o.reset();
    counter = o.value(); // expected-warning {{mutex 'm' stays locked if 'value' throws}}
  }
  m.unlock();
}

struct Holder {
  std::optional<int> cached;
  void refresh();
  std::mutex mu;
  int get() {
    mu.lock(); // expected-note {{mutex 'mu' acquired here}}
    if (!cached)
      return mu.unlock(), 0;
    refresh(); // may empty `cached`
    int v = cached.value(); // expected-warning {{mutex 'mu' stays locked if 'value' throws}}
    mu.unlock();
    return v;
  }
};

void index_off_by_one(const std::vector<int> &v) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  for (std::size_t i = 0; i <= v.size(); ++i)
    counter += v.at(i); // expected-warning {{mutex 'm' stays locked if 'at' throws}}
  m.unlock();
}

void index_changed_in_body(const std::vector<int> &v) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  for (std::size_t i = 0; i < v.size(); ++i) {
    ++i;
    counter += v.at(i); // expected-warning {{mutex 'm' stays locked if 'at' throws}}
  }
  m.unlock();
}

void constant_too_far(const std::string &s) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  if (!s.empty())
    counter = s.at(1); // expected-warning {{mutex 'm' stays locked if 'at' throws}}
  m.unlock();
}

void map_other_key(const std::map<std::string, int> &table, const std::string &a,
                   const std::string &b) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  if (table.count(a))
    counter = table.at(b); // expected-warning {{mutex 'm' stays locked if 'at' throws}}
  m.unlock();
}

void jumped_past(std::optional<int> o, int k) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  switch (k) {
  case 0:
    if (!o)
      break;
    [[fallthrough]];
  case 1:
    counter = o.value(); // expected-warning {{mutex 'm' stays locked if 'value' throws}}
  }
  m.unlock();
}

bool unrelated(const ReadOptions &o) { return o.filter != nullptr; }
void predicate_of_something_else(const ReadOptions &options) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  if (unrelated(options) && (*options.filter)(counter)) // expected-warning {{mutex 'm' stays locked if 'filter' throws}}
    counter = 0;
  m.unlock();
}

void function_untested(const std::function<void()> &f) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  if (counter)
    f(); // expected-warning {{mutex 'm' stays locked if 'f' throws}}
  m.unlock();
}

// <cassert> again with NDEBUG: the assertion is gone from the code, but it
// still states the author's invariant, read back from its text.
#define NDEBUG
#include <cassert>
struct Cache {
  std::optional<int> snapshot_;
  std::vector<int> slots_;
  std::map<std::string, int> index_;
  void refresh();

  void asserted_member() {
    m.lock();
    assert(snapshot_.has_value());
    counter = snapshot_.value();
    m.unlock();
  }
  void asserted_this_member(std::size_t i) {
    m.lock();
    assert((i < this->slots_.size()) && counter >= 0);
    counter = slots_.at(i);
    m.unlock();
  }
  void asserted_key(const std::string &k) {
    m.lock();
    assert(counter >= 0 && index_.count(k));
    counter = this->index_.at(k);
    m.unlock();
  }
  void asserted_then_refreshed() {
    m.lock(); // expected-note {{mutex 'm' acquired here}}
    assert(snapshot_.has_value());
    refresh();
    counter = snapshot_.value(); // expected-warning {{mutex 'm' stays locked if 'value' throws}}
    m.unlock();
  }
};

void assert_compiled_out(std::optional<int> o) {
  m.lock();
  assert(o.has_value());
  counter = o.value();
  m.unlock();
}

void assert_compiled_out_function(const std::function<void()> &f) {
  m.lock();
  assert(f != nullptr);
  f();
  m.unlock();
}

void assert_compiled_out_other(std::optional<int> o, std::optional<int> p) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  assert(p.has_value());
  counter = o.value(); // expected-warning {{mutex 'm' stays locked if 'value' throws}}
  m.unlock();
}

void assert_compiled_out_either(std::optional<int> o, bool fallback) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  assert(fallback || o.has_value());
  counter = o.value(); // expected-warning {{mutex 'm' stays locked if 'value' throws}}
  m.unlock();
}

void assert_compiled_out_wrong_bound(const std::vector<int> &v, std::size_t i) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  assert(i <= v.size());
  counter = v.at(i); // expected-warning {{mutex 'm' stays locked if 'at' throws}}
  m.unlock();
}

void assert_compiled_out_changed(std::optional<int> o) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  assert(o.has_value());
  o.reset();
  counter = o.value(); // expected-warning {{mutex 'm' stays locked if 'value' throws}}
  m.unlock();
}

// Only `assert` is read: another macro that compiles to nothing may not
// mean the same.
#define CHECK_QUIETLY(c) ((void)0)
void other_macro(std::optional<int> o) {
  m.lock(); // expected-note {{mutex 'm' acquired here}}
  CHECK_QUIETLY(o.has_value());
  counter = o.value(); // expected-warning {{mutex 'm' stays locked if 'value' throws}}
  m.unlock();
}
