// Hand-over-hand traversal whose loop ends when the cursor becomes null: on
// the edge where the cursor is null, no lock reached through it can be held
// (was a false positive "'N->Mu' may still be held when 'sumList' returns").
// The C form with `while (n != NULL)` is test/robustness/hand-over-hand-null-exit.c.
// RUN: %lockcheck_cxx -isystem %src_root/runtime/include -Xclang -verify %s
// expected-no-diagnostics
#include "lockcheck/runtime.h"

struct Node {
  lockcheck::Mutex Mu;
  Node *Next = nullptr;
  int Value = 0;
};

int sumList(Node *Head) noexcept {
  int Sum = 0;
  Head->Mu.lock();
  for (Node *N = Head; N;) {
    Sum += N->Value;
    Node *Next = N->Next;
    if (Next)
      Next->Mu.lock();
    N->Mu.unlock();
    N = Next;
  }
  return Sum;
}
