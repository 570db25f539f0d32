#!/usr/bin/env python3
"""Stage 3 helper: pre-sorts sampled lines for the human labeller.

It proposes a label (T/F) and a category so that lines can be reviewed in batches grouped by
proposal; it decides nothing.  Every proposal is read (with context when the line alone is not
enough) and accepted or overridden by hand; the overrides are kept in labels/overrides-*.txt.

usage: propose.py sample.jsonl > proposed.jsonl
"""
import json, math, re, sys

PH_WORDS = set("""password passwd pass pwd secret secrets token tokens key keys api apikey test testing tests
testpass testpassword example examples sample dummy fake foo bar baz qux quux xxx xxxx changeme change me my your
some super secure insecure default admin user username root guest mock placeholder value here hello world
abc abcd abcdef letmein replace with the a of for bad good wrong right new old correct incorrect invalid valid
s3cr3t p4ssw0rd pa55word passw0rd pw mypassword yourpassword mysecret yoursecret mytoken yourtoken none null
true false nil undefined redacted hidden masked private public access auth client id bearer basic
""".split())

def entropy(s):
    if not s: return 0.0
    from collections import Counter
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values())

VAL = re.compile(r"""(?ix)(?P<k>[\w.\-]*(passw(or)?d|pwd|secret|token|api[_-]?key|apikey|auth\w*|credential\w*|
                 private[_-]?key|access[_-]?key|key|nonce|salt|seed)[\w.\-]*)['"]?\s*(=>|:=|=|:|,)\s*
                 (?P<q>[bru]?['"`]?)(?P<v>[^'"`\s,;)}\]]*)""")
URL = re.compile(r"(?i)[a-z][a-z0-9+.-]{1,15}://(?P<u>[^/\s:@'\"]{0,64}):(?P<p>[^/\s@'\"]{1,128})@")
PEM = re.compile(r"-----BEGIN ((RSA|DSA|EC|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----")
BEARER = re.compile(r"(?i)bearer\s+([A-Za-z0-9._~+/=-]{8,})")
CODEY = re.compile(r"^[A-Za-z_][\w.]*(\(|\[|$)")

def placeholder(v):
    lv = v.lower()
    if not v or len(v) < 3: return True
    if re.search(r"\$\{|\{\{|%\(|%s|<[^>]*>|\*\*\*|^\$|^@|^%|example|dummy|fake|sample|redacted|x{4,}|changeme", lv):
        return True
    words = [w for w in re.split(r"[^a-z]+", lv) if w]
    if words and all(w in PH_WORDS for w in words): return True
    return False

def propose(c):
    t = c["text"]
    m = PEM.search(t)
    if m:
        return ("F" if "ENCRYPTED" in t else "T"), "private-key", "pem"
    m = URL.search(t)
    if m:
        p = m.group("p")
        return ("F" if placeholder(p) or p.startswith("$") else "T"), "url-credential", p
    m = BEARER.search(t)
    if m and not placeholder(m.group(1)):
        return "T", "bearer", m.group(1)
    for m in VAL.finditer(t):
        v, q = m.group("v"), m.group("q")
        k = m.group("k").lower()
        if not q and (CODEY.match(v) and not re.search(r"\d", v)):
            continue
        if placeholder(v):
            continue
        if re.search(r"(_path|_file|_url|_uri|_type|_name|_field|_length|_len|_id|_class|_method|_endpoint|_header)$", k):
            continue
        cat = category(k)
        return "T", cat, v
    return "F", category(t.lower()), ""

def category(k):
    k = k.lower()
    for pat, cat in ((r"api[_-]?key|apikey", "api-key"), (r"passw|pwd|\bpass\b", "password"), (r"secret", "secret"),
                     (r"token|jwt", "token"), (r"bearer", "bearer"), (r"auth", "auth"), (r"credential|creds", "credential"),
                     (r"private[_-]?key", "private-key"), (r"key", "key")):
        if re.search(pat, k): return cat
    return "other"

for l in open(sys.argv[1]):
    c = json.loads(l)
    lab, cat, v = propose(c)
    c["proposed"], c["category"], c["value_hint"] = lab, cat, v
    print(json.dumps(c))
