# Sourced by the other scripts: which LLVM releases to work on, and where.
#   LLVM_VERSION=22      one release (19 to 22); unset: 19 and 22 for setup.sh
#                        and test.sh, 19 for build.sh and examples.sh
#   BUILD_DIR=dir        the build directory of 19 (default build/); any other
#                        release N builds in <BUILD_DIR>-N (build-22/)
LOCKCHECK_SUPPORTED_LLVM="19 20 21 22"
LOCKCHECK_DEFAULT_LLVM=19
LOCKCHECK_TESTED_LLVM="19 22"

# lockcheck_versions <default list>: the releases to work on.
lockcheck_versions() {
  local v=${LLVM_VERSION:-}
  if [[ -z $v ]]; then
    echo "$1"
    return
  fi
  if [[ " $LOCKCHECK_SUPPORTED_LLVM " != *" $v "* ]]; then
    echo "error: LLVM_VERSION=$v is not supported; valid: ${LOCKCHECK_SUPPORTED_LLVM// /, }" >&2
    return 1
  fi
  echo "$v"
}

# lockcheck_build_dir <version>: that release's build directory.
lockcheck_build_dir() {
  local base=${BUILD_DIR:-$ROOT/build}
  if [[ $1 == "$LOCKCHECK_DEFAULT_LLVM" ]]; then
    echo "$base"
  else
    echo "$base-$1"
  fi
}
