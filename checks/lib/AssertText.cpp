//===- AssertText.cpp - what a compiled-out assert states -----------------===//
#include "lockcheck/AssertText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace lockcheck {
namespace {

// An assertion longer than this is not one the readers compare anyway.
constexpr size_t MaxTokens = 256;

/// The tokens from \p Begin to the token starting at \p Last, both in one
/// file and \p Last not before \p Begin.
std::optional<TokenText> tokensBetween(SourceLocation Begin, SourceLocation Last,
                                       const ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (Begin.isInvalid() || Last.isInvalid() || !Begin.isFileID() || !Last.isFileID())
    return std::nullopt;
  auto [File, From] = SM.getDecomposedLoc(Begin);
  auto [LastFile, To] = SM.getDecomposedLoc(Last);
  if (File != LastFile || To < From)
    return std::nullopt;
  bool Invalid = false;
  llvm::StringRef Buf = SM.getBufferData(File, &Invalid);
  if (Invalid || To >= Buf.size())
    return std::nullopt;
  Lexer Lex(SM.getLocForStartOfFile(File), Ctx.getLangOpts(), Buf.begin(), Buf.begin() + From,
            Buf.end());
  TokenText Out;
  Token T;
  do {
    Lex.LexFromRawLexer(T);
    if (T.is(tok::eof) || Out.size() == MaxTokens)
      return std::nullopt;
    Out.push_back(Lexer::getSpelling(T, SM, Ctx.getLangOpts()));
  } while (SM.getFileOffset(T.getLocation()) < To);
  return Out;
}

/// \p Tokens without parentheses that enclose all of them.
llvm::ArrayRef<std::string> unparenthesised(llvm::ArrayRef<std::string> Tokens) {
  while (Tokens.size() >= 2 && Tokens.front() == "(" && Tokens.back() == ")") {
    int Depth = 0;
    for (size_t I = 0; I + 1 < Tokens.size(); ++I) {
      Depth += Tokens[I] == "(" ? 1 : Tokens[I] == ")" ? -1 : 0;
      if (Depth == 0)
        return Tokens; // `(a) && (b)`: the first one closes early
    }
    Tokens = Tokens.drop_front().drop_back();
  }
  return Tokens;
}

/// Whether \p E is `(void)0` (or `static_cast<void>(0)`): what `assert`
/// becomes under NDEBUG, and nothing that evaluates the condition.
bool isVoidZero(const Expr *E) {
  const auto *Cast = dyn_cast<ExplicitCastExpr>(E->IgnoreParens());
  if (!Cast || !Cast->getType()->isVoidType())
    return false;
  const auto *Lit = dyn_cast<IntegerLiteral>(Cast->getSubExpr()->IgnoreParenImpCasts());
  return Lit && Lit->getValue() == 0;
}

/// \p Tokens without `this ->`: `this->x_` and `x_` name one member.
TokenText withoutThis(llvm::ArrayRef<std::string> Tokens) {
  TokenText Out;
  for (size_t I = 0; I < Tokens.size(); ++I) {
    if (Tokens[I] == "this" && I + 1 < Tokens.size() && Tokens[I + 1] == "->") {
      ++I;
      continue;
    }
    Out.push_back(Tokens[I]);
  }
  return Out;
}

} // namespace

std::optional<std::vector<TokenText>> compiledOutAssert(const Stmt *S, const ASTContext &Ctx) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E || !E->getBeginLoc().isMacroID() || !isVoidZero(E))
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  // The whole statement must be one expansion of a macro named where the
  // source calls it (not an assert inside another macro's body).
  CharSourceRange Whole = SM.getExpansionRange(E->getSourceRange());
  if (SM.getExpansionRange(E->getBeginLoc()).getBegin() !=
      SM.getExpansionRange(E->getEndLoc()).getBegin())
    return std::nullopt;
  if (Lexer::getImmediateMacroName(E->getBeginLoc(), SM, Ctx.getLangOpts()) != "assert")
    return std::nullopt;
  std::optional<TokenText> Tokens = tokensBetween(Whole.getBegin(), Whole.getEnd(), Ctx);
  if (!Tokens || Tokens->size() < 4 || (*Tokens)[0] != "assert" || (*Tokens)[1] != "(" ||
      Tokens->back() != ")")
    return std::nullopt;
  llvm::ArrayRef<std::string> Cond = llvm::ArrayRef(*Tokens).drop_front(2).drop_back();
  std::vector<TokenText> Conjuncts;
  int Depth = 0;
  size_t Start = 0;
  auto cut = [&](size_t End) {
    Conjuncts.push_back(withoutThis(unparenthesised(Cond.slice(Start, End - Start))));
  };
  for (size_t I = 0; I < Cond.size(); ++I) {
    const std::string &T = Cond[I];
    if (T == "(" || T == "[" || T == "{")
      ++Depth;
    else if (T == ")" || T == "]" || T == "}")
      --Depth;
    else if (T == "||" || T == "?")
      return std::nullopt; // a disjunction states none of its parts
    else if (T == "&&" && Depth == 0) {
      cut(I);
      Start = I + 1;
    }
  }
  cut(Cond.size());
  for (const TokenText &C : Conjuncts)
    if (C.empty())
      return std::nullopt;
  return Conjuncts;
}

std::optional<TokenText> spelledTokens(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return std::nullopt;
  SourceRange R = E->getSourceRange();
  std::optional<TokenText> Tokens = tokensBetween(R.getBegin(), R.getEnd(), Ctx);
  if (!Tokens)
    return std::nullopt;
  return withoutThis(*Tokens);
}

} // namespace lockcheck
