/// Summary numbers of one scan.
public struct ScanStats: Sendable {
    public var files: Int
    public var bytes: Int
    public var durationMS: Int
    public var skippedBinary: Int
    /// Paths that could not be read ("path: reason"), sorted. Non-empty means the scan is incomplete.
    public var unreadable: [String] = []
    /// The user accepted an incomplete scan (`--skip-unreadable`).
    public var unreadableSkipped = false
    /// Findings hidden by the baseline file, and baseline entries that matched nothing.
    public var baselined = 0
    public var staleBaseline: [String] = []
    public init(files: Int, bytes: Int, durationMS: Int, skippedBinary: Int = 0) {
        self.files = files
        self.bytes = bytes
        self.durationMS = durationMS
        self.skippedBinary = skippedBinary
    }

    /// Unreadable paths that make the scan incomplete (not accepted with --skip-unreadable).
    public var incomplete: Bool { !unreadable.isEmpty && !unreadableSkipped }
}

/// Renders findings as text, JSON, SARIF or JUnit. Pure: strings in, string out.
public enum Report {
    public static let toolName = "wow-guard"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/wow-guard/wow-guard"

    /// A finding's JSON fields, in output order. New fields go here (JSON and SARIF properties use it).
    static func findingFields(_ f: Finding) -> [(String, String)] {
        var pairs: [(String, String)] = [
            ("rule_id", JSON.quote(f.ruleID)),
            ("description", JSON.quote(f.description)),
            ("severity", JSON.quote(f.severity.rawValue)),
            ("confidence", JSON.quote(f.confidence.rawValue)),
            ("path", JSON.quote(f.path)),
            ("line", String(f.line)),
            ("column", String(f.column)),
            ("end_line", String(f.endLine)),
            ("end_column", String(f.endColumn)),
            ("fingerprint", JSON.quote(f.fingerprint)),
            ("secret", JSON.quote(f.redactedSecret)),
        ]
        pairs += commitFields(f)
        return pairs
    }

    /// Where in history a finding was added (history scans only).
    static func commitFields(_ f: Finding) -> [(String, String)] {
        var pairs: [(String, String)] = []
        if let c = f.commit { pairs.append(("commit", JSON.quote(c))) }
        if let a = f.author { pairs.append(("author", JSON.quote(a))) }
        if let d = f.date { pairs.append(("date", JSON.quote(d))) }
        return pairs
    }

    static func findingJSON(_ f: Finding) -> String { JSON.object(findingFields(f)) }

    public static func json(_ findings: [Finding], stats: ScanStats) -> String {
        JSON.object([
            ("findings", JSON.array(findings.map(findingJSON))),
            ("stats", JSON.object([
                ("files", String(stats.files)),
                ("bytes", String(stats.bytes)),
                ("duration_ms", String(stats.durationMS)),
                ("skipped_binary", String(stats.skippedBinary)),
                ("unreadable", JSON.array(stats.unreadable.map(JSON.quote))),
                ("complete", stats.incomplete ? "false" : "true"),
                ("baselined", String(stats.baselined)),
                ("stale_baseline", JSON.array(stats.staleBaseline.map(JSON.quote))),
            ])),
        ]) + "\n"
    }

    /// A SARIF `reportingDescriptor` for one rule.
    static func sarifRule(_ r: RuleInfo) -> String {
        var full = r.description
        if !r.help.isEmpty { full += ". " + r.help }
        return JSON.object([
            ("id", JSON.quote(r.id)),
            ("name", JSON.quote(sarifName(r.id))),
            ("shortDescription", JSON.object([("text", JSON.quote(r.description))])),
            ("fullDescription", JSON.object([("text", JSON.quote(full))])),
            ("help", JSON.object([("text", JSON.quote(r.help.isEmpty ? r.description : r.help))])),
            ("helpUri", JSON.quote(r.helpURI)),
            ("defaultConfiguration", JSON.object([("level", JSON.quote(r.severity.sarifLevel))])),
            ("properties", JSON.object([
                ("tags", JSON.array(r.tags.map(JSON.quote))),
                ("security-severity", JSON.quote(r.securitySeverity)),
                ("precision", JSON.quote(r.kind == .secret ? "high" : "medium")),
                ("problem.severity", JSON.quote(r.severity >= .high ? "error" : r.severity == .medium ? "warning" : "recommendation")),
            ])),
        ])
    }

    /// SARIF `name` is a PascalCase identifier by convention (`github-token` → `GithubToken`).
    static func sarifName(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The SARIF document of the rules alone (`wow-guard rules --format sarif`).
    public static func sarifRules(_ rules: [RuleInfo]) -> String {
        sarifDocument(rules: rules.map(sarifRule), results: [], invocation: nil)
    }

    /// SARIF 2.1.0, one run; rules listed once each, results point at the finding's region.
    /// `rules` is the catalog to describe used rules from; rules missing from it get a minimal entry.
    public static func sarif(_ findings: [Finding], rules: [RuleInfo], stats: ScanStats? = nil) -> String {
        var used: [String] = []
        var seen = Set<String>()
        for f in findings where seen.insert(f.ruleID).inserted { used.append(f.ruleID) }
        let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ruleObjects = used.map { id -> String in
            let f = findings.first { $0.ruleID == id }!
            let info = byID[id] ?? RuleInfo(id: id, kind: f.isSecret ? .secret : .script, family: "custom",
                                            description: f.description, severity: f.severity)
            return sarifRule(info)
        }
        let index = Dictionary(used.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        // Same secret in two places: distinct alerts. The fingerprint is per rule, secret and file
        // (stable when lines move), plus the occurrence number within the file.
        var occurrences: [String: Int] = [:]
        let results = findings.map { f -> String in
            let key = f.fingerprint + "\u{0}" + f.path
            let n = occurrences[key, default: 0] + 1
            occurrences[key] = n
            let location = Fingerprint.make(ruleID: f.ruleID, secret: f.secret + "\u{0}" + f.path) + (n > 1 ? ":\(n)" : "")
            var message = "\(f.description): \(f.redactedSecret)"
            if let c = f.commit { message += " (added in commit \(c.prefix(12))" + (f.author.map { " by \($0)" } ?? "") + ")" }
            var properties: [(String, String)] = [("fingerprint", JSON.quote(f.fingerprint)), ("confidence", JSON.quote(f.confidence.rawValue))]
            properties += commitFields(f)
            let pairs: [(String, String)] = [
                ("ruleId", JSON.quote(f.ruleID)),
                ("ruleIndex", String(index[f.ruleID] ?? 0)),
                ("level", JSON.quote(f.severity.sarifLevel)),
                ("message", JSON.object([("text", JSON.quote(message))])),
                ("locations", JSON.array([JSON.object([
                    ("physicalLocation", JSON.object([
                        ("artifactLocation", JSON.object([("uri", JSON.quote(sarifURI(f.path)))])),
                        ("region", JSON.object([
                            ("startLine", String(max(1, f.line))), ("startColumn", String(max(1, f.column))),
                            ("endLine", String(max(f.line, f.endLine))), ("endColumn", String(max(1, f.endColumn + 1))),
                        ])),
                    ])),
                ])])),
                ("partialFingerprints", JSON.object([("wowGuardLocation/v1", JSON.quote(location))])),
                ("properties", JSON.object(properties)),
            ]
            return JSON.object(pairs)
        }
        var invocation: String?
        if let stats {
            let notes = stats.unreadable.map { u in
                JSON.object([
                    ("level", JSON.quote(stats.unreadableSkipped ? "warning" : "error")),
                    ("message", JSON.object([("text", JSON.quote("could not read \(u)"))])),
                ])
            }
            invocation = JSON.object([
                ("executionSuccessful", stats.incomplete ? "false" : "true"),
                ("toolExecutionNotifications", JSON.array(notes)),
            ])
        }
        return sarifDocument(rules: ruleObjects, results: results, invocation: invocation)
    }

    static func sarifDocument(rules: [String], results: [String], invocation: String?) -> String {
        var run: [(String, String)] = [
            ("tool", JSON.object([("driver", JSON.object([
                ("name", JSON.quote(toolName)),
                ("version", JSON.quote(version)),
                ("semanticVersion", JSON.quote(version)),
                ("informationUri", JSON.quote(informationURI)),
                ("rules", JSON.array(rules)),
            ]))])),
            ("results", JSON.array(results)),
        ]
        if let invocation { run.append(("invocations", JSON.array([invocation]))) }
        return JSON.object([
            ("$schema", JSON.quote("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", JSON.quote("2.1.0")),
            ("runs", JSON.array([JSON.object(run)])),
        ]) + "\n"
    }

    /// Percent-encodes what a URI reference may not contain (spaces, `%`, non-ASCII).
    static func sarifURI(_ path: String) -> String {
        var out = ""
        for b in path.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b < 0x80 && (c.isLetter || c.isNumber || "/-._~!$&'()*+,;=:@".contains(c)) { out.append(c) } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// Human text grouped by file. `color` adds ANSI colours; `quiet` leaves out the summary.
    public static func text(_ findings: [Finding], stats: ScanStats, color: Bool, quiet: Bool = false) -> String {
        func paint(_ s: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
        var out = ""
        var currentPath: String?
        for f in findings {
            if f.path != currentPath {
                currentPath = f.path
                out += (out.isEmpty ? "" : "\n") + paint(f.path, "1") + "\n"
            }
            let sev = f.severity >= .high ? paint(f.severity.rawValue, "31") : paint(f.severity.rawValue, "33")
            var line = "  \(f.line):\(f.column)  \(paint(f.ruleID, "36"))  \(f.redactedSecret)  \(f.description) [\(sev), \(f.confidence.rawValue) confidence]"
            if let c = f.commit { line += "\n      commit \(c.prefix(12))" + (f.author.map { " by \($0)" } ?? "") + (f.date.map { " on \($0)" } ?? "") }
            out += line + "\n      fingerprint: \(f.fingerprint)\n"
        }
        if quiet { return out }
        let files = Set(findings.map(\.path)).count
        let mb = Double(stats.bytes) / 1_048_576
        let summary = findings.isEmpty
            ? (stats.incomplete ? "Nothing found in what could be read" : "Nothing found")
            : "\(findings.count) finding\(findings.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
        out += (findings.isEmpty ? "" : "\n") + paint(summary, findings.isEmpty && !stats.incomplete ? "32" : "1;31")
            + " (scanned \(stats.files) files, \(formatMB(mb)) MB in \(stats.durationMS) ms"
            + (stats.baselined > 0 ? "; \(stats.baselined) accepted by the baseline" : "") + ")\n"
        if !stats.unreadable.isEmpty {
            let n = stats.unreadable.count
            let head = stats.unreadableSkipped
                ? "Skipped \(n) unreadable path\(n == 1 ? "" : "s") (--skip-unreadable):"
                : "Incomplete scan: \(n) path\(n == 1 ? "" : "s") could not be read:"
            out += paint(head, stats.unreadableSkipped ? "33" : "1;31") + "\n"
            for u in stats.unreadable.prefix(20) { out += "  \(u)\n" }
            if n > 20 { out += "  … and \(n - 20) more\n" }
            if !stats.unreadableSkipped { out += "Fix the permissions, or pass --skip-unreadable to accept an incomplete scan.\n" }
        }
        if !stats.staleBaseline.isEmpty {
            let n = stats.staleBaseline.count
            out += paint("\(n) baseline entr\(n == 1 ? "y matches" : "ies match") nothing any more", "33")
                + " (remove with `wow-guard baseline --prune`):\n"
            for s in stats.staleBaseline.prefix(20) { out += "  \(s)\n" }
        }
        return out
    }

    static func formatMB(_ mb: Double) -> String {
        let tenths = Int((mb * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
