//===- MemFile.h - a fuzz input as a file descriptor and a path -*- C++ -*-===//
//
// Readers that take a path or a descriptor get the input through an
// anonymous in-memory file, rewritten for every run.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_FUZZ_MEMFILE_H
#define LOCKCHECK_FUZZ_MEMFILE_H

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <sys/mman.h>
#include <unistd.h>

namespace lockcheck::fuzz {

class MemFile {
public:
  MemFile() : FD(memfd_create("lockcheck-fuzz", 0)) {
    if (FD < 0)
      abort();
  }
  ~MemFile() { close(FD); }
  /// Replaces the contents and rewinds.
  void set(const uint8_t *Data, size_t Size) {
    if (ftruncate(FD, 0) != 0 || pwrite(FD, Data, Size, 0) != static_cast<ssize_t>(Size) ||
        lseek(FD, 0, SEEK_SET) != 0)
      abort();
  }
  int fd() const { return FD; }
  std::string path() const { return "/proc/self/fd/" + std::to_string(FD); }

private:
  int FD;
};

} // namespace lockcheck::fuzz

#endif
