// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seeds 02-thread-locks-basics.txt and 04-synchronization-and-deadlocks.txt
// ("Manual Lock / Unlock") (GOOD):
//   lock.acquire()
//   try:
//       # access the shared resource / critical section
//   finally:
//       lock.release()
// C++ has no 'finally': the equivalent releases in a catch-all handler that
// rethrows, and again on the normal path.
#include <mutex>

void access_shared_resource(); // may throw

std::mutex lock;

void critical_section() {
  lock.lock();
  try {
    access_shared_resource();
  } catch (...) {
    lock.unlock();
    throw;
  }
  lock.unlock();
}

int main() { critical_section(); }
