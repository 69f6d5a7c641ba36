#!/usr/bin/env bash
# Runs the already built plugin over every file in examples/, with the Clang
# of its release (LLVM_VERSION, default 19). The examples compile cleanly, so
# warnings are expected but any error or crash fails.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/versions.sh"
version=$(lockcheck_versions "$LOCKCHECK_DEFAULT_LLVM")
B=$(lockcheck_build_dir "$version")
PLUGIN=$B/lib/lockcheck-plugin-$version.so
CLANG=${CLANG:-/usr/lib/llvm-$version/bin/clang}
CLANGXX=${CLANGXX:-/usr/lib/llvm-$version/bin/clang++}

if [[ ! -f $PLUGIN ]]; then
  echo "run-examples: $PLUGIN not found; build it first (LLVM_VERSION=$version bash scripts/build.sh)" >&2
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
