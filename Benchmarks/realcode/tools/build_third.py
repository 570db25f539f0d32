#!/usr/bin/env python3
"""Stage 2c: a third draw from seven more PyPI sdists rich in API-client fixtures (apprise,
python-gitlab, PyGithub, testcontainers, python-keycloak, tweepy, python-telegram-bot), extracted
to WORKDIR/pypi2.  Candidates: every line a scanner flags (capped per file and package) plus
keyword lines the pre-sorter reads as key = literal value.  Appended to review.jsonl and labelled
by hand like the others.

usage: build_third.py WORKDIR [KIND FLAGGED_QUOTA VALUE_QUOTA SEED]
       (defaults: pypi2 330 270 888; the seventh draw used: pypi3 150 150 8888888 for azure-storage-blob,
        braintree, jira, netmiko, pusher, python-jenkins, requests-aws4auth and sendgrid)
"""
import collections, json, os, random, sys
W = sys.argv[1]
KIND = sys.argv[2] if len(sys.argv) > 2 else "pypi2"
FQ = int(sys.argv[3]) if len(sys.argv) > 3 else 330
VQ = int(sys.argv[4]) if len(sys.argv) > 4 else 270
random.seed(int(sys.argv[5]) if len(sys.argv) > 5 else 888)
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "propose.py")).read()
ns = {"__name__": "propose_lib"}
exec(src.split("for l in open(sys.argv[1]):")[0], ns)
propose = ns["propose"]

review = [json.loads(l) for l in open(os.path.join(W, "review.jsonl"))]
seen_text = {c["text"].strip() for c in review}
nxt = max(c["n"] for c in review) + 1
root = os.path.join(W, KIND)

def split(p):
    if not os.path.isabs(p):
        p = os.path.join(W, p) if p.startswith(KIND + "/") else os.path.join(root, p)
    pkg, _, path = os.path.relpath(p, root).partition(os.sep)
    return pkg, path

cands = {}
def add(pkg, path, line, text=None, tool=None, rule=None):
    k = (pkg, path, int(line))
    c = cands.setdefault(k, {"kind": KIND, "package": pkg, "path": path, "line": int(line),
                             "text": text, "flagged": {}, "keyword": False})
    if text is not None:
        c["text"] = text
    if tool:
        c["flagged"].setdefault(tool, rule)
    else:
        c["keyword"] = True

for l in open(os.path.join(W, f"kw-{KIND}.jsonl")):
    d = json.loads(l)
    add(d["package"], d["path"], d["line"], d["text"])
for f in json.load(open(os.path.join(W, f"flags/wow-{KIND}.json")))["findings"]:
    if "." not in f["rule_id"]:
        add(*split(f["path"]), f["line"], tool="wow", rule=f["rule_id"])
for l in open(os.path.join(W, f"flags/bl-{KIND}.jsonl")):
    d = json.loads(l).get("finding")
    if d and "start_line" in d["location"]:
        add(*split(d["location"]["path"]), d["location"]["start_line"], tool="bl", rule=d["rule_id"])
for f in json.load(open(os.path.join(W, f"flags/kf-{KIND}.json")))["findings"]:
    add(*split(f["finding"]["path"]), f["finding"]["line"], tool="kf", rule=f["rule"]["name"])

files = {}
for c in cands.values():
    if c["text"] is None:
        p = os.path.join(root, c["package"], c["path"])
        if p not in files:
            try:
                files[p] = open(p, "rb").read().decode("utf-8", "replace").splitlines()
            except OSError:
                files[p] = []
        L = files[p]
        c["text"] = L[c["line"] - 1] if 0 < c["line"] <= len(L) else ""

flagged, valued = [], []
for k in sorted(cands):
    c = cands[k]
    t = c["text"].strip()
    if not t or len(t) > 300 or t in seen_text:
        continue
    seen_text.add(t)
    lab, cat, v = propose(c)
    c["proposed"], c["category"], c["value_hint"] = lab, cat, v
    if c["flagged"]:
        flagged.append(c)
    elif lab == "T" and len(v) >= 4:
        valued.append(c)
random.shuffle(flagged); random.shuffle(valued)
out, per_file, per_pkg = [], collections.Counter(), collections.Counter()
tag = "3" if KIND == "pypi2" else "7"
for group, quota, fcap, pcap, name in ((flagged, FQ, 4, 70, "flagged" + tag), (valued, VQ, 2, 55, "value" + tag)):
    n = 0
    for c in group:
        if n >= quota:
            break
        fk, pk = (name, c["package"], c["path"]), (name, c["package"])
        if per_file[fk] >= fcap or per_pkg[pk] >= pcap:
            continue
        per_file[fk] += 1; per_pkg[pk] += 1; n += 1
        c["stratum"] = name
        out.append(c)
out.sort(key=lambda c: (c["package"].lower(), c["path"], c["line"]))
with open(os.path.join(W, "review.jsonl"), "a") as f:
    for c in out:
        c["n"] = nxt; nxt += 1
        f.write(json.dumps(c) + "\n")
print(collections.Counter(c["stratum"] for c in out), len(flagged), len(valued), file=sys.stderr)
