//===- Progress.h - one line per phase, with counts and ETA ----------------===//
//
// On a terminal each phase has one line, redrawn while it runs ("phase 1/2
// parsing and analysing: [37/145] 25% ETA 3m12s db/db_impl.cc") and left in
// place, with what it did and how long it took, when it ends. In a pipe or a
// log nothing is printed unless --progress asks for it; then a phase prints
// plain lines when it starts, at every tenth of the way and when it ends.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_PROGRESS_H
#define LOCKCHECK_CLI_PROGRESS_H

#include "llvm/ADT/StringRef.h"
#include <chrono>
#include <mutex>
#include <string>

namespace lockcheck::cli {

enum class ProgressMode { Off, Terminal, Lines };

/// --no-progress: off; --progress: on (redrawn on a terminal, plain lines
/// elsewhere); neither: on a terminal only.
ProgressMode progressMode(bool Requested, bool Forbidden);

class Progress {
public:
  /// \p Title names the phase ("phase 1/2 parsing and analysing"); \p Total
  /// counts its items, spelt \p Unit ("compile commands").
  Progress(ProgressMode Mode, std::string Title, unsigned Total, std::string Unit);
  ~Progress();
  /// Thread-safe: one more item (\p Item, a file) is done.
  void step(llvm::StringRef Item);
  /// Ends the phase's line with \p Done ("145 compile commands, 2 from the
  /// cache"); the time it took is added.
  void finish(llvm::StringRef Done);

private:
  std::string eta() const;
  std::mutex Lock;
  ProgressMode Mode;
  std::string Title, Unit;
  unsigned Total, Done = 0, LastTenth = 0;
  bool Finished = false;
  std::chrono::steady_clock::time_point Start;
};

/// "4m03s", "1.2s".
std::string formatDuration(double Seconds);

} // namespace lockcheck::cli

#endif
