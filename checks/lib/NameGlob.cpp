//===- NameGlob.cpp - matching config name globs against qualified names --===//
//
// Config entries name functions and types by glob ("log_*", "Spin::grab").
// Only '*' and '?' are special: C++ names never contain them, and keeping
// '[' literal lets "operator[]" be written as is.
//
//===----------------------------------------------------------------------===//
#include "lockcheck/Config.h"

using namespace llvm;

namespace lockcheck {
namespace {

/// Classic wildcard match; on a mismatch after a '*' the star absorbs one more
/// character, which is linear enough for the short names involved.
bool globMatch(StringRef Glob, StringRef S) {
  size_t G = 0, I = 0;
  size_t StarG = StringRef::npos, StarI = 0;
  while (I < S.size()) {
    if (G < Glob.size() && (Glob[G] == '?' || Glob[G] == S[I])) {
      ++G;
      ++I;
    } else if (G < Glob.size() && Glob[G] == '*') {
      StarG = G++;
      StarI = I;
    } else if (StarG != StringRef::npos) {
      G = StarG + 1;
      I = ++StarI;
    } else {
      return false;
    }
  }
  while (G < Glob.size() && Glob[G] == '*')
    ++G;
  return G == Glob.size();
}

/// Offsets where a name component starts: 0 and after each "::" that is not
/// inside template arguments ("A<n::B>::f" has components "A<n::B>" and "f").
SmallVector<size_t, 4> componentStarts(StringRef Name) {
  SmallVector<size_t, 4> Starts{0};
  int Depth = 0;
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (C == '<' || C == '(')
      ++Depth;
    else if ((C == '>' || C == ')') && Depth > 0)
      --Depth;
    else if (Depth == 0 && C == ':' && I + 1 < Name.size() && Name[I + 1] == ':') {
      Starts.push_back(I + 2);
      ++I;
    }
  }
  return Starts;
}

} // namespace

bool nameMatches(StringRef Glob, StringRef QualifiedName) {
  Glob = Glob.trim();
  QualifiedName.consume_front("::");
  if (Glob.consume_front("::"))
    return globMatch(Glob, QualifiedName);
  SmallVector<size_t, 4> Starts = componentStarts(QualifiedName);
  if (!Glob.contains("::"))
    return globMatch(Glob, QualifiedName.substr(Starts.back()));
  for (size_t Start : Starts)
    if (globMatch(Glob, QualifiedName.substr(Start)))
      return true;
  return false;
}

} // namespace lockcheck
