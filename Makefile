# wow-guard — set-up and everyday commands. `make scan` and `make test` install what is missing first.
SWIFT ?= swift
# On Linux the release binary is one static executable (-static-executable: the Swift runtime, the C
# libraries and glibc all linked in, non-PIE). The dynamic loader then has nothing to do: with a
# static Swift runtime but a dynamic libc, libstdc++, libm and libgcc_s, it spent ~1.8 million
# instructions per start relocating them, which is most of an agent hook call (measured with
# callgrind: 4.8M instructions per hook call, 2.1M for an empty program). Hook p50 3.2 ms -> 2.3 ms
# on this machine (Benchmarks/hook-latency.sh). The link warns that NSS functions (getpwuid_r,
# getaddrinfo) need the host's glibc at run time: wow-guard reads HOME and never resolves names;
# only libgit2 looks up the passwd entry, when HOME is unset, through the host's NSS modules.
# No $ORIGIN rpath: the binary needs no library beside it.
# Debug sections and the symbol table are stripped at link time (--strip-all), as release
# binaries of other tools are: 36.5 MB -> 24.3 MB measured (7.5 MB debug sections, 9 MB symbols);
# the static executable is 25.8 MB.
# libgit2's git_libgit2_init() loads the system CA bundle for HTTPS (mbedTLS in Debian's static
# archive): ~51M instructions, half of a pre-commit run. wow-guard makes no network connection, so
# the two loader calls are wrapped into no-ops (Sources/GSSStubs/tls_stubs.c).
# macOS has no static executables and ships the Swift runtime with the OS: the default build.
ifeq ($(shell uname -s),Linux)
RELEASE_FLAGS := -c release -Xswiftc -static-executable --disable-local-rpath -Xlinker --strip-all \
  -Xlinker --wrap=mbedtls_x509_crt_parse_file -Xlinker --wrap=mbedtls_x509_crt_parse_path
else
RELEASE_FLAGS := -c release --disable-local-rpath
endif
BIN := .build/release/wow-guard
# `wow-guard --version` names the commit (with -dirty for uncommitted changes).
COMMIT := $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)$(shell git diff --quiet HEAD 2>/dev/null || echo -dirty)
# Written to a header (not a -D flag, which would change every compile command and rebuild everything).
BUILD_INFO := $(CURDIR)/.build/buildinfo
RELEASE_FLAGS += -Xcc -I$(BUILD_INFO)


.PHONY: deps build release buildinfo scan test bench clean completions man fuzz fuzz-build fuzz-diff sanitize sanitize-asan sanitize-tsan

# Installs the system libraries the package links (PCRE2) when they are missing.
deps:
	@./Scripts/install-deps.sh

build: deps
	$(SWIFT) build

release: deps buildinfo
	$(SWIFT) build $(RELEASE_FLAGS)

buildinfo:
	@mkdir -p $(BUILD_INFO)
	@echo '#define WOW_GUARD_COMMIT "$(COMMIT)"' > $(BUILD_INFO)/wow_guard_commit.h.new
	@cmp -s $(BUILD_INFO)/wow_guard_commit.h.new $(BUILD_INFO)/wow_guard_commit.h && rm $(BUILD_INFO)/wow_guard_commit.h.new \
	  || mv $(BUILD_INFO)/wow_guard_commit.h.new $(BUILD_INFO)/wow_guard_commit.h

# Builds the release binary and scans this repository with it (the project must pass its own scan).
scan: release
	$(BIN) scan .

# Runs the whole test suite (also installs the pre-commit framework, which one test drives).
test: buildinfo
	@./Scripts/install-deps.sh --with-test-tools
	$(SWIFT) build $(RELEASE_FLAGS)
	$(SWIFT) test

bench: release
	./Benchmarks/scan-throughput.sh --bin $(BIN)

# Shell completions (bash, zsh, fish) and the man page, generated from the argument parser.
completions: release
	mkdir -p .build/completions
	$(BIN) --generate-completion-script bash > .build/completions/wow-guard.bash
	$(BIN) --generate-completion-script zsh > .build/completions/_wow-guard
	$(BIN) --generate-completion-script fish > .build/completions/wow-guard.fish

# The man page comes from the argument parser (swift-argument-parser's generate-manual plugin,
# run over the debug build, which builds much faster than a second release configuration).
man: build
	$(SWIFT) package plugin --allow-writing-to-package-directory generate-manual --configuration debug
	mkdir -p .build/man
	cp .build/plugins/GenerateManual/outputs/wow-guard/wow-guard.1 .build/man/
	@echo "man page: .build/man/wow-guard.1 (man .build/man/wow-guard.1)"

# libFuzzer targets (Fuzz/Targets, one per parser/decoder), built with -sanitize=fuzzer,address into
# .build-fuzz/ (normal builds are unaffected). Each target runs FUZZ_SECONDS; any crash, timeout
# (FUZZ_TIMEOUT s per input) or out-of-memory fails. Summary: .build-fuzz/summary.txt. See docs/fuzzing.md.
FUZZ_SECONDS ?= 60
fuzz-build: deps
	./Scripts/fuzz.sh build

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./Scripts/fuzz.sh run $(FUZZ_TARGETS)

# The shell parser against bash: generated commands, fixed budget and seed; prints disagreements.
SHDIFF_CASES ?= 3000
SHDIFF_SEED ?= 11
fuzz-diff: fuzz-build
	python3 Fuzz/Differential/shdiff.py --cases $(SHDIFF_CASES) --seed $(SHDIFF_SEED) --out .build-fuzz/shdiff.jsonl

# The test suite under AddressSanitizer (.build-asan), and the concurrent paths (parallel scan, the
# hook state store) under ThreadSanitizer (.build-tsan). Not part of `make test` or CI: it takes a while.
TSAN_FILTER ?= ScanCommandTests|StateTests|SessionStateTests|ParallelScanTests
sanitize: sanitize-asan sanitize-tsan

sanitize-asan: deps
	@./Scripts/install-deps.sh --with-test-tools
	$(SWIFT) build --build-path .build-asan --sanitize=address
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --build-path .build-asan --sanitize=address

sanitize-tsan: deps
	$(SWIFT) build --build-path .build-tsan --sanitize=thread
	TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --build-path .build-tsan --sanitize=thread --filter '$(TSAN_FILTER)'

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan
