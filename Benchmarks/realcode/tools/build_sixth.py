#!/usr/bin/env python3
"""Stage 2f: a sixth draw from the scanner-flagged lines the first draw's caps left out
(swift and pypi trees), lines flagged by two or more tools first.  Appended to review.jsonl and
labelled by hand like the others.

usage: build_sixth.py WORKDIR
"""
import collections, json, os, random, sys
W = sys.argv[1]
random.seed(888888)
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "propose.py")).read()
ns = {"__name__": "propose_lib"}
exec(src.split("for l in open(sys.argv[1]):")[0], ns)
propose = ns["propose"]
review = [json.loads(l) for l in open(os.path.join(W, "review.jsonl"))]
have = {(c["kind"], c["package"], c["path"], c["line"]) for c in review}
seen_text = {c["text"].strip() for c in review}
nxt = max(c["n"] for c in review) + 1

def split(kind, p):
    root = os.path.join(W, kind)
    if not os.path.isabs(p):
        p = os.path.join(W, p) if p.startswith(kind + "/") else os.path.join(root, p)
    pkg, _, path = os.path.relpath(p, root).partition(os.sep)
    return pkg, path

flag = collections.defaultdict(dict)
for kind in ("swift", "pypi"):
    for f in json.load(open(os.path.join(W, f"flags/wow-{kind}.json")))["findings"]:
        if "." not in f["rule_id"]:
            flag[(kind, *split(kind, f["path"]), f["line"])]["wow"] = f["rule_id"]
    for l in open(os.path.join(W, f"flags/bl-{kind}.jsonl")):
        d = json.loads(l).get("finding")
        if d and "start_line" in d["location"]:
            flag[(kind, *split(kind, d["location"]["path"]), d["location"]["start_line"])]["bl"] = d["rule_id"]
    for f in json.load(open(os.path.join(W, f"flags/kf-{kind}.json")))["findings"]:
        flag[(kind, *split(kind, f["finding"]["path"]), f["finding"]["line"])]["kf"] = f["rule"]["name"]
files, cands = {}, []
for k, tools in flag.items():
    if k in have:
        continue
    kind, pkg, path, line = k
    p = os.path.join(W, kind, pkg, path)
    if p not in files:
        try:
            files[p] = open(p, "rb").read().decode("utf-8", "replace").splitlines()
        except OSError:
            files[p] = []
    L = files[p]
    t = L[line - 1] if 0 < line <= len(L) else ""
    if not t.strip() or len(t) > 300 or t.strip() in seen_text:
        continue
    seen_text.add(t.strip())
    c = {"kind": kind, "package": pkg, "path": path, "line": line, "text": t, "flagged": tools, "keyword": False}
    c["proposed"], c["category"], c["value_hint"] = propose(c)
    cands.append(c)
random.shuffle(cands)
cands.sort(key=lambda c: -len(c["flagged"]))
out, per_file, per_pkg = [], collections.Counter(), collections.Counter()
for c in cands:
    if len(out) >= 260:
        break
    fk, pk = (c["kind"], c["package"], c["path"]), (c["kind"], c["package"])
    if per_file[fk] >= 3 or per_pkg[pk] >= 30:
        continue
    per_file[fk] += 1; per_pkg[pk] += 1
    c["stratum"] = "flagged6"
    out.append(c)
out.sort(key=lambda c: (c["kind"], c["package"].lower(), c["path"], c["line"]))
with open(os.path.join(W, "review.jsonl"), "a") as f:
    for c in out:
        c["n"] = nxt; nxt += 1
        f.write(json.dumps(c) + "\n")
print(len(out), len(cands), collections.Counter(len(c["flagged"]) for c in out), file=sys.stderr)
