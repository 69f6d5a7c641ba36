//===- StdStreams.cpp -----------------------------------------------------===//
#include "StdStreams.h"
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace lockcheck::cli {

static bool StdoutClosed = false;

void guardStandardStreams() {
  for (int FD = 0; FD <= 2; ++FD) {
    if (fcntl(FD, F_GETFD) != -1 || errno != EBADF)
      continue;
    if (FD == 1)
      StdoutClosed = true;
    // open() returns the lowest free descriptor: this one.
    int New = open("/dev/null", FD == 0 ? O_RDONLY : O_WRONLY);
    if (New != -1 && New != FD) {
      dup2(New, FD);
      close(New);
    }
  }
}

bool standardOutputWasClosed() { return StdoutClosed; }

} // namespace lockcheck::cli
