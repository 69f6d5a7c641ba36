// lockcheck-double-lock: locking a std::mutex that this thread already holds
// is undefined behaviour and in practice a self-deadlock.
#include <mutex>
#include <string>
#include <vector>

class Journal {
public:
  // BAD: the loop locks 'mu_' on every iteration, but the early 'continue'
  // skips the unlock, so the next iteration locks it again.
  void add_all(const std::vector<std::string> &lines) {
    for (const std::string &line : lines) {
      mu_.lock(); // warning: acquiring mutex 'mu_' that may already be held
      if (line.empty())
        continue;
      entries_.push_back(line);
      mu_.unlock();
    }
  }

  // GOOD: a guard scoped to the loop body releases on every path.
  void add_all_fixed(const std::vector<std::string> &lines) {
    for (const std::string &line : lines) {
      std::lock_guard<std::mutex> lock(mu_);
      if (line.empty())
        continue;
      entries_.push_back(line);
    }
  }

private:
  std::mutex mu_;
  std::vector<std::string> entries_;
};

int main() {
  Journal j;
  j.add_all_fixed({"a", "", "b"});
}
