//===- StdStreams.h - a closed stdin/stdout/stderr --------------*- C++ -*-===//
//
// `lockcheck ... >&-` starts with file descriptor 1 closed; the first file
// lockcheck opens would then get descriptor 1 and receive the findings meant
// for standard output. Each closed standard descriptor is therefore filled
// with /dev/null at start, and a closed standard output is remembered so that
// writing findings to it is an I/O error, not a silent success.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_CLI_STDSTREAMS_H
#define LOCKCHECK_CLI_STDSTREAMS_H

namespace lockcheck::cli {

/// Call first thing in main.
void guardStandardStreams();
/// Was standard output closed when lockcheck started?
bool standardOutputWasClosed();

} // namespace lockcheck::cli

#endif
