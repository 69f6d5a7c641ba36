//===- JsonLimits.h - bounds every reader checks before parsing -*- C++ -*-===//
//
// llvm::json::parse, json::Value's destructor and LLVM's YAML parser recurse
// once per level of nesting, so a file nested some ten thousand levels deep
// overflows the stack. Nothing lockcheck writes nests more than about ten
// levels, so every reader of a facts file, a baseline, a cache entry, a
// configuration or an LSP message first scans the text (one pass, no
// recursion) and refuses one that is too deep or too large, with a message
// that says which limit and where.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_JSONLIMITS_H
#define LOCKCHECK_JSONLIMITS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <cstddef>
#include <optional>
#include <string>

namespace lockcheck {

/// Nesting (arrays and objects, or YAML collections) any reader accepts.
constexpr unsigned MaxNestingDepth = 256;

/// Sizes past which a reader refuses a file (bytes).
constexpr size_t MaxFactsBytes = size_t(1) << 30;    // also a cache entry
constexpr size_t MaxBaselineBytes = size_t(256) << 20;
constexpr size_t MaxConfigBytes = size_t(1) << 20;
constexpr size_t MaxLspMessageBytes = size_t(256) << 20;

/// "1 GiB", "256 MiB", "1 MiB", else bytes.
std::string sizeText(size_t Bytes);

/// "2147483648 bytes, more than the 1 GiB this reader accepts"; without a
/// size (a stream read up to the limit), from "more than".
std::string tooLargeText(std::optional<size_t> Size, size_t MaxBytes);

/// Why \p Text must not be given to llvm::json::parse ("nested deeper than
/// 256 levels at byte 12", "2 GiB, more than the 1 GiB a ... may have"), or
/// nullopt. Brackets inside strings do not count.
std::optional<std::string> jsonLimitProblem(llvm::StringRef Text, size_t MaxBytes,
                                            unsigned MaxDepth = MaxNestingDepth);

/// llvm::json::parse behind jsonLimitProblem.
llvm::Expected<llvm::json::Value> parseJsonBounded(llvm::StringRef Text, size_t MaxBytes,
                                                   unsigned MaxDepth = MaxNestingDepth);

/// The same for YAML, conservatively: flow collections ('[', '{' outside
/// quotes and comments), block indentation and runs of block indicators
/// ("- - - x") each count as nesting.
std::optional<std::string> yamlLimitProblem(llvm::StringRef Text, size_t MaxBytes,
                                            unsigned MaxDepth = MaxNestingDepth);

} // namespace lockcheck

#endif
