// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 01-locks-and-rlock.md, bank_thread_safe.py (GOOD): both methods take
// the account lock with `with self.account_lock:`; withdraw() raises inside
// the locked block, and the context manager (here: std::lock_guard) releases
// the lock during unwinding. Nothing to report.
#include <chrono>
#include <cstdio>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>

class BankAccount {
public:
  explicit BankAccount(int balance = 0) : balance(balance) {}

  void withdraw(int amount) {
    std::lock_guard<std::mutex> guard(account_lock); // only one thread at a time
    if (balance >= amount) {
      int new_balance = balance - amount;
      std::printf("Withdrawing %d...\n", amount);
      std::this_thread::sleep_for(std::chrono::milliseconds(100)); // simulate a delay
      balance = new_balance;
    } else {
      throw std::invalid_argument("Insufficient balance");
    }
  }

  void deposit(int amount) {
    std::lock_guard<std::mutex> guard(account_lock);
    int new_balance = balance + amount;
    std::printf("Depositing %d...\n", amount);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    balance = new_balance;
  }

  int balance;

private:
  std::mutex account_lock;
};

int main() {
  BankAccount account(1000);
  {
    // ThreadPoolExecutor(max_workers=3).submit(...): futures keep exceptions.
    auto a = std::async(std::launch::async, &BankAccount::withdraw, &account, 700);
    auto b = std::async(std::launch::async, &BankAccount::deposit, &account, 1000);
    auto c = std::async(std::launch::async, &BankAccount::withdraw, &account, 300);
  }
  std::printf("Final account balance: %d\n", account.balance);
}
