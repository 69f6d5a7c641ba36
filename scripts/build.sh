#!/usr/bin/env bash
# Configures (once) and builds lockcheck into $BUILD_DIR (default: build/).
# Extra arguments go to `cmake --build` (e.g. --target lockcheck-plugin).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
JOBS=${JOBS:-$(nproc)}

# Configure once; an existing build directory keeps its own settings.
if [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$BUILD_DIR" -j"$JOBS" "$@"
