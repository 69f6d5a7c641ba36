//===- JsonLimits.cpp - one-pass depth and size checks --------------------===//
#include "lockcheck/JsonLimits.h"
#include "llvm/ADT/StringExtras.h"

namespace lockcheck {

std::string sizeText(size_t Bytes) {
  if (Bytes >= (size_t(1) << 30) && Bytes % (size_t(1) << 30) == 0)
    return std::to_string(Bytes >> 30) + " GiB";
  if (Bytes >= (size_t(1) << 20) && Bytes % (size_t(1) << 20) == 0)
    return std::to_string(Bytes >> 20) + " MiB";
  return std::to_string(Bytes) + " bytes";
}

std::string tooLargeText(std::optional<size_t> Size, size_t MaxBytes) {
  std::string More = "more than the " + sizeText(MaxBytes) + " this reader accepts";
  return Size ? std::to_string(*Size) + " bytes, " + More : More;
}

static std::optional<std::string> tooLarge(size_t Size, size_t MaxBytes) {
  if (Size <= MaxBytes)
    return std::nullopt;
  return tooLargeText(Size, MaxBytes);
}

std::optional<std::string> jsonLimitProblem(llvm::StringRef Text, size_t MaxBytes,
                                            unsigned MaxDepth) {
  if (std::optional<std::string> Big = tooLarge(Text.size(), MaxBytes))
    return Big;
  unsigned Depth = 0;
  bool InString = false;
  for (size_t I = 0; I < Text.size(); ++I) {
    char C = Text[I];
    if (InString) {
      if (C == '\\')
        ++I; // the escaped character, whatever it is
      else if (C == '"')
        InString = false;
      continue;
    }
    if (C == '"') {
      InString = true;
    } else if (C == '[' || C == '{') {
      if (++Depth > MaxDepth)
        return "nested deeper than " + std::to_string(MaxDepth) + " levels at byte " +
               std::to_string(I);
    } else if ((C == ']' || C == '}') && Depth > 0) {
      --Depth;
    }
  }
  return std::nullopt;
}

llvm::Expected<llvm::json::Value> parseJsonBounded(llvm::StringRef Text, size_t MaxBytes,
                                                   unsigned MaxDepth) {
  if (std::optional<std::string> Problem = jsonLimitProblem(Text, MaxBytes, MaxDepth))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), *Problem);
  return llvm::json::parse(Text);
}

std::optional<std::string> yamlLimitProblem(llvm::StringRef Text, size_t MaxBytes,
                                            unsigned MaxDepth) {
  if (std::optional<std::string> Big = tooLarge(Text.size(), MaxBytes))
    return Big;
  unsigned Flow = 0, Line = 1;
  char Quote = 0; // inside '...' or "..."
  auto tooDeep = [&](llvm::StringRef What) {
    return "nested deeper than " + std::to_string(MaxDepth) + " levels (" + What.str() +
           ") on line " + std::to_string(Line);
  };
  size_t I = 0;
  while (I < Text.size()) {
    // At the start of a line outside quotes: indentation and a run of block
    // indicators ("- - ? x") open one level each.
    if (!Quote) {
      unsigned Indent = 0, Indicators = 0;
      while (I < Text.size() && Text[I] == ' ')
        ++I, ++Indent;
      while (I + 1 < Text.size() && (Text[I] == '-' || Text[I] == '?') &&
             (Text[I + 1] == ' ' || Text[I + 1] == '\n')) {
        ++Indicators;
        I += 2;
        while (I < Text.size() && Text[I] == ' ')
          ++I;
      }
      if (Indent > MaxDepth)
        return tooDeep("indentation of " + std::to_string(Indent) + " columns");
      if (Flow + Indicators > MaxDepth)
        return tooDeep("block or flow collections");
    }
    for (; I < Text.size() && Text[I] != '\n'; ++I) {
      char C = Text[I];
      if (Quote) {
        if (Quote == '"' && C == '\\')
          ++I;
        else if (C == Quote)
          Quote = 0;
        continue;
      }
      if (C == '#' && (I == 0 || Text[I - 1] == ' ' || Text[I - 1] == '\t')) {
        while (I < Text.size() && Text[I] != '\n')
          ++I;
        break;
      }
      if (C == '\'' || C == '"')
        Quote = C;
      else if ((C == '[' || C == '{') && ++Flow > MaxDepth)
        return tooDeep("flow collections");
      else if ((C == ']' || C == '}') && Flow > 0)
        --Flow;
    }
    ++I;
    ++Line;
  }
  return std::nullopt;
}

} // namespace lockcheck
