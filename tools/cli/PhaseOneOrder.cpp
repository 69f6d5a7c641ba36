//===- PhaseOneOrder.cpp - which TU to parse first ------------------------===//
#include "PhaseOneOrder.h"
#include "lockcheck/ClangCompat.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <algorithm>

namespace lockcheck::cli {

namespace {

/// The names in a file's `#include "name"` lines.
class IncludeScanner {
public:
  const std::vector<std::string> &quoted(const std::string &File) {
    auto [It, New] = Names.try_emplace(File);
    if (!New)
      return It->second;
    auto Buf = llvm::MemoryBuffer::getFile(File);
    if (!Buf)
      return It->second;
    llvm::StringRef Rest = (*Buf)->getBuffer();
    while (!Rest.empty()) {
      llvm::StringRef Line;
      std::tie(Line, Rest) = Rest.split('\n');
      Line = Line.ltrim();
      if (!Line.consume_front("#"))
        continue;
      Line = Line.ltrim();
      if (!Line.consume_front("include"))
        continue;
      Line = Line.ltrim();
      if (Line.consume_front("\""))
        It->second.push_back(Line.take_until([](char C) { return C == '"'; }).str());
    }
    return It->second;
  }

private:
  llvm::StringMap<std::vector<std::string>> Names;
};

std::vector<std::string> quoteDirs(const ScannedCommand &C) {
  std::vector<std::string> Dirs;
  for (size_t I = 0; I < C.Args.size(); ++I) {
    llvm::StringRef A = C.Args[I];
    std::string Dir;
    if ((A == "-I" || A == "-iquote") && I + 1 < C.Args.size())
      Dir = C.Args[++I];
    else if (A.starts_with("-I"))
      Dir = A.drop_front(2).str();
    else if (A.starts_with("-iquote"))
      Dir = A.drop_front(7).str();
    else
      continue;
    llvm::SmallString<256> P(Dir);
    compat::makeAbsolute(C.Directory, P);
    Dirs.push_back(std::string(P));
  }
  return Dirs;
}

/// Every project file the TU includes, directly or not.
llvm::StringSet<> includedBy(const ScannedCommand &C, IncludeScanner &Scan) {
  std::vector<std::string> Dirs = quoteDirs(C);
  llvm::StringSet<> Seen;
  std::vector<std::string> Todo{C.File};
  while (!Todo.empty()) {
    std::string File = std::move(Todo.back());
    Todo.pop_back();
    for (const std::string &Name : Scan.quoted(File)) {
      std::vector<std::string> Where{std::string(llvm::sys::path::parent_path(File))};
      Where.insert(Where.end(), Dirs.begin(), Dirs.end());
      for (const std::string &D : Where) {
        llvm::SmallString<256> P(D);
        llvm::sys::path::append(P, Name);
        llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
        if (!llvm::sys::fs::is_regular_file(P))
          continue;
        if (Seen.insert(P).second)
          Todo.push_back(std::string(P));
        break;
      }
    }
  }
  return Seen;
}

} // namespace

std::vector<size_t> phaseOneOrder(const std::vector<ScannedCommand> &Commands) {
  IncludeScanner Scan;
  std::vector<llvm::StringSet<>> Includes;
  for (const ScannedCommand &C : Commands)
    Includes.push_back(includedBy(C, Scan));
  // How many other TUs include the file's own header.
  std::vector<unsigned> FanIn(Commands.size(), 0);
  for (size_t I = 0; I < Commands.size(); ++I) {
    llvm::StringRef Stem = Commands[I].File;
    Stem = Stem.drop_back(llvm::sys::path::extension(Stem).size());
    for (const char *Ext : {".h", ".hpp", ".hh", ".hxx"}) {
      std::string Header = (Stem + Ext).str();
      for (size_t J = 0; J < Commands.size(); ++J)
        if (J != I && Includes[J].contains(Header))
          ++FanIn[I];
    }
  }
  std::vector<size_t> Order(Commands.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  std::stable_sort(Order.begin(), Order.end(), [&](size_t A, size_t B) {
    if (FanIn[A] != FanIn[B])
      return FanIn[A] > FanIn[B];
    return Includes[A].size() < Includes[B].size();
  });
  return Order;
}

} // namespace lockcheck::cli
