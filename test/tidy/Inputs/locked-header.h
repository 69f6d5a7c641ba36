// A user header with a double lock (header-filter.cpp).
#include <mutex>
inline void header_twice(std::mutex &hm) {
  hm.lock();
  hm.lock();
  hm.unlock();
}
