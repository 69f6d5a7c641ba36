//===- FactsFuzzer.cpp - facts reader on any bytes ------------------------===//
#include "lockcheck/Facts.h"
#include "llvm/Support/raw_ostream.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<lockcheck::TUFacts> F = lockcheck::parseFacts(Text, "fuzz.json");
  if (!F) {
    llvm::consumeError(F.takeError());
    return 0;
  }
  // What was read is written again, as the cache does.
  std::string Out;
  llvm::raw_string_ostream(Out) << lockcheck::toJSON(*F);
  return 0;
}
