// Benchmark input (b): most C++17 standard headers and a little lock-using
// code, so the run measures what the plugin costs on header-heavy code.
// Compile with -std=c++17 (libstdc++ or libc++).
#include <algorithm>
#include <any>
#include <array>
#include <atomic>
#include <bitset>
#include <cassert>
#include <cctype>
#include <cerrno>
#include <cfenv>
#include <cfloat>
#include <charconv>
#include <chrono>
#include <cinttypes>
#include <climits>
#include <clocale>
#include <cmath>
#include <codecvt>
#include <complex>
#include <condition_variable>
#include <csetjmp>
#include <csignal>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <cuchar>
#include <cwchar>
#include <cwctype>
#include <deque>
#include <exception>
#include <execution>
#include <filesystem>
#include <forward_list>
#include <fstream>
#include <functional>
#include <future>
#include <initializer_list>
#include <iomanip>
#include <ios>
#include <iosfwd>
#include <iostream>
#include <istream>
#include <iterator>
#include <limits>
#include <list>
#include <locale>
#include <map>
#include <memory>
#include <memory_resource>
#include <mutex>
#include <new>
#include <numeric>
#include <optional>
#include <ostream>
#include <queue>
#include <random>
#include <ratio>
#include <regex>
#include <scoped_allocator>
#include <set>
#include <shared_mutex>
#include <sstream>
#include <stack>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <type_traits>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <valarray>
#include <variant>
#include <vector>

namespace bench {

class Cache {
public:
  std::optional<std::string> get(int key) const {
    std::shared_lock<std::shared_mutex> lock(mu_);
    auto it = map_.find(key);
    if (it == map_.end())
      return std::nullopt;
    return it->second;
  }

  void put(int key, std::string value) {
    std::unique_lock<std::shared_mutex> lock(mu_);
    map_[key] = std::move(value);
  }

private:
  mutable std::shared_mutex mu_;
  std::unordered_map<int, std::string> map_;
};

class Queue {
public:
  void push(std::function<void()> f) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks_.push_back(std::move(f));
    }
    cv_.notify_one();
  }

  std::function<void()> pop() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return !tasks_.empty(); });
    auto f = std::move(tasks_.front());
    tasks_.pop_front();
    return f;
  }

private:
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
};

int parallel_sum(const std::vector<int> &v) {
  std::mutex mu;
  int total = 0;
  std::vector<std::thread> threads;
  for (std::size_t part = 0; part < 4; ++part)
    threads.emplace_back([&, part] {
      int local = std::accumulate(v.begin() + part * v.size() / 4,
                                  v.begin() + (part + 1) * v.size() / 4, 0);
      std::lock_guard<std::mutex> lock(mu);
      total += local;
    });
  for (auto &t : threads)
    t.join();
  return total;
}

} // namespace bench
