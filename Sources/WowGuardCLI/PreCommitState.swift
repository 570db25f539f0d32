import WowGuardCore
import WowGuardStore
import WowGuardSystem

/// What pre-commit takes from and gives to the state store: secrets an agent has seen (taint)
/// block a commit that adds them, and every decision goes to the audit log. A store that cannot
/// be used is reported on stderr; it never lets a commit through that the detectors blocked.
enum PreCommitState {
    static func store() -> StateStore? {
        StoreSettings(environment: { Posix.env($0) }, home: Posix.env("HOME")).map { StateStore(settings: $0) }
    }

    /// Findings for added lines that carry a tainted secret (in any of its stored forms).
    static func taintFindings(_ files: [ChangedFile], store: StateStore?) -> [Finding] {
        guard let store, Posix.exists(store.path) else { return [] }
        let matcher: TaintMatcher
        do {
            guard let m = try store.taintMatcher(now: Posix.wallClock()) else { return [] }
            matcher = m
        } catch {
            Posix.output("wow-guard: cannot check for secrets an agent has seen: \(error.description)\n", to: 2)
            return []
        }
        var out: [Finding] = []
        for file in files {
            for hunk in file.hunks {
                for (i, line) in hunk.lines.enumerated() {
                    for m in matcher.matches(in: line) {
                        var f = Finding(ruleID: "taint.secret-committed", description: "a secret a coding agent saw in \(m.origin) (\(m.rule))",
                                        severity: .critical, path: file.path, line: hunk.startLine + i, column: 1, endLine: hunk.startLine + i,
                                        endColumn: line.count + 1, secret: line)
                        f.isSecret = true
                        out.append(f)
                    }
                }
            }
        }
        return out
    }

    static func record(_ findings: [Finding], started: UInt64, repository: String, store: StateStore?) {
        guard let store else { return }
        var rules: [String] = []
        for f in findings where !rules.contains(f.ruleID) { rules.append(f.ruleID) }
        let summary = findings.prefix(3).map { "\($0.path):\($0.line) \($0.ruleID) \($0.fingerprint)" }.joined(separator: "; ")
        let entry = AuditEntry(time: Posix.wallClock(), source: "pre-commit", decision: findings.isEmpty ? "allow" : "deny", rules: rules,
                               summary: summary, repository: repository, durationMs: Double(Posix.now() - started) / 1e6)
        do { try store.record(entry) } catch {
            Posix.output("wow-guard: audit log unavailable, the decision stands: \(error.description)\n", to: 2)
        }
        for n in store.takeNotices() { Posix.output("wow-guard: \(n)\n", to: 2) }
    }
}
