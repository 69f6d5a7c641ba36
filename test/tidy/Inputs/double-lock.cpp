// A double lock for tests that need one finding.
#include <mutex>
std::mutex m;
void twice() {
  m.lock();
  m.lock();
  m.unlock();
}
