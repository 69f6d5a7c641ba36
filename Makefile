# Thin wrapper around scripts/ (which work without make on a fresh machine).
export BUILD_DIR
# BUILD_DIR=... selects another build directory.
.PHONY: all setup build examples test bench clean

all: build

setup:
	bash scripts/setup.sh

build:
	bash scripts/build.sh

examples:
	bash scripts/examples.sh

test:
	bash scripts/test.sh

bench: build
	python3 bench/run_bench.py

clean:
	rm -rf $(or $(BUILD_DIR),build)
