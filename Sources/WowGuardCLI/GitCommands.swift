import ArgumentParser
import WowGuardAgents
import WowGuardCore
import WowGuardSystem
import WowGuardGit

/// The detectors that look at changes (staged diffs and history): secrets, plus the detectors
/// other rule families register here.
enum ChangeDetectors {
    static func make(config: Config) -> [any ChangeDetector] {
        [SecretChangeDetector(scanner: SecretScanner(rules: config.rules(), allowlist: config.allowlist, jit: true)),
         ScriptDetector(allowlist: config.allowlist)]
    }

    static func findings(in files: [ChangedFile], detectors: [any ChangeDetector]) -> [Finding] {
        var out: [Finding] = []
        for file in files {
            for d in detectors { out += d.detect(file) }
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

    init(configPath: String? = nil) throws {
        do { repository = try Repository(discoverFrom: ".") } catch { throw CLIError(error.message) }
        root = repository.workdir.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? Posix.cwd()
        config = try ConfigLoader.load(root: root, explicit: configPath)
    }
}

struct PreCommit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pre-commit",
        abstract: "Check the staged changes (what git is about to commit); the git hook runs this.",
        discussion: "Exit status: 0 nothing found (silent), 1 findings (commit blocked), 2 internal error (commit blocked)."
    )

    @Option(help: "Use this config file instead of the repository's .wow-guard.toml.")
    var config: String?

    func run() throws {
        let started = Posix.now()
        var findings: [Finding]
        let state = PreCommitState.store()
        var repository = ""
        do {
            let session = try GitSession(configPath: config)
            let files = try session.repository.stagedChanges()
            repository = session.repository.workdir ?? session.repository.gitDir
            findings = ChangeDetectors.findings(in: files, detectors: ChangeDetectors.make(config: session.config))
            findings += PreCommitState.taintFindings(files, store: state)
            PreCommitState.record(findings, started: started, repository: repository, store: state)
        } catch let e as CLIError {
            throw CLIError("\(e.message)\nThe commit is blocked. Fix the problem, or bypass the check consciously: git commit --no-verify")
        } catch let e as GitError {
            throw CLIError("\(e.message)\nThe commit is blocked. Fix the problem, or bypass the check consciously: git commit --no-verify")
        }
        guard !findings.isEmpty else { return }
        Posix.output(PreCommitReport.render(findings, color: Posix.isTTY(2) && Posix.env("NO_COLOR") == nil), to: 2)
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
        abstract: "Install wow-guard as a git pre-commit hook and/or as a coding agent's tool hook.",
        discussion: """
        --git writes the pre-commit hook into the hooks directory git uses (core.hooksPath, worktrees), \
        keeping an existing hook, which then runs after wow-guard.
        --agent NAME merges a hook entry into the agent's settings (project settings, or the user's with --user), \
        leaving other settings and hooks alone. Both are idempotent; `uninstall` reverses them.
        """
    )

    @Flag(help: "Install the git pre-commit hook in this repository.")
    var git = false

    @Option(help: "Install the tool hook for this agent: \(AgentKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var agent: [AgentKind] = []

    @Flag(help: "With --agent: the user's settings (~/.claude/settings.json, …) instead of the project's.")
    var user = false

    @Flag(name: .customLong("print"), help: "With --agent: show the settings as they would be written, and change nothing.")
    var printOnly = false

    func validate() throws {
        if !git && agent.isEmpty { throw ValidationError("say what to install: --git and/or --agent NAME") }
        if user && agent.isEmpty { throw ValidationError("--user goes with --agent") }
        if printOnly && agent.isEmpty { throw ValidationError("--print goes with --agent") }
    }

    func run() throws {
        if git {
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
        for a in agent { try AgentInstall.install(a, scope: user ? .user : .project, printOnly: printOnly) }
    }
}

struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Remove wow-guard's git hook (restoring a previous hook) and/or an agent's tool hook.")

    @Flag(help: "Remove the git pre-commit hook from this repository.")
    var git = false

    @Option(help: "Remove the tool hook of this agent.")
    var agent: [AgentKind] = []

    @Flag(help: "With --agent: the user's settings instead of the project's.")
    var user = false

    func validate() throws {
        if !git && agent.isEmpty { throw ValidationError("say what to uninstall: --git and/or --agent NAME") }
        if user && agent.isEmpty { throw ValidationError("--user goes with --agent") }
    }

    func run() throws {
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
        let updated = ConfigEditor.addingFingerprints(fingerprints, to: text)
        do { _ = try Config.parse(updated, file: path) } catch {
            throw CLIError("cannot update \(path) safely: \(error.description)")
        }
        if updated != text { try Posix.writeText(path, updated) }
        Posix.output("wow-guard: allowed \(fingerprints.joined(separator: ", ")) in \(path)\n")
    }
}

/// Minimal, comment-preserving edits of `.wow-guard.toml`.
enum ConfigEditor {
    static func addingFingerprints(_ fps: [String], to text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var missing = fps.filter { !text.contains("\"\($0)\"") }
        guard !missing.isEmpty else { return text }
        missing = Array(Set(missing)).sorted()
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
