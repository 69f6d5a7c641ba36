//===- Backtrace.cpp - call stacks for lock-order reports -----------------===//

#include "Backtrace.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#if defined(__has_include)
#if __has_include(<execinfo.h>) && __has_include(<dlfcn.h>)
#include <cxxabi.h>
#include <dlfcn.h>
#include <execinfo.h>
#define LOCKCHECK_HAVE_BACKTRACE 1
#endif
#endif

namespace lockcheck {
namespace detail {

#ifdef LOCKCHECK_HAVE_BACKTRACE
namespace {
std::string demangle(const char *Name) {
  int Status = 0;
  std::unique_ptr<char, void (*)(void *)> D(
      abi::__cxa_demangle(Name, nullptr, nullptr, &Status), std::free);
  return Status == 0 && D ? std::string(D.get()) : std::string(Name);
}

// A function of namespace lockcheck: its mangled name starts with the
// nested-name prefix (a demangled name may start with a return type).
bool insideLockcheck(void *Frame) {
  Dl_info Info;
  if (!dladdr(Frame, &Info) || !Info.dli_sname)
    return false;
  const char *N = Info.dli_sname;
  return !std::strncmp(N, "_ZN9lockcheck", 13) ||
         !std::strncmp(N, "_ZNK9lockcheck", 14);
}
} // namespace

std::vector<void *> captureStack(unsigned Depth, const void *From) {
  if (Depth == 0)
    return {};
  Depth = std::min(Depth, kMaxFrames);
  // Room for the validator's own frames and lockcheck's inline wrappers.
  void *Raw[kMaxFrames + 16];
  int N = ::backtrace(Raw, static_cast<int>(kMaxFrames + 16));
  int Start = 0;
  for (int I = 0; I < N; ++I)
    if (Raw[I] == From) {
      Start = I;
      break;
    }
  while (Start < N - 1 && insideLockcheck(Raw[Start]))
    ++Start;
  int End = std::min(N, Start + static_cast<int>(Depth));
  return std::vector<void *>(Raw + Start, Raw + End);
}

void appendStack(std::string &Out, const std::vector<void *> &Frames,
                 const char *Indent) {
  char Buf[64];
  for (std::size_t I = 0; I < Frames.size(); ++I) {
    std::snprintf(Buf, sizeof Buf, "#%zu %p", I, Frames[I]);
    Out += Indent;
    Out += Buf;
    Dl_info Info;
    if (dladdr(Frames[I], &Info)) {
      auto Addr = reinterpret_cast<std::uintptr_t>(Frames[I]);
      if (Info.dli_sname) {
        std::snprintf(
            Buf, sizeof Buf, "+0x%zx",
            static_cast<std::size_t>(
                Addr - reinterpret_cast<std::uintptr_t>(Info.dli_saddr)));
        Out += " in " + demangle(Info.dli_sname) + Buf;
      }
      if (Info.dli_fname) {
        std::snprintf(
            Buf, sizeof Buf, "+0x%zx)",
            static_cast<std::size_t>(
                Addr - reinterpret_cast<std::uintptr_t>(Info.dli_fbase)));
        Out += std::string(" (") + Info.dli_fname + Buf;
      }
    }
    Out += '\n';
  }
}
#else
std::vector<void *> captureStack(unsigned, const void *) { return {}; }
void appendStack(std::string &, const std::vector<void *> &, const char *) {}
#endif

} // namespace detail
} // namespace lockcheck
