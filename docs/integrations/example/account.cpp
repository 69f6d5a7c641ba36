#include <mutex>

extern "C" int queue_push(int value);

class Account {
public:
  void deposit(int n) {
    std::lock_guard<std::mutex> g(mu_);
    add(n); // lockcheck: add() takes mu_ again
  }

private:
  void add(int n) {
    std::lock_guard<std::mutex> g(mu_);
    balance_ += n;
  }
  std::mutex mu_;
  int balance_ = 0;
};

int main() {
  Account a;
  a.deposit(1);
  return queue_push(2);
}
