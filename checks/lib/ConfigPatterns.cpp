//===- ConfigPatterns.cpp - the small grammars inside .lockcheck.yaml -----===//
//
//   lock function:  name "(" (N | "this") ")" [ "==" ("0" | "true") ]
//   name:           ["::"] component { "::" component }
//   component:      one or more of [A-Za-z0-9_~*?]
//
// Each parser returns the problem as text (empty on success); Config.cpp adds
// the file position and the list of valid forms.
//
//===----------------------------------------------------------------------===//
#include "ConfigPatterns.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace lockcheck {

std::string checkNameGlob(StringRef Name) {
  StringRef Rest = Name;
  Rest.consume_front("::");
  if (Rest.empty())
    return "expected a name";
  while (true) {
    size_t Len = 0;
    while (Len < Rest.size() && (isAlnum(Rest[Len]) || Rest[Len] == '_' ||
                                 Rest[Len] == '~' || Rest[Len] == '*' ||
                                 Rest[Len] == '?'))
      ++Len;
    if (Len == 0)
      return Rest.empty() || Rest.starts_with(":")
                 ? "empty name component"
                 : ("unexpected character '" + Rest.take_front(1) +
                    "' in the name")
                       .str();
    Rest = Rest.drop_front(Len);
    if (Rest.empty())
      return "";
    if (!Rest.consume_front("::"))
      return ("unexpected character '" + Rest.take_front(1) + "' in the name")
          .str();
  }
}

std::string parseLockFunctionPattern(StringRef Text, bool AllowSuccess,
                                     LockFunctionPattern &Out) {
  StringRef Rest = Text.trim();
  size_t Open = Rest.find('(');
  StringRef Name = Rest.take_front(Open).rtrim();
  if (Name.empty())
    return "expected a function name before '('";
  if (std::string Problem = checkNameGlob(Name); !Problem.empty())
    return Problem;
  if (Open == StringRef::npos)
    return "expected '(' and the lock argument after the function name";
  Rest = Rest.drop_front(Open + 1);
  size_t Close = Rest.find(')');
  if (Close == StringRef::npos)
    return "expected ')' after the lock argument";
  StringRef Arg = Rest.take_front(Close).trim();
  unsigned Index = 0;
  if (Arg == "this")
    Out.LockArg = -1;
  else if (!Arg.empty() && llvm::all_of(Arg, isDigit) &&
           !Arg.getAsInteger(10, Index) && Index <= 255)
    Out.LockArg = static_cast<int>(Index);
  else
    return ("the lock argument '" + Arg +
            "' must be 'this' or an argument number from 0 to 255")
        .str();
  Out.NameGlob = Name.str();
  Out.Success = TrySuccess::True;

  StringRef Cond = Rest.drop_front(Close + 1).trim();
  if (Cond.empty())
    return "";
  if (!AllowSuccess)
    return ("unexpected '" + Cond +
            "' after ')'; a success condition is only valid in try-acquire "
            "and try-acquire-shared")
        .str();
  if (Cond.consume_front("==")) {
    Cond = Cond.trim();
    if (Cond == "0") {
      Out.Success = TrySuccess::Zero;
      return "";
    }
    if (Cond == "true") {
      Out.Success = TrySuccess::True;
      return "";
    }
  }
  return ("unexpected '" + Rest.drop_front(Close + 1).trim() + "' after ')'")
      .str();
}

std::string formatLockFunctionPattern(const LockFunctionPattern &P,
                                      bool WithSuccess) {
  std::string S = P.NameGlob + "(" +
                  (P.LockArg < 0 ? std::string("this") : std::to_string(P.LockArg)) +
                  ")";
  if (WithSuccess)
    S += P.Success == TrySuccess::Zero ? " == 0" : " == true";
  return S;
}

} // namespace lockcheck
