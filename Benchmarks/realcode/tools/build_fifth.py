#!/usr/bin/env python3
"""Stage 2e: a fifth draw for the categories the first four leave thin: API keys, auth values
(auth= tuples, HTTPBasicAuth(...), Authorization/Proxy-Authorization header literals), bearer
tokens, credentials fields, and nonces/salts/seeds/DSNs/webhook secrets/session cookies.  Same
pre-sorter, same hand labelling; appended to review.jsonl.

usage: build_fifth.py WORKDIR
"""
import collections, json, os, random, re, sys
W = sys.argv[1]
random.seed(88888)
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "propose.py")).read()
ns = {"__name__": "propose_lib"}
exec(src.split("for l in open(sys.argv[1]):")[0], ns)
propose = ns["propose"]
LIT = r"""\s*[:=,(]\s*[bru]?['"]([^'"\s${}<>%]{6,})['"]"""
FORMS = {
    "api-key": re.compile(r"(?i)(api[_-]?key|apikey|x-api-key|api[_-]?token|app[_-]?key)['\"]?" + LIT),
    "auth": re.compile(r"""(?i)(auth\s*=\s*\(\s*['"][^'"]+['"]\s*,\s*['"][^'"]{4,}['"]|HTTPBasicAuth\(\s*['"][^'"]+['"]\s*,\s*['"][^'"]{4,}['"]|"""
                       r"""(proxy-)?authorization['"]?\s*[:=,]\s*['"](Basic|Token|Digest|AWS4-HMAC-SHA256|Signature)\s+[A-Za-z0-9+/=._~-]{6,})"""),
    "bearer": re.compile(r"""(?i)bearer\s+[A-Za-z0-9._~+/=-]{8,}"""),
    "credential": re.compile(r"(?i)(credentials?|creds)['\"]?" + LIT),
    "other": re.compile(r"(?i)(nonce|salt|seed|dsn|webhook[_-]?secret|signing[_-]?secret|session[_-]?(id|key|token)|cookie|encryption[_-]?key|hmac[_-]?key|master[_-]?key)['\"]?" + LIT),
}
QUOTA = {"api-key": 90, "auth": 60, "bearer": 60, "credential": 40, "other": 80}

review = [json.loads(l) for l in open(os.path.join(W, "review.jsonl"))]
have = {(c["kind"], c["package"], c["path"], c["line"]) for c in review}
seen_text = {c["text"].strip() for c in review}
nxt = max(c["n"] for c in review) + 1
groups = collections.defaultdict(list)
for kind in ("swift", "pypi", "pypi2"):
    for l in open(os.path.join(W, f"kw-{kind}.jsonl")):
        d = json.loads(l)
        t = d["text"].strip()
        if (kind, d["package"], d["path"], d["line"]) in have or t in seen_text or len(t) > 300:
            continue
        for cat, rx in FORMS.items():
            if rx.search(t):
                c = {"kind": kind, "package": d["package"], "path": d["path"], "line": d["line"],
                     "text": d["text"], "flagged": {}, "keyword": True}
                lab, pcat, v = propose(c)
                c["proposed"], c["category"], c["value_hint"] = lab, cat, v
                seen_text.add(t)
                groups[cat].append(c)
                break
out, per_file, per_pkg = [], collections.Counter(), collections.Counter()
for cat, g in groups.items():
    random.shuffle(g)
    n = 0
    for c in g:
        if n >= QUOTA[cat]:
            break
        fk, pk = (cat, c["kind"], c["package"], c["path"]), (cat, c["kind"], c["package"])
        if per_file[fk] >= 2 or per_pkg[pk] >= 15:
            continue
        per_file[fk] += 1; per_pkg[pk] += 1; n += 1
        c["stratum"] = "forms5-" + cat
        out.append(c)
out.sort(key=lambda c: (c["kind"], c["package"].lower(), c["path"], c["line"]))
with open(os.path.join(W, "review.jsonl"), "a") as f:
    for c in out:
        c["n"] = nxt; nxt += 1
        f.write(json.dumps(c) + "\n")
print(collections.Counter(c["stratum"] for c in out), {k: len(v) for k, v in groups.items()}, file=sys.stderr)
