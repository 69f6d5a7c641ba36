//===- UnguardedAccess.cpp - which lock guards a variable, and who skips it ===//
//
// Per variable: the guard is the GUARDED_BY lock if there is one, else the
// lock held at the most counted accesses, provided that is at least
// MinAccesses of them and MinPercent percent. Counted are the accesses
// outside constructors and destructors that no unrelated lock covers. A write
// counts as guarded only under an exclusive hold; a read under any.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/Messages.h"
#include "lockcheck/UnguardedAccess.h"
#include "lockcheck/Config.h"
#include "llvm/ADT/StringMap.h"
#include <algorithm>
#include <map>

namespace lockcheck {

GuardThresholds GuardThresholds::from(const Config &C) {
  GuardThresholds T;
  if (C.GuardMinAccesses)
    T.MinAccesses = *C.GuardMinAccesses;
  if (C.GuardMinPercent)
    T.MinPercent = *C.GuardMinPercent;
  if (C.UnguardedReads)
    T.Reads = *C.UnguardedReads;
  return T;
}

void mergeAccess(VarAccess &Into, const VarAccess &Other) {
  std::vector<HeldGuard> Both;
  for (const HeldGuard &H : Into.Held)
    for (const HeldGuard &O : Other.Held)
      if (H.Key == O.Key) {
        HeldGuard G = H;
        G.Exclusive = H.Exclusive && O.Exclusive;
        Both.push_back(G);
        break;
      }
  Into.Held = std::move(Both);
  Into.InitOnly = Into.InitOnly && Other.InitOnly;
  Into.Indeterminate = Into.Indeterminate || Other.Indeterminate;
}

static const HeldGuard *holds(const VarAccess &A, llvm::StringRef Key) {
  for (const HeldGuard &H : A.Held)
    if (H.Key == Key && (H.Exclusive || !A.Write))
      return &H;
  return nullptr;
}

static std::string places(size_t N) {
  return std::to_string(N) + (N == 1 ? " other place" : " other places");
}

std::vector<UnguardedVerdict> decideUnguarded(llvm::ArrayRef<VarAccess> Accesses,
                                              const GuardThresholds &T) {
  // Variables in order of first access, so the output order is stable.
  std::vector<std::string> Order;
  llvm::StringMap<std::vector<size_t>> ByVar;
  for (size_t I = 0; I < Accesses.size(); ++I) {
    auto [It, New] = ByVar.try_emplace(Accesses[I].Var);
    if (New)
      Order.push_back(Accesses[I].Var);
    It->second.push_back(I);
  }
  std::vector<UnguardedVerdict> Out;
  for (const std::string &Var : Order) {
    std::vector<size_t> Counted;
    for (size_t I : ByVar[Var])
      if (!Accesses[I].InitOnly && !Accesses[I].Indeterminate)
        Counted.push_back(I);
    if (Counted.empty())
      continue;
    const VarAccess &First = Accesses[Counted.front()];
    std::string Key, Display;
    bool Annotated = !First.AnnotatedKey.empty();
    if (Annotated) {
      Key = First.AnnotatedKey;
      Display = First.AnnotatedDisplay;
    } else {
      // The lock held at the most counted accesses (first seen wins a tie).
      std::map<std::string, size_t> Count;
      std::vector<std::string> Seen;
      for (size_t I : Counted)
        for (const HeldGuard &H : Accesses[I].Held)
          if (holds(Accesses[I], H.Key) && Count[H.Key]++ == 0)
            Seen.push_back(H.Key);
      size_t Best = 0;
      for (const std::string &K : Seen)
        if (Count[K] > Best) {
          Best = Count[K];
          Key = K;
        }
      if (Best < T.MinAccesses || Best * 100 < size_t(T.MinPercent) * Counted.size())
        continue;
    }
    std::vector<size_t> Guarded, Bare;
    bool GuardedWrite = false;
    for (size_t I : Counted) {
      if (const HeldGuard *H = holds(Accesses[I], Key)) {
        if (Display.empty())
          Display = H->Display;
        Guarded.push_back(I);
        GuardedWrite |= Accesses[I].Write;
      } else {
        Bare.push_back(I);
      }
    }
    // Writes first; a read is reported when the option asks and the guard
    // is known to protect writes (a read-mostly value read bare is common).
    std::stable_partition(Bare.begin(), Bare.end(),
                          [&](size_t I) { return Accesses[I].Write; });
    for (size_t I : Bare) {
      const VarAccess &A = Accesses[I];
      if (!A.Write && !(T.Reads && (GuardedWrite || Annotated)))
        continue;
      UnguardedVerdict V;
      V.Access = I;
      V.Message = "'" + A.VarName + "' is " + (A.Write ? "written" : "read") + " without " +
                  msg::quoted(Display) + ", which guards it ";
      V.Message += Annotated ? std::string("by its annotation") : "in " + places(Guarded.size());
      // Notes at up to three guarded accesses, writes first.
      std::vector<size_t> Notes = Guarded;
      std::stable_partition(Notes.begin(), Notes.end(),
                            [&](size_t J) { return Accesses[J].Write; });
      Notes.resize(std::min<size_t>(Notes.size(), 3));
      V.GuardedAt = std::move(Notes);
      V.NoteMessage = msg::quoted(Display) + " is held here";
      Out.push_back(std::move(V));
    }
  }
  return Out;
}

} // namespace lockcheck
