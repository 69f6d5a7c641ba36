# Thin wrapper around scripts/ (which work without make on a fresh machine).
export BUILD_DIR
# BUILD_DIR=... selects another build directory (that of LLVM 19; N builds in
# BUILD_DIR-N); LLVM_VERSION=N one LLVM release (see scripts/versions.sh).
export LLVM_VERSION
.PHONY: all setup build examples test bench package clean

all: build

setup:
	bash scripts/setup.sh

build:
	bash scripts/build.sh

examples:
	bash scripts/examples.sh

test:
	bash scripts/test.sh

package:
	bash scripts/package.sh

bench: build
	python3 bench/run_bench.py

clean:
	rm -rf $(or $(BUILD_DIR),build) $(addprefix $(or $(BUILD_DIR),build)-,20 21 22)
