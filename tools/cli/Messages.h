//===- Messages.h - the command's own error and warning lines -------------===//
#ifndef LOCKCHECK_CLI_MESSAGES_H
#define LOCKCHECK_CLI_MESSAGES_H

#include "llvm/ADT/Twine.h"

namespace lockcheck::cli {

/// "lockcheck: error: <what>" on stderr (thread-safe, one line at a time).
void printError(const llvm::Twine &What);
void printWarning(const llvm::Twine &What);

} // namespace lockcheck::cli

#endif
