#!/usr/bin/env python3
"""usage: run_in_pty.py <command...>: runs the command with stdout and stderr
on a pseudo-terminal (as in an interactive shell) and prints what it wrote,
with escape sequences and carriage returns shown as <ESC> and <CR>."""
import os
import pty
import subprocess
import sys

master, slave = pty.openpty()
proc = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
os.close(slave)
out = bytearray()
while True:
    try:
        data = os.read(master, 4096)
    except OSError:  # EIO: the terminal's other side is closed
        break
    if not data:
        break
    out.extend(data)
proc.wait()
text = out.decode("utf-8", "replace").replace("\x1b", "<ESC>").replace("\r\n", "\n")
sys.stdout.write(text.replace("\r", "<CR>"))
