#!/usr/bin/env bash
# README command 2: install what is missing, then for each LLVM release
# (LLVM_VERSION=N for one; default 19 and 22) build everything and run all
# tests. ctest drives the lit suite and the runtime tests; lit's own summary
# (how many tests passed, failed, were unsupported) is printed after ctest's.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/versions.sh"
versions=$(lockcheck_versions "$LOCKCHECK_TESTED_LLVM")

bash "$ROOT/scripts/setup.sh"
failed=()
for v in $versions; do
  B=$(lockcheck_build_dir "$v")
  echo "=== LLVM $v: build ($B)"
  LLVM_VERSION=$v bash "$ROOT/scripts/build.sh"
  echo "=== LLVM $v: test"
  status=0
  ctest --test-dir "$B" --output-on-failure || status=$?
  # lit's summary, from the log ctest keeps of the lit test's output.
  echo "=== LLVM $v: lit summary"
  awk '/^Testing Time:/ { p = 1 } /^<end of output>/ { p = 0 } p && NF' \
    "$B/Testing/Temporary/LastTest.log" || true
  ((status == 0)) || failed+=("$v")
done
if ((${#failed[@]})); then
  echo "=== tests FAILED for LLVM ${failed[*]}"
  exit 1
fi
echo "=== all tests passed for LLVM $versions"
