#!/usr/bin/env bash
# Installs what lockcheck needs on Debian 12: LLVM/Clang 19 (bookworm) and 22
# (bookworm-security), or only LLVM_VERSION=N's. Idempotent: does nothing
# when every package is already installed. Uses sudo only when not root.
#
# libc++: Debian installs one libc++-N-dev at a time (they conflict), and
# libc++ headers refuse a Clang older than themselves. libc++-19-dev serves
# Clang 19 to 22, so it is the one for every release (installing it replaces
# a libc++-22-dev).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/versions.sh"
versions=$(lockcheck_versions "$LOCKCHECK_TESTED_LLVM")

PACKAGES=(
  g++ cmake ninja-build python3
  libc++-19-dev libc++abi-19-dev libclang-rt-19-dev   # libclang-rt: the fuzz targets (scripts/fuzz.sh)
  libgtest-dev libbenchmark-dev googletest graphviz
)
for v in $versions; do
  PACKAGES+=("llvm-$v-dev" "libclang-$v-dev" "clang-$v" "clang-tidy-$v" "clangd-$v" "llvm-$v-tools")
done

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#PACKAGES[@]} packages already installed (LLVM $versions)"
  exit 0
fi

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null; then
    echo "setup: missing packages (${missing[*]}); run as root or install sudo" >&2
    exit 1
  fi
  SUDO=(sudo)
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}"
