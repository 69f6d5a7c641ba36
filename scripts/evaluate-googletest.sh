#!/usr/bin/env bash
# Runs the built plugin over every .cc file of Debian's googletest sources
# (libraries, tests, samples) and lists each distinct finding with its notes,
# for the triage in docs/evaluation.md. Needs the googletest package.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/versions.sh"
version=$(lockcheck_versions "$LOCKCHECK_DEFAULT_LLVM")
B=$(lockcheck_build_dir "$version")
SRC=${GOOGLETEST_SRC:-/usr/src/googletest}
exec python3 "$ROOT/test/googletest/Inputs/run_plugin_over.py" \
  --compiler "${CLANGXX:-/usr/lib/llvm-$version/bin/clang++}" \
  --plugin "$B/lib/lockcheck-plugin-$version.so" --root "$SRC" --show-notes \
  --glob 'googletest/src/*.cc' --glob 'googlemock/src/*.cc' \
  --glob 'googletest/test/*.cc' --glob 'googlemock/test/*.cc' \
  --glob 'googletest/samples/*.cc' \
  -- -std=c++17 -DGTEST_ENABLE_CATCH_EXCEPTIONS_=1 \
  -I"$SRC/googletest" -I"$SRC/googletest/include" \
  -I"$SRC/googlemock" -I"$SRC/googlemock/include"
