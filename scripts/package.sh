#!/usr/bin/env bash
# Builds the Debian package of each LLVM release (LLVM_VERSION=N for one;
# default 19 and 22): <build dir>/packages/lockcheck-<N>_<version>_<arch>.deb,
# which `apt install ./lockcheck-<N>_*.deb` installs with its dependencies.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/versions.sh"
versions=$(lockcheck_versions "$LOCKCHECK_TESTED_LLVM")
for v in $versions; do
  B=$(lockcheck_build_dir "$v")
  LLVM_VERSION=$v bash "$ROOT/scripts/build.sh"
  (cd "$B" && cpack -G DEB)
  ls "$B"/packages/lockcheck-"$v"_*.deb
done
