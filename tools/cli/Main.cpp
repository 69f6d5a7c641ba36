//===- Main.cpp - build/bin/lockcheck -------------------------------------===//
#include "CommandLine.h"
#include "Messages.h"
#include "ProjectRun.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/InitLLVM.h"

int main(int Argc, const char **Argv) {
  llvm::InitLLVM X(Argc, Argv);
  // A crash in one TU is reported for that TU; the run goes on.
  llvm::CrashRecoveryContext::Enable();
  llvm::Expected<lockcheck::cli::CliOptions> O =
      lockcheck::cli::parseCommandLine(Argc, Argv);
  if (!O) {
    lockcheck::cli::printError(llvm::toString(O.takeError()) +
                               " (see 'lockcheck --help')");
    return 2;
  }
  return O->Merge ? lockcheck::cli::runMerge(*O) : lockcheck::cli::runProject(*O);
}
