// Uses the library, then inverts a lock order on purpose: with the
// validator on (a Debug build) a report must appear on standard error.
#include <lockcheck/runtime.h>

#include <cstdio>
#include <thread>

int main() {
  lockcheck::Mutex A("a"), B("b");
  int Shared = 0;
  std::thread T([&] {
    lockcheck::LockGuard GA(A);
    lockcheck::LockGuard GB(B);
    ++Shared;
  });
  T.join();
  {
    lockcheck::LockGuard GB(B);
    lockcheck::LockGuard GA(A);
    ++Shared;
  }
  std::printf("consumer: ok (%d, validator %s)\n", Shared,
              lockcheck::kValidating ? "on" : "off");
  return 0;
}
