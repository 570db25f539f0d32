/// What the guard says about an action (a shell command, a file write, a fetch).
/// Ordered by severity: `allow < ask < deny`; combining decisions keeps the strictest.
public enum Decision: String, Sendable, Comparable, CaseIterable {
    case allow, ask, deny

    private var rank: Int {
        switch self {
        case .allow: 0
        case .ask: 1
        case .deny: 2
        }
    }

    public static func < (a: Decision, b: Decision) -> Bool { a.rank < b.rank }
}

/// Why an action was flagged: a rule id (`fs.rm-root`, `rce.curl-pipe-shell`, …), the decision
/// that rule asks for, and a reason a person (or the agent) can act on.
public struct Verdict: Sendable, Equatable {
    public var ruleID: String
    public var decision: Decision
    public var reason: String
    /// The part of the input the verdict is about (a command, a path, a URL), for messages.
    public var subject: String

    public init(ruleID: String, decision: Decision, reason: String, subject: String = "") {
        self.ruleID = ruleID
        self.decision = decision
        self.reason = reason
        self.subject = subject
    }
}

extension Array where Element == Verdict {
    /// The strictest decision among the verdicts (`allow` when there are none).
    public var decision: Decision { map(\.decision).max() ?? .allow }
}
