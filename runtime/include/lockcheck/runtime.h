//===- lockcheck/runtime.h - the whole lockcheck runtime library -*- C++
//-*-===//
//
// Annotated lock primitives with a debug-mode validator. See docs/runtime.md.
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_RUNTIME_H
#define LOCKCHECK_RUNTIME_H

#include "lockcheck/Annotations.h"
#include "lockcheck/Event.h"
#include "lockcheck/Guards.h"
#include "lockcheck/Mutex.h"
#include "lockcheck/Semaphore.h"
#include "lockcheck/Validator.h"

#endif // LOCKCHECK_RUNTIME_H
