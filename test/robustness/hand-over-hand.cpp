// Hand-over-hand ("lock coupling") traversal of a linked list: each step
// locks the next node before the guard releases the current one. The lock
// paths 'n->m' and 'next->m' name different nodes on every iteration, so
// they must not be confused with the same spelling from the last iteration.
// RUN: %lockcheck_cxx -fno-crash-diagnostics -Xclang -verify %s
// expected-no-diagnostics

#include <mutex>
#include <utility>

template <class T> struct Node {
  std::mutex m;
  T value{};
  Node *next = nullptr;
};

template <class T> T sum_list(Node<T> *head) {
  if (!head)
    return T{};
  T sum{};
  std::unique_lock<std::mutex> cur(head->m);
  for (Node<T> *n = head; n;) {
    sum += n->value;
    Node<T> *next = n->next;
    if (!next)
      break;
    std::unique_lock<std::mutex> nxt(next->m);
    cur = std::move(nxt);
    n = next;
  }
  return sum;
}

// The same with manual locking.
struct CNode {
  std::mutex m;
  int value = 0;
  CNode *next = nullptr;
};

int sum_manual(CNode *head) {
  if (!head)
    return 0;
  int sum = 0;
  CNode *n = head;
  n->m.lock();
  while (true) {
    sum += n->value;
    CNode *next = n->next;
    if (!next)
      break;
    next->m.lock();
    n->m.unlock();
    n = next;
  }
  n->m.unlock();
  return sum;
}

int use() {
  Node<int> b{}, a{};
  a.next = &b;
  return sum_list(&a) + sum_manual(nullptr);
}
