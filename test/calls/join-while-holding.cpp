// RUN: %lockcheck_cxx -std=c++20 -Xclang -verify %s
// RUN: %lockcheck_cxx -std=c++20 %libcxx -fexperimental-library -Xclang -verify %s
//
// Joining a thread whose function takes a lock this thread holds: the thread
// blocks on the lock and this thread waits for the thread. The thread's
// function is a lambda (its captures are the same objects here) or a
// function of the TU; a recursive mutex does not let another thread in. A
// std::jthread joins when it goes out of scope, before the guards declared
// ahead of it release.
#include <mutex>
#include <shared_mutex>
#include <thread>

std::mutex g;
std::recursive_mutex r;
std::shared_mutex rw;
int counter;

void bump() {
  std::lock_guard<std::mutex> l(g); // expected-note 2 {{'bump' acquires 'g' here}}
  ++counter;
}

void join_lambda() {
  std::lock_guard<std::mutex> l(g); // expected-note {{mutex 'g' acquired here}}
  std::thread t([] {
    std::lock_guard<std::mutex> in(g); // expected-note {{'lambda' acquires 'g' here}}
    ++counter;
  });
  t.join(); // expected-warning {{joining thread 't', which acquires mutex 'g', while holding it; the two threads deadlock [lockcheck-double-lock]}}
}

void join_function() {
  std::scoped_lock<std::mutex> l(g); // expected-note {{mutex 'g' acquired here}}
  std::thread t(bump);
  t.join(); // expected-warning {{joining thread 't', which acquires mutex 'g', while holding it; the two threads deadlock [lockcheck-double-lock]}}
}

void join_recursive() {
  std::lock_guard<std::recursive_mutex> l(r); // expected-note {{mutex 'r' acquired here}}
  std::thread t([] { std::lock_guard<std::recursive_mutex> in(r); }); // expected-note {{'lambda' acquires 'r' here}}
  t.join(); // expected-warning {{joining thread 't', which acquires mutex 'r', while holding it; the two threads deadlock [lockcheck-double-lock]}}
}

struct Worker {
  std::mutex m;
  void run() {
    std::unique_lock<std::mutex> l(m); // expected-note {{mutex 'm' acquired here}}
    std::thread t([this] { std::lock_guard<std::mutex> in(m); }); // expected-note {{'lambda' acquires 'm' here}}
    t.join(); // expected-warning {{joining thread 't', which acquires mutex 'm', while holding it; the two threads deadlock [lockcheck-double-lock]}}
  }
};

void jthread_scope_end() {
  std::lock_guard<std::mutex> l(g); // expected-note {{mutex 'g' acquired here}}
  std::jthread t(bump);
} // expected-warning {{leaving the scope of 't' joins its thread, which acquires mutex 'g', while holding it; the two threads deadlock [lockcheck-double-lock]}}

//===----------------------------------------------------------------------===//
// Negative cases
//===----------------------------------------------------------------------===//

void join_after_release() {
  std::unique_lock<std::mutex> l(g);
  std::thread t(bump);
  l.unlock();
  t.join();
}

void join_other_lock() {
  std::lock_guard<std::recursive_mutex> l(r);
  std::thread t(bump);
  t.join();
}

void join_readers() {
  std::shared_lock<std::shared_mutex> l(rw);
  std::thread t([] { std::shared_lock<std::shared_mutex> in(rw); });
  t.join();
}

void detach_holding() {
  std::lock_guard<std::mutex> l(g);
  std::thread t(bump);
  t.detach();
}

// The guard is declared after the thread, so it is released first.
void jthread_guard_inside() {
  std::jthread t(bump);
  std::lock_guard<std::mutex> l(g);
}

// Joined or detached by hand: the destructor has nothing left to join.
void jthread_joined() {
  std::jthread t(bump);
  t.join();
  std::lock_guard<std::mutex> l(g);
}
void jthread_detached() {
  std::lock_guard<std::mutex> l(g);
  std::jthread t(bump);
  t.detach();
}
