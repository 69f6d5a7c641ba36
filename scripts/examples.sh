#!/usr/bin/env bash
# README command 1: install what is missing, build, and run the lockcheck
# plugin over examples/ so you see its warnings. Exits 0 even though the
# examples contain bugs: the warnings are the point. LLVM_VERSION=N (default
# 19) picks the Clang release.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/versions.sh"
export LLVM_VERSION
LLVM_VERSION=$(lockcheck_versions "$LOCKCHECK_DEFAULT_LLVM")
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh" --target lockcheck-plugin
bash "$ROOT/scripts/run-examples.sh"
