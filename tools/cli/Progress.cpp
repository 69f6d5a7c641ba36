//===- Progress.cpp -------------------------------------------------------===//
#include "Progress.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace lockcheck::cli {

ProgressMode progressMode(bool Requested, bool Forbidden) {
  if (Forbidden)
    return ProgressMode::Off;
  if (llvm::sys::Process::StandardErrIsDisplayed())
    return ProgressMode::Terminal;
  return Requested ? ProgressMode::Lines : ProgressMode::Off;
}

std::string formatDuration(double Seconds) {
  std::string S;
  llvm::raw_string_ostream OS(S);
  if (Seconds < 60) {
    OS << llvm::format("%.1fs", Seconds);
    return S;
  }
  unsigned Whole = static_cast<unsigned>(Seconds + 0.5);
  OS << Whole / 60 << "m" << llvm::format("%02u", Whole % 60) << "s";
  return S;
}

Progress::Progress(ProgressMode Mode, std::string Title, unsigned Total, std::string Unit)
    : Mode(Mode), Title(std::move(Title)), Unit(std::move(Unit)), Total(Total),
      Start(std::chrono::steady_clock::now()) {
  if (Mode == ProgressMode::Terminal) {
    llvm::errs() << this->Title << ": " << Total << " " << this->Unit;
    llvm::errs().flush();
  } else if (Mode == ProgressMode::Lines) {
    llvm::errs() << this->Title << ": " << Total << " " << this->Unit << "\n";
  }
}

Progress::~Progress() {
  if (!Finished)
    finish("");
}

std::string Progress::eta() const {
  if (!Done || Done >= Total)
    return "";
  double Elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  return " ETA " + formatDuration(Elapsed / Done * (Total - Done));
}

void Progress::step(llvm::StringRef Item) {
  if (Mode == ProgressMode::Off)
    return;
  std::lock_guard<std::mutex> G(Lock);
  ++Done;
  unsigned Percent = Total ? 100 * Done / Total : 100;
  if (Mode == ProgressMode::Terminal) {
    llvm::errs() << "\r\033[K" << Title << ": [" << Done << "/" << Total << "] " << Percent
                 << "%" << eta() << " " << llvm::sys::path::filename(Item);
    llvm::errs().flush();
    return;
  }
  unsigned Tenth = Total ? 10 * Done / Total : 10;
  if (Tenth == LastTenth || Done == Total)
    return;
  LastTenth = Tenth;
  llvm::errs() << Title << ": [" << Done << "/" << Total << "] " << Percent << "%" << eta()
               << "\n";
}

void Progress::finish(llvm::StringRef What) {
  std::lock_guard<std::mutex> G(Lock);
  if (Finished)
    return;
  Finished = true;
  if (Mode == ProgressMode::Off)
    return;
  double Elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  if (Mode == ProgressMode::Terminal)
    llvm::errs() << "\r\033[K";
  llvm::errs() << Title << ": " << (What.empty() ? std::to_string(Done) + " " + Unit : What.str())
               << " in " << formatDuration(Elapsed) << "\n";
}

} // namespace lockcheck::cli
