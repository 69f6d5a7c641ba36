//===- Reporting.h - turning findings into reports --------------*- C++ -*-===//
//
// Options (actions, handler, limits, environment), the text of the parts of
// a report that name locks, threads and places, and raising a report with
// the configured action.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_RUNTIME_REPORTING_H
#define LOCKCHECK_RUNTIME_REPORTING_H

#include "lockcheck/Validator.h"

#include <cstddef>
#include <string>

namespace lockcheck {
namespace detail {

/// "mutex 'account' (0x7ffd...)", "recursive mutex (0x...)".
std::string lockLabel(const LockMeta &M);
std::string lockLabel(LockKind Kind, const char *Name, const void *Address);
/// "lock class 'Account::mu'".
std::string classLabel(const ClassMeta &C);
/// "bank.cpp:42 in function 'deposit'".
std::string siteLabel(const SiteInfo &S);

/// Counts the report, then reports, throws or aborts as \p A says. With
/// \p MayThrow false (destructors) Throw degrades to Report.
void raise(ReportKind Kind, std::string Message, Action A,
           bool MayThrow = true);

std::size_t maxEdges();
unsigned stackDepth();
std::size_t reportCount();
void resetReportCount();

} // namespace detail
} // namespace lockcheck

#endif
