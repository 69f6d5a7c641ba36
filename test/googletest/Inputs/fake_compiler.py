#!/usr/bin/env python3
"""Stands in for clang in crash-detection.test: behaves like the mode given as
its first argument, ignoring the rest."""
import os
import signal
import sys

mode = sys.argv[1]
src = sys.argv[-1]
if mode == "segv":
    os.kill(os.getpid(), signal.SIGSEGV)
elif mode == "crash-exit-1":
    # What the clang driver prints and returns when cc1 crashes in-process
    # without -fno-crash-diagnostics.
    print("PLEASE submit a bug report to https://github.com/llvm/llvm-project/issues/")
    print("Stack dump:")
    print("clang++: error: clang frontend command failed due to signal")
    sys.exit(1)
elif mode == "error":
    print("%s:1:1: error: unknown type name 'x'" % src)
    print("1 error generated.")
    sys.exit(1)
elif mode == "warn":
    print("%s:3:5: warning: mutex 'm' is still held at the end of 'f' [lockcheck-missing-unlock]" % src)
    print("%s:2:5: note: mutex 'm' acquired here" % src)
    print("1 warning generated.")
    sys.exit(0)
sys.exit(2)
