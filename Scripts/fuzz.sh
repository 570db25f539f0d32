#!/usr/bin/env bash
# Builds and runs the libFuzzer targets under Fuzz/Targets (one harness per target).
#
#   Scripts/fuzz.sh build            compile the core, system and agents modules with
#                                    -sanitize=fuzzer,address into .build-fuzz/ and link one
#                                    binary per target (.build-fuzz/bin/fuzz-<target>)
#   Scripts/fuzz.sh run [target...]  run each target for FUZZ_SECONDS (default 60) on a working
#                                    corpus seeded from Fuzz/Corpus/<target>; exits non-zero on any
#                                    crash, leak, timeout or out-of-memory, and prints a summary
#   Scripts/fuzz.sh list             the target names
#
# Normal builds are unaffected: nothing here touches .build/ or Package.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${FUZZ_BUILD:-$ROOT/.build-fuzz}
SWIFTC=${SWIFTC:-swiftc}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-5}       # seconds per input: anything slower is a finding
FUZZ_RSS_MB=${FUZZ_RSS_MB:-2048}      # ASan's shadow memory included
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-16384}
FUZZ_OPT=${FUZZ_OPT:--O}

targets() { for f in "$ROOT"/Fuzz/Targets/*.swift; do basename "$f" .swift; done; }

SAN=(-sanitize=fuzzer,address -parse-as-library -g "$FUZZ_OPT" -enable-testing)
PCRE=(-Xcc -I/usr/include -I "$ROOT/Sources/CPCRE2" -I "$ROOT/Sources/CSQLite")

# Compiles one module into a static archive when any of its sources is newer than the archive.
module() {
    local name=$1; shift
    local srcdir=$1; shift
    local lib="$OUT/lib/lib$name.a"
    mapfile -t srcs < <(find "$srcdir" -name '*.swift' | sort)
    # Up to date: no source newer than the archive, and no module it imports rebuilt since.
    if [[ -f $lib && -z ${FUZZ_REBUILD:-} && -z ${REBUILT:-} ]] && [[ -z $(find "$srcdir" -newer "$lib" -name '*.swift' | head -1) ]]; then
        return
    fi
    REBUILT=1
    echo "fuzz: compiling $name (${#srcs[@]} files)" >&2
    mkdir -p "$OUT/lib" "$OUT/obj/$name"
    (cd "$OUT/obj/$name" && "$SWIFTC" "${SAN[@]}" -wmo -num-threads 2 -module-name "$name" -emit-module \
        -emit-module-path "$OUT/lib/$name.swiftmodule" -emit-library -static -o "$lib" \
        -I "$OUT/lib" "${PCRE[@]}" "$@" "${srcs[@]}")
}

build() {
    mkdir -p "$OUT/bin"
    module WowGuardCore "$ROOT/Sources/WowGuardCore"
    module WowGuardSystem "$ROOT/Sources/WowGuardSystem"
    module WowGuardStore "$ROOT/Sources/WowGuardStore"
    module WowGuardAgents "$ROOT/Sources/WowGuardAgents"
    local t
    for t in $(targets); do
        local bin="$OUT/bin/fuzz-$t" src="$ROOT/Fuzz/Targets/$t.swift"
        if [[ -f $bin && $bin -nt $src && $bin -nt $OUT/lib/libWowGuardAgents.a && $bin -nt $OUT/lib/libWowGuardStore.a && $bin -nt $OUT/lib/libWowGuardCore.a \
              && $bin -nt $ROOT/Fuzz/Support/FuzzSupport.swift ]]; then continue; fi
        echo "fuzz: linking fuzz-$t" >&2
        mkdir -p "$OUT/obj/fuzz-$t"
        (cd "$OUT/obj/fuzz-$t" && "$SWIFTC" "${SAN[@]}" -module-name "Fuzz_$t" -I "$OUT/lib" "${PCRE[@]}" \
            "$src" "$ROOT/Fuzz/Support/FuzzSupport.swift" \
            -L "$OUT/lib" -lWowGuardAgents -lWowGuardStore -lWowGuardSystem -lWowGuardCore -Xlinker -l:libpcre2-8.a -Xlinker -l:libsqlite3.a -lm -o "$bin")
    done
    # The differential driver (not a libFuzzer target): ASan only, reads commands on stdin.
    local d="$OUT/bin/sh-words" dsrc="$ROOT/Fuzz/Differential/ShWords.swift"
    if [[ ! -f $d || $dsrc -nt $d || $OUT/lib/libWowGuardCore.a -nt $d ]]; then
        echo "fuzz: linking sh-words" >&2
        mkdir -p "$OUT/obj/sh-words"
        (cd "$OUT/obj/sh-words" && "$SWIFTC" -sanitize=address -parse-as-library -g "$FUZZ_OPT" -module-name ShWords -I "$OUT/lib" "${PCRE[@]}" \
            "$dsrc" -L "$OUT/lib" -lWowGuardCore -Xlinker -l:libpcre2-8.a \
            -Xlinker "$(ls /opt/swift/usr/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a 2>/dev/null | head -1)" -lstdc++ -o "$d")
    fi
}

run() {
    local list=("$@") failed=() t
    [[ ${#list[@]} -gt 0 ]] || mapfile -t list < <(targets)
    local summary="$OUT/summary.txt"
    : > "$summary"
    for t in "${list[@]}"; do
        local bin="$OUT/bin/fuzz-$t" corpus="$OUT/corpus/$t" art="$OUT/artifacts/$t/" log="$OUT/logs/$t.log"
        mkdir -p "$corpus" "$art" "$(dirname "$log")"
        local dict=()
        [[ -f $ROOT/Fuzz/Dictionaries/$t.dict ]] && dict=(-dict="$ROOT/Fuzz/Dictionaries/$t.dict")
        echo "fuzz: $t for ${FUZZ_SECONDS}s" >&2
        local rc=0
        SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1} \
        "$bin" -max_total_time="$FUZZ_SECONDS" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb="$FUZZ_RSS_MB" \
            -max_len="$FUZZ_MAX_LEN" -print_final_stats=1 -artifact_prefix="$art" ${FUZZ_SEED:+-seed=$FUZZ_SEED} \
            "${dict[@]}" "$corpus" "$ROOT/Fuzz/Corpus/$t" $([[ -d $ROOT/Fuzz/Regressions/$t ]] && echo "$ROOT/Fuzz/Regressions/$t") > "$log" 2>&1 || rc=$?
        local last execs cov ft
        last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
        cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
        ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
        execs=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
        local runs; runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        printf '%-10s rc=%-3s runs=%-9s exec/s=%-7s cov=%-6s ft=%-6s\n' "$t" "$rc" "${runs:-?}" "${execs:-?}" "${cov:-?}" "${ft:-?}" | tee -a "$summary" >&2
        if [[ $rc -ne 0 ]]; then
            failed+=("$t")
            grep -E 'ERROR|SUMMARY|Test unit written|timeout|crash' "$log" | head -20 >&2 || true
        fi
    done
    if [[ ${#failed[@]} -gt 0 ]]; then
        echo "fuzz: FAILED: ${failed[*]} (inputs under $OUT/artifacts/, logs under $OUT/logs/)" >&2
        return 1
    fi
    echo "fuzz: all ${#list[@]} targets ran ${FUZZ_SECONDS}s without a crash or timeout" >&2
}

case "${1:-}" in
    build) build ;;
    run) shift; run "$@" ;;
    list) targets ;;
    *) echo "usage: $0 build | run [target...] | list" >&2; exit 2 ;;
esac
