/// What a report needs to know about a rule: enough for SARIF's rule metadata (GitHub code
/// scanning shows `fullDescription`, `help` and `helpUri`, and ranks by `security-severity`).
public struct RuleInfo: Sendable, Equatable {
    /// The detector family a rule belongs to (the catalog's kinds); decides its SARIF tags.
    public typealias Kind = RuleKind

    public var id: String
    public var kind: Kind
    public var family: String
    public var description: String
    public var severity: Severity
    /// Why it matters and how to fix or allow it (Markdown-free text).
    public var help: String
    public var examples: [String]
    public var counterExamples: [String]

    public init(id: String, kind: Kind, family: String, description: String, severity: Severity, help: String = "",
                examples: [String] = [], counterExamples: [String] = []) {
        self.id = id
        self.kind = kind
        self.family = family
        self.description = description
        self.severity = severity
        self.help = help
        self.examples = examples
        self.counterExamples = counterExamples
    }

    /// Where the rule is documented (the generated catalog, one anchor per rule).
    public var helpURI: String { Report.informationURI + "/blob/main/docs/rule-catalog.md#" + RuleInfo.anchor(id) }

    /// GitHub's Markdown anchor of a heading that is exactly `id`.
    public static func anchor(_ id: String) -> String {
        String(id.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    /// SARIF tags: security for all; the kind names what sort of problem it is.
    public var tags: [String] {
        switch kind {
        case .secret: ["security", "secret", "credential"]
        case .shell, .script: ["security", "dangerous-code", kind.rawValue]
        case .unicode: ["security", "trojan-source", "unicode"]
        case .policy: ["security", "agent-policy"]
        }
    }

    /// GitHub code scanning's `security-severity` (0–10): ≥ 9 critical, ≥ 7 high, ≥ 4 medium, else low.
    public var securitySeverity: String {
        switch severity {
        case .critical: "9.5"
        case .high: "8.0"
        case .medium: "5.5"
        case .low: "3.0"
        }
    }

    /// A secret rule's metadata.
    public init(_ rule: SecretRule, family: String) {
        self.init(id: rule.id, kind: .secret, family: family, description: rule.description, severity: rule.severity,
                  help: RuleInfo.secretHelp,
                  examples: rule.examples, counterExamples: rule.counterExamples)
    }

    public static let secretHelp = """
        A credential in a file is readable by everyone who can read the repository, its forks, clones and CI logs, \
        and stays in the history after it is deleted. Fix: load it from the environment or a secret manager, \
        and revoke it if it was ever committed or pushed. If it is a test fixture or documentation, allowlist \
        the path in .wow-guard.toml ([allowlist] paths), add `wow-guard:allow` on the line, or allow its \
        fingerprint with `wow-guard allow FINGERPRINT --reason "…"`.
        """
}
