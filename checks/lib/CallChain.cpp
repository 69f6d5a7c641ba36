//===- CallChain.cpp - call-chain notes, shared between summaries ---------===//
#include "lockcheck/CallChain.h"

namespace lockcheck {

CallChain::CallChain(SharedStepRef First, const CallChain &Rest)
    : Head(new Node{1, std::move(First), Rest.Head}), Size(Rest.Size + 1) {
  retain(Rest.Head);
}

CallChain::CallChain(ChainStep First, const CallChain &Rest)
    : CallChain(SharedStepRef(new SharedStep(std::move(First))), Rest) {}

CallChain::CallChain(ChainStep Only) : CallChain(std::move(Only), CallChain()) {}

void CallChain::release(const Node *N) {
  while (N && --N->Refs == 0) {
    const Node *Next = N->Next;
    delete N;
    N = Next;
  }
}

} // namespace lockcheck
