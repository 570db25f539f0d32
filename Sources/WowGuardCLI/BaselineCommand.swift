import ArgumentParser
import WowGuardCore
import WowGuardSystem

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Accept every current finding into .wow-guard-baseline.toml (or, with --prune, drop entries that match nothing).",
        discussion: """
        Scans the whole repository as `wow-guard scan` does and writes one entry per finding: rule, a hash of \
        the secret, the path and a reason; no line numbers or dates, sorted, so unrelated edits, rebases and \
        squash merges never change the file. A moved secret stays accepted; a new secret is reported even on \
        an accepted line. Existing entries and their reasons are kept. Review the file like code.
        """
    )

    @Option(help: "The reason written into new entries.")
    var reason: String = Baseline.defaultReason

    @Flag(help: "Only remove entries that no longer match any finding (adds nothing).")
    var prune = false

    @Option(help: "Use this config file instead of the repository's .wow-guard.toml.")
    var config: String?

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    func run() throws {
        let root = FileLister.gitTopLevel(of: Posix.cwd()) ?? Posix.cwd()
        let collected = try Scan.collect(paths: [root], noGit: false)
        if !collected.unreadable.isEmpty {
            throw CLIError("cannot baseline an incomplete scan: \(collected.unreadable.count) paths could not be read (first: \(collected.unreadable[0])); fix the permissions first")
        }
        let cfg = try ConfigLoader.load(root: root, explicit: config)
        let scanner = SecretScanner(rules: cfg.rules(), allowlist: cfg.allowlist, jit: true, minimumConfidence: cfg.blockConfidence)
        let result = ParallelScan.run(files: collected.files, scanner: scanner, scripts: ScriptDetector(allowlist: cfg.allowlist),
                                      filter: FindingFilter(disabled: cfg.disabledRules, baseline: nil),
                                      workers: jobs ?? Posix.cpuCount(), progress: Terminal.progress)
        if !result.unreadable.isEmpty {
            throw CLIError("cannot baseline an incomplete scan: \(result.unreadable.count) files could not be read (first: \(result.unreadable[0])); fix the permissions first")
        }
        let path = root + "/" + Baseline.fileName
        let existing = try ConfigLoader.baseline(root: root) ?? Baseline(entries: [])
        // Scanning the root: display paths are repository-relative.
        let current = result.findings.map { Baseline.entry(for: $0, path: $0.path, reason: reason) }
        let updated: Baseline
        if prune {
            updated = Baseline(entries: existing.entries.filter { e in current.contains { existing.match(fingerprint: $0.fingerprint, path: $0.path).map { existing.entries[$0] == e } ?? false } })
        } else {
            updated = existing.adding(current)
        }
        let added = updated.entries.filter { !existing.entries.contains($0) }.count
        let removed = existing.entries.filter { !updated.entries.contains($0) }.count
        let text = updated.serialized()
        if try Posix.readText(path) != text { try Posix.writeText(path, text) }
        Posix.output("wow-guard: \(path): \(updated.entries.count) entr\(updated.entries.count == 1 ? "y" : "ies") (\(added) added, \(removed) removed)\n")
    }
}
