#!/usr/bin/env bash
# The stress suite: drives the release binary one process per call through the real hook protocol.
#   1. 10,000 Claude Code PreToolUse calls (Bash 40 %, Write 20 %, Read 15 %, Edit 10 %, Glob 10 %,
#      Grep 5 %; realistic inputs, a share dangerous): every decision asserted, exactly 10,000 new
#      audit rows, p50/p95/p99/max and throughput, beside an empty static Swift binary.
#   2. 50 concurrent workers x 20 calls, 3 rounds: no lost, duplicated or corrupt rows; the median
#      wall time against the CPU-bound ideal (1,000 x sequential mean / cores) and against the same
#      rounds run without any state (the store's own share).
#   3. Memory (peak RSS): the hook on a 1 MB write and a 100 KB command, pre-commit on a large
#      change, scan of a ~400 MB tree (the local Swift package mirror).
#   4. pre-commit on a 10-line change in a real-code repository (~21,000 files, every package of the
#      mirror in one commit) against `git diff --cached` printing the same patch.
# Usage: Benchmarks/stress/run.sh [--bin PATH] [--ops N] [--mirror DIR] [--report FILE]
# Prints a report (markdown); --report also writes it to FILE.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bin="$root/.build/release/wow-guard"
ops=10000
mirror=/opt/swift-packages
report=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin="$2"; shift 2 ;;
    --ops) ops="$2"; shift 2 ;;
    --mirror) mirror="$2"; shift 2 ;;
    --report) report="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$bin" ] || (cd "$root" && make release >&2) || { echo "build failed" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "stress: sqlite3 (the CLI) is needed to count rows" >&2; exit 1; }
work="$root/Benchmarks/work/stress"
mkdir -p "$work"
empty="$root/Benchmarks/work/hook-latency/empty"
if [ ! -x "$empty" ]; then
  mkdir -p "$(dirname "$empty")"; printf '' > "$(dirname "$empty")/empty.swift"
  swiftc -O -static-stdlib "$(dirname "$empty")/empty.swift" -o "$empty" >&2
fi
python3 "$here/stress.py" --bin "$bin" --empty "$empty" --ops "$ops" --work "$work" --root "$root" --mirror "$mirror" --report "$report"
