import ArgumentParser
import WowGuardAgents
import WowGuardCore
import WowGuardSystem
import WowGuardGit

/// The detectors that look at changes (staged diffs and history): secrets, plus the detectors
/// other rule families register here.
enum ChangeDetectors {
    /// `minimum`: the lowest confidence reported (default: the configured blocking level).
    static func make(config: Config, minimum: Confidence? = nil) -> [any ChangeDetector] {
        [SecretChangeDetector(scanner: SecretScanner(rules: config.rules(), allowlist: config.allowlist, jit: true,
                                                     minimumConfidence: minimum ?? config.blockConfidence)),
         ScriptDetector(allowlist: config.allowlist)]
    }

    static func findings(in files: [ChangedFile], detectors: [any ChangeDetector], filter: FindingFilter = FindingFilter()) -> [Finding] {
        var out: [Finding] = []
        var baselined = 0
        var used = Set<Int>()
        for file in files {
            var found: [Finding] = []
            for d in detectors { found += d.detect(file) }
            out += filter.apply(found, path: file.path, baselined: &baselined, used: &used)
        }
        out.sort { ($0.path, $0.line, $0.column, $0.ruleID) < ($1.path, $1.line, $1.column, $1.ruleID) }
        return out
    }
}

/// Opening the repository and its configuration, shared by git commands.
struct GitSession {
    let repository: Repository
    let root: String
    let config: Config
    let baseline: Baseline?

    init(configPath: String? = nil, useBaseline: Bool = true) throws {
        do { repository = try Repository(discoverFrom: ".") } catch { throw CLIError(error.message) }
        root = repository.workdir.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? Posix.cwd()
        config = try ConfigLoader.load(root: root, explicit: configPath)
        baseline = useBaseline ? try ConfigLoader.baseline(root: root) : nil
    }

    var filter: FindingFilter { FindingFilter(disabled: config.disabledRules, baseline: baseline) }
}

struct PreCommit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pre-commit",
        abstract: "Check the staged changes (what git is about to commit); the git hook runs this.",
        discussion: "Exit status: 0 nothing found (silent), 1 findings (commit blocked), 2 internal error (commit blocked)."
    )

    @Option(help: "Use this config file instead of the repository's .wow-guard.toml.")
    var config: String?

    func run() throws { try Self.check(config: config) }

    /// `wow-guard pre-commit` with no other argument (what the git hook runs) skips the argument
    /// parser's reflection-driven set-up, as the agent hook does: about 14M instructions, a
    /// third of a pre-commit in a large repository.
    static func fastPathApplies(_ args: [String]) -> Bool { args == ["pre-commit"] }

    static func check(config: String?) throws {
        let started = Posix.now()
        var findings: [Finding]
        let state = PreCommitState.store()
        var repository = ""
        do {
            let session = try GitSession(configPath: config)
            let files = try session.repository.stagedChanges()
            repository = session.repository.workdir ?? session.repository.gitDir
            findings = ChangeDetectors.findings(in: files, detectors: ChangeDetectors.make(config: session.config), filter: session.filter)
            findings += PreCommitState.taintFindings(files, store: state)
            PreCommitState.record(findings, started: started, repository: repository, store: state)
        } catch let e as CLIError {
            throw CLIError("\(e.message)\nThe commit is blocked. Fix the problem, or bypass the check consciously: git commit --no-verify")
        } catch let e as GitError {
            throw CLIError("\(e.message)\nThe commit is blocked. Fix the problem, or bypass the check consciously: git commit --no-verify")
        }
        guard !findings.isEmpty else { return }
        Posix.output(PreCommitReport.render(findings, color: Terminal.color(2)), to: 2)
        throw ExitCode(1)
    }
}

enum PreCommitReport {
    static func render(_ findings: [Finding], color: Bool) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        let n = findings.count
        var out = paint("wow-guard: commit blocked: \(n) finding\(n == 1 ? "" : "s") in the staged changes", "1;31") + "\n\n"
        for f in findings {
            out += "  \(paint("\(f.path):\(f.line)", "1"))  \(paint(f.ruleID, "36"))  \(f.redactedSecret)\n"
            out += "    \(f.description)\n"
            out += "    fingerprint: \(f.fingerprint)\n\n"
        }
        let example = findings[0]
        let hasSecrets = findings.contains { $0.isSecret }
        out += """
        Ways out:
          - change the file and \(paint("git add", "1")) it again: load secrets from the environment or a secret manager; pin downloads and verify their checksums instead of piping them into a shell;
          - if it is a test fixture or documentation, move it under a path allowlisted in .wow-guard.toml ([allowlist] paths = ["tests/fixtures/**"]);
          - if this line is meant to be there, add a comment with \(paint("wow-guard:allow", "1")) on it;
          - or allow this exact finding: \(paint("wow-guard allow \(example.fingerprint)", "1"))

        """
        if hasSecrets { out += "A secret that was ever committed or pushed must be revoked, not just removed.\n" }
        return out
    }
}

struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Install wow-guard as a git pre-commit hook and as the tool hook of the coding agents found here.",
        discussion: """
        With no flags: detects the git repository and the agents present (.claude/, .codex/, .gemini/, .cursor/, \
        .github/hooks, .windsurf/; with --user the user-level folders), installs what fits and prints what it \
        changed; --dry-run shows the changes first and changes nothing.
        --git writes the pre-commit hook into the hooks directory git uses (core.hooksPath, worktrees), \
        keeping an existing hook, which then runs after wow-guard.
        --agent NAME merges a hook entry into the agent's settings (project settings, or the user's with --user), \
        leaving other settings and hooks alone. All of it is idempotent; `uninstall` reverses it.
        """
    )

    @Flag(help: "Install the git pre-commit hook in this repository.")
    var git = false

    @Option(help: "Install the tool hook for this agent: \(AgentKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var agent: [AgentKind] = []

    @Flag(help: "Agents: the user's settings (~/.claude/settings.json, …) instead of the project's.")
    var user = false

    @Flag(name: .customLong("print"), help: "With --agent: show the settings as they would be written, and change nothing.")
    var printOnly = false

    @Flag(help: "Show what would change (files and hooks), and change nothing.")
    var dryRun = false

    func validate() throws {
        if printOnly && agent.isEmpty { throw ValidationError("--print goes with --agent") }
    }

    func run() throws {
        let auto = !git && agent.isEmpty
        var targets = AutoInstall.Targets(git: git, agents: agent)
        if auto {
            targets = AutoInstall.detect(user: user)
            if !targets.git && targets.agents.isEmpty {
                throw CLIError("found nothing to install into: not in a git repository and no agent folder (.claude/, .codex/, .gemini/, .cursor/, .github/hooks, .windsurf/)\(user ? " in your home directory" : ""); run it inside a repository, or name one: --git, --agent NAME")
            }
            Posix.output("wow-guard: found " + ([targets.git ? "a git repository" : nil] + targets.agents.map { AgentAdapters.adapter(for: $0).displayName }).compactMap { $0 }.joined(separator: ", ") + "\n")
        }
        if dryRun {
            for line in try AutoInstall.plan(targets, user: user) { Posix.output("would: \(line)\n") }
            Posix.output("wow-guard: --dry-run: nothing was changed\n")
            return
        }
        if targets.git { try AutoInstall.installGit() }
        for a in targets.agents { try AgentInstall.install(a, scope: user ? .user : .project, printOnly: printOnly) }
    }
}

/// `install` with no flags: what is here, what would change, and the git part of installing.
/// Agents go through the adapters' install API (`AgentInstall`), one thin call each.
enum AutoInstall {
    struct Targets {
        var git: Bool
        var agents: [AgentKind]
    }

    static func detect(user: Bool) -> Targets {
        let host = AgentEnvironment.host()
        let inRepo = (try? Repository(discoverFrom: ".", useEnvironment: false)) != nil
        let agents = AgentAdapters.detected(project: user ? nil : host.base(.project), home: user ? host.home : nil).map(\.kind)
        // The git hook is per repository: with --user only the agents' user settings are meant.
        return Targets(git: inRepo && !user, agents: agents)
    }

    /// One line per file the install would write.
    static func plan(_ t: Targets, user: Bool) throws -> [String] {
        var out: [String] = []
        if t.git {
            let repo: Repository
            do { repo = try Repository(discoverFrom: ".", useEnvironment: false) } catch { throw CLIError("cannot install the hook: \(error.message)") }
            let dir: String
            do { dir = try repo.hooksDirectory() } catch { throw CLIError(error.message) }
            let hook = dir + "/pre-commit"
            if let text = try? Posix.readText(hook) {
                out.append(text.contains(HookScripts.marker) ? "keep \(hook) (wow-guard's pre-commit hook, refreshed)"
                                                              : "move your hook \(hook) to \(hook)\(HookInstaller.previousSuffix) (it still runs, after wow-guard) and install wow-guard's pre-commit hook")
            } else {
                out.append("create \(hook) (wow-guard's pre-commit hook)" + (Posix.kind(dir) == .missing ? ", creating \(dir)" : ""))
            }
        }
        let host = AgentEnvironment.host()
        for a in t.agents {
            let adapter = AgentAdapters.adapter(for: a)
            let changes: [Change]
            do { changes = try adapter.install(scope: user ? .user : .project, host: host, binary: Executable.path()) } catch { throw CLIError(error.description) }
            for c in changes {
                let what = c.isNoOp ? "keep" : c.before == nil ? "create" : "update"
                out.append("\(what) \(c.path) (\(adapter.displayName): wow-guard on \(adapter.registrations.map(\.event).joined(separator: ", ")))")
                for n in c.notes { out.append("  note: \(n)") }
            }
        }
        return out
    }

    static func installGit() throws {
        let repo: Repository
        do { repo = try Repository(discoverFrom: ".", useEnvironment: false) } catch { throw CLIError("cannot install the hook: \(error.message)") }
        do {
            switch try HookInstaller.install(repository: repo, binary: Executable.path()) {
            case .installed(let path, let kept):
                Posix.output("wow-guard: installed the pre-commit hook at \(path)" + (kept ? " (the previous hook is kept and runs after it)" : "") + "\n")
            case .updated(let path):
                Posix.output("wow-guard: the pre-commit hook at \(path) is up to date\n")
            default: break
            }
        } catch { throw CLIError(error.message) }
    }
}

struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Remove wow-guard's git hook (restoring a previous hook) and/or agents' tool hooks.",
        discussion: "With no flags: the git hook and every agent hook of wow-guard found here (--user: in the user's settings)."
    )

    @Flag(help: "Remove the git pre-commit hook from this repository.")
    var git = false

    @Option(help: "Remove the tool hook of this agent.")
    var agent: [AgentKind] = []

    @Flag(help: "With --agent: the user's settings instead of the project's.")
    var user = false

    @Flag(help: "Show what would be removed, and change nothing.")
    var dryRun = false

    func run() throws {
        var git = self.git
        var agent = self.agent
        if !git && agent.isEmpty {
            // Everything wow-guard installed here.
            if let repo = try? Repository(discoverFrom: ".", useEnvironment: false), let dir = try? repo.hooksDirectory(),
               let text = try? Posix.readText(dir + "/pre-commit"), text.contains(HookScripts.marker) { git = true }
            let host = AgentEnvironment.host()
            agent = AgentAdapters.all.filter { a in
                a.configuredHooks(host: host).contains { $0.isWowGuard && $0.settingsFile == a.settingsFile(scope: user ? .user : .project, host: host) }
            }.map(\.kind)
            if !git && agent.isEmpty { Posix.output("wow-guard: nothing of wow-guard is installed here; nothing to do\n"); return }
        }
        if dryRun {
            if git { Posix.output("would: remove wow-guard's pre-commit hook (restoring a previous one)\n") }
            for a in agent { Posix.output("would: remove the \(AgentAdapters.adapter(for: a).displayName) hook\n") }
            Posix.output("wow-guard: --dry-run: nothing was changed\n")
            return
        }
        if git {
            let repo: Repository
            do { repo = try Repository(discoverFrom: ".", useEnvironment: false) } catch { throw CLIError("cannot uninstall the hook: \(error.message)") }
            do {
                switch try HookInstaller.uninstall(repository: repo) {
                case .removed(let path, let restored):
                    Posix.output("wow-guard: removed the pre-commit hook at \(path)" + (restored ? " and restored the previous one" : "") + "\n")
                case .notInstalled(let path):
                    Posix.output("wow-guard: no wow-guard hook at \(path); nothing to do\n")
                default: break
                }
            } catch { throw CLIError(error.message) }
        }
        for a in agent { try AgentInstall.uninstall(a, scope: user ? .user : .project) }
    }
}

struct Allow: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Allow a finding by its fingerprint (adds it to .wow-guard.toml).",
        discussion: "The fingerprint is printed with each finding, e.g. github-token:1f6cbbd644fd3f4e."
    )

    @Argument(help: "Fingerprints to allow.")
    var fingerprints: [String]

    @Option(help: "Why this is allowed (written as a comment beside the fingerprint, for reviewers).")
    var reason: String?

    func validate() throws {
        for f in fingerprints where !Allow.isFingerprint(f) {
            throw ValidationError("'\(f)' is not a fingerprint (expected rule-id:16 hex digits)")
        }
    }

    static func isFingerprint(_ s: String) -> Bool {
        guard let colon = s.lastIndex(of: ":") else { return false }
        let id = s[..<colon], hash = s[s.index(after: colon)...]
        return !id.isEmpty && hash.count == 16 && hash.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    func run() throws {
        let root = FileLister.gitTopLevel(of: Posix.cwd()) ?? Posix.cwd()
        let path = root + "/" + Config.fileName
        let text = try Posix.readText(path) ?? ""
        let updated = ConfigEditor.addingFingerprints(fingerprints, to: text, reason: reason)
        do { _ = try ConfigLoader.parse(updated, file: path) } catch {
            throw CLIError("cannot update \(path) safely: \(error.description)")
        }
        if updated != text { try Posix.writeText(path, updated) }
        Posix.output("wow-guard: allowed \(fingerprints.joined(separator: ", ")) in \(path)" + (reason.map { " (\($0))" } ?? "") + "\n")
    }
}

/// Minimal, comment-preserving edits of `.wow-guard.toml`.
enum ConfigEditor {
    /// `reason` goes into a comment line above the array entries (one line; TOML comments cannot span lines).
    static func addingFingerprints(_ fps: [String], to text: String, reason: String? = nil) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var missing = fps.filter { !text.contains("\"\($0)\"") }
        guard !missing.isEmpty else { return text }
        missing = Array(Set(missing)).sorted()
        if let reason = reason?.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " "), !reason.isEmpty {
            // A multi-line array keeps the reason next to its entries.
            let block = "\n  # " + reason + "\n  " + missing.map { "\"\($0)\"," }.joined(separator: " ") + "\n"
            for (i, line) in lines.enumerated() where line.trimmingWhitespace().hasPrefix("fingerprints") {
                guard let open = line.firstIndex(of: "[") else { continue }
                var section: String?
                for l in lines[..<i] where l.trimmingWhitespace().hasPrefix("[") { section = l.trimmingWhitespace() }
                guard section == "[allowlist]" else { continue }
                lines[i] = String(line[...open]) + block + line[line.index(after: open)...].drop { $0 == " " }
                return lines.joined(separator: "\n")
            }
            if let header = lines.firstIndex(where: { $0.trimmingWhitespace() == "[allowlist]" }) {
                lines.insert("fingerprints = [" + block + "]", at: header + 1)
                return lines.joined(separator: "\n")
            }
            var out = text
            if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
            return out + (out.isEmpty ? "" : "\n") + "[allowlist]\nfingerprints = [" + block + "]\n"
        }
        let entries = missing.map { "\"\($0)\"" }.joined(separator: ", ")
        var section: String?
        for (i, line) in lines.enumerated() {
            let t = line.trimmingWhitespace()
            if t.hasPrefix("[") { section = t; continue }
            if section == "[allowlist]", t.hasPrefix("fingerprints"), let open = line.firstIndex(of: "[") {
                // Insert right after the opening bracket: valid for one-line and multi-line arrays.
                let after = line[line.index(after: open)...]
                let empty = after.trimmingWhitespace().hasPrefix("]")
                lines[i] = String(line[...open]) + entries + (empty ? "" : ", ") + after
                return lines.joined(separator: "\n")
            }
        }
        if let header = lines.firstIndex(where: { $0.trimmingWhitespace() == "[allowlist]" }) {
            lines.insert("fingerprints = [\(entries)]", at: header + 1)
            return lines.joined(separator: "\n")
        }
        var out = text
        if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
        return out + (out.isEmpty ? "" : "\n") + "[allowlist]\nfingerprints = [\(entries)]\n"
    }
}


enum Executable {
    /// Absolute path of the running binary (for the hook script).
    static func path() -> String { Posix.executablePath() }
}
