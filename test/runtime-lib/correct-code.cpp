// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=0 -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=1 -Xclang -verify %s
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=1 %src_root/runtime/test/thread-safety/good.cpp 2>&1 | count 0
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -DLOCKCHECK_VALIDATE=0 %src_root/runtime/test/thread-safety/good.cpp 2>&1 | count 0
//
// Correct code against the lockcheck runtime library: every check stays
// silent. Covers RecursiveMutex nesting (directly and through calls),
// ScopedLock(a, b) in both orders, reader/writer locking, timed locks,
// annotated acquire/release wrappers, hand-over-hand locking (the form that
// leaves the loop by break; gap-hand-over-hand-null-exit.cpp has the other) and
// condition-style waiting with UniqueLock. The library's own good.cpp
// (runtime/test/thread-safety) must be silent too.
// expected-no-diagnostics
#include "lockcheck/runtime.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

namespace {

class Account {
public:
  void deposit(long N) {
    lockcheck::LockGuard G(Mu);
    addLocked(N);
  }
  long balance() {
    lockcheck::LockGuard G(Mu);
    return Balance;
  }
  friend void transfer(Account &From, Account &To, long N) {
    lockcheck::ScopedLock L(From.Mu, To.Mu);
    From.Balance -= N;
    To.Balance += N;
  }
  friend void transferBack(Account &From, Account &To, long N) {
    lockcheck::ScopedLock L(To.Mu, From.Mu);
    To.Balance -= N;
    From.Balance += N;
  }

private:
  void addLocked(long N) LOCKCHECK_REQUIRES(Mu) { Balance += N; }
  lockcheck::Mutex Mu{"account"};
  long Balance LOCKCHECK_GUARDED_BY(Mu) = 0;
};

// The seed's RLock box: methods that call each other under a recursive lock.
class Box {
public:
  void execute(int N) {
    lockcheck::LockGuard G(Lock);
    Total += N;
  }
  void add() {
    lockcheck::LockGuard G(Lock);
    execute(1);
  }
  void remove() {
    lockcheck::LockGuard G(Lock);
    execute(-1);
  }
  void nested() {
    Lock.lock();
    Lock.lock();
    add();
    Lock.unlock();
    Lock.unlock();
  }

private:
  lockcheck::RecursiveMutex Lock{"box"};
  int Total = 0;
};

class Config {
public:
  int read() {
    lockcheck::SharedLock R(Mu);
    return Value;
  }
  void write(int V) {
    lockcheck::UniqueLock W(Mu);
    Value = V;
  }
  bool tryRead(int &Out) {
    if (!Mu.try_lock_shared())
      return false;
    Out = Value;
    Mu.unlock_shared();
    return true;
  }

private:
  lockcheck::SharedMutex Mu;
  int Value = 0;
};

class Queue {
public:
  void push(int V) {
    {
      lockcheck::LockGuard G(Mu);
      Items.push_back(V);
    }
    Ready.notify_one();
  }
  int pop() {
    lockcheck::UniqueLock L(Mu);
    Ready.wait(L, [this] { return !Items.empty(); });
    int V = Items.front();
    Items.pop_front();
    return V;
  }

private:
  lockcheck::Mutex Mu;
  std::condition_variable_any Ready;
  std::deque<int> Items;
};

class Pool {
public:
  void acquire() LOCKCHECK_ACQUIRE(Mu) { Mu.lock(); }
  void release() LOCKCHECK_RELEASE(Mu) { Mu.unlock(); }
  void use() {
    acquire();
    ++Uses;
    release();
  }

private:
  lockcheck::Mutex Mu;
  int Uses = 0;
};

struct Node {
  lockcheck::Mutex Mu;
  Node *Next = nullptr;
  int Value = 0;
};
int sumList(Node *Head) {
  int Sum = 0;
  Node *N = Head;
  N->Mu.lock();
  while (true) {
    Sum += N->Value;
    Node *Next = N->Next;
    if (!Next)
      break;
    Next->Mu.lock();
    N->Mu.unlock();
    N = Next;
  }
  N->Mu.unlock();
  return Sum;
}

lockcheck::TimedMutex TMu;
int timed() {
  int Got = 0;
  if (TMu.try_lock_for(5ms)) {
    ++Got;
    TMu.unlock();
  }
  lockcheck::UniqueLock L(TMu, std::defer_lock);
  if (L.try_lock_for(1ms))
    ++Got;
  return Got;
}

lockcheck::Mutex Outer;
lockcheck::Mutex Inner LOCKCHECK_ACQUIRED_AFTER(Outer);
void ordered() {
  lockcheck::LockGuard O(Outer);
  lockcheck::LockGuard I(Inner);
}

} // namespace

int main() {
  Account A, B;
  Box Bx;
  Config C;
  Queue Q;
  Pool P;
  std::vector<std::thread> Threads;
  Threads.emplace_back([&] { transfer(A, B, 10); });
  Threads.emplace_back([&] { transferBack(A, B, 5); });
  Threads.emplace_back([&] { Bx.add(); Bx.remove(); Bx.nested(); });
  Threads.emplace_back([&] { C.write(1); (void)C.read(); });
  Threads.emplace_back([&] { Q.push(1); });
  Threads.emplace_back([&] { (void)Q.pop(); });
  Threads.emplace_back([&] { P.use(); ordered(); (void)timed(); });
  for (std::thread &T : Threads)
    T.join();
  A.deposit(1);
  return static_cast<int>(A.balance() + B.balance());
}
