//===- CheckDocs.cpp ------------------------------------------------------===//
#include "CheckDocs.h"
#include "llvm/ADT/StringExtras.h"

namespace lockcheck::cli {

namespace {
struct Page {
  llvm::StringRef Name; // file name without .md
  llvm::StringRef Markdown;
};
const Page Pages[] = {
#include "CheckDocs.inc"
};

/// Inline Markdown (`code`, **bold**, [text](link)) as plain text.
std::string plainInline(llvm::StringRef Line) {
  std::string Out;
  for (size_t I = 0; I < Line.size(); ++I) {
    char C = Line[I];
    if (C == '`' || (C == '*' && I + 1 < Line.size() && Line[I + 1] == '*'))
      continue;
    if (C == '*' && I > 0 && Line[I - 1] == '*')
      continue;
    if (C == '[') { // [text](target) -> text
      size_t Close = Line.find("](", I);
      size_t End = Close == llvm::StringRef::npos ? Close : Line.find(')', Close);
      if (End != llvm::StringRef::npos) {
        Out += plainInline(Line.slice(I + 1, Close));
        I = End;
        continue;
      }
    }
    Out += C;
  }
  return Out;
}
} // namespace

llvm::StringRef checkDocMarkdown(Check C) {
  llvm::StringRef Name = checkName(C);
  Name.consume_front("lockcheck-");
  for (const Page &P : Pages)
    if (P.Name == Name)
      return P.Markdown;
  return "";
}

std::string checkDocText(Check C) {
  std::string Out;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  checkDocMarkdown(C).split(Lines, '\n');
  bool InCode = false;
  for (llvm::StringRef L : Lines) {
    if (L.starts_with("```")) {
      InCode = !InCode;
      continue;
    }
    if (InCode) {
      Out += "    " + L.str() + "\n";
      continue;
    }
    L = L.ltrim('#').ltrim();
    Out += plainInline(L) + "\n";
  }
  return llvm::StringRef(Out).trim().str() + "\n";
}

std::string checkDocIntro(Check C) {
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  checkDocMarkdown(C).split(Lines, '\n');
  std::string Out;
  for (llvm::StringRef L : Lines) {
    if (L.starts_with("#"))
      continue;
    if (L.trim().empty()) {
      if (!Out.empty())
        break;
      continue;
    }
    Out += (Out.empty() ? "" : " ") + plainInline(L.trim());
  }
  return Out.empty() ? checkSummary(C).str() : Out;
}

std::string uriEscapePath(llvm::StringRef S) {
  std::string Out;
  for (unsigned char C : S) {
    if (llvm::isAlnum(static_cast<char>(C)) || llvm::StringRef("/-_.~").contains(C)) {
      Out += static_cast<char>(C);
      continue;
    }
    Out += '%';
    Out += llvm::hexdigit(C >> 4);
    Out += llvm::hexdigit(C & 15);
  }
  return Out;
}

std::string checkDocUri(Check C) {
  llvm::StringRef Name = checkName(C);
  Name.consume_front("lockcheck-");
  llvm::StringRef Base = LOCKCHECK_DOCS_BASE_URL;
  if (!Base.empty())
    return Base.rtrim('/').str() + "/" + uriEscapePath(Name) + ".md";
  return "file://" + uriEscapePath(LOCKCHECK_SOURCE_DOCS_DIR) + "/" + uriEscapePath(Name) + ".md";
}

} // namespace lockcheck::cli
