//===- BoundedRead.cpp ----------------------------------------------------===//
#include "lockcheck/BoundedRead.h"
#include "lockcheck/JsonLimits.h"
#include "llvm/Support/FileSystem.h"
#include <algorithm>

namespace lockcheck {

BoundedFile readFileBounded(llvm::StringRef Path, size_t MaxBytes) {
  namespace fs = llvm::sys::fs;
  BoundedFile Out;
  llvm::Expected<fs::file_t> FD = fs::openNativeFileForRead(Path);
  if (!FD) {
    Out.Error = llvm::errorToErrorCode(FD.takeError());
    return Out;
  }
  // Moved to Out once the end is reached; freed here otherwise.
  llvm::SmallVector<char, 0> B;
  // A regular file says its size: one too large is refused unread, and one
  // within the limit gets a buffer of the right size.
  fs::file_status St;
  if (!fs::status(*FD, St) && St.type() == fs::file_type::regular_file) {
    if (St.getSize() > MaxBytes) {
      fs::closeFile(*FD);
      Out.TooLarge = tooLargeText(St.getSize(), MaxBytes);
      return Out;
    }
    B.reserve(St.getSize() + 1);
  }
  // Anything else (a pipe, a device, a file that grew) is read to its end or
  // one byte past the limit; the buffer doubles, but never past that byte.
  constexpr size_t Chunk = size_t(64) << 10;
  for (;;) {
    size_t Have = B.size(), Want = std::min(Chunk, MaxBytes + 1 - Have);
    if (B.capacity() < Have + Want)
      B.reserve(std::min(std::max(2 * B.capacity(), Have + Want), MaxBytes + 1));
    B.resize_for_overwrite(Have + Want);
    llvm::Expected<size_t> Got = fs::readNativeFile(*FD, {B.data() + Have, Want});
    if (!Got) {
      Out.Error = llvm::errorToErrorCode(Got.takeError());
      break;
    }
    B.resize(Have + *Got);
    if (*Got == 0) {
      Out.Bytes = std::move(B);
      break;
    }
    if (B.size() > MaxBytes) {
      Out.TooLarge = tooLargeText(std::nullopt, MaxBytes);
      break;
    }
  }
  fs::closeFile(*FD);
  return Out;
}

} // namespace lockcheck
