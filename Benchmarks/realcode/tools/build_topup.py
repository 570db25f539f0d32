#!/usr/bin/env python3
"""Stage 2b: a second, value-focused draw.

The first draw (build_pool.py) is dominated by keyword lines without values, so it holds too few
credentials for per-category numbers.  This draw takes, from the same pool, lines where a
credential-ish key is followed by a literal value that the pre-sorter (propose.py) does not
dismiss as a placeholder, variable or code, in quotas per category, and appends them to the
numbered review file.  It is still labelled line by line by hand; about half turn out false.

usage: build_topup.py WORKDIR    (reads and extends WORKDIR/review.jsonl)
"""
import collections, json, os, random, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import importlib.util
spec = importlib.util.spec_from_file_location("propose", os.path.join(os.path.dirname(__file__), "propose.py"))
W = sys.argv[1]
random.seed(88)

src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "propose.py")).read()
ns = {"__name__": "propose_lib"}
exec(src.split("for l in open(sys.argv[1]):")[0], ns)
propose = ns["propose"]

review = [json.loads(l) for l in open(os.path.join(W, "review.jsonl"))]
have = {(c["kind"], c["package"], c["path"], c["line"]) for c in review}
seen_text = {c["text"].strip() for c in review}
nxt = max(c["n"] for c in review) + 1

pool = []
for kind in ("swift", "pypi"):
    for l in open(os.path.join(W, f"kw-{kind}.jsonl")):
        d = json.loads(l)
        t = d["text"].strip()
        if (kind, d["package"], d["path"], d["line"]) in have or t in seen_text or len(t) > 300:
            continue
        seen_text.add(t)
        c = {"kind": kind, "package": d["package"], "path": d["path"], "line": d["line"],
             "text": d["text"], "flagged": {}, "keyword": True}
        lab, cat, v = propose(c)
        if lab != "T" or len(v) < 4:
            continue
        c["proposed"], c["category"], c["value_hint"] = lab, cat, v
        pool.append(c)
random.shuffle(pool)
QUOTA = {"password": 260, "api-key": 60, "secret": 90, "token": 70, "auth": 50, "bearer": 40,
         "credential": 30, "other": 50, "key": 40, "url-credential": 40, "private-key": 10}
per_file, per_pkg, got = collections.Counter(), collections.Counter(), collections.Counter()
out = []
for c in pool:
    cat = c["category"]
    if got[cat] >= QUOTA.get(cat, 0):
        continue
    fk, pk = (c["kind"], c["package"], c["path"]), (c["kind"], c["package"], cat)
    if per_file[fk] >= 2 or per_pkg[pk] >= 25:
        continue
    per_file[fk] += 1; per_pkg[pk] += 1; got[cat] += 1
    c["stratum"] = "value"
    out.append(c)
out.sort(key=lambda c: (c["kind"], c["package"].lower(), c["path"], c["line"]))
with open(os.path.join(W, "review.jsonl"), "a") as f:
    for c in out:
        c["n"] = nxt; nxt += 1
        f.write(json.dumps(c) + "\n")
print(dict(got), len(out), file=sys.stderr)
