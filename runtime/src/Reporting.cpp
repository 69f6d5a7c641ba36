//===- Reporting.cpp - options and report delivery ------------------------===//

#include "Reporting.h"
#include "Backtrace.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace lockcheck {

const char *reportKindName(ReportKind Kind) noexcept {
  switch (Kind) {
  case ReportKind::ReleaseNotHeld:
    return "release-not-held";
  case ReportKind::SelfDeadlock:
    return "self-deadlock";
  case ReportKind::LockOrderCycle:
    return "lock-order-cycle";
  case ReportKind::NotHeld:
    return "not-held";
  case ReportKind::DestroyedWhileHeld:
    return "destroyed-while-held";
  case ReportKind::CapacityExceeded:
    return "capacity-exceeded";
  }
  return "unknown";
}

namespace {
std::error_code codeFor(ReportKind Kind) {
  switch (Kind) {
  case ReportKind::ReleaseNotHeld:
  case ReportKind::NotHeld:
    return std::make_error_code(std::errc::operation_not_permitted);
  default:
    return std::make_error_code(std::errc::resource_deadlock_would_occur);
  }
}
} // namespace

ValidationError::ValidationError(ReportKind Kind, const std::string &Message)
    : std::system_error(codeFor(Kind), Message), Kind(Kind) {}

namespace detail {
namespace {
// -1: not set yet (the environment or the default decides on first use).
std::atomic<int> MisuseAction{-1};
std::atomic<int> OrderAction{-1};
std::atomic<ReportHandler> Handler{nullptr};
std::atomic<std::size_t> MaxEdges{32768};
std::atomic<unsigned> StackDepth{16};
std::atomic<std::size_t> Reports{0};
std::once_flag EnvOnce;

constexpr Action kDefaultMisuse = Action::Throw;
constexpr Action kDefaultOrder = Action::Report;

// Parses one variable; prints one line and leaves \p Slot alone if invalid.
bool readActionVar(const char *Var, std::atomic<int> &Slot) {
  const char *V = std::getenv(Var);
  if (!V || !*V)
    return true;
  int A = -1;
  if (!std::strcmp(V, "report"))
    A = static_cast<int>(Action::Report);
  else if (!std::strcmp(V, "throw"))
    A = static_cast<int>(Action::Throw);
  else if (!std::strcmp(V, "abort"))
    A = static_cast<int>(Action::Abort);
  if (A < 0) {
    std::fprintf(stderr,
                 "lockcheck: %s='%s' is not valid; use report, throw or "
                 "abort\n",
                 Var, V);
    return false;
  }
  Slot.store(A, std::memory_order_relaxed);
  return true;
}

void loadEnvironmentOnce() {
  // The setters call this first, so an explicit setting always wins.
  std::call_once(EnvOnce, [] {
    readActionVar("LOCKCHECK_ON_MISUSE", MisuseAction);
    readActionVar("LOCKCHECK_ON_CYCLE", OrderAction);
  });
}

Action actionOf(std::atomic<int> &Slot, Action Default) {
  loadEnvironmentOnce();
  int A = Slot.load(std::memory_order_relaxed);
  return A < 0 ? Default : static_cast<Action>(A);
}

void toStderr(const Report &R) {
  std::string Line = R.message + "\n";
  std::fwrite(Line.data(), 1, Line.size(), stderr);
  std::fflush(stderr);
}

std::string hexAddress(const void *P) {
  char Buf[32];
  std::snprintf(Buf, sizeof Buf, "%p", P);
  return Buf;
}

const char *kindWord(LockKind K) {
  switch (K) {
  case LockKind::Mutex:
    return "mutex";
  case LockKind::RecursiveMutex:
    return "recursive mutex";
  case LockKind::TimedMutex:
    return "timed mutex";
  case LockKind::RecursiveTimedMutex:
    return "recursive timed mutex";
  case LockKind::SharedMutex:
    return "shared mutex";
  }
  return "lock";
}
} // namespace

std::string lockLabel(LockKind Kind, const char *Name, const void *Address) {
  std::string S = kindWord(Kind);
  if (Name && *Name)
    S += std::string(" '") + Name + "'";
  S += " (" + hexAddress(Address) + ")";
  return S;
}

std::string lockLabel(const LockMeta &M) {
  return lockLabel(M.kind, M.name, &M);
}

std::string classLabel(const ClassMeta &C) {
  return std::string("lock class '") + (C.name ? C.name : "") + "'";
}

std::string siteLabel(const SiteInfo &S) {
  if (!S.file)
    return "an unknown place";
  std::string R = std::string(S.file) + ":" + std::to_string(S.line);
  if (S.function && *S.function)
    R += std::string(" in function '") + S.function + "'";
  return R;
}

void raise(ReportKind Kind, std::string Message, Action A, bool MayThrow) {
  Reports.fetch_add(1, std::memory_order_relaxed);
  if (A == Action::Throw && MayThrow) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    throw ValidationError(Kind, Message);
#else
    A = Action::Abort;
#endif
  }
  ReportHandler H = Handler.load();
  Report R{Kind, std::move(Message)};
  (H ? H : toStderr)(R);
  if (A == Action::Abort) {
    if (H) // the message must reach the user even with a custom handler
      toStderr(R);
    std::abort();
  }
}

std::size_t maxEdges() { return MaxEdges.load(std::memory_order_relaxed); }
unsigned stackDepth() { return StackDepth.load(std::memory_order_relaxed); }
std::size_t reportCount() { return Reports.load(std::memory_order_relaxed); }
void resetReportCount() { Reports.store(0); }

} // namespace detail

namespace validator {
void setMisuseAction(Action A) {
  detail::loadEnvironmentOnce();
  detail::MisuseAction.store(static_cast<int>(A));
}
Action misuseAction() {
  return detail::actionOf(detail::MisuseAction, detail::kDefaultMisuse);
}
void setOrderAction(Action A) {
  detail::loadEnvironmentOnce();
  detail::OrderAction.store(static_cast<int>(A));
}
Action orderAction() {
  return detail::actionOf(detail::OrderAction, detail::kDefaultOrder);
}
ReportHandler setReportHandler(ReportHandler H) {
  return detail::Handler.exchange(H);
}
void setMaxEdges(std::size_t N) { detail::MaxEdges.store(N); }
void setStackDepth(unsigned N) {
  detail::StackDepth.store(N > detail::kMaxFrames ? detail::kMaxFrames : N);
}
bool configureFromEnvironment() {
  detail::loadEnvironmentOnce();
  bool Ok = detail::readActionVar("LOCKCHECK_ON_MISUSE", detail::MisuseAction);
  return detail::readActionVar("LOCKCHECK_ON_CYCLE", detail::OrderAction) && Ok;
}
} // namespace validator
} // namespace lockcheck
