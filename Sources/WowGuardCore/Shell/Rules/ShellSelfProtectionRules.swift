/// The guard must not be switched off by the agent it guards: git hooks skipped (`--no-verify`,
/// `-n`, `core.hooksPath`), hook files and agent hook settings edited, moved or deleted,
/// WOW_GUARD_* variables set, wow-guard uninstalled, killed or its binary replaced.
/// Ids match the lead's `SelfProtection` for file writes (`self.guard-config`, `self.git-hooks`, `self.git-config`).
enum SelfProtectionRules {
    static let guardConfig = ShellRule("self.guard-config", .deny, "changes wow-guard's or the agent's hook configuration; a person must edit it",
        examples: ["sed -i 's/deny/allow/' .wow-guard.toml", "echo '[allow]' >> .wow-guard.toml"], counterExamples: ["sed -n '1,20p' scripts/dangerous.sh", "sed -i 's/foo/bar/g' src/app.js"])
    static let gitHooks = ShellRule("self.git-hooks", .deny, "changes git hooks, which run the pre-commit guard",
        examples: ["rm .git/hooks/pre-commit", "rm -rf .git/hooks"], counterExamples: ["rm -rf ~/.cache/pip", "rm -rf node_modules"])
    static let gitConfig = ShellRule("self.git-config", .deny, "edits .git/config directly (core.hooksPath could switch the hooks off)",
        examples: ["sed -i '/hooksPath/d' .git/config"], counterExamples: ["sed -n '1,20p' scripts/dangerous.sh", "sed -i 's/foo/bar/g' src/app.js"])
    static let hooksPath = ShellRule("self.hooks-path", .deny, "sets or unsets git's core.hooksPath, which switches off the repository's hooks and the guard",
        examples: ["git -c core.hooksPath=/dev/null commit -m x", "git -c core.hookspath=/tmp/empty push"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let plumbingCommit = ShellRule("self.plumbing-commit", .ask, "creates a commit with git commit-tree, which runs no hooks (the pre-commit guard included)")
    static let noVerify = ShellRule("self.no-verify", .deny, "skips git hooks (--no-verify / commit -n), and with them the guard's checks",
        examples: ["git commit --no-verify -m 'wip'", "git commit -n -m 'wip'"], counterExamples: ["git push --force-with-lease origin feature/x", "git status"])
    static let uninstall = ShellRule("self.uninstall", .deny, "uninstalls or disables wow-guard",
        examples: ["wow-guard uninstall", "wow-guard hooks uninstall"], counterExamples: ["wow-guard scan ."])
    static let kill = ShellRule("self.kill", .deny, "stops or kills wow-guard",
        examples: ["pkill wow-guard", "killall -9 wow-guard"], counterExamples: ["pkill -f 'node server.js'"])
    static let env = ShellRule("self.env", .deny, "sets a variable that switches the guard off or swaps its configuration (WOW_GUARD_*, SKIP=wow-guard, XDG_CONFIG_HOME)",
        examples: ["export WOW_GUARD_DISABLE=1", "WOW_GUARD_DISABLE=1 git commit -m x"], counterExamples: ["export PATH=\"$HOME/.local/bin:$PATH\"", "export NODE_ENV=production && npm run build"])
    static let binary = ShellRule("self.binary", .deny, "changes or removes the wow-guard binary",
        examples: ["rm ~/.local/bin/wow-guard", "which wow-guard | xargs rm"], counterExamples: ["rm -rf ~/.cache/pip", "rm -rf node_modules"])

    static let all = [guardConfig, gitHooks, gitConfig, hooksPath, noVerify, plumbingCommit, uninstall, kill, env, binary, guardCommand]

    static let fileSuffixes: [[String]] = [
        [".wow-guard.toml"], [".claude", "settings.json"], [".claude", "settings.local.json"], [".codex", "hooks.json"],
        [".codex", "config.toml"], [".gemini", "settings.json"], [".cursor", "hooks.json"], [".windsurf", "hooks.json"],
        [".codeium", "windsurf", "hooks.json"], [".github", "hooks", "*.json"], [".config", "wow-guard", "*"],
    ]
    static let dirSuffixes: [[String]] = [
        [".claude"], [".codex"], [".gemini"], [".cursor"], [".windsurf"], [".github"], [".github", "hooks"], [".codeium"],
        [".config", "wow-guard"], [".git", "hooks"],
    ]
    static let uninstallWords: Set<String> = ["uninstall", "disable", "off", "unhook", "deactivate", "remove", "pause"]
    static let configWords: Set<String> = ["allow", "allowlist", "ignore", "config", "configure", "init", "install", "baseline", "trust"]
    static let guardCommand = ShellRule("self.guard-command", .ask, "changes wow-guard's configuration or allowlist from the agent",
        examples: ["wow-guard allow abc123"], counterExamples: ["wow-guard scan ."])

    static func hasSuffix(_ c: [String], _ s: [String]) -> Bool {
        guard c.count >= s.count else { return false }
        return zip(c[(c.count - s.count)...], s).allSatisfy { ShGlob.match($1, $0) }
    }

    static func concrete(_ c: [String], _ paths: ShPaths, deleting: Bool) -> ShellRule? {
        if let k = c.lastIndex(of: ".git") {
            let rest = c[(k + 1)...]
            if rest.first == "hooks" { return gitHooks }
            if rest == ["config"] || (rest.first == "worktrees" && rest.last == "config") { return gitConfig }
        }
        for s in fileSuffixes where hasSuffix(c, s) { return guardConfig }
        if c.last == "wow-guard" && !paths.isInsideProject(c) { return binary }
        if deleting {
            for s in dirSuffixes where hasSuffix(c, s) { return s.first == ".git" ? gitHooks : guardConfig }
        }
        return nil
    }

    /// Whether changing (or, with `deleting`, removing or moving) the path touches the guard.
    static func protected(_ p: ShPath, _ paths: ShPaths, deleting: Bool) -> ShellRule? {
        if p.empty { return nil }
        if !p.wild { return concrete(p.all, paths, deleting: deleting) }
        // A glob under an unknown directory could be anything; the unknown-target rules ask about it.
        if p.unknownBase { return nil }
        let pattern = p.all
        var bases = [paths.project, paths.homeComps]
        if let cwd = paths.cwd { bases.append(ShPaths.components(cwd)) }
        let rels: [[String]] = [
            [".wow-guard.toml"], [".claude", "settings.json"], [".claude", "settings.local.json"], [".codex", "hooks.json"],
            [".gemini", "settings.json"], [".cursor", "hooks.json"], [".windsurf", "hooks.json"], [".github", "hooks", "hooks.json"],
            [".git", "hooks", "pre-commit"], [".git", "hooks", "pre-push"], [".git", "config"], [".config", "wow-guard", "config.toml"],
        ] + (deleting ? [[".claude"], [".git", "hooks"], [".github"], [".codex"], [".gemini"], [".cursor"]] : [])
        for base in bases {
            for r in rels where ShGlob.matchPath(pattern, base + r) {
                if let rule = concrete(base + r, paths, deleting: deleting) { return rule }
            }
        }
        return nil
    }

    static func checkModify(_ p: ShPath, _ f: ShField, how: String, _ a: inout ShellAnalysis) {
        if let r = protected(p, a.paths, deleting: false) { a.report(r, how + ": " + f.text) }
    }

    static func checkDelete(_ p: ShPath, _ f: ShField, subject: String, _ a: inout ShellAnalysis) {
        if let r = protected(p, a.paths, deleting: true) { a.report(r, subject) }
    }

    static func checkVariable(_ name: String, _ value: String, _ a: inout ShellAnalysis) {
        let u = name.uppercased()
        // Environment variables are case-sensitive: a script's own `wow_guard=…` is not the guard's.
        if name.hasPrefix("WOW_GUARD") || name.hasPrefix("WOWGUARD") { a.report(env, name + "=" + value) }
        // The pre-commit framework skips hooks named in SKIP; XDG_CONFIG_HOME points wow-guard at
        // another user configuration (whose allowlists would apply).
        if name == "SKIP" && value.lowercased().contains("wow-guard") { a.report(env, name + "=" + value) }
        if name == "XDG_CONFIG_HOME" { a.report(env, name + "=" + value) }
        if u == "GIT_CONFIG_PARAMETERS" && value.lowercased().contains("hookspath") { a.report(hooksPath, name + "=" + value) }
        if u.hasPrefix("GIT_CONFIG_KEY_") && value.lowercased() == "core.hookspath" { a.report(hooksPath, name + "=" + value) }
    }

    static func mentionsGuard(_ s: String) -> Bool {
        let l = s.lowercased()
        return l.contains("wow-guard") || l.contains("wow_guard") || l.contains("wowguard")
    }

    static func check(_ inv: ShInvocation, _ a: inout ShellAnalysis, _ env: ShEnv) {
        let args = inv.argTexts
        switch inv.name {
        case "git":
            let g = ShGit(inv)
            for (k, _) in g.configs where k.lowercased() == "core.hookspath" { a.report(hooksPath, inv.subject) }
            switch g.sub ?? "" {
            case "config":
                var ops: [String] = []
                var k = 0
                while k < g.args.count {
                    let t = g.args[k]
                    if ["-f", "--file", "--blob", "--type", "--default", "--comment", "--value"].contains(t) { k += 2; continue }
                    if !t.hasPrefix("-") { ops.append(t) }
                    k += 1
                }
                if ["set", "unset"].contains(ops.first ?? "") { ops.removeFirst() }
                let writes = ops.count >= 2 || g.args.contains { ["--unset", "--unset-all", "--replace-all", "--add", "--remove-section", "--rename-section", "--edit", "-e"].contains($0) }
                    || g.args.first == "unset"
                if let key = ops.first, key.lowercased() == "core.hookspath" || key.lowercased() == "core" && g.args.contains("--remove-section"), writes {
                    a.report(hooksPath, inv.subject)
                }
                if let fk = g.args.firstIndex(where: { $0 == "--file" || $0 == "-f" }), fk + 1 < g.args.count, ops.count >= 2 {
                    var e = env
                    a.checkWriteTarget(ShField(text: g.args[fk + 1]), &e, how: "git config --file", subject: inv.subject)
                }
            case "commit":
                if commitSkipsHooks(g.args) { a.report(noVerify, inv.subject) }
            case "commit-tree":
                // Plumbing that records a commit without running any hook.
                a.report(plumbingCommit, inv.subject)
            case "push", "merge", "am", "rebase", "pull", "cherry-pick", "revert", "switch", "worktree":
                if g.args.contains(where: { $0.count >= 8 && "--no-verify".hasPrefix(ShText.splitOption($0).0) }) { a.report(noVerify, inv.subject) }
            case "rm", "mv", "checkout", "restore":
                if g.sub == "checkout" || g.sub == "restore" {
                    // Reverting the guard's files to an older version undoes a person's change.
                    let ops = g.args.filter { !$0.hasPrefix("-") }
                    for t in ops where !GitRules.broadPathspecs.contains(t) {
                        let p = a.paths.resolve(ShField(text: t), cwd: env.cwd)
                        if let r = protected(p, a.paths, deleting: false), r.id != binary.id { a.report(r, inv.subject) }
                    }
                    if g.sub == "checkout" && g.args.contains(where: { $0.count >= 8 && "--no-verify".hasPrefix($0) }) { a.report(noVerify, inv.subject) }
                    break
                }
                let ops = ShArgs(g.args).parse().operandIndices
                let fields = inv.args.suffix(g.args.count)
                for k in ops {
                    let f = fields[fields.startIndex + k]
                    let p = a.paths.resolve(f, cwd: env.cwd)
                    if let r = protected(p, a.paths, deleting: true) { a.report(r, inv.subject) }
                }
            default:
                break
            }
        case "wow-guard", "wowguard", "wow_guard":
            if args.contains(where: { !$0.hasPrefix("-") && uninstallWords.contains($0.lowercased()) }) { a.report(uninstall, inv.subject) }
            else if let sub = args.first(where: { !$0.hasPrefix("-") })?.lowercased(), configWords.contains(sub) { a.report(guardCommand, inv.subject) }
            if args.contains(where: { $0 == "--disable" || $0 == "--off" }) { a.report(uninstall, inv.subject) }
        case "kill", "pkill", "killall", "systemctl", "launchctl", "service", "taskkill", "stop-process":
            if args.contains(where: mentionsGuard) { a.report(kill, inv.subject); return }
            for f in inv.args {
                for s in f.sources {
                    if case .pids(let pattern) = s, mentionsGuard(pattern) { a.report(kill, inv.subject) }
                }
            }
        case "chmod", "chown", "chgrp", "chattr", "chflags":
            let (_, m, targets) = PermissionRules.chmodArgs(inv.args)
            let addsExec = inv.name == "chmod" && (PermissionRules.mode(m ?? "").addsExecOnly || (m.map { $0.allSatisfy(\.isNumber) && !PermissionRules.mode($0).removesExec } ?? false))
            for f in targets where !addsExec {
                let p = a.paths.resolve(f, cwd: env.cwd)
                if let r = protected(p, a.paths, deleting: false) { a.report(r, inv.subject) }
            }
        case "ln", "link":
            break
        default:
            if (inv.name == "brew" || inv.name == "npm" || inv.name == "cargo" || inv.name == "pip" || inv.name == "pipx" || inv.name == "apt" || inv.name == "apt-get")
                && args.contains(where: { ["uninstall", "remove", "rm", "purge", "unlink"].contains($0) }) && args.contains(where: mentionsGuard) {
                a.report(uninstall, inv.subject)
            }
        }
    }

    /// `git commit -n`, `-anm msg`, `--no-verify`, `--no-ver`; not `-m -n` (message "-n").
    static func commitSkipsHooks(_ args: [String]) -> Bool {
        let withValue: Set<String> = ["--message", "--file", "--template", "--reuse-message", "--reedit-message", "--author", "--date",
                                      "--cleanup", "--fixup", "--squash", "--trailer", "--pathspec-from-file", "--gpg-sign"]
        var k = 0
        var skip = false
        while k < args.count {
            let t = args[k]
            if t == "--" { break }
            if t.hasPrefix("--") {
                let name = ShText.splitOption(t).0
                if name.count >= 8 && "--no-verify".hasPrefix(name) { skip = true }
                if name == "--verify" { skip = false }
                k += (withValue.contains(name) && !t.contains("=") && name != "--gpg-sign") ? 2 : 1
                continue
            }
            if t.hasPrefix("-") && t.count > 1 {
                var consumedNext = false
                let letters = Array(t.dropFirst())
                for (ci, ch) in letters.enumerated() {
                    if ch == "n" { skip = true; continue }
                    if "mFcCt".contains(ch) {
                        consumedNext = ci == letters.count - 1
                        break
                    }
                    if "Su".contains(ch) { break }
                }
                k += consumedNext ? 2 : 1
                continue
            }
            k += 1
        }
        return skip
    }
}
