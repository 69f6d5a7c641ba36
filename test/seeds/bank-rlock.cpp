// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 01-locks-and-rlock.md, bank_rlock.py (GOOD): the fix for
// bank_deadlock.py: the account lock is reentrant (std::recursive_mutex for
// threading.RLock), so _update_balance() may acquire it again while deposit()
// holds it. Must stay silent once calls are summarised too (issue 3).
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
    std::lock_guard<std::recursive_mutex> guard(lock_);
    std::printf("Thread %s acquired lock for .deposit()\n", thread_name());
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    update_balance(amount);
  }

  int balance = 0;

private:
  void update_balance(int amount) {
    std::printf("Thread %s waiting to acquire lock for ._update_balance()\n", thread_name());
    std::lock_guard<std::recursive_mutex> guard(lock_);
    std::printf("Thread %s acquired lock for ._update_balance()\n", thread_name());
    balance += amount;
  }

  std::recursive_mutex lock_;
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
