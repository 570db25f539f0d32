/// What family a rule belongs to: secrets in text, shell commands, per-tool policies (paths, URLs,
/// tool inputs), committed scripts, invisible Unicode.
public enum RuleKind: String, Sendable, CaseIterable {
    case secret, shell, policy, script, unicode
}

/// One rule the guard can report (everything but secret rules, which are `SecretRule`): a stable
/// id, what it decides in the agent hook, a reason, and its own examples. Declared once as a
/// `static let` next to the code that reports it; code refers to the value, never to a bare id.
///
/// Examples are checked by one shared test per kind: every `examples` entry must produce this
/// rule, no `counterExamples` entry may. Shell examples are command lines; policy examples are
/// tool calls written as `Tool: argument` (see `PolicyExample`); script examples are file bodies
/// written as `path: text`; Unicode examples are lines of text.
public struct GuardRule: Sendable, Hashable {
    public let id: String
    public let kind: RuleKind
    public let decision: Decision
    public let reason: String
    /// For findings in files (scan, pre-commit): how bad the rule's findings are when it does not follow from the decision.
    public let severity: Severity?
    public let examples: [String]
    public let counterExamples: [String]

    public init(_ id: String, _ decision: Decision, _ reason: String, kind: RuleKind = .shell, severity: Severity? = nil,
                examples: [String] = [], counterExamples: [String] = []) {
        self.id = id
        self.kind = kind
        self.decision = decision
        self.reason = reason
        self.severity = severity
        self.examples = examples
        self.counterExamples = counterExamples
    }

    /// A verdict of this rule; `reason` replaces the rule's own reason with a specific one.
    public func verdict(_ subject: String, reason: String? = nil) -> Verdict {
        Verdict(ruleID: id, decision: decision, reason: reason ?? self.reason, subject: subject)
    }

    public static func == (a: GuardRule, b: GuardRule) -> Bool { a.id == b.id }
    public func hash(into h: inout Hasher) { h.combine(id) }
}
