//===- BoundedRead.h - read a file whole, up to a size limit ----*- C++ -*-===//
//
// MemoryBuffer::getFile reads a file whose size it cannot know (a pipe, a
// device such as /dev/zero) until memory runs out, so a size limit checked
// afterwards comes too late. Every reader of a file given to lockcheck (facts,
// baseline, configuration, compile database, cache entry) reads it here
// instead: in chunks, stopping once the limit is passed.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_BOUNDEDREAD_H
#define LOCKCHECK_BOUNDEDREAD_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <cstddef>
#include <string>
#include <system_error>

namespace lockcheck {

/// A file's text, or why there is none.
struct BoundedFile {
  /// Grown by realloc, which moves large blocks without copying them, so
  /// the memory used stays close to the file's size.
  llvm::SmallVector<char, 0> Bytes;
  /// It could not be opened or read.
  std::error_code Error;
  /// Non-empty: it is larger than the limit ("2147483648 bytes, more than
  /// the 1 GiB this reader accepts"), and Bytes is empty.
  std::string TooLarge;

  llvm::StringRef text() const { return {Bytes.data(), Bytes.size()}; }
};

/// Reads \p Path whole if it holds at most \p MaxBytes, never holding more
/// than MaxBytes + 1 bytes of it (a regular file over the limit is refused
/// unread).
BoundedFile readFileBounded(llvm::StringRef Path, size_t MaxBytes);

} // namespace lockcheck

#endif
