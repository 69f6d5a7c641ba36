//===- FindingsToLsp.h - Findings -> LSP diagnostics -----------*- C++ -*-===//
//
// Only findings located in the analysed buffer are published for it, as
// clangd does for warnings: a finding inside a header shows up when that
// header is open. Notes may point anywhere (relatedInformation).
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_FINDINGSTOLSP_H
#define LOCKCHECK_LSP_FINDINGSTOLSP_H

#include "LockcheckDiagnostic.h"
#include "lockcheck/Finding.h"
#include "llvm/ADT/ArrayRef.h"

namespace clang {
class LangOptions;
class SourceManager;
} // namespace clang

namespace lockcheck::lsp {

std::vector<LockcheckDiagnostic>
convertFindings(llvm::ArrayRef<Finding> Findings, const clang::SourceManager &SM,
                const clang::LangOptions &LangOpts, PositionEncoding Encoding);

} // namespace lockcheck::lsp

#endif
