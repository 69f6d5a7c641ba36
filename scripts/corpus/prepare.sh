#!/usr/bin/env bash
# Prepares the real-code evaluation corpus: unpacks each source and writes
# $CORPUS/<name>/build/compile_commands.json, configured for clang-19 and
# narrowed to the TUs the evaluation covers. See docs/corpus.md.
#
#   bash scripts/corpus/prepare.sh [name...]      # default: every project
#
# Names: libuv memcached libzmq abseil-cpp rocksdb googletest leveldb sqlite.
# Environment: CORPUS (default /work/corpus), MIRROR (default /work/.mirror, bare
# git mirrors named <owner>+<repo>/repo), JOBS (default 2, only memcached builds).
# Nothing is downloaded except the SQLite amalgamation (npm pack). A project
# whose directory already exists is not unpacked again (delete it to start over);
# its configuration and compile database are redone.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CORPUS=${CORPUS:-/work/corpus}
MIRROR=${MIRROR:-/work/.mirror}
JOBS=${JOBS:-2}
FILTER="python3 $ROOT/scripts/corpus/filter_compdb.py"
export CC=clang-19 CXX=clang++-19
ALL="libuv memcached libzmq abseil-cpp rocksdb googletest leveldb sqlite"

declare -A REPO=([libuv]=libuv+libuv [memcached]=memcached+memcached [libzmq]=zeromq+libzmq
                 [abseil-cpp]=abseil+abseil-cpp [rocksdb]=facebook+rocksdb
                 [googletest]=google+googletest [leveldb]=google+leveldb)

log() { echo "== $*" >&2; }

# unpack NAME: the mirror's HEAD, without .git; the commit goes to .corpus-commit.
unpack() {
  local n=$1 d=$MIRROR/${REPO[$1]}/repo
  if [ -d "$CORPUS/$n" ]; then
    log "$n: already unpacked (commit $(cat "$CORPUS/$n/.corpus-commit" 2>/dev/null || echo unknown))"
    return
  fi
  [ -d "$d" ] || { echo "prepare: no mirror $d for $n" >&2; exit 1; }
  mkdir -p "$CORPUS/$n"
  git --git-dir="$d" archive HEAD | tar -x -C "$CORPUS/$n"
  git --git-dir="$d" rev-parse HEAD > "$CORPUS/$n/.corpus-commit"
  log "$n: unpacked commit $(cat "$CORPUS/$n/.corpus-commit")"
}

# cmake_configure NAME ARGS...: configure into NAME/build, keep the full database.
cmake_configure() {
  local n=$1; shift
  cmake -S "$CORPUS/$n" -B "$CORPUS/$n/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON "$@" > "$CORPUS/$n/build-configure.log" 2>&1 ||
    { tail -30 "$CORPUS/$n/build-configure.log" >&2; exit 1; }
  cp "$CORPUS/$n/build/compile_commands.json" "$CORPUS/$n/build/compile_commands.full.json"
}

filter() { # filter NAME [filter_compdb.py options]
  local n=$1; shift
  $FILTER "$CORPUS/$n/build/compile_commands.full.json" "$CORPUS/$n/build/compile_commands.json" \
    --root "$CORPUS/$n" "$@"
}

prep_libuv() {
  unpack libuv
  cmake_configure libuv -DLIBUV_BUILD_TESTS=OFF -DLIBUV_BUILD_BENCH=OFF \
    -DLIBUV_BUILD_SHARED=OFF -DENABLE_CLANG_TIDY=OFF
  filter libuv --dir src
}

prep_leveldb() {
  unpack leveldb
  # C++17: this commit's CMakeLists still defaults to C++11, but util/no_destructor.h
  # and util/env_posix.cc use std::is_standard_layout_v (C++17).
  cmake_configure leveldb -DLEVELDB_BUILD_TESTS=OFF -DLEVELDB_BUILD_BENCHMARKS=OFF \
    -DLEVELDB_INSTALL=OFF -DCMAKE_CXX_STANDARD=17
  filter leveldb --dir db --dir util --dir table --dir helpers --dir port \
    --exclude '_test\.cc$' --exclude 'bench'
}

prep_googletest() {
  # As scripts/evaluate-googletest.sh: libraries, their tests and the samples.
  unpack googletest
  cmake_configure googletest -Dgtest_build_tests=ON -Dgmock_build_tests=ON \
    -Dgtest_build_samples=ON -DINSTALL_GTEST=OFF
  filter googletest
}

prep_abseil-cpp() {
  unpack abseil-cpp
  cmake_configure abseil-cpp -DABSL_BUILD_TESTING=OFF -DBUILD_TESTING=OFF \
    -DCMAKE_CXX_STANDARD=17 -DABSL_PROPAGATE_CXX_STD=ON
  filter abseil-cpp --dir absl/synchronization --dir absl/base --dir absl/flags \
    --dir absl/profiling --exclude '_test\.cc$' --exclude '_benchmark\.cc$' --exclude 'test_'
}

prep_libzmq() {
  # ENABLE_PRECOMPILED=OFF: the commands would otherwise need a built .pch.
  unpack libzmq
  cmake_configure libzmq -DBUILD_TESTS=OFF -DBUILD_STATIC=OFF -DWITH_PERF_TOOL=OFF \
    -DWITH_DOCS=OFF -DENABLE_PRECOMPILED=OFF -DENABLE_CPACK=OFF
  filter libzmq --dir src
}

prep_rocksdb() {
  unpack rocksdb
  cmake_configure rocksdb -DWITH_GFLAGS=OFF -DWITH_LIBURING=OFF -DWITH_TESTS=OFF \
    -DWITH_BENCHMARK_TOOLS=OFF -DWITH_CORE_TOOLS=OFF -DWITH_TOOLS=OFF -DWITH_TRACE_TOOLS=OFF \
    -DWITH_EXAMPLES=OFF -DROCKSDB_BUILD_SHARED=OFF -DFAIL_ON_WARNINGS=OFF
  filter rocksdb --dir db --dir util --dir port --dir monitoring \
    --exclude '_test\.cc$' --exclude 'bench'
}

prep_memcached() {
  # autotools; needs autoconf automake libevent-dev bear (apt). The compile
  # database is recorded by bear from a real build of the memcached binary
  # (not the test programs), so config.h and everything else exists.
  unpack memcached
  local s=$CORPUS/memcached
  (cd "$s" && ./autogen.sh > autogen.log 2>&1) || { tail -20 "$s/autogen.log" >&2; exit 1; }
  mkdir -p "$s/build"
  (cd "$s/build" && ../configure CC=clang-19 > configure.log 2>&1) ||
    { tail -20 "$s/build/configure.log" >&2; exit 1; }
  (cd "$s/build" && make clean > /dev/null 2>&1 || true)
  (cd "$s/build" && bear --output compile_commands.full.json -- make -j"$JOBS" memcached \
    > make.log 2>&1) || { tail -20 "$s/build/make.log" >&2; exit 1; }
  filter memcached
}

prep_sqlite() {
  # The amalgamation of better-sqlite3 11.10.0 (SQLite 3.49.2), as in docs/evaluation.md.
  local s=$CORPUS/sqlite src
  mkdir -p "$s/build"
  if [ ! -f "$s/package/deps/sqlite3/sqlite3.c" ]; then
    (cd "$s" && npm pack better-sqlite3@11.10.0 > /dev/null && tar xzf better-sqlite3-11.10.0.tgz)
  fi
  src=$s/package/deps/sqlite3
  echo "npm better-sqlite3@11.10.0" > "$s/.corpus-commit"
  cat > "$s/build/compile_commands.json" <<EOF
[
  {
    "directory": "$src",
    "arguments": ["/usr/bin/clang-19", "-DSQLITE_THREADSAFE=1", "-c", "sqlite3.c", "-o", "/dev/null"],
    "file": "$src/sqlite3.c"
  }
]
EOF
  log "sqlite: $s/build/compile_commands.json (config: scripts/corpus/sqlite.lockcheck.yaml)"
}

names=("$@")
[ ${#names[@]} -gt 0 ] || read -r -a names <<< "$ALL"
for n in "${names[@]}"; do
  case " $ALL " in *" $n "*) ;; *) echo "prepare: unknown project '$n' (known: $ALL)" >&2; exit 2;; esac
  log "$n"
  "prep_$n"
done
