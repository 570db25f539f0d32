#!/usr/bin/env python3
"""Stage 3: sort the pre-sorted first draw and number it; the numbers are what the label
batches (labels/batch-*.txt) refer to.  Later draws append to the numbered file.

usage: number_sample.py WORKDIR/proposed.jsonl > WORKDIR/review.jsonl
"""
import json, sys

rows = [json.loads(l) for l in open(sys.argv[1])]
rows.sort(key=lambda c: (c["kind"], c["package"].lower(), c["path"], c["line"]))
for i, c in enumerate(rows):
    c["n"] = i
    sys.stdout.write(json.dumps(c) + "\n")
