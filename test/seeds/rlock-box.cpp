// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 05-lock-and-rlock-cookbook.md, "RLock" Box example (GOOD): the class
// lock is reentrant; add() and remove() hold it while calling execute(),
// which acquires it again. execute() is defined here and cannot throw (only
// lock primitives and arithmetic), so calling it with the lock held manually
// is no exception leak either.
#include <chrono>
#include <cstdio>
#include <mutex>
#include <thread>

class Box {
public:
  static std::recursive_mutex lock;

  explicit Box(int items) : total_items(items) {}

  void execute(int n) {
    Box::lock.lock();
    total_items += n;
    Box::lock.unlock();
  }
  void add() {
    Box::lock.lock();
    execute(1);
    Box::lock.unlock();
  }
  void remove() {
    Box::lock.lock();
    execute(-2);
    Box::lock.unlock();
  }

  int total_items;
};
std::recursive_mutex Box::lock;

// These two functions run in separate threads and call the Box's methods.
void adder(Box &box, int items) {
  while (box.total_items > 0) {
    std::printf("adding 1 item in the box\n");
    box.add();
    std::this_thread::sleep_for(std::chrono::seconds(3));
    std::printf("%d items still remain in the box \n", box.total_items);
  }
}

void remover(Box &box, int items) {
  while (box.total_items > 0) {
    std::printf("removing 2 items from the box\n");
    box.remove();
    std::this_thread::sleep_for(std::chrono::seconds(2));
    std::printf("%d items still remain in the box \n", box.total_items);
  }
}

int main() {
  int items = 8;
  std::printf("putting %d items in the box \n", items);
  Box box(items);
  std::thread t1(adder, std::ref(box), items);
  std::thread t2(remover, std::ref(box), items);
  t1.join();
  t2.join();
  std::printf("%d items still remain in the box \n", box.total_items);
}
