//===- lockcheck/Validator.h - the debug-mode lock validator ----*- C++ -*-===//
//
// The validator watches every lock operation of the lockcheck primitives at
// run time: who owns a lock, releases of locks the thread does not hold,
// re-acquisition of a held non-recursive lock, and (like the Linux kernel's
// lockdep) the global order in which locks nest, reporting the first
// acquisition that closes a cycle even if the program never deadlocks.
//
// It is on unless NDEBUG is defined; -DLOCKCHECK_VALIDATE=0/1 forces it.
// The setting selects an inline namespace (lockcheck::validated or
// lockcheck::plain), so translation units built with different settings
// cannot silently share a class layout: mixing them fails to link instead.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_VALIDATOR_H
#define LOCKCHECK_VALIDATOR_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <system_error>

#ifndef LOCKCHECK_VALIDATE
#ifdef NDEBUG
#define LOCKCHECK_VALIDATE 0
#else
#define LOCKCHECK_VALIDATE 1
#endif
#endif

// The inline namespace holding everything whose layout depends on the mode.
#if LOCKCHECK_VALIDATE
#define LOCKCHECK_INLINE_NS_ validated
#else
#define LOCKCHECK_INLINE_NS_ plain
#endif

// The thin lock wrappers are always inlined, in debug builds too, so that
// the validator's caller is the user's function (stacks in reports start
// there) and the validator-off build is exactly the standard mutex.
#if defined(__GNUC__) || defined(__clang__)
#define LOCKCHECK_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define LOCKCHECK_ALWAYS_INLINE inline
#endif

namespace lockcheck {

/// What the validator does when it finds a problem.
enum class Action : unsigned char {
  Report, ///< call the report handler and carry on (see docs/runtime.md)
  Throw,  ///< throw lockcheck::ValidationError (a std::system_error)
  Abort,  ///< call the report handler, then std::abort()
};

enum class ReportKind : unsigned char {
  ReleaseNotHeld,     ///< unlock of a lock this thread does not hold
  SelfDeadlock,       ///< re-acquiring a held non-recursive lock
  LockOrderCycle,     ///< an acquisition closes a cycle in the lock order
  NotHeld,            ///< assert_held() failed
  DestroyedWhileHeld, ///< a lock destroyed while some thread holds it
  CapacityExceeded,   ///< a bound was hit; some checking is now skipped
};

/// "release-not-held", "self-deadlock", "lock-order-cycle", ...
const char *reportKindName(ReportKind Kind) noexcept;

struct Report {
  ReportKind kind;
  std::string message; ///< several lines, no trailing newline
};

using ReportHandler = void (*)(const Report &);

/// Thrown for Action::Throw. code() is errc::operation_not_permitted for
/// releases and assertions, errc::resource_deadlock_would_occur otherwise,
/// as the standard library would use.
class ValidationError : public std::system_error {
public:
  ValidationError(ReportKind Kind, const std::string &Message);
  ReportKind kind() const noexcept { return Kind; }

private:
  ReportKind Kind;
};

namespace validator {
/// Misuse: release not held, self-deadlock, failed assert_held().
/// Default Throw; environment: LOCKCHECK_ON_MISUSE=report|throw|abort.
void setMisuseAction(Action A);
Action misuseAction();
/// Lock-order cycles. Default Report; LOCKCHECK_ON_CYCLE=report|throw|abort.
void setOrderAction(Action A);
Action orderAction();
/// Where reports go (nullptr: standard error). Returns the previous handler.
ReportHandler setReportHandler(ReportHandler H);
/// Names the calling thread in reports (copied, at most 31 characters).
void setThreadName(const char *Name);
/// Bounds the lock-order graph (default 32768 edges). When it is full, new
/// orders are no longer recorded and one CapacityExceeded report is made.
void setMaxEdges(std::size_t N);
/// Frames kept per lock-order edge (default 16, at most 32; 0 = none).
void setStackDepth(unsigned N);
/// Reads LOCKCHECK_ON_MISUSE and LOCKCHECK_ON_CYCLE again (they are read on
/// first use anyway). Prints one line and returns false for a bad value.
bool configureFromEnvironment();

struct Stats {
  std::size_t nodes = 0;   ///< locks (or lock classes) in the order graph
  std::size_t edges = 0;   ///< recorded lock-order edges
  std::size_t reports = 0; ///< problems found so far
};
Stats stats();
/// Forgets the order graph and the counters, and lets the calling thread
/// report a full held-lock stack again (for tests).
void resetForTesting();
} // namespace validator

namespace detail {
/// Where a lock operation was written (filled in at the call site).
/// Trivial on purpose: the validator keeps copies in thread-local storage
/// that must need no constructor.
struct SiteInfo {
  const char *file;
  const char *function;
  unsigned line;
  static constexpr SiteInfo current(const char *File = __builtin_FILE(),
                                    const char *Function = __builtin_FUNCTION(),
                                    unsigned Line = __builtin_LINE()) noexcept {
    return SiteInfo{File, Function, Line};
  }
};

enum class LockKind : unsigned char {
  Mutex,
  RecursiveMutex,
  TimedMutex,
  RecursiveTimedMutex,
  SharedMutex,
};
enum class Mode : unsigned char { Exclusive, Shared };

/// State of a lock class: locks built with one share one order-graph node.
struct ClassMeta {
  constexpr explicit ClassMeta(const char *Name) noexcept : name(Name) {}
  const char *name;
  std::atomic<std::uint64_t> node{0}; // graph id, assigned on first use
  std::atomic<bool> inGraph{false};
};

/// Validator state embedded in each lock.
struct LockMeta {
  constexpr LockMeta(const char *Name, ClassMeta *Class, LockKind Kind) noexcept
      : name(Name), lockClass(Class), kind(Kind) {}
  std::atomic<std::uint64_t> owner{0}; // thread number; 0 = none
  std::atomic<std::uint32_t> sharedHolders{0};
  std::atomic<std::uint64_t> node{0}; // graph id, assigned on first use
  std::atomic<bool> inGraph{false};
  const char *name;
  ClassMeta *lockClass;
  LockKind kind;

  bool needsCleanup() const noexcept {
    return owner.load(std::memory_order_relaxed) != 0 ||
           sharedHolders.load(std::memory_order_relaxed) != 0 ||
           inGraph.load(std::memory_order_relaxed);
  }
};

// Hooks called by the validated primitives (runtime/src/Hooks.cpp).
/// Before a blocking acquisition. False: do not acquire (a re-entry that was
/// reported with Action::Report is counted instead).
bool beforeLock(LockMeta &M, Mode Md, const SiteInfo &Where);
/// Before a try/timed acquisition. False: fail it without trying.
bool beforeTryLock(LockMeta &M, Mode Md, const SiteInfo &Where);
/// After the native lock succeeded.
void afterLock(LockMeta &M, Mode Md, const SiteInfo &Where, bool Blocking);
/// Before a release. False: do not release natively.
bool beforeUnlock(LockMeta &M, Mode Md, const SiteInfo &Where);
void checkHeld(const LockMeta &M, Mode Md, const SiteInfo &Where);
void onDestroy(LockMeta &M) noexcept;
void onClassDestroy(ClassMeta &C) noexcept;
} // namespace detail

#if LOCKCHECK_VALIDATE
inline namespace validated {
inline constexpr bool kValidating = true;
/// The call site of a lock operation, captured by a defaulted argument.
using SourceLoc = detail::SiteInfo;

/// A named lock class. Locks constructed with the same LockClass share one
/// node of the order graph (lockdep style), so an order seen between two
/// instances applies to all of them. Give it static storage duration.
class LockClass {
public:
  constexpr explicit LockClass(const char *Name) noexcept : Meta(Name) {}
  LockClass(const LockClass &) = delete;
  LockClass &operator=(const LockClass &) = delete;
  ~LockClass() {
    if (Meta.inGraph.load(std::memory_order_relaxed))
      detail::onClassDestroy(Meta);
  }
  const char *name() const noexcept { return Meta.name; }
  detail::ClassMeta *meta() noexcept { return &Meta; }

private:
  detail::ClassMeta Meta;
};
} // namespace validated
#else
inline namespace plain {
inline constexpr bool kValidating = false;
/// Empty when the validator is off: the call site costs nothing.
struct SourceLoc {
  static constexpr SourceLoc current() noexcept { return SourceLoc{}; }
};

class LockClass {
public:
  constexpr explicit LockClass(const char *Name) noexcept : ClassName(Name) {}
  LockClass(const LockClass &) = delete;
  LockClass &operator=(const LockClass &) = delete;
  const char *name() const noexcept { return ClassName; }
  detail::ClassMeta *meta() noexcept { return nullptr; }

private:
  const char *ClassName;
};
} // namespace plain
#endif

} // namespace lockcheck

#endif // LOCKCHECK_VALIDATOR_H
