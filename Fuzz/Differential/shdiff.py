#!/usr/bin/env python3
"""Differential fuzzing of wow-guard's shell parser against bash.

Generates random command lines (quoting of every kind, escapes, comments, line continuations,
reserved words as arguments, redirections, pipelines, and-or lists, groups, subshells, background
jobs) and, for each one, compares
  1. acceptance: the parser reports a syntax error  <->  `bash -n` rejects it;
  2. what runs: the simple commands and their words after quote removal, as the parser sees them,
     with the argv bash executes. Every command name is unknown to bash, so bash calls a
     `command_not_found_handle` that only records its argv (one file per process) and returns a
     status chosen by the name (`ok*` succeeds, `no*` fails). Compared as multisets (pipelines
     and `&` jobs run concurrently): every command bash runs must be one the parser saw, with
     the same words (a disagreement); the parser may list more, where an and-or list skips a
     command (counted as parser_sees_more, over-approximation, harmless for a guard).
A share of inputs is deliberately broken (unbalanced quotes and parentheses, stray operators and
reserved words) to exercise the acceptance check.

Usage: shdiff.py [--cases N] [--seed S] [--bin .build-fuzz/bin/sh-words] [--show K]
Exit status 0 always unless the tools fail; disagreements are reported (and saved with --out).
"""
import argparse, json, os, random, shutil, subprocess, sys, tempfile

# Resolved once: the cases run with PATH=/nonexistent (every command name must be unknown to bash),
# and subprocess looks the program up in the child's PATH.
BASH = shutil.which("bash") or "/bin/bash"

BARE = "abcdefghijklmnopqrstuvwxyz0123456789_./-+:,@%="
SQ_CHARS = "abc xyz;|&()<>$`\"\\#*?!{}~=\t"
DQ_PLAIN = "abc xyz;|&()<>'#*?{}~=!"
RESERVED_ARGS = ["if", "then", "fi", "do", "done", "case", "esac", "{", "}", "!", "in", "while", "[[", "]]", "function", "time"]
# Each process appends to its own file (jobs of a pipeline run concurrently, and bash's printf
# splits its output at newlines, so a shared file would interleave records).
PRELUDE = r"""command_not_found_handle() { printf '%s\037' "$@" >> "$ARGV_DIR/$BASHPID"; printf '\036' >> "$ARGV_DIR/$BASHPID"; case $1 in no*) return 1;; esac; return 0; }
"""


class Gen:
    def __init__(self, rng):
        self.r = rng

    def piece(self):
        r = self.r
        k = r.random()
        if k < 0.35:
            return "".join(r.choice(BARE) for _ in range(r.randint(1, 6)))
        if k < 0.5:
            return "'" + "".join(r.choice(SQ_CHARS) for _ in range(r.randint(0, 6))) + "'"
        if k < 0.7:
            out = []
            for _ in range(r.randint(0, 6)):
                if r.random() < 0.3:
                    out.append(r.choice(['\\"', "\\\\", "\\$", "\\`", "\\a", "\\n", "\\'"]))
                else:
                    out.append(r.choice(DQ_PLAIN))
            return '"' + "".join(out) + '"'
        if k < 0.8:
            esc = ["\\n", "\\t", "\\x41", "\\101", "\\\\", "\\'", '\\"', "\\e", "\\u00e9", "a", " ", ";", "\\z"]
            return "$'" + "".join(r.choice(esc) for _ in range(r.randint(0, 5))) + "'"
        if k < 0.9:
            return "\\" + r.choice(" ;|&()<>'\"#$`*?!{}a\\")
        if k < 0.95:
            return '$"' + "".join(r.choice("abc xyz") for _ in range(r.randint(0, 4))) + '"'
        return r.choice(["a#b", "x#", "=", "a=b", "--opt=v", "-", "--"])

    def word(self):
        w = "".join(self.piece() for _ in range(self.r.randint(1, 3)))
        # An unquoted leading `#` would start a comment, `~` expands, `{` may brace-expand: keep
        # words whose meaning is quote removal only.
        if w[0] in "#~":
            w = "x" + w
        return w

    def name(self, ok):
        base = self.r.choice(["ok", "ok1", "okay", "ok_x"] if ok else ["no", "no1", "nope"])
        k = self.r.random()
        if k < 0.15:
            return "'" + base + "'"
        if k < 0.25:
            return base[0] + '"' + base[1:] + '"'
        if k < 0.3:
            return "\\" + base
        return base

    def simple(self, ok):
        r = self.r
        parts = []
        if r.random() < 0.15:
            parts.append("v%d=%s" % (r.randint(0, 9), "".join(r.choice(BARE[:36]) for _ in range(r.randint(0, 3)))))
        parts.append(self.name(ok))
        for _ in range(r.randint(0, 4)):
            k = r.random()
            if k < 0.08:
                parts.append(r.choice(RESERVED_ARGS))
            elif k < 0.14:
                parts.append(r.choice(["2>/dev/null", "</dev/null", "2>&1", "2>>/dev/null", "<<<word", "2>| /dev/null"]))
            else:
                parts.append(self.word())
        seps = [" "] * len(parts)
        text = parts[0]
        for p in parts[1:]:
            text += (r.choice([" ", "  ", "\t", " \\\n "]) if r.random() < 0.2 else " ") + p
        return text

    def pipeline(self, ok, depth):
        r = self.r
        neg = r.random() < 0.08
        want = (not ok) if neg else ok
        n = r.choice([1, 1, 1, 2, 3])
        stages = [self.command(r.random() < 0.5, depth) for _ in range(n - 1)] + [self.command(want, depth)]
        return ("! " if neg else "") + r.choice([" | ", "|", " |& "]).join(stages)

    def command(self, ok, depth):
        r = self.r
        if depth < 2 and r.random() < 0.15:
            inner = self.lst(ok, depth + 1)
            if r.random() < 0.5:
                return "{ " + inner + "; }"
            return "(" + inner + ")"
        return self.simple(ok)

    def andor(self, ok, depth):
        r = self.r
        n = r.choice([1, 1, 2, 3])
        ops = [r.choice(["&&", "||"]) for _ in range(n - 1)]
        out = ""
        for i in range(n):
            # The status this pipeline must have so that the next one runs.
            need = ok if i == n - 1 else (ops[i] == "&&")
            out += self.pipeline(need, depth)
            if i < n - 1:
                out += r.choice([" ", ""]) + ops[i] + r.choice([" ", "\n", " \\\n "])
        return out

    def lst(self, ok, depth):
        r = self.r
        n = r.choice([1, 1, 2, 3])
        out = ""
        for i in range(n):
            out += self.andor(ok if i == n - 1 else r.random() < 0.5, depth)
            if i < n - 1:
                out += r.choice(["; ", ";", "\n", " & ", "\n\n"])
        return out

    def program(self):
        r = self.r
        text = self.lst(True, 0)
        if r.random() < 0.15:
            text += " # " + "".join(r.choice("abc ;|&()'\"") for _ in range(r.randint(0, 8)))
        if r.random() < 0.1:
            text += " &"
        return text

    def broken(self):
        """A program with one deliberate defect (most are syntax errors for bash)."""
        r = self.r
        t = self.program()
        k = r.random()
        pos = r.randint(0, len(t))
        defects = ["'", '"', "(", ")", "{ ", " }", ";;", "| |", "&& ;", "$(", "`", " fi", " done", " then", "|", "&&", "\\"]
        d = r.choice(defects)
        if k < 0.5:
            return t + " " + d
        return t[:pos] + d + t[pos:]


def run_bash(cmd, workdir):
    """(accepted by bash -n, argv lists bash executed or None)."""
    syntax = subprocess.run([BASH, "-n", "-c", cmd], capture_output=True, cwd=workdir, timeout=10)
    if syntax.returncode != 0:
        return False, None
    argv_dir = os.path.join(workdir, "argv")
    shutil.rmtree(argv_dir, ignore_errors=True)
    os.mkdir(argv_dir)
    # The command is sourced from its own file, so that it ends where the file ends (a trailing
    # backslash stays a backslash, as at the end of `bash -c`).
    with open(os.path.join(workdir, "cmd.sh"), "w") as f:
        f.write(cmd)
    path = os.path.join(workdir, "case.sh")
    with open(path, "w") as f:
        f.write(PRELUDE + ". ./cmd.sh\nwait\n")
    subprocess.run([BASH, "--norc", "--noprofile", path], capture_output=True, cwd=workdir, timeout=10, stdin=subprocess.DEVNULL,
                   env={"PATH": "/nonexistent", "HOME": workdir, "LC_ALL": "C.UTF-8", "ARGV_DIR": argv_dir})
    cmds = []
    for name in os.listdir(argv_dir):
        with open(os.path.join(argv_dir, name), "rb") as f:
            raw = f.read().decode("utf-8", "replace")
        cmds += [rec.split("\x1f")[:-1] for rec in raw.split("\x1e")[:-1]]
    return True, cmds


def multiset_minus(a, b):
    """The elements of a that b does not account for (a - b as multisets)."""
    rest = list(b)
    out = []
    for x in a:
        if x in rest:
            rest.remove(x)
        else:
            out.append(x)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--broken", type=float, default=0.25, help="share of deliberately broken inputs")
    ap.add_argument("--bin", default=os.path.join(os.path.dirname(__file__), "../../.build-fuzz/bin/sh-words"))
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--out", help="write every disagreement as JSON lines here")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    g = Gen(rng)
    cases = [g.broken() if rng.random() < a.broken else g.program() for _ in range(a.cases)]
    cases = [c for c in cases if "\0" not in c]
    feed = ("\0".join(cases) + "\0").encode()
    out = subprocess.run([a.bin], input=feed, capture_output=True, timeout=600, env=dict(os.environ, ASAN_OPTIONS="detect_leaks=0"))
    if out.returncode != 0:
        sys.stderr.write(out.stderr.decode(errors="replace")[-4000:])
        sys.exit("sh-words failed")
    views = [json.loads(l) for l in out.stdout.decode().splitlines()]
    assert len(views) == len(cases), (len(views), len(cases))
    tally = {"cases": len(cases), "bash_rejects": 0, "parser_rejects": 0, "parser_stricter": 0, "parser_laxer": 0,
             "argv_compared": 0, "argv_differ": 0, "parser_sees_more": 0, "opaque": 0}
    diffs = []
    with tempfile.TemporaryDirectory() as wd:
        for cmd, view in zip(cases, views):
            ok, argv = run_bash(cmd, wd)
            perr = view["error"] is not None
            tally["bash_rejects"] += not ok
            tally["parser_rejects"] += perr
            if ok and perr:
                tally["parser_stricter"] += 1
                diffs.append({"kind": "parser rejects, bash accepts", "cmd": cmd, "parser": view})
                continue
            if not ok and not perr:
                tally["parser_laxer"] += 1
                diffs.append({"kind": "parser accepts, bash -n rejects", "cmd": cmd, "parser": view})
                continue
            if not ok:
                continue
            if view["opaque"]:
                tally["opaque"] += 1
                continue
            tally["argv_compared"] += 1
            # What matters for the guard: every command bash runs is one the parser saw, with the
            # same words. The parser also lists commands that an and-or list may skip (a mutated
            # name can fail where the generator expected success): that is over-approximation,
            # counted but not a disagreement.
            unseen = multiset_minus(argv, view["cmds"])
            if unseen:
                tally["argv_differ"] += 1
                diffs.append({"kind": "bash runs what the parser did not see", "cmd": cmd, "parser": view["cmds"], "bash": argv,
                              "unseen": unseen})
            elif sorted(view["cmds"]) != sorted(argv):
                tally["parser_sees_more"] += 1
    print("shell differential fuzz (seed %d): " % a.seed + ", ".join("%s=%d" % kv for kv in tally.items()))
    for d in diffs[: a.show]:
        print("---", d["kind"])
        print("  command:", json.dumps(d["cmd"]))
        if "bash" in d:
            print("  parser: ", json.dumps(d["parser"]))
            print("  bash:   ", json.dumps(d["bash"]))
            print("  unseen: ", json.dumps(d["unseen"]))
        else:
            print("  parser: ", json.dumps(d["parser"]))
    if a.out:
        with open(a.out, "w") as f:
            for d in diffs:
                f.write(json.dumps(d) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
