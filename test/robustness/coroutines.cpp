// C++20 coroutines with correct locking in their bodies: no crash, no
// diagnostic. The generator and task types are written here so the test does
// not depend on <generator> (C++23) being available.
// RUN: %lockcheck_cxx -fno-crash-diagnostics -Xclang -verify -std=c++20 %s
// RUN: %if libcxx %{ %lockcheck_cxx -fno-crash-diagnostics -Xclang -verify -std=c++20 %libcxx %s %}
// expected-no-diagnostics

#include <coroutine>
#include <exception>
#include <mutex>
#include <utility>

template <class T> class Generator {
public:
  struct promise_type {
    T value{};
    Generator get_return_object() {
      return Generator(std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T v) noexcept {
      value = std::move(v);
      return {};
    }
    void return_void() noexcept {}
    void unhandled_exception() { std::terminate(); }
  };

  explicit Generator(std::coroutine_handle<promise_type> h) : h_(h) {}
  Generator(Generator &&o) noexcept : h_(std::exchange(o.h_, {})) {}
  ~Generator() {
    if (h_)
      h_.destroy();
  }
  bool next() {
    h_.resume();
    return !h_.done();
  }
  const T &value() const { return h_.promise().value; }

private:
  std::coroutine_handle<promise_type> h_;
};

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_value(int) noexcept {}
    void unhandled_exception() noexcept {}
  };
};

std::mutex mu;
int shared_counter;

// A guard scoped to the part before each co_yield.
Generator<int> count_up(int n) {
  for (int i = 0; i < n; ++i) {
    int v;
    {
      std::lock_guard<std::mutex> lock(mu);
      v = shared_counter++;
    }
    co_yield v;
  }
}

// Manual lock/unlock with nothing that can throw in between, then a guard
// that lives across the rest of the coroutine.
Task add_twice(int n) {
  mu.lock();
  shared_counter += n;
  mu.unlock();
  co_await std::suspend_never{};
  std::scoped_lock lock(mu);
  shared_counter += n;
  co_return shared_counter;
}

// A try-lock and an early co_return.
Task maybe_add(int n) {
  std::unique_lock<std::mutex> lock(mu, std::try_to_lock);
  if (!lock.owns_lock())
    co_return -1;
  shared_counter += n;
  co_return shared_counter;
}

// A coroutine lambda; the guard is released before the coroutine suspends.
auto lambda_gen = [](int n) -> Generator<int> {
  int v;
  {
    std::lock_guard<std::mutex> lock(mu);
    v = shared_counter + n;
  }
  co_yield v;
};

int drive() {
  int sum = 0;
  auto g = count_up(3);
  while (g.next())
    sum += g.value();
  add_twice(1);
  maybe_add(2);
  return sum;
}
