#!/usr/bin/env bash
# Runs the lockcheck command-line tool over the real-code evaluation corpus
# (libuv memcached libzmq abseil-cpp rocksdb googletest leveldb sqlite) and prints
# a per-project table: TUs, findings per check, wall/CPU time, peak memory,
# TUs not analysed and crashes. Fetches nothing: prepare the corpus first
# (bash scripts/corpus/prepare.sh; docs/corpus.md), build lockcheck
# (bash scripts/build.sh).
#
#   bash scripts/evaluate-corpus.sh [project...] [--results DIR] [-j N] [--lockcheck-arg=ARG]
#
# Environment: CORPUS (default /work/corpus), RESULTS (default /tmp/lockcheck-eval),
# BUILD_DIR (default build/), JOBS (default 2). Results: $RESULTS/<project>.json
# (lockcheck --format=json), <project>.log, summary.txt, summary.json. List the
# findings of one project with: python3 scripts/corpus/list_findings.py $RESULTS/<project>.json
# Exit status 0 when every selected project was prepared and analysed completely.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec python3 "$ROOT/scripts/corpus/evaluate.py" "$@"
