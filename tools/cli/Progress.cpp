//===- Progress.cpp -------------------------------------------------------===//
#include "Progress.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace lockcheck::cli {

Progress::Progress(llvm::StringRef Phase, unsigned Total, bool Enabled)
    : Phase(Phase.str()), Total(Total), Enabled(Enabled && Total > 0),
      Start(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  if (Enabled)
    llvm::errs() << "\r\033[K"; // leave the terminal as it was
}

void Progress::step(llvm::StringRef File) {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> G(Lock);
  ++Done;
  double Elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  unsigned Eta = static_cast<unsigned>(Elapsed / Done * (Total - Done) + 0.5);
  llvm::errs() << "\r\033[K" << Phase << " [" << Done << "/" << Total << "] "
               << (100 * Done / Total) << "% ETA " << Eta / 60 << "m" << Eta % 60 << "s "
               << llvm::sys::path::filename(File);
  llvm::errs().flush();
}

} // namespace lockcheck::cli
