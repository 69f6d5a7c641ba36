//===- ChildProcess.cpp ---------------------------------------------------===//
#include "ChildProcess.h"
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace lockcheck::lsp {

llvm::Expected<ChildProcess> spawnWithPipes(const std::string &Program,
                                            llvm::ArrayRef<std::string> Args) {
  int In[2], Out[2], Status[2];
  if (::pipe2(In, O_CLOEXEC) != 0 || ::pipe2(Out, O_CLOEXEC) != 0 ||
      ::pipe2(Status, O_CLOEXEC) != 0)
    return llvm::createStringError(llvm::errnoAsErrorCode(),
                                   "cannot create pipes for clangd");

  std::vector<char *> Argv;
  for (const std::string &A : Args)
    Argv.push_back(const_cast<char *>(A.c_str()));
  Argv.push_back(nullptr);
  pid_t Parent = ::getpid();

  pid_t Pid = ::fork();
  if (Pid < 0)
    return llvm::createStringError(llvm::errnoAsErrorCode(),
                                   "cannot fork to start clangd");
  if (Pid == 0) {
    // Child: only async-signal-safe calls from here on.
    ::dup2(In[0], STDIN_FILENO);
    ::dup2(Out[1], STDOUT_FILENO);
    ::signal(SIGPIPE, SIG_DFL);
    // If lockcheck-lsp dies without closing the pipes cleanly, so does clangd.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != Parent)
      ::_exit(127);
    ::execv(Program.c_str(), Argv.data());
    int Err = errno;
    (void)!::write(Status[1], &Err, sizeof(Err));
    ::_exit(127);
  }

  ::close(In[0]);
  ::close(Out[1]);
  ::close(Status[1]);
  // The status pipe closes on a successful exec (O_CLOEXEC) and carries errno
  // when exec fails, so a bad --clangd path is reported here, not later.
  int Err = 0;
  ssize_t N;
  do
    N = ::read(Status[0], &Err, sizeof(Err));
  while (N < 0 && errno == EINTR);
  ::close(Status[0]);
  if (N == sizeof(Err)) {
    ::waitpid(Pid, nullptr, 0);
    ::close(In[1]);
    ::close(Out[0]);
    return llvm::createStringError(std::error_code(Err, std::generic_category()),
                                   "cannot run '%s': %s", Program.c_str(),
                                   std::strerror(Err));
  }
  return ChildProcess{Pid, In[1], Out[0]};
}

int waitForExit(pid_t Pid) {
  int Status = 0;
  while (::waitpid(Pid, &Status, 0) < 0)
    if (errno != EINTR)
      return 1;
  if (WIFEXITED(Status))
    return WEXITSTATUS(Status);
  if (WIFSIGNALED(Status))
    return 128 + WTERMSIG(Status);
  return 1;
}

} // namespace lockcheck::lsp
