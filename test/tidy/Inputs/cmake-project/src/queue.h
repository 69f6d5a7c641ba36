#pragma once
#include <mutex>
#include <vector>

class Queue {
public:
  void push(int v);
  bool pop(int &out);

private:
  std::mutex mu_;
  std::vector<int> items_;
};
