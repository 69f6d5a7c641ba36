// RUN: %lockcheck_cxx -Xclang -verify %s
// expected-no-diagnostics
//
// Seed 04-synchronization-and-deadlocks.txt, "Real-World Use Case - File
// Writer Synchronization" (GOOD): the file is opened and written under
// `with file_lock:`; the guard releases even when the stream throws.
#include <fstream>
#include <mutex>
#include <thread>

std::mutex file_lock;

void write_to_file() {
  std::lock_guard<std::mutex> guard(file_lock);
  std::ofstream f("data.txt", std::ios::app);
  f << "Logged entry\n";
}

int main() {
  std::thread t1(write_to_file), t2(write_to_file);
  t1.join();
  t2.join();
}
