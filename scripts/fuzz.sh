#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang-19 with -fsanitize=fuzzer,address)
# in their own build directory and runs each one: first on its seed corpus
# (fuzz/corpus/<name>), then on new inputs for FUZZ_SECONDS seconds (60), from the
# random seed FUZZ_SEED (1, so that a CI run can be repeated; vary it by hand to explore).
# New inputs go to a scratch directory, never into the repository. A crash,
# leak or timeout fails the script and leaves the input as
# $FUZZ_BUILD_DIR/fuzz/<name>-crash-* (rerun: the fuzzer binary with that file).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=(config facts baseline lsp-framing)

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_C_COMPILER=clang-19 -DCMAKE_CXX_COMPILER=clang++-19 "${launcher[@]}" \
  -DLOCKCHECK_BUILD_FUZZERS=ON -DLOCKCHECK_BUILD_TESTS=OFF -DLOCKCHECK_BUILD_RUNTIME=OFF >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target lockcheck-fuzzers

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=()
for name in "${TARGETS[@]}"; do
  mkdir -p "$scratch/$name"
  echo "fuzz: $name: seed corpus, then ${SECONDS_EACH}s of new inputs"
  # The LSP reader logs every bad header it sees; its stderr is closed
  # (-close_fd_mask=2) so that the log does not drown the report.
  mask=0
  [[ $name == lsp-framing ]] && mask=2
  if ! "$BUILD/fuzz/lockcheck-fuzz-$name" -seed="${FUZZ_SEED:-1}" -max_total_time="$SECONDS_EACH" -max_len=16384 \
      -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -close_fd_mask=$mask \
      -artifact_prefix="$BUILD/fuzz/$name-" "$scratch/$name" "$ROOT/fuzz/corpus/$name" \
      >"$scratch/$name.log" 2>&1; then
    tail -n 60 "$scratch/$name.log"
    failed+=("$name")
  else
    grep -E '^(#[0-9]+ +DONE|stat::number_of_executed_units)' "$scratch/$name.log" || true
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: all ${#TARGETS[@]} fuzzers ran clean"
