//===- Progress.h - "files done / total, ETA" on a terminal only ----------===//
#ifndef LOCKCHECK_CLI_PROGRESS_H
#define LOCKCHECK_CLI_PROGRESS_H

#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <mutex>

namespace lockcheck::cli {

class Progress {
public:
  /// Shows anything only when \p Enabled (stderr is a terminal).
  Progress(llvm::StringRef Phase, unsigned Total, bool Enabled);
  ~Progress();
  /// Thread-safe: one more TU finished.
  void step(llvm::StringRef File);

private:
  std::mutex Lock;
  std::string Phase;
  unsigned Total, Done = 0;
  bool Enabled;
  std::chrono::steady_clock::time_point Start;
};

} // namespace lockcheck::cli

#endif
