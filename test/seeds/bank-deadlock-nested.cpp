// RUN: %lockcheck_cxx -Xclang -verify %s
//
// Seed 01-locks-and-rlock.md, bank_deadlock.py (BAD): deposit() holds the
// non-reentrant account lock and calls _update_balance(), which acquires it
// again: the thread blocks on itself ("Nested Lock Acquisition").
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

const char *thread_name() noexcept;

class BankAccount {
public:
  void deposit(int amount) {
    std::printf("Thread %s waiting to acquire lock for .deposit()\n", thread_name());
    std::lock_guard<std::mutex> guard(lock_); // expected-note {{mutex 'lock_' acquired here}}
    std::printf("Thread %s acquired lock for .deposit()\n", thread_name());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    update_balance(amount); // expected-warning {{calling 'update_balance' acquires mutex 'lock_' that is already held [lockcheck-double-lock]}}
  }

  int balance = 0;

private:
  void update_balance(int amount) {
    std::printf("Thread %s waiting to acquire lock for ._update_balance()\n", thread_name());
    std::lock_guard<std::mutex> guard(lock_); // This will cause a deadlock. expected-note {{'update_balance' acquires 'lock_' here}}
    std::printf("Thread %s acquired lock for ._update_balance()\n", thread_name());
    balance += amount;
  }

  std::mutex lock_;
};

int main() {
  BankAccount account;
  std::vector<std::thread> workers;
  for (int i = 0; i < 3; ++i)
    workers.emplace_back([&account] { account.deposit(100); });
  for (std::thread &t : workers)
    t.join();
  std::printf("Final balance: %d\n", account.balance);
}
