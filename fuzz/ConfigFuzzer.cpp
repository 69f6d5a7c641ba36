//===- ConfigFuzzer.cpp - .lockcheck.yaml reader on any bytes -------------===//
#include "lockcheck/Config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  llvm::Expected<lockcheck::Config> C = lockcheck::parseConfig(Text, "fuzz.yaml");
  if (!C) {
    llvm::consumeError(C.takeError());
    return 0;
  }
  // A configuration that was read is printed (and thus walked) again.
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  lockcheck::printConfig(OS, *C);
  return 0;
}
