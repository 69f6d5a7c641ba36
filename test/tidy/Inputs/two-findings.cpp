// One double lock and one missing unlock (multi-tu.test, run-clang-tidy.test).
#include <mutex>

std::mutex m;
void work() noexcept;

void twice() {
  m.lock();
  m.lock();
  m.unlock();
}

void leak() {
  m.lock();
}
