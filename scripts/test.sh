#!/usr/bin/env bash
# README command 2: install what is missing, build everything, run all tests
# (ctest drives the lit suite and prints its summary line).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=${BUILD_DIR:-$ROOT/build}
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh"
ctest --test-dir "$BUILD_DIR" --output-on-failure
