// Included with -isystem (header-filter.cpp): the core never analyses
// functions in system headers, so nothing here is ever reported.
#include <mutex>
inline void system_twice(std::mutex &sm) {
  sm.lock();
  sm.lock();
  sm.unlock();
}
