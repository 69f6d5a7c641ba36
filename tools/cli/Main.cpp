//===- Main.cpp - build/bin/lockcheck -------------------------------------===//
#include "CommandLine.h"
#include "ExitCodes.h"
#include "Messages.h"
#include "ProjectRun.h"
#include "StdStreams.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Signals.h"
#include <unistd.h>

int main(int Argc, const char **Argv) {
  lockcheck::cli::guardStandardStreams();
  llvm::InitLLVM X(Argc, Argv);
  // A reader that goes away (`lockcheck ... | head`): an I/O error.
  llvm::sys::SetOneShotPipeSignalFunction([] { _exit(lockcheck::cli::ExitIO); });
  // A crash in one TU is reported for that TU; the run goes on.
  llvm::CrashRecoveryContext::Enable();
  llvm::Expected<lockcheck::cli::CliOptions> O =
      lockcheck::cli::parseCommandLine(Argc, Argv);
  if (!O) {
    lockcheck::cli::printError(llvm::toString(O.takeError()) +
                               " (see 'lockcheck --help')");
    return lockcheck::cli::ExitInput;
  }
  return O->Merge ? lockcheck::cli::runMerge(*O) : lockcheck::cli::runProject(*O);
}
