// lockcheck-exception-leak: a lock taken with lock() stays locked when an
// exception leaves the function before the matching unlock().
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

class Orders {
public:
  // BAD: push_back may throw std::bad_alloc, and the explicit throw leaves
  // the function too; either way 'mu_' is never unlocked.
  void place(const std::string &item, int qty) {
    mu_.lock();
    if (qty <= 0)
      throw std::invalid_argument("qty"); // warning: mutex 'mu_' stays locked when this exception leaves 'place'
    items_.push_back(item);
    mu_.unlock();
  }

  // GOOD: the guard releases 'mu_' during unwinding.
  void place_fixed(const std::string &item, int qty) {
    std::lock_guard<std::mutex> lock(mu_);
    if (qty <= 0)
      throw std::invalid_argument("qty");
    items_.push_back(item);
  }

  // GOOD: a handler that unlocks and rethrows is fine as well.
  void place_manual(const std::string &item) {
    mu_.lock();
    try {
      items_.push_back(item);
    } catch (...) {
      mu_.unlock();
      throw;
    }
    mu_.unlock();
  }

private:
  std::mutex mu_;
  std::vector<std::string> items_;
};

int main() {
  Orders o;
  o.place_fixed("tea", 1);
  o.place_manual("milk");
}
