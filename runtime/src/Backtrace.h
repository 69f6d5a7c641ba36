//===- Backtrace.h - call stacks for lock-order reports ---------*- C++ -*-===//
//
// Captured only when a new lock-order edge is recorded (rarely), and turned
// into text only when a report is written. Uses glibc's backtrace() and
// dladdr(); function names of the main program need -rdynamic (CMake:
// ENABLE_EXPORTS), otherwise frames print as module+offset for addr2line.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_RUNTIME_BACKTRACE_H
#define LOCKCHECK_RUNTIME_BACKTRACE_H

#include <string>
#include <vector>

namespace lockcheck {
namespace detail {

constexpr unsigned kMaxFrames = 32;

/// Up to \p Depth frames of the calling thread, starting at the caller of
/// the frame whose return address is \p From (frames above it belong to the
/// validator), with leading frames inside lockcheck:: dropped as well.
std::vector<void *> captureStack(unsigned Depth, const void *From);

/// Appends one "#N 0x... in function+0x.. (module+0x..)" line per frame.
void appendStack(std::string &Out, const std::vector<void *> &Frames,
                 const char *Indent);

} // namespace detail
} // namespace lockcheck

#endif
