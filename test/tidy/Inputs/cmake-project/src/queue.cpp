#include "queue.h"

void Queue::push(int v) {
  std::lock_guard<std::mutex>{mu_};
  items_.push_back(v);
}

bool Queue::pop(int &out) {
  mu_.lock();
  if (items_.empty())
    return false;
  out = items_.back();
  items_.pop_back();
  mu_.unlock();
  return true;
}
