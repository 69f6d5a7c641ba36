// The second input file of test/plugin/facts-errors.cpp.
#include <mutex>
std::mutex second_mutex;
void second() { std::lock_guard<std::mutex> g(second_mutex); }
