/// One rule in the catalog: every rule id the guard can emit, of every kind.
public struct CatalogEntry: Sendable {
    public let id: String
    public let kind: RuleKind
    /// The rule's family inside its kind (`aws`, `filesystem`, `paths` …).
    public let family: String
    /// A short title (first clause of the description).
    public let title: String
    public let description: String
    /// The agent hook's decision (nil for secret rules: a secret is denied or asked depending on
    /// where it goes, see the `secret.*` and `exfil.secret-*` policy rules).
    public let decision: Decision?
    /// Severity of findings in files (scan, pre-commit); nil when the rule only runs in the hook.
    public let severity: Severity?
    public let examples: [String]
    public let counterExamples: [String]
}

/// The one list of rule ids: secret rules (from `RuleRegistry`), shell rules, tool policies,
/// script rules and invisible-Unicode rules. Built on first use (never on the hook path).
public enum RuleCatalog {
    public static let all: [CatalogEntry] = {
        var out: [CatalogEntry] = []
        for family in RuleRegistry.families {
            for r in family.rules {
                out.append(CatalogEntry(id: r.id, kind: .secret, family: family.name, title: title(r.description),
                                        description: r.description, decision: nil, severity: r.severity,
                                        examples: r.examples, counterExamples: r.counterExamples))
            }
        }
        for (family, rules) in guardRuleFamilies {
            for r in rules {
                out.append(CatalogEntry(id: r.id, kind: r.kind, family: family, title: title(r.reason), description: r.reason,
                                        decision: r.decision, severity: r.severity ?? defaultSeverity(r),
                                        examples: r.examples, counterExamples: r.counterExamples))
            }
        }
        return out
    }()

    private static let byID: [String: CatalogEntry] = {
        var d: [String: CatalogEntry] = [:]
        for e in all where d[e.id] == nil { d[e.id] = e }
        return d
    }()

    public static func entry(id: String) -> CatalogEntry? { byID[id] }

    /// Every non-secret rule, by family. Each rule is declared once; a family lists its own.
    public static var guardRuleFamilies: [(String, [GuardRule])] {
        ShellRules.families + [("policy", PolicyRules.all), ("scripts", ScriptRules.all), ("unicode", InvisibleUnicode.rules)]
    }

    /// Ids used by more than one declaration (must be empty; checked by a test).
    public static var duplicateIDs: [String] {
        var seen: Set<String> = [], dups: [String] = []
        for e in all where !seen.insert(e.id).inserted { dups.append(e.id) }
        return dups
    }

    /// Shell and policy findings in committed files: deny is high (critical for remote code and
    /// reverse shells), ask is medium (see `ScriptDetector`).
    static func defaultSeverity(_ r: GuardRule) -> Severity? {
        switch r.kind {
        case .shell, .script:
            if r.decision == .deny { return r.id.hasPrefix("rce.") || r.id.hasPrefix("revshell.") ? .critical : .high }
            return .medium
        case .policy, .secret, .unicode:
            return nil
        }
    }

    static func title(_ description: String) -> String {
        var t = Substring(description)
        for sep in [": ", " (", "; ", ", which", " — "] {
            if let r = t.shRange(ofLiteral: sep) { t = t[..<r.lowerBound] }
        }
        guard let first = t.first else { return description }
        return first.uppercased() + t.dropFirst()
    }
}
