# wow-guard — set-up and everyday commands. `make scan` and `make test` install what is missing first.
SWIFT ?= swift
# Static Swift runtime; non-PIE, which saves the ~57,000 start-up relocations of a position-independent
# executable (~0.4 ms per agent hook call). Shared libraries keep their address randomisation.
# No $ORIGIN rpath: the binary needs no library beside it, and each agent hook call would otherwise
# first probe ~30 paths in the build folder for its shared libraries.
RELEASE_FLAGS := -c release --static-swift-stdlib --disable-local-rpath -Xswiftc -Xclang-linker -Xswiftc -no-pie
BIN := .build/release/wow-guard

.PHONY: deps build release scan test bench clean

# Installs the system libraries the package links (PCRE2) when they are missing.
deps:
	@./Scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

# Builds the release binary and scans this repository with it (the project must pass its own scan).
scan: release
	$(BIN) scan .

# Runs the whole test suite (also installs the pre-commit framework, which one test drives).
test:
	@./Scripts/install-deps.sh --with-test-tools
	$(SWIFT) build $(RELEASE_FLAGS)
	$(SWIFT) test

bench: release
	./Benchmarks/scan-throughput.sh --bin $(BIN)

clean:
	rm -rf .build
