#!/usr/bin/env python3
"""usage: expect_exit.py <status> <command...>: runs the command (its output
passes through) and fails unless it exits with exactly <status>."""
import subprocess
import sys

want = int(sys.argv[1])
got = subprocess.call(sys.argv[2:])
if got != want:
    sys.stderr.write("expected exit status %d, got %d\n" % (want, got))
    sys.exit(1)
