#!/usr/bin/env bash
# Setting up lockcheck-lsp (editors.md): build it, check that it starts its
# clangd and ends a session cleanly, and print the editor settings that point
# at it. test/integrations/lsp-setup.test runs this script.
#
#   LOCKCHECK_BUILD=/path/to/lockcheck/build bash lsp-setup.sh
#
# LOCKCHECK_BUILD: a configured lockcheck build directory (default: build).
set -euo pipefail
LOCKCHECK_BUILD=${LOCKCHECK_BUILD:-build}

cmake --build "$LOCKCHECK_BUILD" --target lockcheck-lsp
LSP=$(realpath "$LOCKCHECK_BUILD/bin/lockcheck-lsp")

# lockcheck-lsp's version, then its clangd's (the one of lockcheck's release).
"$LSP" --version

# A session with no editor: initialize, shutdown, exit; lockcheck-lsp must
# exit with status 0.
python3 - "$LSP" <<'PY'
import json, subprocess, sys

def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body

messages = [
    {"jsonrpc": "2.0", "id": 1, "method": "initialize",
     "params": {"processId": None, "rootUri": None, "capabilities": {}}},
    {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    {"jsonrpc": "2.0", "id": 2, "method": "shutdown"},
    {"jsonrpc": "2.0", "method": "exit"},
]
p = subprocess.run([sys.argv[1]], input=b"".join(frame(m) for m in messages),
                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=120)
print("session: %s, exit status %d" % (
    "initialized" if b'"capabilities"' in p.stdout else "no answer", p.returncode))
sys.exit(p.returncode)
PY

cat <<EOF
Editor settings:
  VS Code (clangd extension), settings.json:  "clangd.path": "$LSP"
  Neovim (nvim-lspconfig):  require('lspconfig').clangd.setup { cmd = { '$LSP' } }
  Emacs (eglot):  (add-to-list 'eglot-server-programs '((c-mode c++-mode) . ("$LSP")))
EOF
