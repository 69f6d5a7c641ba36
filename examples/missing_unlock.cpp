// lockcheck-missing-unlock: a function returns while still holding a lock it
// acquired, so the next caller blocks forever.
#include <map>
#include <mutex>
#include <string>

class Registry {
public:
  // BAD: the early return leaves 'mu_' locked.
  bool add(const std::string &name, int id) {
    mu_.lock();
    if (ids_.count(name))
      return false; // warning: mutex 'mu_' is still held when 'add' returns
    ids_[name] = id;
    mu_.unlock();
    return true;
  }

  // GOOD: a guard releases on every return.
  bool add_fixed(const std::string &name, int id) {
    std::lock_guard<std::mutex> lock(mu_);
    if (ids_.count(name))
      return false;
    ids_[name] = id;
    return true;
  }

  // GOOD: an unlock on every path works too.
  bool add_manual(const std::string &name, int id) {
    mu_.lock();
    if (ids_.count(name)) {
      mu_.unlock();
      return false;
    }
    ids_[name] = id;
    mu_.unlock();
    return true;
  }

private:
  std::mutex mu_;
  std::map<std::string, int> ids_;
};

int main() {
  Registry r;
  return r.add_fixed("a", 1) && r.add_manual("b", 2) ? 0 : 1;
}
