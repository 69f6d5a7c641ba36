#!/usr/bin/env bash
# The Clang plugin in every compile of a CMake project, without touching its
# CMakeLists.txt: configure with the plugin's Clang as *both* the C and the C++
# compiler (a C compiler left at its default, GCC on Debian, would refuse
# -fplugin) and pass the plugin in both languages' flags. Findings appear as
# warnings in the build log. Run from the project's root:
#
#   LOCKCHECK_PLUGIN=/path/to/lockcheck-plugin-19.so bash cmake-plugin.sh
#
# LLVM_VERSION (default 19) must be the plugin's release; BUILD_DIR (default
# build-lockcheck) is the build directory. Inside a CMakeLists.txt,
# lockcheck_enable(<target>) (cmake.md) does the same per target and checks the
# compilers for you. test/integrations/cmake-plugin.test runs this script.
set -euo pipefail
LLVM_VERSION=${LLVM_VERSION:-19}
BUILD_DIR=${BUILD_DIR:-build-lockcheck}
PLUGIN=${LOCKCHECK_PLUGIN:?set LOCKCHECK_PLUGIN to lockcheck-plugin-$LLVM_VERSION.so}

cmake -S . -B "$BUILD_DIR" -G Ninja \
  -DCMAKE_C_COMPILER="clang-$LLVM_VERSION" -DCMAKE_CXX_COMPILER="clang++-$LLVM_VERSION" \
  -DCMAKE_C_FLAGS="-fplugin=$PLUGIN" -DCMAKE_CXX_FLAGS="-fplugin=$PLUGIN"
cmake --build "$BUILD_DIR"
