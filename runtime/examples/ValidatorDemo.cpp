//===- ValidatorDemo.cpp - the validator's reports on the seed bugs -------===//
//
// Runs the bad variants of the Python seed examples against the runtime
// library and prints what the validator says. docs/runtime.md quotes its
// output. Usage: lockcheck-runtime-demo [self-deadlock|release|owner|order|all]
//
//===----------------------------------------------------------------------===//

#include "lockcheck/runtime.h"

#include <cstdio>
#include <cstring>
#include <thread>

namespace {

// bank_deadlock.py: deposit() holds the lock and calls _update_balance(),
// which takes the same non-reentrant lock again.
class BankAccount {
public:
  void deposit(long Amount) {
    lockcheck::LockGuard G(Lock);
    updateBalance(Amount);
  }

private:
  void updateBalance(long Amount) LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS {
    lockcheck::LockGuard G(Lock);
    Balance += Amount;
  }
  lockcheck::Mutex Lock{"BankAccount::lock"};
  long Balance = 0;
};

void selfDeadlock() {
  BankAccount Account;
  std::thread Worker([&] {
    lockcheck::validator::setThreadName("Worker_0");
    try {
      Account.deposit(100);
    } catch (const lockcheck::ValidationError &E) {
      std::printf("caught lockcheck::ValidationError: %s\n", E.what());
    }
  });
  Worker.join();
}

// "If the state is unlocked, a call to release() raises a RuntimeError."
void releaseUnlocked() {
  lockcheck::Mutex SharedResourceLock("shared_resource_lock");
  try {
    SharedResourceLock.unlock();
  } catch (const std::system_error &E) {
    std::printf("caught std::system_error: %s\n", E.what());
  }
}

// "An acquired RLock can only be released by the thread which acquired it."
void releaseByOtherThread() {
  lockcheck::RecursiveMutex BoxLock("Box.lock");
  BoxLock.lock();
  std::thread Remover([&] {
    lockcheck::validator::setThreadName("remover");
    try {
      BoxLock.unlock();
    } catch (const lockcheck::ValidationError &E) {
      std::printf("caught lockcheck::ValidationError: %s\n", E.what());
    }
  });
  Remover.join();
  BoxLock.unlock();
}

void lockOrder();
} // namespace

// task1 takes lock1 then lock2, task2 lock2 then lock1. Run one after the
// other they finish, yet the inversion is reported (with Action::Report).
// External and not inlined, so that report stacks can name them.
lockcheck::Mutex Lock1("lock1"), Lock2("lock2");

[[gnu::noinline]] void task1() {
  lockcheck::LockGuard A(Lock1);
  lockcheck::LockGuard B(Lock2);
}

[[gnu::noinline]] void task2() {
  lockcheck::LockGuard B(Lock2);
  lockcheck::LockGuard A(Lock1);
}

namespace {
void lockOrder() {
  std::thread T1([] {
    lockcheck::validator::setThreadName("task1");
    task1();
  });
  T1.join();
  std::thread T2([] {
    lockcheck::validator::setThreadName("task2");
    task2();
  });
  T2.join();
}

} // namespace

int main(int Argc, char **Argv) {
  const char *What = Argc > 1 ? Argv[1] : "all";
  bool All = !std::strcmp(What, "all");
  bool Known = All;
  struct {
    const char *Name;
    void (*Run)();
  } Scenarios[] = {{"self-deadlock", selfDeadlock},
                   {"release", releaseUnlocked},
                   {"owner", releaseByOtherThread},
                   {"order", lockOrder}};
  for (auto &S : Scenarios)
    if (All || !std::strcmp(What, S.Name)) {
      Known = true;
      std::printf("== %s\n", S.Name);
      std::fflush(stdout);
      S.Run();
      std::fflush(stdout);
    }
  if (!Known) {
    std::fprintf(stderr,
                 "lockcheck-runtime-demo: unknown scenario '%s'; use "
                 "self-deadlock, release, owner, order or all\n",
                 What);
    return 2;
  }
  return 0;
}
