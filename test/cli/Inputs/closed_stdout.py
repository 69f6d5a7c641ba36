#!/usr/bin/env python3
"""usage: closed_stdout.py <command...>: runs the command with its standard
output closed (as `command >&-` would) and exits with its status."""
import os
import subprocess
import sys

sys.exit(subprocess.call(sys.argv[1:], preexec_fn=lambda: os.close(1)))
