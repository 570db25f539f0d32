/// Every key of `.wow-guard.toml` and `.wow-guard-baseline.toml`: the parser accepts exactly these
/// (unknown keys are errors), and docs/configuration-reference.md is generated from this table
/// (`wow-guard generate-docs`; a test fails when the file drifts).
public enum ConfigReference {
    public struct Key: Sendable {
        public var table: String
        public var key: String
        public var type: String
        public var defaultValue: String
        public var meaning: String
    }

    public static let config: [Key] = [
        Key(table: "[allowlist]", key: "description", type: "string", defaultValue: "—",
            meaning: "Why these exceptions exist; shown to reviewers, not used for matching."),
        Key(table: "[allowlist]", key: "paths", type: "array of globs", defaultValue: "[]",
            meaning: "Files not scanned at all. Relative to the repository root: `**` any directories, `*` within a name, a pattern without `/` matches at any depth, a trailing `/` means everything below."),
        Key(table: "[allowlist]", key: "fingerprints", type: "array of strings", defaultValue: "[]",
            meaning: "Findings allowed by fingerprint (`rule-id:16 hex digits`, printed with each finding; stable when lines move). `wow-guard allow FINGERPRINT --reason \"…\"` adds one."),
        Key(table: "[allowlist]", key: "regexes", type: "array of PCRE2 regexes", defaultValue: "[]",
            meaning: "A secret matching one of them is not a finding."),
        Key(table: "[allowlist]", key: "stopwords", type: "array of strings", defaultValue: "[]",
            meaning: "A secret containing one of these words (case-insensitive) is not a finding."),
        Key(table: "[rules]", key: "disable", type: "array of rule ids", defaultValue: "[]",
            meaning: "Rules switched off: secret, shell, policy, script and Unicode rules alike (`wow-guard rules --all`). An unknown id is an error."),
        Key(table: "[rules]", key: "custom", type: "array of tables `[[rules.custom]]`", defaultValue: "[]",
            meaning: "Custom secret rules, keys below. Their examples are checked when the file loads; a failing example names the condition that failed."),
        Key(table: "[[rules.custom]]", key: "id", type: "string (letters, digits, `-`, `_`)", defaultValue: "required",
            meaning: "The rule id; must not collide with a built-in id."),
        Key(table: "[[rules.custom]]", key: "description", type: "string", defaultValue: "the id", meaning: "Shown with each finding."),
        Key(table: "[[rules.custom]]", key: "keywords", type: "array of strings (3+ bytes)", defaultValue: "required",
            meaning: "Lower-case prefilter words; one must occur on the line of a match."),
        Key(table: "[[rules.custom]]", key: "pattern", type: "PCRE2 regex", defaultValue: "required",
            meaning: "What a secret looks like; use 'literal strings' for regexes."),
        Key(table: "[[rules.custom]]", key: "secret_group", type: "integer", defaultValue: "0",
            meaning: "The capture group that holds the secret (0: the whole match)."),
        Key(table: "[[rules.custom]]", key: "entropy", type: "number", defaultValue: "none",
            meaning: "Minimum Shannon entropy (bits per character) of the secret."),
        Key(table: "[[rules.custom]]", key: "severity", type: "low | medium | high | critical", defaultValue: "high", meaning: "Severity of findings."),
        Key(table: "[[rules.custom]]", key: "multiline", type: "boolean", defaultValue: "false", meaning: "The match may span lines (private keys)."),
        Key(table: "[[rules.custom]]", key: "allow_patterns", type: "array of PCRE2 regexes", defaultValue: "[]",
            meaning: "A secret matching one is not a finding of this rule."),
        Key(table: "[[rules.custom]]", key: "examples", type: "array of strings", defaultValue: "[]",
            meaning: "Text that must trigger the rule (checked at load). Placeholder-looking values (`0123…`, `abcdef…`, `example`) never trigger."),
        Key(table: "[[rules.custom]]", key: "counter_examples", type: "array of strings", defaultValue: "[]",
            meaning: "Text that must not trigger the rule (checked at load)."),
    ]

    public static let baseline: [Key] = [
        Key(table: "[[accepted]]", key: "rule", type: "rule id", defaultValue: "required", meaning: "The rule of the accepted finding."),
        Key(table: "[[accepted]]", key: "hash", type: "16 lower-case hex digits", defaultValue: "required",
            meaning: "The hash of the secret (the part after `:` in the finding's fingerprint); never the secret itself."),
        Key(table: "[[accepted]]", key: "path", type: "glob", defaultValue: "required",
            meaning: "The files where the value is accepted (written as the literal path; widen it to accept a moved file)."),
        Key(table: "[[accepted]]", key: "reason", type: "string", defaultValue: "\"\"", meaning: "Why it is accepted (`wow-guard baseline --reason`)."),
    ]

    /// The keys one table accepts (what the parser checks against).
    public static func keys(_ table: String, in list: [Key] = config) -> [String] { list.filter { $0.table == table }.map(\.key) }

    /// docs/configuration-reference.md.
    public static func markdown() -> String {
        var out = """
            # Configuration reference

            Generated from `ConfigReference` (Sources/WowGuardCore/Config/ConfigReference.swift) by
            `wow-guard generate-docs`; a test fails when this file and the code drift apart. The parser
            accepts exactly these keys. A commented file: `wow-guard init` (Templates/wow-guard.toml);
            the walkthrough: docs/configuration.md.

            ## `.wow-guard.toml` (and `$XDG_CONFIG_HOME/wow-guard/config.toml`)

            The user-level file has the same format and is merged under the repository's (lists are
            combined).

            """
        out += table(config)
        out += """

            ## `.wow-guard-baseline.toml`

            Written by `wow-guard baseline`, sorted, without line numbers or dates.

            """
        out += table(baseline)
        return out
    }

    static func table(_ keys: [Key]) -> String {
        var out = "| table | key | type | default | meaning |\n| --- | --- | --- | --- | --- |\n"
        for k in keys {
            out += "| `\(k.table)` | `\(k.key)` | \(k.type) | \(k.defaultValue) | \(k.meaning.replacingPipes()) |\n"
        }
        return out
    }
}

extension String {
    func replacingPipes() -> String { split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
