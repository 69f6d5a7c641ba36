//===- Analysis.cpp - (stub until the dataflow lands) ---------------------===//
#include "lockcheck/Analysis.h"

namespace lockcheck {
void analyzeTranslationUnit(clang::ASTContext &, const AnalysisOptions &,
                            FindingSink &) {}
} // namespace lockcheck
