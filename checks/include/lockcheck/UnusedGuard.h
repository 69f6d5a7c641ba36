//===- UnusedGuard.h - guards that protect nothing --------------*- C++ -*-===//
//
// A syntactic check: a guard created as a discarded temporary
// (`std::lock_guard<std::mutex>{m};`) locks and unlocks at once, and
// `std::unique_lock<std::mutex>(m);` declares a new, empty guard named `m`.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_UNUSEDGUARD_H
#define LOCKCHECK_UNUSEDGUARD_H

#include "lockcheck/Finding.h"

namespace clang {
class ASTContext;
class Stmt;
} // namespace clang

namespace lockcheck {
class LockModel;

void checkUnusedGuards(const clang::Stmt *Body, clang::ASTContext &Ctx,
                       const LockModel &Model, FindingSink &Sink);

} // namespace lockcheck

#endif
