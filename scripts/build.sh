#!/usr/bin/env bash
# Configures (when needed) and builds lockcheck for one LLVM release:
# LLVM_VERSION (default 19) into its build directory (build/, build-22/, ...;
# see scripts/versions.sh). Extra arguments go to `cmake --build` (e.g.
# --target lockcheck-plugin).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/versions.sh"
version=$(lockcheck_versions "$LOCKCHECK_DEFAULT_LLVM")
if [[ $version == *" "* ]]; then
  echo "error: build.sh builds one release; set LLVM_VERSION to one of: $version" >&2
  exit 1
fi
B=$(lockcheck_build_dir "$version")
JOBS=${JOBS:-$(nproc)}

# Configure once per release; an existing build directory keeps its other
# settings. One configured for another release is switched over.
configured=$(sed -n 's/^LOCKCHECK_LLVM_MAJOR:INTERNAL=//p' "$B/CMakeCache.txt" 2>/dev/null || true)
if [[ $configured != "$version" ]]; then
  cmake -S "$ROOT" -B "$B" -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOCKCHECK_LLVM_VERSION="$version"
fi
cmake --build "$B" -j"$JOBS" "$@"
