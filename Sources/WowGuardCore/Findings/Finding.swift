/// How bad a finding is. Ordered: `low < medium < high < critical`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
    case low, medium, high, critical

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// SARIF `level` for this severity.
    public var sarifLevel: String {
        switch self {
        case .low: "note"
        case .medium: "warning"
        case .high, .critical: "error"
        }
    }
}

/// How sure the scanner is that a finding is a real, usable credential. Ordered: `low < medium < high`.
///
/// Specific formats (checksummed or vendor-prefixed tokens, unencrypted private keys) are `high`; generic
/// key/value findings get their level from the value classifier (key semantics, value shape,
/// naturalness, context). Hooks block at a configurable level (`[secrets] block`, default `medium`).
public enum Confidence: String, Sendable, Comparable, CaseIterable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (a: Confidence, b: Confidence) -> Bool { a.rank < b.rank }

    /// One level less sure (low stays low).
    public var lowered: Confidence { self == .high ? .medium : .low }
}

/// One detection in one file. Lines and columns are 1-based; columns count characters.
public struct Finding: Sendable, Equatable {
    public var ruleID: String
    public var description: String
    public var severity: Severity
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int
    /// The raw secret. Never print it: use `redactedSecret`.
    public var secret: String
    public var fingerprint: String
    /// How likely this is a real credential (findings about code are `high`).
    public var confidence: Confidence = .high
    /// False for findings about code (dangerous scripts, invisible Unicode): their "secret" is the
    /// offending text, shown as is (shortened) instead of redacted.
    public var isSecret: Bool = true
    /// Extra context set by adapters (git commit, author, date).
    public var commit: String?
    public var author: String?
    public var date: String?

    public init(ruleID: String, description: String, severity: Severity, path: String,
                line: Int, column: Int, endLine: Int, endColumn: Int, secret: String) {
        self.ruleID = ruleID
        self.description = description
        self.severity = severity
        self.path = path
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
        self.secret = secret
        self.fingerprint = Fingerprint.make(ruleID: ruleID, secret: secret)
    }

    public var redactedSecret: String {
        guard isSecret else {
            let oneLine = secret.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? secret
            return oneLine.count > 80 ? String(oneLine.prefix(79)) + "…" : oneLine
        }
        return Redaction.redact(secret)
    }
}

public enum Redaction {
    /// Keeps a short, non-sensitive prefix (enough to recognise the token kind) and hides the rest.
    public static func redact(_ secret: String) -> String {
        let single = secret.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
        let count = secret.count
        if single.hasPrefix("-----BEGIN") { return single.prefix(40) + "…(redacted)" }
        let keep = count >= 16 ? 4 : (count >= 8 ? 2 : 0)
        return String(single.prefix(keep)) + String(repeating: "*", count: min(max(count - keep, 3), 12))
    }
}

/// Stable fingerprint derived from the rule id and the secret value only, so that
/// edits elsewhere in a file (or moving the secret) do not change it.
public enum Fingerprint {
    public static func make(ruleID: String, secret: String) -> String {
        let digest = SHA256.hash(Array((ruleID + "\u{0}" + secret).utf8))
        return ruleID + ":" + digest.prefix(8).map { byte in
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
        }.joined()
    }
}
