#!/usr/bin/env bash
# Side-by-side speed of two wow-guard binaries in the same run (interleaved, so machine load hits
# both alike): `scan` wall time over a source tree, and the agent hook's per-call latency over the
# realistic Claude Code mix of Benchmarks/hook-latency.sh.
#
# Usage: Benchmarks/compare-speed.sh --base BIN --bin BIN [--tree DIR] [--runs N] [--calls N]
#   --base   the reference binary (e.g. main's .build/release/wow-guard)
#   --bin    the binary under test (default: this checkout's .build/release/wow-guard)
#   --tree   directory to scan (default: Benchmarks/work/tree, built by scan-throughput.sh)
# Prints medians, the ratio bin/base, an `rg -i -F` keyword floor when ripgrep is installed, and
# the load average before and after.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
base=""; bin="$root/.build/release/wow-guard"; tree="$here/work/tree"; runs=5; calls=600
while [[ $# -gt 0 ]]; do
    case "$1" in
        --base) base="$2"; shift 2 ;;
        --bin) bin="$2"; shift 2 ;;
        --tree) tree="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --calls) calls="$2"; shift 2 ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[[ -x "$base" && -x "$bin" ]] || { echo "need --base and --bin executables" >&2; exit 2; }
[[ -d "$tree" ]] || { echo "no tree $tree (run Benchmarks/scan-throughput.sh once to build it)" >&2; exit 2; }
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Floor (when ripgrep is installed): one case-insensitive fixed-string pass of `rg` over the same
# tree with every keyword of bin's rules, the least work a keyword-prefiltered scanner can do.
kwfile="$(mktemp)"; trap 'rm -f "$kwfile"' EXIT
"$bin" rules --format json 2>/dev/null | python3 -c '
import json, sys
kws = {k.lower() for r in json.load(sys.stdin) for k in (r.get("keywords") or []) if k}
print("\n".join(sorted(kws)))' > "$kwfile"
python3 - "$base" "$bin" "$tree" "$runs" "$kwfile" <<'PY'
import shutil, statistics, subprocess, sys, time
base, bin_, tree, runs, kwfile = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
rg = shutil.which("rg")
def timed(argv):
    t = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t
cmds = {base: [base, "scan", "--no-git", "--format", "json", tree],
        bin_: [bin_, "scan", "--no-git", "--format", "json", tree]}
if rg:
    cmds["rg"] = [rg, "-i", "-F", "-f", kwfile, "--no-ignore", "--hidden", "-c", tree]
for argv in cmds.values(): timed(argv)  # warm the page cache
ts = {k: [] for k in cmds}
for _ in range(runs):
    for k, argv in cmds.items(): ts[k].append(timed(argv))
mb, mn = statistics.median(ts[base]), statistics.median(ts[bin_])
print(f"scan {tree}: base median {mb:.2f} s, bin median {mn:.2f} s, ratio {mn / mb:.2f}  (runs: {runs} each, interleaved)")
if rg:
    n = sum(1 for _ in open(kwfile))
    mr = statistics.median(ts["rg"])
    print(f"floor rg -i -F ({n} keywords): median {mr:.2f} s; base/rg {mb / mr:.2f}, bin/rg {mn / mr:.2f}")
else:
    print("floor rg: SKIPPED (ripgrep not installed)")
PY
# The hook mix of hook-latency.sh, with both binaries interleaved call by call.
sed -n '/^python3 - /,/^PY$/p' "$here/hook-latency.sh" | sed '1d;$d' > "$here/work/hook-mix.py" 2>/dev/null || { mkdir -p "$here/work"; sed -n '/^python3 - /,/^PY$/p' "$here/hook-latency.sh" | sed '1d;$d' > "$here/work/hook-mix.py"; }
python3 - "$here/work/hook-mix.py" "$base" "$bin" "$calls" "$root" <<'PY'
import sys
src = open(sys.argv[1]).read()
cut = src.index('env_cmd = [bin_, "hook"]')
src = src[:cut] + '''
os.environ["CLAUDE_PROJECT_DIR"] = proj
bins = bin_.split(",")
for d in inputs[:20]:
    for b in bins: run([b, "hook"], d.encode())
lat = {b: [] for b in bins}
for d in inputs:
    for b in bins: lat[b].append(run([b, "hook"], d.encode()))
m = [statistics.median(lat[b]) for b in bins]
for b, med in zip(bins, m):
    v = sorted(lat[b]); print(f"hook {b}: median {med:.3f} ms  p95 {v[int(0.95 * (len(v) - 1))]:.3f} ms")
print(f"hook median ratio bin/base: {m[1] / m[0]:.3f}  ({len(inputs)} calls each, interleaved)")
'''
sys.argv = ["x", sys.argv[2] + "," + sys.argv[3], "", sys.argv[4], sys.argv[5]]
exec(compile(src, "hook-mix", "exec"))
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
