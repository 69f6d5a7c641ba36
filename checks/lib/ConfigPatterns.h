//===- ConfigPatterns.h - parsers for the strings inside a config -*- C++ -*-===//
//
// Private to the core: Config.cpp uses these to validate entries, and the
// printer uses the formatter so that printed configs parse back unchanged.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LIB_CONFIGPATTERNS_H
#define LOCKCHECK_LIB_CONFIGPATTERNS_H

#include "lockcheck/Config.h"
#include <string>

namespace lockcheck {

/// Checks a function, type or lock name glob; returns the problem or "".
std::string checkNameGlob(llvm::StringRef Name);

/// Parses "name(N)" / "name(this)" and, when \p AllowSuccess, an optional
/// "== 0" / "== true". Fills \p Out (not Line) and returns the problem or "".
std::string parseLockFunctionPattern(llvm::StringRef Text, bool AllowSuccess,
                                     LockFunctionPattern &Out);

/// The inverse of parseLockFunctionPattern.
std::string formatLockFunctionPattern(const LockFunctionPattern &P,
                                      bool WithSuccess);

} // namespace lockcheck

#endif
