#!/usr/bin/env python3
"""usage: memory_limit.py <MiB> <command...>: runs the command with its
address space limited to <MiB> (ulimit -v, which lit's shell lacks), so that
a reader that reads without bound fails fast instead of filling the machine."""
import os
import resource
import sys

limit = int(sys.argv[1]) << 20
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
os.execvp(sys.argv[2], sys.argv[2:])
