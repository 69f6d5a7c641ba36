//===- StrongComponents.cpp - cycles of a graph, dependencies first ------===//
#include "lockcheck/StrongComponents.h"
#include <algorithm>

namespace lockcheck {

std::vector<std::vector<unsigned>>
componentsCalleesFirst(const std::vector<std::vector<unsigned>> &Calls) {
  unsigned N = Calls.size(), Counter = 0;
  std::vector<unsigned> Index(N, ~0u), Low(N, 0);
  std::vector<bool> OnStack(N, false);
  std::vector<unsigned> Stack;
  std::vector<std::vector<unsigned>> Out;
  std::vector<std::pair<unsigned, unsigned>> Frames; // (node, next edge)
  for (unsigned Root = 0; Root < N; ++Root) {
    if (Index[Root] != ~0u)
      continue;
    Frames.push_back({Root, 0});
    Index[Root] = Low[Root] = Counter++;
    Stack.push_back(Root);
    OnStack[Root] = true;
    while (!Frames.empty()) {
      auto &[V, Next] = Frames.back();
      if (Next < Calls[V].size()) {
        unsigned W = Calls[V][Next++];
        if (Index[W] == ~0u) {
          Index[W] = Low[W] = Counter++;
          Stack.push_back(W);
          OnStack[W] = true;
          Frames.push_back({W, 0});
        } else if (OnStack[W]) {
          Low[V] = std::min(Low[V], Index[W]);
        }
        continue;
      }
      unsigned Done = V;
      Frames.pop_back();
      if (!Frames.empty())
        Low[Frames.back().first] = std::min(Low[Frames.back().first], Low[Done]);
      if (Low[Done] == Index[Done]) {
        std::vector<unsigned> Component;
        unsigned W;
        do {
          W = Stack.back();
          Stack.pop_back();
          OnStack[W] = false;
          Component.push_back(W);
        } while (W != Done);
        Out.push_back(std::move(Component));
      }
    }
  }
  return Out;
}

} // namespace lockcheck
