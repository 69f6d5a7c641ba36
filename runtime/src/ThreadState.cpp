//===- ThreadState.cpp - thread numbers, names and node ids ---------------===//

#include "ThreadState.h"

#include <atomic>
#include <cstring>
#include <mutex>
#include <unordered_map>

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace lockcheck {
namespace detail {
namespace {
std::atomic<std::uint64_t> NextThreadNumber{1};
std::atomic<std::uint64_t> NextIdBlock{1};
constexpr std::uint64_t kIdBlock = 256;

// Names of other threads, for "held by thread #2 'worker'". Only touched
// when a name is set or a report is written, so one mutex is enough.
struct NameRegistry {
  std::mutex Mu;
  std::unordered_map<std::uint64_t, std::string> Names;
};
NameRegistry &names() {
  static NameRegistry *R = new NameRegistry; // never destroyed: used at exit
  return *R;
}

// Forgets the thread's name when the thread ends.
struct NameCleanup {
  std::uint64_t Number = 0;
  ~NameCleanup() {
    if (!Number)
      return;
    NameRegistry &R = names();
    std::lock_guard<std::mutex> L(R.Mu);
    R.Names.erase(Number);
  }
};

bool isMainThread() {
#if defined(__linux__)
  return static_cast<pid_t>(::syscall(SYS_gettid)) == ::getpid();
#else
  return false;
#endif
}
} // namespace

void assignThreadNumber(ThreadState &T) {
  T.number = NextThreadNumber.fetch_add(1, std::memory_order_relaxed);
  if (T.name[0] == '\0' && isMainThread()) {
    std::strcpy(T.name, "main");
    registerThreadName(T.number, T.name);
  }
}

void registerThreadName(std::uint64_t Number, const char *Name) {
  static thread_local NameCleanup Cleanup;
  Cleanup.Number = Number;
  NameRegistry &R = names();
  std::lock_guard<std::mutex> L(R.Mu);
  R.Names[Number] = Name;
}

std::string threadLabel(std::uint64_t Number) {
  std::string S = "thread #" + std::to_string(Number);
  NameRegistry &R = names();
  std::lock_guard<std::mutex> L(R.Mu);
  auto It = R.Names.find(Number);
  if (It != R.Names.end() && !It->second.empty())
    S += " '" + It->second + "'";
  return S;
}

std::uint64_t newNodeId(ThreadState &T) {
  if (T.idNext == T.idEnd) {
    T.idNext = NextIdBlock.fetch_add(1, std::memory_order_relaxed) * kIdBlock;
    T.idEnd = T.idNext + kIdBlock;
  }
  return T.idNext++;
}

} // namespace detail
} // namespace lockcheck
