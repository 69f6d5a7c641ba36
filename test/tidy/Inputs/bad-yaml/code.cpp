// config-errors.test: sits next to a broken .lockcheck.yaml.
#include <mutex>
std::mutex m;
void twice() {
  m.lock();
  m.lock();
  m.unlock();
}
