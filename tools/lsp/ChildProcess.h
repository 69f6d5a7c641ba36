//===- ChildProcess.h - clangd as a child with piped stdio -----*- C++ -*-===//
//
// llvm::sys::ExecuteNoWait redirects to files, not pipes, so the child is
// started with fork/exec. Its stderr stays ours: clangd's log ends up in the
// editor's output pane next to lockcheck-lsp's.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_LSP_CHILDPROCESS_H
#define LOCKCHECK_LSP_CHILDPROCESS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <sys/types.h>

namespace lockcheck::lsp {

struct ChildProcess {
  pid_t Pid = -1;
  int StdinFD = -1;  // we write the child's input here
  int StdoutFD = -1; // and read its output here
};

/// Starts \p Program with \p Args (Args[0] is the program name). Call it
/// before starting threads: the child is forked from the calling thread and
/// receives SIGTERM when that thread ends.
llvm::Expected<ChildProcess> spawnWithPipes(const std::string &Program,
                                            llvm::ArrayRef<std::string> Args);

/// Waits for the child; its exit code, or 128 + signal number.
int waitForExit(pid_t Pid);

} // namespace lockcheck::lsp

#endif
