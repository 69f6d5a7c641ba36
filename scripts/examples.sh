#!/usr/bin/env bash
# README command 1: install what is missing, build, and run the lockcheck
# plugin over examples/ so you see its warnings. Exits 0 even though the
# examples contain bugs: the warnings are the point.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh" --target lockcheck-plugin
bash "$ROOT/scripts/run-examples.sh"
