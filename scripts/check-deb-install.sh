#!/usr/bin/env bash
# Installs the Debian package of each built LLVM release with apt, the way the
# README tells users to, runs the installed tools on examples/, and removes the
# package again. Needs root, or sudo like scripts/setup.sh. LLVM_VERSION=N for
# one release.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/scripts/versions.sh"
APT=(env DEBIAN_FRONTEND=noninteractive apt-get -y -q)
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "check-deb-install: needs root or sudo" >&2; exit 2; }
  APT=(sudo "${APT[@]}")
fi
for v in $(lockcheck_versions "$LOCKCHECK_TESTED_LLVM"); do
  B=$(lockcheck_build_dir "$v")
  (cd "$B" && cpack -G DEB > /dev/null)
  deb=$(ls "$B"/packages/lockcheck-"$v"_*.deb)
  "${APT[@]}" install "$deb" > /dev/null
  trap '"${APT[@]}" remove lockcheck-'"$v"' > /dev/null' EXIT
  /usr/bin/lockcheck --version
  out=$(/usr/bin/clang++-"$v" -fsyntax-only -std=c++17 \
    -fplugin=/usr/lib/lockcheck/lockcheck-plugin-"$v".so "$ROOT/examples/bank_deadlock.cpp" 2>&1)
  grep -q '\[lockcheck-double-lock\]' <<< "$out" ||
    { echo "installed plugin $v reported nothing on examples/bank_deadlock.cpp" >&2; exit 1; }
  # The installed CLI on the examples: exit 1 means "findings", which is the point.
  db=$(mktemp -d)
  for f in "$ROOT"/examples/*.cpp; do
    printf '{"directory":"%s","file":"%s","arguments":["clang++-%s","-std=c++17","-c","%s"]},\n' \
      "$ROOT" "$f" "$v" "$f"
  done | sed '$ s/,$//' | { echo '['; cat; echo ']'; } > "$db/compile_commands.json"
  rc=0
  /usr/bin/lockcheck -p "$db" > /dev/null || rc=$?
  rm -rf "$db"
  [[ $rc == 1 ]] || { echo "installed lockcheck exited $rc on examples/ (want 1)" >&2; exit 1; }
  test -f /usr/share/doc/lockcheck/checks/double-lock.md
  "${APT[@]}" remove lockcheck-"$v" > /dev/null
  trap - EXIT
  echo "lockcheck-$v: apt install, plugin, CLI and docs OK"
done
