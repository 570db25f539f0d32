#!/usr/bin/env python3
"""Stage 2: merge keyword candidates with every line a scanner flags, de-duplicate, and draw the
sample that gets labelled by hand.

usage: build_pool.py WORKDIR > sample.jsonl
WORKDIR holds swift/ and pypi/ (extracted trees), kw-{swift,pypi}.jsonl (stage 1) and
flags/{wow,bl,kf}-{swift,pypi}.json[l] (scanner outputs over the whole trees).
The draw is deterministic (seeded); caps keep one package or one file from dominating.
"""
import collections, hashlib, json, os, random, re, sys

W = sys.argv[1]
random.seed(8)

def key_of(kind, pkg, path, line):
    return (kind, pkg, path, int(line))

def split(kind, p):
    root = os.path.join(W, kind)
    if not os.path.isabs(p):
        p = os.path.join(W, p) if p.startswith(kind + "/") else os.path.join(root, p)
    rel = os.path.relpath(p, root)
    pkg, _, path = rel.partition(os.sep)
    return pkg, path

cands = {}
def add(kind, pkg, path, line, text=None, tool=None, rule=None):
    k = key_of(kind, pkg, path, line)
    c = cands.get(k)
    if c is None:
        c = cands[k] = {"kind": kind, "package": pkg, "path": path, "line": int(line),
                        "text": text, "flagged": {}, "keyword": False}
    if text is not None:
        c["text"] = text
    if tool:
        c["flagged"].setdefault(tool, rule)
    else:
        c["keyword"] = True

for kind in ("swift", "pypi"):
    for l in open(os.path.join(W, f"kw-{kind}.jsonl")):
        d = json.loads(l)
        add(kind, d["package"], d["path"], d["line"], d["text"])
    for f in json.load(open(os.path.join(W, f"flags/wow-{kind}.json")))["findings"]:
        if "." in f["rule_id"]:
            continue  # shell/script/unicode detectors: not secrets
        add(kind, *split(kind, f["path"]), f["line"], tool="wow", rule=f["rule_id"])
    for l in open(os.path.join(W, f"flags/bl-{kind}.jsonl")):
        d = json.loads(l).get("finding")
        if d and "start_line" in d["location"]:
            add(kind, *split(kind, d["location"]["path"]), d["location"]["start_line"],
                tool="bl", rule=d["rule_id"])
    for f in json.load(open(os.path.join(W, f"flags/kf-{kind}.json")))["findings"]:
        add(kind, *split(kind, f["finding"]["path"]), f["finding"]["line"], tool="kf",
            rule=f["rule"]["name"])

# fill in text of flagged-only lines
files = {}
for c in cands.values():
    if c["text"] is None:
        p = os.path.join(W, c["kind"], c["package"], c["path"])
        if p not in files:
            try:
                files[p] = open(p, "rb").read().decode("utf-8", "replace").splitlines()
            except OSError:
                files[p] = []
        lines = files[p]
        c["text"] = lines[c["line"] - 1] if 0 < c["line"] <= len(lines) else ""

# de-duplicate: identical text (case-variant mirror duplicates, vendored copies)
seen, uniq = set(), []
for k in sorted(cands):
    c = cands[k]
    t = c["text"].strip()
    if not t or len(t) > 400 or t in seen:
        continue
    seen.add(t)
    uniq.append(c)

ASSIGN = re.compile(r"""(passw(or)?d|pwd|secret|token|api[_-]?key|apikey|auth\w*|bearer|credential\w*|"""
                    r"""private[_-]?key|access[_-]?key|nonce|salt|seed)\w*['"]?\s*(=|:|=>|,)\s*['"]?[^\s'"]{3,}""", re.I)
URLC = re.compile(r"[a-z][a-z0-9+.-]{1,15}://[^/\s:@'\"]{1,64}:[^/\s@'\"]{1,128}@", re.I)
CLI = re.compile(r"(\s-p\S|sshpass|--password|PGPASSWORD|Bearer\s|Basic\s)", re.I)

def stratum(c):
    if c["flagged"]:
        return "flagged"
    t = c["text"]
    if URLC.search(t): return "url"
    if CLI.search(t): return "cli"
    if ASSIGN.search(t): return "assign"
    return "other"

groups = collections.defaultdict(list)
for c in uniq:
    groups[stratum(c)].append(c)
for g in groups.values():
    random.shuffle(g)

QUOTA = {"flagged": 1400, "url": 300, "cli": 250, "assign": 900, "other": 150}
PER_FILE = {"flagged": 6, "url": 3, "cli": 3, "assign": 2, "other": 1}
PER_PKG = {"flagged": 120, "url": 40, "cli": 40, "assign": 40, "other": 12}
PER_RULE = 250   # one tool's one rule (e.g. generic-api-key) may not fill the flagged quota
taken = []
file_n, pkg_n, rule_n = collections.Counter(), collections.Counter(), collections.Counter()
for s in ("flagged", "url", "cli", "assign", "other"):
    n = 0
    for c in groups[s]:
        if n >= QUOTA[s]:
            break
        fk, pk = (s, c["kind"], c["package"], c["path"]), (s, c["kind"], c["package"])
        if file_n[fk] >= PER_FILE[s] or pkg_n[pk] >= PER_PKG[s]:
            continue
        rules = [f"{t}:{r}" for t, r in c["flagged"].items()]
        if rules and all(rule_n[r] >= PER_RULE for r in rules):
            continue
        for r in rules:
            rule_n[r] += 1
        file_n[fk] += 1; pkg_n[pk] += 1; n += 1
        c["stratum"] = s
        taken.append(c)

for c in taken:
    c["id"] = "rc-" + hashlib.sha1(f'{c["kind"]}/{c["package"]}/{c["path"]}:{c["line"]}'.encode()).hexdigest()[:10]
    sys.stdout.write(json.dumps(c) + "\n")
print({s: sum(1 for c in taken if c["stratum"] == s) for s in QUOTA}, len(uniq),
      {s: len(g) for s, g in groups.items()}, file=sys.stderr)
