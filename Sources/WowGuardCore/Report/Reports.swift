/// Summary numbers of one scan.
public struct ScanStats: Sendable {
    public var files: Int
    public var bytes: Int
    public var durationMS: Int
    public var skippedBinary: Int
    public init(files: Int, bytes: Int, durationMS: Int, skippedBinary: Int = 0) {
        self.files = files
        self.bytes = bytes
        self.durationMS = durationMS
        self.skippedBinary = skippedBinary
    }
}

/// Renders findings as text, JSON or SARIF. Pure: strings in, string out.
public enum Report {
    public static let toolName = "wow-guard"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/wow-guard/wow-guard"

    static func findingJSON(_ f: Finding) -> String {
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
        if let c = f.commit { pairs.append(("commit", JSON.quote(c))) }
        if let a = f.author { pairs.append(("author", JSON.quote(a))) }
        if let d = f.date { pairs.append(("date", JSON.quote(d))) }
        return JSON.object(pairs)
    }

    public static func json(_ findings: [Finding], stats: ScanStats) -> String {
        JSON.object([
            ("findings", JSON.array(findings.map(findingJSON))),
            ("stats", JSON.object([
                ("files", String(stats.files)),
                ("bytes", String(stats.bytes)),
                ("duration_ms", String(stats.durationMS)),
                ("skipped_binary", String(stats.skippedBinary)),
            ])),
        ]) + "\n"
    }

    /// SARIF 2.1.0, one run; rules listed once each, results point at the secret's region.
    public static func sarif(_ findings: [Finding], rules: [SecretRule]) -> String {
        var used: [String] = []
        var seen = Set<String>()
        for f in findings where seen.insert(f.ruleID).inserted { used.append(f.ruleID) }
        let byID = Dictionary(rules.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ruleObjects = used.map { id -> String in
            let r = byID[id]
            return JSON.object([
                ("id", JSON.quote(id)),
                ("name", JSON.quote(id)),
                ("shortDescription", JSON.object([("text", JSON.quote(r?.description ?? id))])),
                ("defaultConfiguration", JSON.object([("level", JSON.quote((r?.severity ?? .high).sarifLevel))])),
                ("properties", JSON.object([("tags", JSON.array([JSON.quote("security"), JSON.quote("secret")]))])),
            ])
        }
        let index = Dictionary(used.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let results = findings.map { f in
            JSON.object([
                ("ruleId", JSON.quote(f.ruleID)),
                ("ruleIndex", String(index[f.ruleID] ?? 0)),
                ("level", JSON.quote(f.severity.sarifLevel)),
                ("message", JSON.object([("text", JSON.quote("\(f.description): \(f.redactedSecret)"))])),
                ("locations", JSON.array([JSON.object([
                    ("physicalLocation", JSON.object([
                        ("artifactLocation", JSON.object([("uri", JSON.quote(sarifURI(f.path)))])),
                        ("region", JSON.object([
                            ("startLine", String(f.line)), ("startColumn", String(f.column)),
                            ("endLine", String(f.endLine)), ("endColumn", String(f.endColumn + 1)),
                        ])),
                    ])),
                ])])),
                ("partialFingerprints", JSON.object([("wowGuardFingerprint/v1", JSON.quote(f.fingerprint))])),
                ("properties", JSON.object([("confidence", JSON.quote(f.confidence.rawValue))])),
            ])
        }
        return JSON.object([
            ("$schema", JSON.quote("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", JSON.quote("2.1.0")),
            ("runs", JSON.array([JSON.object([
                ("tool", JSON.object([("driver", JSON.object([
                    ("name", JSON.quote(toolName)),
                    ("version", JSON.quote(version)),
                    ("informationUri", JSON.quote(informationURI)),
                    ("rules", JSON.array(ruleObjects)),
                ]))])),
                ("results", JSON.array(results)),
            ])])),
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

    /// Human text grouped by file. `color` adds ANSI colours.
    public static func text(_ findings: [Finding], stats: ScanStats, color: Bool) -> String {
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
        let files = Set(findings.map(\.path)).count
        let mb = Double(stats.bytes) / 1_048_576
        let summary = findings.isEmpty
            ? "Nothing found"
            : "\(findings.count) finding\(findings.count == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
        out += (findings.isEmpty ? "" : "\n") + paint(summary, findings.isEmpty ? "32" : "1;31")
            + " (scanned \(stats.files) files, \(formatMB(mb)) MB in \(stats.durationMS) ms)\n"
        return out
    }

    static func formatMB(_ mb: Double) -> String {
        let tenths = Int((mb * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
