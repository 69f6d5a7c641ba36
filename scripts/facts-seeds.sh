#!/usr/bin/env bash
# Rewrites the facts fuzzer's good seeds (fuzz/corpus/facts/*.json but
# bad-*.json) from facts files the plugin writes now, on small inputs from
# examples/ and test/cli/: calls, lock-order edges, findings with notes,
# throws, accesses, wrappers. Run it when the facts format changes
# (FactsVersion): test/robustness/facts-seeds.test fails until then. Paths
# in the facts start /seed, wherever the inputs were compiled.
# usage: scripts/facts-seeds.sh [build-dir]   (CLANG, SPLIT_FILE: Clang 19's)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
CLANG=${CLANG:-clang-19}
SPLIT_FILE=${SPLIT_FILE:-/usr/lib/llvm-19/bin/split-file}
OUT=$ROOT/fuzz/corpus/facts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# seed name, source (examples/<file>, or <test>:<file> split out of test/cli/<test>.test)
seeds=(
  "lock-order examples/lock_order.cpp"
  "double-lock examples/double_lock.cpp"
  "exception-leak examples/exception_leak.cpp"
  "missing-unlock-pthread examples/missing_unlock_pthread.c"
  "wrapper-definitions cross-tu-imported-calls:src/lib.c"
  "wrapper-calls private-lock-wrappers:src/use.c"
  "guarded-accesses unguarded-access:src/a.cpp"
)
mkdir -p "$work/seed/examples" "$work/seed/empty"
cp "$ROOT"/examples/*.c "$ROOT"/examples/*.cpp "$work/seed/examples/"
: > "$work/seed/empty/empty.c"
seeds+=("empty-tu empty/empty.c")
for s in "${seeds[@]}"; do
  read -r name src <<<"$s"
  if [[ $src == *:* ]]; then
    test=${src%%:*} src=$test/${src#*:}
    [[ -d $work/seed/$test ]] || "$SPLIT_FILE" "$ROOT/test/cli/$test.test" "$work/seed/$test"
  fi
  lang=(-x c++ -std=c++17)
  [[ $src == *.c ]] && lang=(-x c)
  (cd "$work/seed/$(dirname "$src")" &&
    "$CLANG" "${lang[@]}" -fsyntax-only -fplugin="$BUILD/lib/lockcheck-plugin.so" \
      -fplugin-arg-lockcheck-checks='lockcheck-*' \
      -fplugin-arg-lockcheck-facts="$work/$name.json" "$(basename "$src")" 2>/dev/null || true)
  sed "s|$work/seed|/seed|g" "$work/$name.json" > "$OUT/$name.json"
  echo "$OUT/$name.json: $(wc -c < "$OUT/$name.json") bytes"
done
