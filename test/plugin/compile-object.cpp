// With -c the plugin runs after code generation and leaves the object file
// byte-for-byte as plain clang writes it, with and without debug info; the
// object links and runs.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clangxx -std=c++17 -O1 -c %s -o %t/plain.o
// RUN: %clangxx -std=c++17 -O1 -c %s -o %t/plugin.o -fplugin=%plugin 2>&1 | count 0
// RUN: cmp %t/plain.o %t/plugin.o
// RUN: %clangxx -std=c++17 -g -c %s -o %t/plain-g.o
// RUN: %clangxx -std=c++17 -g -c %s -o %t/plugin-g.o -fplugin=%plugin -fplugin-arg-lockcheck-werror
// RUN: cmp %t/plain-g.o %t/plugin-g.o
// RUN: %clangxx -S -std=c++17 -O1 %s -o %t/plain.s
// RUN: %clangxx -S -std=c++17 -O1 %s -o %t/plugin.s -fplugin=%plugin
// RUN: diff %t/plain.s %t/plugin.s
// RUN: %clangxx %t/plugin.o -o %t/program -pthread
// RUN: %t/program

#include <mutex>
static std::mutex m;
static int counter;
static void bump() {
  std::lock_guard<std::mutex> g(m);
  ++counter;
}
int main() {
  bump();
  bump();
  return counter == 2 ? 0 : 1;
}
