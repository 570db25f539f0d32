#!/usr/bin/env python3
"""Stage 1 of building the labelled set: keyword candidates.

Walks extracted source trees (ROOT/<package>/...) and prints one JSON object per line that
contains a credential-ish keyword *and* something that looks like an assigned value.  The
output is a pool for sampling, not a label: every sampled line is judged by a person.

usage: collect_keywords.py ROOT KIND > pool.jsonl     (KIND: swift|pypi)
"""
import json, os, re, sys

KEYWORDS = re.compile(
    r"(passw(or)?d|\bpwd\b|secret|token|api[_-]?key|apikey|auth|bearer|credential|"
    r"private[_-]?key|access[_-]?key|-----BEGIN [A-Z ]*PRIVATE KEY|nonce|salt|seed|"
    r"sshpass|PGPASSWORD|mysql(dump|admin)?\s.*\s-p|--password|"
    r"[a-z][a-z0-9+.-]{1,15}://[^/\s:@'\"]{1,64}:[^/\s@'\"]{1,128}@)", re.I)
# something assigned or passed: = : ( , -> or a header / flag form
VALUEISH = re.compile(r"""(=|:|\(|->|\s-p\S|\s-p\s|--password|Bearer\s|Basic\s|-----BEGIN|://)""", re.I)
SKIP_DIRS = {".git", "node_modules", ".build", "__pycache__"}
SKIP_EXT = {".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf", ".zip", ".gz", ".tgz", ".bz2", ".xz",
            ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mo", ".so", ".dylib", ".a", ".o", ".pyc",
            ".jar", ".class", ".bin", ".dat", ".db", ".sqlite", ".mp3", ".mp4", ".wav", ".svg", ".psd"}
MAX_FILE = 600_000
MAX_LINE = 400

def main():
    root, kind = sys.argv[1], sys.argv[2]
    out = sys.stdout
    for pkg in sorted(os.listdir(root)):
        base = os.path.join(root, pkg)
        for dp, dns, fns in os.walk(base):
            dns[:] = sorted(d for d in dns if d not in SKIP_DIRS)
            for fn in sorted(fns):
                p = os.path.join(dp, fn)
                if os.path.splitext(fn)[1].lower() in SKIP_EXT or os.path.islink(p):
                    continue
                try:
                    if os.path.getsize(p) > MAX_FILE:
                        continue
                    data = open(p, "rb").read()
                except OSError:
                    continue
                if b"\0" in data[:8192]:
                    continue
                text = data.decode("utf-8", "replace")
                for i, line in enumerate(text.splitlines(), 1):
                    if len(line) > MAX_LINE or not KEYWORDS.search(line) or not VALUEISH.search(line):
                        continue
                    out.write(json.dumps({"kind": kind, "package": pkg,
                                          "path": os.path.relpath(p, base), "line": i,
                                          "text": line}) + "\n")

if __name__ == "__main__":
    main()
