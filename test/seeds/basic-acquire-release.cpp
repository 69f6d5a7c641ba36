// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 02-thread-locks-basics.txt (GOOD): `lock = threading.Lock()`,
// `lock.acquire()`, access the shared resource, `lock.release()`. The
// critical section cannot throw, so a manual lock/unlock is correct.
#include <mutex>
#include <thread>

std::mutex lock;
int shared_resource;

void update() {
  lock.lock();
  // access the shared resource
  shared_resource += 1;
  lock.unlock();
}

int main() {
  std::thread t1(update), t2(update);
  t1.join();
  t2.join();
  return shared_resource == 2 ? 0 : 1;
}
