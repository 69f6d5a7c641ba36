//===- AssertText.h - what a compiled-out assert states -------*- C++ -*-===//
//
// Under NDEBUG, `assert(o.has_value())` becomes `(void)0`: the condition is
// gone from the AST but not from the source. It still states the author's
// invariant, and a finding that contradicts it (an exception `o.value()`
// throws only when `o` is empty) is not one a maintainer can act on. These
// helpers read such a condition back as tokens, for a textual comparison
// with the expressions the analysis has (ThrowGuards).
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_ASSERTTEXT_H
#define LOCKCHECK_ASSERTTEXT_H

#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class Stmt;
} // namespace clang

namespace lockcheck {

/// Token spellings, in order.
using TokenText = std::vector<std::string>;

/// When \p S is an `assert(c)` compiled out to `(void)0`, written directly in
/// a source file: the conjuncts of `c` (split at its top-level `&&`), each
/// without enclosing parentheses and `this ->`. Otherwise nothing.
std::optional<std::vector<TokenText>> compiledOutAssert(const clang::Stmt *S,
                                                        const clang::ASTContext &Ctx);

/// The tokens of \p E as written, when it is spelled in one file without
/// macros, without `this ->` (`this->x_` reads as `x_`).
std::optional<TokenText> spelledTokens(const clang::Expr *E, const clang::ASTContext &Ctx);

} // namespace lockcheck

#endif
