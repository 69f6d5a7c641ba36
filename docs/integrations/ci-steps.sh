#!/usr/bin/env bash
# lockcheck in CI, step by step: the GitHub Actions workflow (github-actions.yml),
# the GitLab job (gitlab-ci.yml) and the clang-tidy recipe (clang-tidy.md) run
# these steps, and so does test/integrations/ci-recipes.test, on a C and C++
# project.
#
#   bash lockcheck/docs/integrations/ci-steps.sh <step>...     (from your project's root)
#
# Steps, in order:
#   install            Debian/Ubuntu packages: Clang, clang-tidy, LLVM and Clang headers,
#                      CMake, Ninja, Graphviz
#   configure-lockcheck  configure lockcheck (no tests, no GoogleTest needed) unless its
#                      build directory exists already (a CI cache)
#   build-lockcheck    configure-lockcheck, then build the `lockcheck` command
#   compile-db         configure your project for compile_commands.json (nothing is compiled)
#   lockcheck          analyse it: SARIF for code scanning, a lock graph, a cache, a baseline
#                      if .lockcheck-baseline.json exists; exit 1 on new findings
# or, for clang-tidy instead of the `lockcheck` command:
#   build-tidy-module  configure-lockcheck, then build the clang-tidy module
#   clang-tidy         run-clang-tidy over the compile database with the module's checks
#                      (findings are errors: exit 1 on any)
# Settings (environment):
#   LLVM_VERSION       the Clang release, 19 to 22 (default 19)
#   LOCKCHECK_SRC      lockcheck's sources (default: lockcheck, e.g. a git submodule)
#   LOCKCHECK_BUILD    its build directory (default: $LOCKCHECK_SRC/build-ci); cache it
#   BUILD_DIR          your project's build directory (default: build)
#   CMAKE_ARGS         more arguments for configuring your project
set -euo pipefail

LLVM_VERSION=${LLVM_VERSION:-19}
LOCKCHECK_SRC=${LOCKCHECK_SRC:-lockcheck}
LOCKCHECK_BUILD=${LOCKCHECK_BUILD:-$LOCKCHECK_SRC/build-ci}
BUILD_DIR=${BUILD_DIR:-build}
SUDO=()
[[ $(id -u) -eq 0 ]] || SUDO=(sudo)

install() {
  "${SUDO[@]}" apt-get update
  "${SUDO[@]}" apt-get install -y --no-install-recommends \
    "clang-$LLVM_VERSION" "clang-tidy-$LLVM_VERSION" "llvm-$LLVM_VERSION-dev" "libclang-$LLVM_VERSION-dev" \
    cmake ninja-build graphviz
}

configure-lockcheck() {
  if [[ ! -f $LOCKCHECK_BUILD/CMakeCache.txt ]]; then
    cmake -S "$LOCKCHECK_SRC" -B "$LOCKCHECK_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DLOCKCHECK_LLVM_VERSION="$LLVM_VERSION" \
      -DLOCKCHECK_BUILD_TESTS=OFF -DLOCKCHECK_BUILD_RUNTIME=OFF
  fi
}

build-lockcheck() {
  configure-lockcheck
  cmake --build "$LOCKCHECK_BUILD" --target lockcheck
}

build-tidy-module() {
  configure-lockcheck
  cmake --build "$LOCKCHECK_BUILD" --target lockcheck-tidy
}

compile-db() {
  # shellcheck disable=SC2086 # CMAKE_ARGS is a list of arguments
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_COMPILER="clang-$LLVM_VERSION" -DCMAKE_CXX_COMPILER="clang++-$LLVM_VERSION" \
    ${CMAKE_ARGS:-}
}

lockcheck() {
  local baseline=()
  [[ -f .lockcheck-baseline.json ]] && baseline=(--baseline .lockcheck-baseline.json)
  "$LOCKCHECK_BUILD/bin/lockcheck" -p "$BUILD_DIR" --cache-dir .lockcheck-cache \
    "${baseline[@]}" --format=sarif --output lockcheck.sarif --lock-graph=lock-graph.svg
}

clang-tidy() {
  "run-clang-tidy-$LLVM_VERSION" -p "$BUILD_DIR" -quiet \
    -clang-tidy-binary "clang-tidy-$LLVM_VERSION" \
    -load "$(realpath "$LOCKCHECK_BUILD")/lib/lockcheck-tidy-$LLVM_VERSION.so" \
    -checks='-*,lockcheck-*' -warnings-as-errors='lockcheck-*'
}

STEPS="install configure-lockcheck build-lockcheck compile-db lockcheck build-tidy-module clang-tidy"
if (($# == 0)); then
  echo "usage: ci-steps.sh <step>...; steps: ${STEPS// /, }" >&2
  exit 2
fi
for step in "$@"; do
  if [[ " $STEPS " != *" $step "* ]]; then
    echo "ci-steps: unknown step '$step'; valid: ${STEPS// /, }" >&2
    exit 2
  fi
  echo "ci-steps: $step"
  "$step"
done
