// Correct, everyday uses of the standard locking facilities. Included by the
// all-std-headers tests after every header: lockcheck must stay silent.
#ifndef LOCKCHECK_CORRECT_STD_LOCKING_H
#define LOCKCHECK_CORRECT_STD_LOCKING_H

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <thread>
#include <vector>

namespace robustness {

class WorkQueue {
public:
  void push(int v) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      items_.push_back(v);
    }
    cv_.notify_one();
  }

  int pop() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !items_.empty(); });
    int v = items_.front();
    items_.pop_front();
    return v;
  }

  bool try_pop_for(int &out, std::chrono::milliseconds d) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!cv_.wait_for(lock, d, [this] { return !items_.empty(); }))
      return false;
    out = items_.front();
    items_.pop_front();
    return true;
  }

  bool try_pop(int &out) {
    std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
    if (!lock.owns_lock() || items_.empty())
      return false;
    out = items_.front();
    items_.pop_front();
    return true;
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<int> items_;
};

class Directory {
public:
  std::string find(int id) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = names_.find(id);
    return it == names_.end() ? std::string() : it->second;
  }
  void set(int id, std::string name) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    names_[id] = std::move(name);
  }

private:
  mutable std::shared_mutex mu_;
  std::map<int, std::string> names_;
};

struct Account {
  std::mutex m;
  long balance = 0;
};

inline void transfer_scoped(Account &a, Account &b, long n) {
  std::scoped_lock lock(a.m, b.m);
  a.balance -= n;
  b.balance += n;
}

inline void transfer_adopt(Account &a, Account &b, long n) {
  std::lock(a.m, b.m);
  std::lock_guard<std::mutex> la(a.m, std::adopt_lock);
  std::lock_guard<std::mutex> lb(b.m, std::adopt_lock);
  a.balance -= n;
  b.balance += n;
}

inline void transfer_defer(Account &a, Account &b, long n) {
  std::unique_lock<std::mutex> la(a.m, std::defer_lock);
  std::unique_lock<std::mutex> lb(b.m, std::defer_lock);
  std::lock(la, lb);
  a.balance -= n;
  b.balance += n;
}

inline bool timed_update(std::timed_mutex &tm, int &value) {
  if (!tm.try_lock_for(std::chrono::milliseconds(5)))
    return false;
  ++value;
  tm.unlock();
  return true;
}

inline int recursive_sum(std::recursive_mutex &rm, int depth) {
  std::lock_guard<std::recursive_mutex> lock(rm);
  return depth <= 0 ? 0 : depth + recursive_sum(rm, depth - 1);
}

inline int run_in_threads() {
  std::mutex mu;
  std::once_flag once;
  int total = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&, i] {
      std::call_once(once, [&] { total = 100; });
      std::lock_guard<std::mutex> lock(mu);
      total += i;
    });
  for (auto &t : threads)
    t.join();
  auto f = std::async(std::launch::async, [&] {
    std::lock_guard<std::mutex> lock(mu);
    return total;
  });
  return f.get();
}

#if __cplusplus >= 202002L && defined(__cpp_lib_jthread)
inline void run_jthreads() {
  std::mutex mu;
  std::condition_variable_any cv;
  bool ready = false;
  std::jthread worker([&](std::stop_token st) {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, st, [&] { return ready; });
  });
  {
    std::lock_guard<std::mutex> lock(mu);
    ready = true;
  }
  cv.notify_all();
}
#endif

} // namespace robustness

#endif
