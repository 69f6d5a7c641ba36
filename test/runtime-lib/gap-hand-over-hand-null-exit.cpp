// XFAIL: *
// Gap (false positive, not specific to the runtime library): hand-over-hand
// traversal whose loop ends when the cursor becomes null. On the last step
// no next lock is taken, the current one is released and the cursor becomes
// null; the loop exit condition (N == nullptr) is not used to drop 'N->Mu',
// so "mutex 'N->Mu' may still be held when 'sumList' returns" is reported.
// The same happens with std::mutex; the break-out form
// (test/robustness/hand-over-hand.cpp) is silent.
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
