//===- BaselineFuzzer.cpp - --baseline reader on any bytes ----------------===//
#include "Baseline.h"
#include "MemFile.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  static lockcheck::fuzz::MemFile File;
  File.set(Data, Size);
  llvm::Expected<lockcheck::cli::Baseline> B = lockcheck::cli::Baseline::read(File.path());
  if (!B) {
    llvm::consumeError(B.takeError());
    return 0;
  }
  std::vector<lockcheck::cli::Report> None;
  B->filter(None, "/");
  return 0;
}
