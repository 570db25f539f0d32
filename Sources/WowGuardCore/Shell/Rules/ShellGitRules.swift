/// A git command line: global options (`-c k=v`, `-C dir`, `--git-dir=`), subcommand, its arguments.
struct ShGit {
    var configs: [(String, String)] = []
    var sub: String?
    var args: [String] = []

    init(_ inv: ShInvocation) {
        let a = inv.argTexts
        var k = 0
        while k < a.count {
            let t = a[k]
            if t == "-c", k + 1 < a.count {
                let (key, v) = ShText.splitOption(a[k + 1])
                configs.append((key, v ?? "true"))
                k += 2
            } else if t == "--config-env", k + 1 < a.count {
                configs.append((ShText.splitOption(a[k + 1]).0, ShMark.unknown))
                k += 2
            } else if t.hasPrefix("--config-env=") {
                configs.append((ShText.splitOption(String(t.dropFirst(13))).0, ShMark.unknown))
                k += 1
            } else if ["-C", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--super-prefix", "--attr-source"].contains(t) {
                k += 2
            } else if t.hasPrefix("-") {
                k += 1
            } else {
                sub = t
                args = Array(a[(k + 1)...])
                break
            }
        }
    }
}

/// Destructive git operations. Most are recoverable by a person (reflog, remote copy) and only
/// ask; force-pushing over main/master, mirror pushes, deleting those branches remotely and
/// expiring the reflog destroy history others or the reflog depend on, and are denied.
enum GitRules {
    static let resetHard = ShellRule("git.reset-hard", .ask, "git reset --hard throws away uncommitted changes",
        examples: ["git reset --hard", "git reset --hard HEAD~3"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let checkoutDiscard = ShellRule("git.checkout-discard", .ask, "git checkout discards uncommitted changes in the working tree",
        examples: ["git checkout -- .", "git checkout ."], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let restoreDiscard = ShellRule("git.restore-discard", .ask, "git restore discards uncommitted changes in the working tree",
        examples: ["git restore .", "git restore --source=HEAD --staged --worktree ."], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let clean = ShellRule("git.clean", .ask, "git clean -f deletes untracked (and with -x ignored) files for good",
        examples: ["git clean -fd", "git clean -fdx"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let pushForce = ShellRule("git.push-force", .ask, "force-pushes, overwriting the remote branch's history",
        examples: ["git push --force origin feature/login", "git push -f"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let pushForceProtected = ShellRule("git.push-force-protected", .deny,
        "force-pushes over a shared branch (main/master/…): other people's commits can be lost",
        examples: ["git push --force origin main", "git push -f origin master"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let pushForceLease = ShellRule("git.push-force-with-lease", .ask, "force-pushes with a lease, rewriting the remote branch",
        examples: ["git push --force-with-lease origin main"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let pushMirror = ShellRule("git.push-mirror", .deny, "git push --mirror overwrites and deletes every ref on the remote",
        examples: ["git push --mirror"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let pushDeleteProtected = ShellRule("git.push-delete-protected", .deny, "deletes a shared branch (main/master/…) on the remote",
        examples: ["git push origin --delete main", "git push origin :master"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let pushDelete = ShellRule("git.push-delete", .ask, "deletes a branch or tag on the remote",
        examples: ["git push origin --delete old-feature"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let updateRefDelete = ShellRule("git.update-ref-delete", .ask, "deletes a ref directly",
        examples: ["git update-ref -d refs/heads/main"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let reflogExpire = ShellRule("git.reflog-expire", .deny,
        "expires the reflog now: the safety net that recovers lost commits is gone (irreversible once gc runs)",
        examples: ["git reflog expire --expire=now --all", "git reflog expire --expire=now --all && git gc --prune=now"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let reflogDelete = ShellRule("git.reflog-delete", .ask, "deletes reflog entries")
    static let gcPrune = ShellRule("git.gc-prune", .ask, "prunes unreachable objects immediately; lost commits cannot be recovered afterwards",
        examples: ["git gc --prune=now --aggressive"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let filterBranch = ShellRule("git.rewrite-history", .ask, "rewrites the repository's whole history",
        examples: ["git filter-branch --tree-filter 'rm -f secrets' HEAD"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let branchDeleteProtected = ShellRule("git.branch-delete-protected", .ask, "deletes the local main/master branch",
        examples: ["git branch -D main"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let stashClear = ShellRule("git.stash-clear", .ask, "drops every stash",
        examples: ["git stash clear"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let rmAll = ShellRule("git.rm-all", .ask, "git rm -r removes the whole working tree")

    static let all = [resetHard, checkoutDiscard, restoreDiscard, clean, pushForce, pushForceProtected, pushForceLease, pushMirror,
                      pushDeleteProtected, pushDelete, updateRefDelete, reflogExpire, reflogDelete, gcPrune, filterBranch,
                      branchDeleteProtected, stashClear, rmAll]

    static let protectedBranches: Set<String> = ["main", "master", "trunk", "develop", "development", "production", "prod", "release", "stable"]
    static let broadPathspecs: Set<String> = [".", "./", ":/", ":(top)", "*", ":/*", "**", ":", "-A", "--all"]

    static func branchName(_ ref: String) -> String {
        var r = ref
        for p in ["refs/heads/", "heads/"] where r.hasPrefix(p) { r = String(r.dropFirst(p.count)) }
        return r
    }

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        guard inv.name == "git" else { return }
        let g = ShGit(inv)
        let args = g.args
        switch g.sub ?? "" {
        case "reset":
            if args.contains("--hard") { a.report(resetHard, inv.subject) }
        case "checkout":
            let p = ShArgs(args, shortWithArg: ["b", "B"], longWithArg: ["--conflict", "--orphan"]).parse()
            let paths: [String]
            if let dd = args.firstIndex(of: "--") { paths = Array(args[(dd + 1)...]) } else { paths = p.operands }
            if paths.contains(where: { broadPathspecs.contains($0) }) || p.has("f") || p.hasLong("--force") { a.report(checkoutDiscard, inv.subject) }
        case "restore":
            let p = ShArgs(args, shortWithArg: ["s"], longWithArg: ["--source"]).parse()
            let staged = p.has("S") || p.hasLong("--staged")
            let worktree = p.has("W") || p.hasLong("--worktree")
            if (!staged || worktree) && p.operands.contains(where: { broadPathspecs.contains($0) }) { a.report(restoreDiscard, inv.subject) }
        case "clean":
            let p = ShArgs(args, shortWithArg: ["e"], longWithArg: ["--exclude"]).parse()
            if (p.has("f") || p.hasLong("--force")) && !p.has("n") && !p.hasLong("--dry-run") && !p.has("i") && !p.hasLong("--interactive") {
                a.report(clean, inv.subject)
            }
        case "push":
            let p = ShArgs(args, shortWithArg: ["o"], longWithArg: ["--push-option", "--repo", "--receive-pack", "--exec"]).parse()
            let force = p.has("f") || p.hasLong("--force")
            let lease = p.long.contains { $0.hasPrefix("--force-with-lease") || $0 == "--force-if-includes" }
            if p.hasLong("--mirror") { a.report(pushMirror, inv.subject) }
            let refspecs = Array(p.operands.dropFirst())
            var dests: [(name: String, plus: Bool, delete: Bool)] = []
            for r in refspecs {
                let plus = r.hasPrefix("+")
                let body = plus ? String(r.dropFirst()) : r
                let delete = body.hasPrefix(":") && body.count > 1
                let dest = body.contains(":") ? String(body[body.index(after: body.lastIndex(of: ":")!)...]) : body
                dests.append((branchName(dest), plus, delete))
            }
            let deleting = p.has("d") || p.hasLong("--delete")
            for d in dests where d.delete || deleting {
                a.report(protectedBranches.contains(d.name) ? pushDeleteProtected : pushDelete, inv.subject)
            }
            if force {
                a.report(dests.contains { protectedBranches.contains($0.name) } || dests.isEmpty && p.hasLong("--all") ? pushForceProtected : pushForce, inv.subject)
            } else if lease {
                // A lease to a feature branch is ordinary work (rebased branches); over a shared branch it is not.
                let leaseRef = p.long.compactMap { l -> String? in l.hasPrefix("--force-with-lease=") ? String(l.dropFirst(19)).split(separator: ":").first.map(String.init) : nil }
                if dests.contains(where: { protectedBranches.contains($0.name) }) || leaseRef.contains(where: { protectedBranches.contains(branchName($0)) })
                    || dests.isEmpty && p.hasLong("--all") {
                    a.report(pushForceLease, inv.subject)
                }
            }
            for d in dests where d.plus {
                a.report(protectedBranches.contains(d.name) ? pushForceProtected : pushForce, inv.subject)
            }
            if p.hasLong("--prune") { a.report(pushDelete, inv.subject) }
        case "update-ref":
            if args.contains("-d") || args.contains("--delete") { a.report(updateRefDelete, inv.subject) }
        case "reflog":
            if args.first == "expire" {
                let now = args.contains { t in
                    guard t.hasPrefix("--expire") else { return false }
                    let v = ShText.splitOption(t).1?.lowercased() ?? ""
                    return ["now", "all", "0", "0.seconds", "1.second.ago", "-1"].contains(v) || v.hasPrefix("0.")
                }
                if now { a.report(reflogExpire, inv.subject) }
            } else if args.first == "delete" {
                a.report(reflogDelete, inv.subject)
            }
        case "gc":
            if args.contains(where: { $0 == "--prune=now" || $0 == "--prune=all" || $0 == "--prune=0" }) { a.report(gcPrune, inv.subject) }
        case "prune":
            if !args.contains("-n") && !args.contains("--dry-run") { a.report(gcPrune, inv.subject) }
        case "filter-branch", "filter-repo":
            a.report(filterBranch, inv.subject)
        case "branch":
            let p = ShArgs(args).parse()
            let forceDelete = p.has("D") || ((p.has("d") || p.hasLong("--delete")) && (p.has("f") || p.hasLong("--force")))
            if (forceDelete || p.has("d") || p.hasLong("--delete")) && p.operands.contains(where: { protectedBranches.contains($0) }) {
                a.report(branchDeleteProtected, inv.subject)
            }
        case "stash":
            if args.first == "clear" { a.report(stashClear, inv.subject) }
        case "rm":
            let p = ShArgs(args, longWithArg: ["--pathspec-from-file"]).parse()
            if p.has("r") && !p.hasLong("--cached") && p.operands.contains(where: { broadPathspecs.contains($0) }) { a.report(rmAll, inv.subject) }
        default:
            break
        }
    }
}
