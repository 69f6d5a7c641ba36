//===- RecheckOrder.cpp - which TU to check again after which -------------===//
#include "RecheckOrder.h"
#include "lockcheck/StrongComponents.h"
#include "llvm/ADT/StringMap.h"
#include <algorithm>

namespace lockcheck::cli {

std::vector<RecheckStep> recheckSteps(const std::vector<const TUFacts *> &TUs) {
  // The TU that defines each function whose summary may change, first wins.
  llvm::StringMap<unsigned> Definer;
  llvm::StringMap<bool> MayChange;
  for (unsigned I = 0; I < TUs.size(); ++I)
    for (const FactFunction &F : TUs[I]->Functions)
      if (Definer.try_emplace(F.Usr, I).second)
        MayChange[F.Usr] = !F.Calls.empty();
  std::vector<std::vector<unsigned>> DependsOn(TUs.size());
  for (unsigned I = 0; I < TUs.size(); ++I) {
    for (const std::string &Usr : TUs[I]->ExternalCalls) {
      auto It = Definer.find(Usr);
      if (It != Definer.end() && It->second != I && MayChange.lookup(Usr))
        DependsOn[I].push_back(It->second);
    }
    std::sort(DependsOn[I].begin(), DependsOn[I].end());
    DependsOn[I].erase(std::unique(DependsOn[I].begin(), DependsOn[I].end()),
                       DependsOn[I].end());
  }
  // A component's step comes after those of the components it depends on.
  std::vector<std::vector<unsigned>> Components = componentsCalleesFirst(DependsOn);
  std::vector<unsigned> ComponentOf(TUs.size()), StepOf(Components.size(), 0);
  for (unsigned C = 0; C < Components.size(); ++C)
    for (unsigned I : Components[C])
      ComponentOf[I] = C;
  std::vector<RecheckStep> Steps;
  for (unsigned C = 0; C < Components.size(); ++C) {
    for (unsigned I : Components[C])
      for (unsigned J : DependsOn[I])
        if (ComponentOf[J] != C)
          StepOf[C] = std::max(StepOf[C], StepOf[ComponentOf[J]] + 1);
    if (Steps.size() <= StepOf[C])
      Steps.resize(StepOf[C] + 1);
    RecheckStep &S = Steps[StepOf[C]];
    S.TUs.insert(S.TUs.end(), Components[C].begin(), Components[C].end());
    if (Components[C].size() > 1)
      S.InCycles.insert(S.InCycles.end(), Components[C].begin(), Components[C].end());
  }
  for (RecheckStep &S : Steps) {
    std::sort(S.TUs.begin(), S.TUs.end());
    std::sort(S.InCycles.begin(), S.InCycles.end());
  }
  return Steps;
}

} // namespace lockcheck::cli
