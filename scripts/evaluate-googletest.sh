#!/usr/bin/env bash
# Runs the built plugin over every .cc file of Debian's googletest sources
# (libraries, tests, samples) and lists each distinct finding with its notes,
# for the triage in docs/evaluation.md. Needs the googletest package.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
SRC=${GOOGLETEST_SRC:-/usr/src/googletest}
exec python3 "$ROOT/test/googletest/Inputs/run_plugin_over.py" \
  --compiler "${CLANGXX:-/usr/lib/llvm-19/bin/clang++}" \
  --plugin "$BUILD_DIR/lib/lockcheck-plugin.so" --root "$SRC" --show-notes \
  --glob 'googletest/src/*.cc' --glob 'googlemock/src/*.cc' \
  --glob 'googletest/test/*.cc' --glob 'googlemock/test/*.cc' \
  --glob 'googletest/samples/*.cc' \
  -- -std=c++17 -DGTEST_ENABLE_CATCH_EXCEPTIONS_=1 \
  -I"$SRC/googletest" -I"$SRC/googletest/include" \
  -I"$SRC/googlemock" -I"$SRC/googlemock/include"
