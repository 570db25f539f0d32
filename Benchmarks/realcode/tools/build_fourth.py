#!/usr/bin/env python3
"""Stage 2d: a fourth draw for file kinds and forms the code-heavy pool under-represents:
YAML, shell, TOML/INI/CFG, XML, Dockerfiles, env files, templates, and docs (Markdown, reST,
text), plus command-line and header forms (-p<pass>, --password X, sshpass -p, PGPASSWORD=,
curl -u user:pass, Authorization: Basic/Bearer/Token <literal>).  Appended to review.jsonl and
labelled by hand like the others.

usage: build_fourth.py WORKDIR
"""
import collections, json, os, random, re, sys
W = sys.argv[1]
random.seed(8888)
src = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "propose.py")).read()
ns = {"__name__": "propose_lib"}
exec(src.split("for l in open(sys.argv[1]):")[0], ns)
propose = ns["propose"]
CONF = {".yml", ".yaml", ".sh", ".bash", ".toml", ".ini", ".cfg", ".conf", ".xml", ".j2", ".tpl",
        ".env", ".properties", ".md", ".rst", ".txt", ".dockerfile"}
FORMS = re.compile(r"""(\s-p[^\s\-'"$]{3,}|--password[ =]['"]?[^\s$'"{<]{3,}|sshpass\s+-p\s*['"]?[^\s$'"{<]{3,}|"""
                   r"""PGPASSWORD=['"]?[^\s$'"{<]{3,}|curl\s.*-u\s+['"]?[^\s:$'"]+:[^\s$'"{<]{3,}|"""
                   r"""Authorization:?\s*['"]?\s*(Basic|Bearer|Token)\s+[A-Za-z0-9._~+/=-]{6,})""", re.I)

review = [json.loads(l) for l in open(os.path.join(W, "review.jsonl"))]
have = {(c["kind"], c["package"], c["path"], c["line"]) for c in review}
seen_text = {c["text"].strip() for c in review}
nxt = max(c["n"] for c in review) + 1

conf, forms = [], []
for kind in ("swift", "pypi", "pypi2"):
    for l in open(os.path.join(W, f"kw-{kind}.jsonl")):
        d = json.loads(l)
        t = d["text"].strip()
        if (kind, d["package"], d["path"], d["line"]) in have or t in seen_text or len(t) > 300:
            continue
        b = os.path.basename(d["path"]).lower()
        ext = ".dockerfile" if "dockerfile" in b else (".env" if b.startswith(".env") else os.path.splitext(b)[1])
        c = {"kind": kind, "package": d["package"], "path": d["path"], "line": d["line"],
             "text": d["text"], "flagged": {}, "keyword": True}
        lab, cat, v = propose(c)
        c["proposed"], c["category"], c["value_hint"] = lab, cat, v
        if FORMS.search(t):
            seen_text.add(t); forms.append(c)
        elif ext in CONF and lab == "T" and len(v) >= 3:
            seen_text.add(t); conf.append(c)
random.shuffle(conf); random.shuffle(forms)
out, per_file, per_pkg = [], collections.Counter(), collections.Counter()
for group, quota, fcap, pcap, name in ((forms, 150, 3, 25, "forms4"), (conf, 260, 3, 30, "config4")):
    n = 0
    for c in group:
        if n >= quota:
            break
        fk, pk = (name, c["kind"], c["package"], c["path"]), (name, c["kind"], c["package"])
        if per_file[fk] >= fcap or per_pkg[pk] >= pcap:
            continue
        per_file[fk] += 1; per_pkg[pk] += 1; n += 1
        c["stratum"] = name
        out.append(c)
out.sort(key=lambda c: (c["kind"], c["package"].lower(), c["path"], c["line"]))
with open(os.path.join(W, "review.jsonl"), "a") as f:
    for c in out:
        c["n"] = nxt; nxt += 1
        f.write(json.dumps(c) + "\n")
print(collections.Counter(c["stratum"] for c in out), len(forms), len(conf), file=sys.stderr)
