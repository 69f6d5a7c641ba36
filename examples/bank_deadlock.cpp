// The classic self-deadlock from the Python threading guides, in C++:
// deposit() holds the account lock and calls update_balance(), which locks
// it again. std::mutex is not recursive, so the thread blocks on itself.
#include <mutex>

class BankAccount {
public:
  // BAD: calls update_balance() with 'lock_' held.
  void deposit(int amount) {
    std::lock_guard<std::mutex> guard(lock_);
    update_balance(amount); // warning: calling 'update_balance' acquires mutex 'lock_' that is already held
  }

private:
  void update_balance(int amount) {
    std::lock_guard<std::mutex> guard(lock_);
    balance_ += amount;
  }

  std::mutex lock_;
  int balance_ = 0;
};

// GOOD: the fix the guides suggest, a reentrant lock (Python's RLock).
class BankAccountRecursive {
public:
  void deposit(int amount) {
    std::lock_guard<std::recursive_mutex> guard(lock_);
    update_balance(amount);
  }

private:
  void update_balance(int amount) {
    std::lock_guard<std::recursive_mutex> guard(lock_);
    balance_ += amount;
  }

  std::recursive_mutex lock_;
  int balance_ = 0;
};

// GOOD: or keep one non-recursive lock and a helper that expects it held.
class BankAccountSplit {
public:
  void deposit(int amount) {
    std::lock_guard<std::mutex> guard(lock_);
    update_balance_locked(amount);
  }

private:
  void update_balance_locked(int amount) { balance_ += amount; }

  std::mutex lock_;
  int balance_ = 0;
};

int main() {
  BankAccountRecursive a;
  a.deposit(100);
  BankAccountSplit b;
  b.deposit(100);
}
