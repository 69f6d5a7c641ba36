// lockcheck-double-lock: locking a std::mutex that this thread already holds
// is undefined behaviour and in practice a self-deadlock.
#include <mutex>
#include <string>
#include <vector>

class Journal {
public:
  // BAD: the inner guard locks 'mu_' while the outer guard still holds it.
  void add(const std::string &line) {
    std::lock_guard<std::mutex> lock(mu_);
    if (entries_.size() >= 1000) {
      std::lock_guard<std::mutex> rotate_lock(mu_); // warning: acquiring mutex 'mu_' that is already held
      entries_.clear();
    }
    entries_.push_back(line);
  }

  // BAD (on some paths): when 'done' is false the iteration ends holding
  // 'mu_', and the next iteration's lock() deadlocks. The same path also
  // leaves the function with 'mu_' held, a second report.
  void count_all(const std::vector<std::string> &lines, bool done) {
    for (const std::string &line : lines) {
      mu_.lock(); // warning: acquiring mutex 'mu_' that may already be held
      chars_ += line.size();
      if (done)
        mu_.unlock();
    }
  } // warning: mutex 'mu_' may still be held at the end of 'count_all'

  // GOOD: the condition no longer decides whether the mutex is released.
  void count_all_fixed(const std::vector<std::string> &lines) {
    for (const std::string &line : lines) {
      mu_.lock();
      chars_ += line.size();
      mu_.unlock();
    }
  }

  // GOOD: one guard for the whole operation.
  void add_fixed(const std::string &line) {
    std::lock_guard<std::mutex> lock(mu_);
    if (entries_.size() >= 1000)
      entries_.clear();
    entries_.push_back(line);
  }

private:
  std::mutex mu_;
  std::vector<std::string> entries_;
  std::size_t chars_ = 0;
};

int main() {
  Journal j;
  j.add_fixed("a");
  j.count_all_fixed({"b"});
}
