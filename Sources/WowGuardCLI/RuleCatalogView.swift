import WowGuardCore
import WowGuardSystem

/// Every rule the guard can report, as `RuleInfo` (what reports, `explain` and `rules.disable`
/// need), read from the core's one rule catalog (`RuleCatalog`) plus the configuration's custom
/// secret rules.
enum RuleCatalogView {
    static let shellHelp = """
        Committed code runs on developers' machines and in CI, and an agent's command runs with the developer's \
        rights: a dangerous command in a script, a CI step, an install hook or a tool call can destroy data, leak \
        credentials or run code nobody reviewed. Fix: remove the command or make it safe (pin and verify downloads, \
        scope deletions, keep credentials out of command lines). If the line is intended, add `wow-guard:allow` on \
        it, or allow its fingerprint with `wow-guard allow FINGERPRINT --reason "…"`; switch the rule off with \
        rules.disable in .wow-guard.toml.
        """

    static let policyHelp = """
        A coding agent's tool call (reading, writing or fetching) reached something that holds credentials, runs \
        code later, or switches the guard off. The agent hook blocks or asks before the call runs. Fix: let the \
        agent work on project files only; if the access is meant, approve it when asked, or switch the rule off \
        with rules.disable in .wow-guard.toml.
        """

    static let unicodeHelp = """
        Invisible and look-alike characters make code read differently than it runs (Trojan Source, CVE-2021-42574) \
        or hide text from reviewers, e.g. prompt injections for coding agents. Fix: delete the character or replace \
        the look-alike letter by its Latin one; prose files (.md, .po, translations) and comments written in \
        another script are exempt. If it is intended, add `wow-guard:allow` on the line or switch the rule off \
        with rules.disable.
        """

    static func help(_ kind: RuleKind) -> String {
        switch kind {
        case .secret: RuleInfo.secretHelp
        case .shell, .script: shellHelp
        case .policy: policyHelp
        case .unicode: unicodeHelp
        }
    }

    static func info(_ e: CatalogEntry) -> RuleInfo {
        RuleInfo(id: e.id, kind: e.kind, family: e.family, description: e.description,
                 severity: e.severity ?? (e.decision == .deny ? .high : .medium), help: help(e.kind),
                 examples: e.examples, counterExamples: e.counterExamples)
    }

    /// Secret rules only (the default of `wow-guard rules`), custom rules included.
    static func secretInfos(_ rules: [SecretRule]) -> [RuleInfo] {
        let catalog = RuleCatalog.all.filter { $0.kind == .secret }.map(info)
        let known = Set(catalog.map(\.id))
        return catalog + rules.filter { !known.contains($0.id) }.map { RuleInfo($0, family: "custom") }
    }

    /// Everything: the catalog, then custom secret rules from `secretRules`.
    static func all(secretRules: [SecretRule] = []) -> [RuleInfo] {
        let catalog = RuleCatalog.all.map(info)
        let known = Set(catalog.map(\.id))
        return catalog + secretRules.filter { !known.contains($0.id) }.map { RuleInfo($0, family: "custom") }
    }

    /// One rule by id (custom rules from `secretRules` too).
    static func find(_ id: String, secretRules: [SecretRule] = []) -> RuleInfo? {
        if let e = RuleCatalog.entry(id: id) { return info(e) }
        return secretRules.first { $0.id == id }.map { RuleInfo($0, family: "custom") }
    }

    /// The rule metadata SARIF output describes results with.
    static func sarifRules(secretRules: [SecretRule]) -> [RuleInfo] { all(secretRules: secretRules) }

    /// Ids `rules.disable` accepts.
    static func knownIDs() -> Set<String> { Set(RuleCatalog.all.map(\.id)) }
}
