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
#include <stdexcept>

std::mutex lock;
int resource[4];
int slot;

// The shared resource rejects a bad slot with an exception (as in
// acquire-without-finally.cpp, where the same call is reported).
void access_shared_resource() {
  if (slot < 0 || slot >= 4)
    throw std::out_of_range("slot");
  ++resource[slot];
}

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
