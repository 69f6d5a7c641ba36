//===- Finding.cpp --------------------------------------------------------===//
#include "lockcheck/Finding.h"

// Anchors FindingSink's vtable in this file.
lockcheck::FindingSink::~FindingSink() = default;
