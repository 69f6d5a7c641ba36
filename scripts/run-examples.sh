#!/usr/bin/env bash
# Runs the already built plugin over every file in examples/. The examples
# compile cleanly, so warnings are expected but any error or crash fails.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
PLUGIN=$BUILD_DIR/lib/lockcheck-plugin.so
CLANG=${CLANG:-/usr/lib/llvm-19/bin/clang}
CLANGXX=${CLANGXX:-/usr/lib/llvm-19/bin/clang++}

if [[ ! -f $PLUGIN ]]; then
  echo "run-examples: $PLUGIN not found; build it first (bash scripts/build.sh)" >&2
  exit 1
fi

cd "$ROOT"
for f in examples/*.c examples/*.cpp; do
  [[ -e $f ]] || continue
  echo "== $f"
  case $f in
    *.c)   "$CLANG" -fsyntax-only -fplugin="$PLUGIN" "$f" ;;
    *.cpp) "$CLANGXX" -fsyntax-only -std=c++17 -fplugin="$PLUGIN" "$f" ;;
  esac
done
