#!/usr/bin/env python3
"""Stage 4: turn hand labels into the stored data set (Benchmarks/realcode/data/items.jsonl).

usage: assemble.py WORKDIR OUT.jsonl
WORKDIR holds review.jsonl (the numbered sample), the extracted trees, swift.manifest
(OWNER/NAME COMMIT per line), pypi-dl/ (the sdists) and the label files are read from
labels/batch-*.txt next to this script.

Label file format: "range A B" (every sample number A <= n < B is judged in this batch; the ones
not listed are false), then one "N CATEGORY" line per true credential.

Every value that could be live is regenerated here (see mask()), deterministically from the
item id, so rebuilding gives byte-identical output and no stored text derives from a secret.
"""
import glob, hashlib, hmac, json, math, os, re, sys
from collections import Counter

W, OUT = sys.argv[1], sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))
CATS = {"pw": "password", "tok": "token", "key": "key", "auth": "auth", "api": "api-key",
        "sec": "secret", "cred": "credential", "bear": "bearer", "url": "url-credential",
        "pk": "private-key", "oth": "other"}
BEFORE, AFTER, PEM_MAX = 4, 4, 80

# ---------------------------------------------------------------- labels
labels, judged = {}, set()
for f in sorted(glob.glob(os.path.join(HERE, "labels", "batch-*.txt"))):
    for raw in open(f):
        raw = raw.split("#", 1)[0].strip()
        if not raw:
            continue
        parts = raw.split()
        if parts[0] == "range":
            judged.update(range(int(parts[1]), int(parts[2])))
        else:
            n, cat = int(parts[0]), parts[1]
            if cat == "F":
                labels.pop(n, None)
                labels[n] = None
            else:
                labels[n] = CATS[cat]

# ---------------------------------------------------------------- provenance
swift_rev = {}
for l in open(os.path.join(W, "swift.manifest")):
    repo, rev = l.split()
    swift_rev[repo.replace("/", "__", 1)] = (repo, rev)
sdist = {}
for f in glob.glob(os.path.join(W, "pypi-dl", "*")):
    base = os.path.basename(f)
    m = re.match(r"(.+?)-(\d[^-]*?)\.(tar\.gz|zip)$", base)
    if m:
        sdist[f"{m.group(1)}-{m.group(2)}"] = (m.group(1), m.group(2), base,
                                               hashlib.sha256(open(f, "rb").read()).hexdigest())

def source_of(c):
    if c["kind"] == "swift":
        repo, rev = swift_rev[c["package"]]
        return {"kind": "swift-mirror", "package": repo, "version": rev}
    name, ver, fn, sha = sdist[c["package"]]
    return {"kind": "pypi-sdist", "package": name, "version": ver, "sdist": fn, "sdist_sha256": sha}

# ---------------------------------------------------------------- masking
KEEP_PREFIX = re.compile(r"^(sk_live_|sk_test_|rk_live_|rk_test_|pk_live_|pk_test_|whsec_|ghp_|gho_|ghu_|ghs_|ghr_|"
                         r"github_pat_|glpat-|xox[a-z]-|xapp-|AKIA|ASIA|AGPA|AIDA|AROA|AIza|SG\.|npm_|pypi-|"
                         r"ya29\.|hf_|sk-proj-|sk-ant-|sk-|shpat_|shpss_|dop_v1_|SK|AC|key-|EAA|1//)")
TOKEN = re.compile(r"(?<![\\A-Za-z0-9+/_\-.~])[A-Za-z0-9+/_\-.~]{12,}={0,2}")
QUOTED = re.compile(r"""(?<![\\])(['"])([^'"\s\\]{12,})\1""")
VENDOR = re.compile(r"(AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|"
                    r"xox[a-z]-[A-Za-z0-9-]{10,}|sk_(live|test)_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_\-]{35}|"
                    r"glpat-[A-Za-z0-9_\-]{20}|SG\.[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{16,}")
JWT = re.compile(r"(eyJ[A-Za-z0-9_\-]{5,}\.eyJ[A-Za-z0-9_\-]{5,}\.)([A-Za-z0-9_\-]{10,})")
PEM_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")
PEM_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")
B64RUN = re.compile(r"(?<!\\)[A-Za-z0-9+/]{12,}")
HEX = set("0123456789abcdef")
HEXU = set("0123456789ABCDEF")

def entropy(s):
    n = len(s)
    return -sum(v / n * math.log2(v / n) for v in Counter(s).values())

VOWELS = set("aeiouAEIOU")

def word(p):
    v = sum(ch in "aeiouyAEIOUY" for ch in p)
    return (len(p) >= 3 and v >= 1 and (len(p) <= 8 or v / len(p) >= 0.2)
            and not (p.isupper() and len(p) > 8))

def natural(core):
    """Identifiers and passphrases made of words (CamelCase, snake_case, kebab-case, dotted):
    most of their alphabetic parts are 3+ letters with a vowel."""
    parts = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", core)
    if not parts:
        return False
    wordy = [p for p in parts if word(p)]
    letters = sum(len(p) for p in parts)
    return len(wordy) / len(parts) >= 0.6 and sum(len(p) for p in wordy) >= 0.7 * letters

def looks_random(t):
    """Could this run be a generated credential?  Words, identifiers, dotted names and
    natural-language passphrases keep their text (their naturalness is what the benchmark tests);
    random-looking runs and hex are regenerated."""
    if t.startswith("eyJ"):
        return False  # JWT: only its signature is regenerated (see JWT)
    core = t.strip("=")
    if len(core) >= 16 and (set(core) - set("-") <= HEX or set(core) - set("-") <= HEXU) and re.search("[0-9]", core):
        return True
    if len(core) < 16 and not (len(core) >= 12 and classes(core) == 3):
        return False
    if natural(core):
        return False
    if classes(core) < 2 or entropy(core) < 3.0:
        return False
    return True

def looks_random_punct(v):
    if v.startswith("eyJ") or re.search(r"[=:;/.\s]|\$\{|%\(", v):
        return False  # URLs, query strings, key=value lists, paths: the TOKEN pass judges their parts
    alpha = re.findall(r"[A-Za-z]+", v)
    if alpha and sum(1 for p in alpha if word(p)) / len(alpha) >= 0.5:
        return False
    punct = sum(1 for ch in v if not ch.isalnum())
    return (punct >= 2 and classes(v) >= 2 and entropy(v) >= 3.5 and len(v) >= 16
            and looks_random(re.sub(r"[^A-Za-z0-9]", " ", v).replace(" ", "-")))

class Regen:
    """Class-preserving regeneration: a->random lower, A->random upper, 9->random digit, hex stays
    hex, every other character (and any vendor prefix) is kept.  Deterministic from the item id."""
    def __init__(self, item_id):
        self.key, self.n, self.map = item_id.encode(), 0, {}

    def _stream(self):
        ctr = 0
        while True:
            block = hmac.new(self.key, f"{self.n}:{ctr}".encode(), hashlib.sha256).digest()
            ctr += 1
            yield from block

    def value(self, v, keep=0):
        if v in self.map:
            return self.map[v]
        self.n += 1
        rnd = self._stream()
        hs = set(v.strip("=")) - set("-")
        hexish = hs <= HEX or hs <= HEXU
        out = list(v[:keep])
        for ch in v[keep:]:
            r = next(rnd)
            if hexish and ch in "abcdef": out.append("abcdef"[r % 6])
            elif hexish and ch in "ABCDEF": out.append("ABCDEF"[r % 6])
            elif "a" <= ch <= "z": out.append(chr(97 + r % 26))
            elif "A" <= ch <= "Z": out.append(chr(65 + r % 26))
            elif "0" <= ch <= "9": out.append(chr(48 + r % 10))
            else: out.append(ch)
        self.map[v] = "".join(out)
        return self.map[v]

    def token(self, t):
        m = KEEP_PREFIX.match(t)
        return self.value(t, len(m.group(0)) if m else 0)

def classes(t):
    return sum(1 for rx in ("[a-z]", "[A-Z]", "[0-9]") if re.search(rx, t))

def mask_run(run, rg):
    """A run of token characters: regenerate it whole when it is one random value (base64 with
    + or /, hex or a UUID); otherwise judge its parts between . _ - + separators, so that names
    such as sqla+postgresql+pg8000 or gitlab+deploy-token-312644 keep their text."""
    if run.startswith("eyJ"):
        return run
    core = run.strip("=")
    hs = set(core) - set("-")
    if (hs <= HEX or hs <= HEXU) and re.search("[0-9]", core) and len(core) >= 16:
        return rg.token(run)
    if "/" in core:
        pieces = run.split("/")
        if any(natural(p) for p in pieces if len(p) >= 3):
            # a path or URL tail next to a value: judge the pieces one by one
            return "/".join(p if len(p) < 4 or natural(p) or not classes(p) >= 2 else rg.value(p) for p in pieces)
    if re.search(r"[+/]", core) and classes(core) == 3 and looks_random(run):
        return rg.token(run)
    if not re.search(r"[._\-+/]", core):
        return rg.token(run) if looks_random(run) else run
    m = KEEP_PREFIX.match(run)
    if m and looks_random(run[len(m.group(0)):] or "x"):
        return rg.token(run)
    parts = re.split(r"([._\-+/])", run)
    return "".join(rg.value(p) if len(p) >= 8 and looks_random(p) else p for p in parts)

def mask_lines(lines, target, is_true, rg):
    """lines: list of text lines of the item (context included); target: index of the labelled
    line.  Returns the masked lines."""
    out = []
    in_pem = False
    for i, line in enumerate(lines):
        s = line
        if PEM_BEGIN.search(s) or in_pem:
            # regenerate key material inside PEM blocks (also one-line JSON/escaped forms)
            def pem_body(seg, first):
                def sub(m):
                    run = m.group(0)
                    if run.startswith("BEGIN") or run.startswith("END") or run in ("PRIVATE", "KEY"):
                        return run
                    return rg.value(run, 3 if first[0] else 0)
                return B64RUN.sub(sub, seg)
            start = PEM_BEGIN.search(s)
            head, rest = (s[:start.end()], s[start.end():]) if start else ("", s)
            end = PEM_END.search(rest)
            body, tail = (rest[:end.start()], rest[end.start():]) if end else (rest, "")
            # keep header fields like "Proc-Type: 4,ENCRYPTED" / "DEK-Info: ..." readable
            if re.match(r"\s*['\"b]*(Proc-Type|DEK-Info|Comment|Version)\b", body):
                parts = body.split(",")
                body = ",".join(parts[:1]) + ("," + ",".join(pem_body(p, [False]) if re.search(r"[0-9A-F]{16}", p) else p for p in parts[1:]) if len(parts) > 1 else "")
            else:
                body = pem_body(body, [start is not None])
            s = head + body + tail
            in_pem = end is None
        # A false labelled line keeps its text (apart from key material above): its values are
        # placeholders, examples, hashes, public keys or identifiers, and regenerating them
        # could turn e.g. xoxb-1234-1234-abc124 into a real-looking token.  True lines and all
        # context lines (which may hold a neighbouring secret) are regenerated.
        if is_true or i != target:
            s = JWT.sub(lambda m: m.group(1) + rg.value(m.group(2)), s)
            s = VENDOR.sub(lambda m: rg.token(m.group(0)), s)
            s = TOKEN.sub(lambda m: mask_run(m.group(0), rg), s)
            # secrets with punctuation (Django SECRET_KEYs, generated passwords) in quotes
            s = QUOTED.sub(lambda m: m.group(1) + (rg.value(m.group(2)) if looks_random_punct(m.group(2)) else m.group(2)) + m.group(1), s)
        out.append(s)
    return out

# ---------------------------------------------------------------- assemble
def read_lines(c):
    p = os.path.join(W, c["kind"], c["package"], c["path"])
    return open(p, "rb").read().decode("utf-8", "replace").splitlines()

items = []
for l in open(os.path.join(W, "review.jsonl")):
    c = json.loads(l)
    if c["n"] not in judged:
        continue
    lines = read_lines(c)
    t = c["line"] - 1
    a = max(0, t - BEFORE)
    b = min(len(lines), t + 1 + AFTER)
    if PEM_BEGIN.search(lines[t]) and not PEM_END.search(lines[t]):
        for j in range(t + 1, min(len(lines), t + PEM_MAX)):
            if PEM_END.search(lines[j]):
                b = max(b, j + 2)
                break
    seg = lines[a:b]
    cat = labels.get(c["n"])
    is_true = cat is not None
    # encrypted private keys are not usable without their passphrase: false (see README)
    if cat == "private-key" and any("ENCRYPTED" in x for x in lines[t:t + 4]):
        cat, is_true = None, False
    item_id = "rc-" + hashlib.sha1(f'{c["kind"]}/{c["package"]}/{c["path"]}:{c["line"]}'.encode()).hexdigest()[:10]
    rg = Regen(item_id)
    masked = mask_lines(seg, t - a, is_true, rg)
    items.append({
        "id": item_id,
        "source": source_of(c),
        "path": c["path"],
        "line": c["line"],
        "before": masked[:t - a],
        "text": masked[t - a],
        "after": masked[t - a + 1:],
        "label": is_true,
        "category": cat if is_true else c["category"],
        "collected_by": sorted(c["flagged"]) + (["keyword"] if c["keyword"] else []),
        "masked": masked != seg,
    })

items.sort(key=lambda x: x["id"])
# Near-duplicates: one documentation example repeated across a package (SQLAlchemy's
# scott:tiger in ~120 lines, Celery's guest:guest) would otherwise dominate the URL class.
# Keep at most URL_CAP lines per (package, user:password) pair, chosen by id order.
URL_CAP = 10
URLPAIR = re.compile(r"(?i)[a-z][a-z0-9+.-]{1,30}://([^/\s:@'\"]{0,64}):([^/\s@'\"]{1,128})@")
seen_pairs, kept, dropped = Counter(), [], 0
for it in items:
    m = URLPAIR.search(it["text"])
    if m and it["category"] == "url-credential":
        k = (it["source"]["package"], m.group(1), m.group(2))
        seen_pairs[k] += 1
        if seen_pairs[k] > URL_CAP:
            dropped += 1
            continue
    kept.append(it)
items = kept
with open(OUT, "w") as f:
    for it in items:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")
tc = Counter(it["category"] for it in items if it["label"])
print(f"{len(items)} items, {sum(1 for i in items if i['label'])} true, "
      f"{sum(1 for i in items if i['masked'])} masked, {dropped} URL near-duplicates dropped; true by category: {dict(tc)}", file=sys.stderr)
