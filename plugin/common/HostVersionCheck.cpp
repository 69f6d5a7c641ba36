//===- HostVersionCheck.cpp - refuse to run in another Clang release ------===//
//
// A plugin or clang-tidy module uses Clang's C++ API, which changes with every
// major release. Loaded into another release it would still load (symbols
// bind lazily) and then misbehave: crash at the first changed call, or, in
// clang-tidy, register its checks and silently report nothing. So before
// anything else in this module runs, the host's major version is compared
// with the one it was built for, and a mismatch ends the process with one
// error naming both.
//
// The host is asked through symbols whose ABI never changes (the LLVM C API's
// LLVMGetVersion, else clang::getClangFullVersion()), looked up at run time:
// a host without either is not checked.
//
//===----------------------------------------------------------------------===//
#include "llvm/Config/llvm-config.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <string>
#include <unistd.h>

// Set by cmake/VersionedModule.cmake: the host's name ("Clang", "clang-tidy"),
// this module's name without version (lockcheck-plugin), the supported range.
#if !defined(LOCKCHECK_HOST_NAME) || !defined(LOCKCHECK_MODULE_BASENAME) ||                  \
    !defined(LOCKCHECK_OLDEST_LLVM) || !defined(LOCKCHECK_NEWEST_LLVM)
#error "build this file through lockcheck_versioned_module() (cmake/VersionedModule.cmake)"
#endif

namespace {

/// The host's LLVM major version, or 0 if it cannot tell.
unsigned hostMajor() {
  using GetVersionFn = void (*)(unsigned *, unsigned *, unsigned *);
  if (auto *Get = reinterpret_cast<GetVersionFn>(dlsym(RTLD_DEFAULT, "LLVMGetVersion"))) {
    unsigned Major = 0, Minor = 0, Patch = 0;
    Get(&Major, &Minor, &Patch);
    return Major;
  }
  // std::string clang::getClangFullVersion(), e.g. "Debian clang version 22.1.8 (...)".
  using FullVersionFn = std::string (*)();
  if (auto *Full = reinterpret_cast<FullVersionFn>(
          dlsym(RTLD_DEFAULT, "_ZN5clang19getClangFullVersionB5cxx11Ev"))) {
    std::string V = Full();
    size_t At = V.find("version ");
    if (At != std::string::npos)
      return static_cast<unsigned>(std::strtoul(V.c_str() + At + 8, nullptr, 10));
  }
  return 0;
}

/// The file name of this module, e.g. lockcheck-plugin-19.so.
const char *moduleName() {
  Dl_info Info;
  if (dladdr(reinterpret_cast<void *>(&moduleName), &Info) && Info.dli_fname) {
    const char *Slash = std::strrchr(Info.dli_fname, '/');
    return Slash ? Slash + 1 : Info.dli_fname;
  }
  return "the lockcheck module";
}

// Priority 101 runs before this module's other static initializers, which
// register the plugin or the checks with the host.
__attribute__((constructor(101))) void checkHostVersion() {
  unsigned Host = hostMajor();
  if (Host == 0 || Host == LLVM_VERSION_MAJOR)
    return;
  char Message[512];
  int N;
  if (Host >= LOCKCHECK_OLDEST_LLVM && Host <= LOCKCHECK_NEWEST_LLVM)
    N = std::snprintf(Message, sizeof(Message),
                      "error: %s is built for %s %d but was loaded into %s %u; load %s-%u.so "
                      "instead, from a lockcheck build for %s %u "
                      "(cmake -DLOCKCHECK_LLVM_VERSION=%u)\n",
                      moduleName(), LOCKCHECK_HOST_NAME, LLVM_VERSION_MAJOR,
                      LOCKCHECK_HOST_NAME, Host, LOCKCHECK_MODULE_BASENAME, Host,
                      LOCKCHECK_HOST_NAME, Host, Host);
  else
    N = std::snprintf(Message, sizeof(Message),
                      "error: %s is built for %s %d but was loaded into %s %u; lockcheck "
                      "supports %s %d to %d\n",
                      moduleName(), LOCKCHECK_HOST_NAME, LLVM_VERSION_MAJOR,
                      LOCKCHECK_HOST_NAME, Host, LOCKCHECK_HOST_NAME,
                      LOCKCHECK_OLDEST_LLVM, LOCKCHECK_NEWEST_LLVM);
  if (N > 0)
    (void)!::write(STDERR_FILENO, Message,
                   static_cast<size_t>(N) < sizeof(Message) ? static_cast<size_t>(N)
                                                            : sizeof(Message) - 1);
  // Nothing of the host may run into this module's code: end here.
  ::_exit(1);
}

} // namespace
