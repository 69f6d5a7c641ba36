//===- NolintComments.cpp - parsing NOLINT directives ---------------------===//
#include "NolintComments.h"
#include "lockcheck/Config.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace lockcheck {
namespace {

enum class Kind { ThisLine, NextLine, Begin, End };

/// "a, b ,c" -> "a,b,c" so that BEGIN and END lists compare by content.
std::string normalizeGlobs(StringRef Globs) {
  std::string S;
  for (char C : Globs)
    if (!isSpace(C))
      S += C;
  return S;
}

} // namespace

NolintComments::NolintComments(StringRef Buffer) {
  struct OpenBegin {
    unsigned Line;
    std::optional<std::string> Globs;
  };
  SmallVector<OpenBegin, 4> Open;
  unsigned Line = 1;
  size_t LineCountedTo = 0;
  for (size_t Pos = Buffer.find("NOLINT"); Pos != StringRef::npos;
       Pos = Buffer.find("NOLINT", Pos + 1)) {
    Line += Buffer.slice(LineCountedTo, Pos).count('\n');
    LineCountedTo = Pos;

    StringRef Rest = Buffer.substr(Pos + 6);
    Kind K = Kind::ThisLine;
    if (Rest.consume_front("NEXTLINE"))
      K = Kind::NextLine;
    else if (Rest.consume_front("BEGIN"))
      K = Kind::Begin;
    else if (Rest.consume_front("END"))
      K = Kind::End;
    // "NOLINTED" or "MY_NOLINT_X" are words, not directives.
    if (!Rest.empty() && (isAlnum(Rest[0]) || Rest[0] == '_'))
      continue;
    if (Pos > 0 && (isAlnum(Buffer[Pos - 1]) || Buffer[Pos - 1] == '_'))
      continue;

    std::optional<std::string> Globs;
    if (Rest.consume_front("(")) {
      size_t Close = Rest.find_first_of(")\n");
      if (Close == StringRef::npos || Rest[Close] != ')')
        continue; // unclosed: clang-tidy ignores it too
      Globs = normalizeGlobs(Rest.take_front(Close));
    }

    switch (K) {
    case Kind::ThisLine:
      Scopes.push_back({Line, Line, Globs});
      break;
    case Kind::NextLine:
      Scopes.push_back({Line + 1, Line + 1, Globs});
      break;
    case Kind::Begin:
      Open.push_back({Line, Globs});
      break;
    case Kind::End:
      // An END without its BEGIN suppresses nothing; a BEGIN never closed
      // suppresses nothing either (clang-tidy reports both as mistakes).
      for (size_t I = Open.size(); I-- > 0;)
        if (Open[I].Globs == Globs) {
          Scopes.push_back({Open[I].Line, Line, Globs});
          Open.erase(Open.begin() + I);
          break;
        }
      break;
    }
  }
}

bool NolintComments::globsMatch(const std::optional<std::string> &Globs,
                                Check C) {
  if (!Globs)
    return true;
  // Left to right, the last glob that matches decides ("-" negates), as in
  // clang-tidy. Check names have no "::", so nameMatches is a plain glob.
  bool Suppressed = false;
  SmallVector<StringRef, 4> Parts;
  StringRef(*Globs).split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (StringRef Part : Parts) {
    bool Negated = Part.consume_front("-");
    if (nameMatches(Part, checkName(C)))
      Suppressed = !Negated;
  }
  return Suppressed;
}

bool NolintComments::suppresses(unsigned Line, Check C) const {
  for (const Scope &S : Scopes)
    if (S.FirstLine <= Line && Line <= S.LastLine && globsMatch(S.Globs, C))
      return true;
  return false;
}

} // namespace lockcheck
