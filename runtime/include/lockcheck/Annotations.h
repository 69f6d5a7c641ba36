//===- lockcheck/Annotations.h - thread-safety attribute macros -*- C++ -*-===//
//
// Macros that expand to Clang's thread-safety attributes, which both
// `clang -Wthread-safety` and the lockcheck analyzer read, and to nothing on
// compilers that do not know them (GCC would only warn about them).
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_ANNOTATIONS_H
#define LOCKCHECK_ANNOTATIONS_H

#if defined(__clang__) && defined(__has_attribute)
#if __has_attribute(capability) && __has_attribute(acquire_capability)
#define LOCKCHECK_ATTR_(x) __attribute__((x))
#endif
#endif
#ifndef LOCKCHECK_ATTR_
#define LOCKCHECK_ATTR_(x)
#endif

// On types.
#define LOCKCHECK_CAPABILITY(name) LOCKCHECK_ATTR_(capability(name))
#define LOCKCHECK_SCOPED_CAPABILITY LOCKCHECK_ATTR_(scoped_lockable)

// On data members and globals.
#define LOCKCHECK_GUARDED_BY(x) LOCKCHECK_ATTR_(guarded_by(x))
#define LOCKCHECK_PT_GUARDED_BY(x) LOCKCHECK_ATTR_(pt_guarded_by(x))
#define LOCKCHECK_ACQUIRED_BEFORE(...)                                         \
  LOCKCHECK_ATTR_(acquired_before(__VA_ARGS__))
#define LOCKCHECK_ACQUIRED_AFTER(...)                                          \
  LOCKCHECK_ATTR_(acquired_after(__VA_ARGS__))

// On functions: what the caller must (not) hold.
#define LOCKCHECK_REQUIRES(...)                                                \
  LOCKCHECK_ATTR_(requires_capability(__VA_ARGS__))
#define LOCKCHECK_REQUIRES_SHARED(...)                                         \
  LOCKCHECK_ATTR_(requires_shared_capability(__VA_ARGS__))
#define LOCKCHECK_EXCLUDES(...) LOCKCHECK_ATTR_(locks_excluded(__VA_ARGS__))

// On functions: what the function does to a capability. With no argument
// the capability is `this` (or, for a scoped capability, the locks it owns).
#define LOCKCHECK_ACQUIRE(...) LOCKCHECK_ATTR_(acquire_capability(__VA_ARGS__))
#define LOCKCHECK_ACQUIRE_SHARED(...)                                          \
  LOCKCHECK_ATTR_(acquire_shared_capability(__VA_ARGS__))
#define LOCKCHECK_RELEASE(...) LOCKCHECK_ATTR_(release_capability(__VA_ARGS__))
#define LOCKCHECK_RELEASE_SHARED(...)                                          \
  LOCKCHECK_ATTR_(release_shared_capability(__VA_ARGS__))
#define LOCKCHECK_RELEASE_GENERIC(...)                                         \
  LOCKCHECK_ATTR_(release_generic_capability(__VA_ARGS__))
#define LOCKCHECK_TRY_ACQUIRE(...)                                             \
  LOCKCHECK_ATTR_(try_acquire_capability(__VA_ARGS__))
#define LOCKCHECK_TRY_ACQUIRE_SHARED(...)                                      \
  LOCKCHECK_ATTR_(try_acquire_shared_capability(__VA_ARGS__))
#define LOCKCHECK_ASSERT_CAPABILITY(x) LOCKCHECK_ATTR_(assert_capability(x))
#define LOCKCHECK_ASSERT_SHARED_CAPABILITY(x)                                  \
  LOCKCHECK_ATTR_(assert_shared_capability(x))
#define LOCKCHECK_RETURN_CAPABILITY(x) LOCKCHECK_ATTR_(lock_returned(x))
#define LOCKCHECK_NO_THREAD_SAFETY_ANALYSIS                                    \
  LOCKCHECK_ATTR_(no_thread_safety_analysis)

#endif // LOCKCHECK_ANNOTATIONS_H
