/// A configuration problem, located in its file.
public struct ConfigError: Error, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// `.wow-guard.toml` (per repository) and `$XDG_CONFIG_HOME/wow-guard/config.toml` (per user).
public struct Config: Sendable {
    public var allowlist = Allowlist()
    /// Allowlist pattern sources, kept for display.
    public var disabledRules: Set<String> = []
    public var customRules: [SecretRule] = []
    /// `[secrets] block`: the lowest confidence that blocks a commit or an agent tool call and that
    /// `scan` reports by default. Nil = not set in this file.
    public var block: Confidence?
    /// Default blocking level: medium (see docs/secrets-accuracy.md for the measured false-positive rates).
    public static let defaultBlock = Confidence.medium
    public var blockConfidence: Confidence { block ?? Config.defaultBlock }

    public init() {}

    public static let fileName = ".wow-guard.toml"

    /// Parses and validates a config file's text. Unknown keys, wrong types, bad globs and bad
    /// regexes are errors naming the file and line.
    /// `knownRuleIDs` defaults to the built-in catalog (computed only when the file disables rules).
    /// `moreRuleIDs` adds the ids of the other detectors (scripts, Unicode) that `rules.disable` accepts.
    public static func parse(_ text: String, file: String, knownRuleIDs: Set<String>? = nil,
                             moreRuleIDs: () -> Set<String> = { [] }) throws(ConfigError) -> Config {
        let root: TOML.Table
        do { root = try TOML.parse(text) } catch { throw ConfigError(file: file, line: error.line, message: error.message) }
        let r = Reader(file: file)
        var config = Config()
        try r.onlyKeys(root, ["allowlist", "rules", "secrets"], in: "top level")
        if let e = root["secrets"] {
            let t = try r.table(e, "secrets")
            try r.onlyKeys(t, ["block"], in: "[secrets]")
            if let b = t["block"] {
                guard let level = Confidence(rawValue: try r.string(b, "secrets.block")) else {
                    throw ConfigError(file: file, line: b.line, message: "'secrets.block' must be one of: low, medium, high")
                }
                config.block = level
            }
        }
        if let e = root["allowlist"] {
            let t = try r.table(e, "allowlist")
            try r.onlyKeys(t, ConfigReference.keys("[allowlist]"), in: "[allowlist]")
            if let d = t["description"] { _ = try r.string(d, "allowlist.description") }
            for (s, line) in try r.strings(t["paths"], "allowlist.paths") {
                do { config.allowlist.paths.append(try Glob(s)) } catch { throw ConfigError(file: file, line: line, message: error.message) }
            }
            for (s, _) in try r.strings(t["fingerprints"], "allowlist.fingerprints") { config.allowlist.fingerprints.insert(s) }
            for (s, line) in try r.strings(t["regexes"], "allowlist.regexes") {
                config.allowlist.regexes.append(try r.regex(s, line: line, what: "allowlist regex"))
            }
            config.allowlist.stopwords = try r.strings(t["stopwords"], "allowlist.stopwords").map { $0.0.lowercased() }
        }
        if let e = root["rules"] {
            let t = try r.table(e, "rules")
            try r.onlyKeys(t, ConfigReference.keys("[rules]"), in: "[rules]")
            var ids = (knownRuleIDs ?? Set(RuleRegistry.all.map(\.id))).union(moreRuleIDs())
            if let c = t["custom"] {
                guard case .array(let items) = c.value else { throw ConfigError(file: file, line: c.line, message: "'rules.custom' must be an array of tables ([[rules.custom]])") }
                for item in items {
                    guard case .table(let rt) = item else { throw ConfigError(file: file, line: c.line, message: "'rules.custom' entries must be tables") }
                    let rule = try r.customRule(rt)
                    if ids.contains(rule.id) { throw ConfigError(file: file, line: rt.line, message: "rule id '\(rule.id)' already exists") }
                    ids.insert(rule.id)
                    config.customRules.append(rule)
                }
            }
            for (s, line) in try r.strings(t["disable"], "rules.disable") {
                guard ids.contains(s) else { throw ConfigError(file: file, line: line, message: "unknown rule id '\(s)' in rules.disable (see `wow-guard rules`)") }
                config.disabledRules.insert(s)
            }
        }
        return config
    }

    /// `self` (the repository's config) layered over `base` (the user's): lists are combined.
    public func merged(over base: Config) -> Config {
        var c = base
        c.allowlist.merge(allowlist)
        c.disabledRules.formUnion(disabledRules)
        if let block { c.block = block }
        c.customRules += customRules.filter { r in !base.customRules.contains { $0.id == r.id } }
        return c
    }

    /// The active rules: the catalog minus disabled rules, plus custom rules.
    public func rules(catalog: [SecretRule] = RuleRegistry.all) -> [SecretRule] {
        (catalog + customRules).filter { !disabledRules.contains($0.id) }
    }

    /// Shared with the baseline file reader.
    struct Reader {
        let file: String

        func err(_ line: Int, _ m: String) -> ConfigError { ConfigError(file: file, line: line, message: m) }

        func onlyKeys(_ t: TOML.Table, _ allowed: [String], in context: String) throws(ConfigError) {
            for e in t.entries where !allowed.contains(e.key) {
                throw err(e.line, "unknown key '\(e.key)' in \(context) (expected one of: \(allowed.joined(separator: ", ")))")
            }
        }

        func table(_ e: TOML.Entry, _ name: String) throws(ConfigError) -> TOML.Table {
            guard case .table(let t) = e.value else { throw err(e.line, "'\(name)' must be a table, not \(e.value.typeName)") }
            return t
        }

        func string(_ e: TOML.Entry, _ name: String) throws(ConfigError) -> String {
            guard case .string(let s) = e.value else { throw err(e.line, "'\(name)' must be a string, not \(e.value.typeName)") }
            return s
        }

        func strings(_ e: TOML.Entry?, _ name: String) throws(ConfigError) -> [(String, Int)] {
            guard let e else { return [] }
            guard case .array(let items) = e.value else { throw err(e.line, "'\(name)' must be an array of strings, not \(e.value.typeName)") }
            var out: [(String, Int)] = []
            for v in items {
                guard case .string(let s) = v else { throw err(e.line, "'\(name)' must contain only strings, found \(v.typeName)") }
                out.append((s, e.line))
            }
            return out
        }

        func regex(_ s: String, line: Int, what: String) throws(ConfigError) -> PCREPattern {
            do { return try PCREPattern(s, jit: false) } catch { throw err(line, "invalid \(what) '\(s)': \(error.message) at offset \(error.offset)") }
        }

        func customRule(_ t: TOML.Table) throws(ConfigError) -> SecretRule {
            try onlyKeys(t, ConfigReference.keys("[[rules.custom]]"), in: "[[rules.custom]]")
            guard let idE = t["id"] else { throw err(t.line, "custom rule needs an 'id'") }
            let id = try string(idE, "id")
            guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw err(idE.line, "rule id '\(id)' must be letters, digits, '-' or '_'")
            }
            guard let patE = t["pattern"] else { throw err(t.line, "custom rule '\(id)' needs a 'pattern'") }
            let pattern = try string(patE, "pattern")
            let compiled = try regex(pattern, line: patE.line, what: "pattern of rule '\(id)'")
            var group = 0
            if let g = t["secret_group"] {
                guard case .integer(let n) = g.value, n >= 0 else { throw err(g.line, "'secret_group' must be a non-negative integer") }
                guard n <= compiled.captureCount else { throw err(g.line, "'secret_group' \(n) but the pattern has \(compiled.captureCount) groups") }
                group = n
            }
            var entropy: Double?
            if let e = t["entropy"] {
                switch e.value {
                case .float(let d): entropy = d
                case .integer(let n): entropy = Double(n)
                default: throw err(e.line, "'entropy' must be a number")
                }
            }
            var severity = Severity.high
            if let s = t["severity"] {
                guard let v = Severity(rawValue: try string(s, "severity")) else {
                    throw err(s.line, "'severity' must be one of: \(Severity.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                severity = v
            }
            var multiline = false
            if let m = t["multiline"] {
                guard case .bool(let b) = m.value else { throw err(m.line, "'multiline' must be true or false") }
                multiline = b
            }
            let keywords = try strings(t["keywords"], "keywords")
            if keywords.isEmpty { throw err(t.line, "custom rule '\(id)' needs 'keywords' (the prefilter runs a rule only where one occurs)") }
            for (k, line) in keywords where k.utf8.count < KeywordMatcher.minimumLength {
                throw err(line, "keyword '\(k)' of rule '\(id)' is shorter than \(KeywordMatcher.minimumLength) bytes")
            }
            let allow = try strings(t["allow_patterns"], "allow_patterns")
            for (p, line) in allow { _ = try regex(p, line: line, what: "allow pattern") }
            let examples = try strings(t["examples"], "examples").map(\.0)
            let counterExamples = try strings(t["counter_examples"], "counter_examples").map(\.0)
            let rule = SecretRule(
                id: id,
                description: try t["description"].map { e throws(ConfigError) in try string(e, "description") } ?? id,
                keywords: keywords.map { $0.0.lowercased() },
                pattern: pattern, secretGroup: group, minEntropy: entropy, severity: severity,
                multiline: multiline, allowPatterns: allow.map(\.0),
                examples: examples, counterExamples: counterExamples)
            // A custom rule's own examples must behave, like the built-in ones.
            let scanner = SecretScanner(rules: [rule], jit: false)
            for ex in rule.examples where !scanner.scan(ex, path: "example").contains(where: { $0.ruleID == id }) {
                throw err(t.line, "custom rule '\(id)': example does not trigger: \(ex)\n  why: \(CustomRuleDiagnosis.whyNot(rule, ex))")
            }
            for ex in rule.counterExamples where scanner.scan(ex, path: "example").contains(where: { $0.ruleID == id }) {
                throw err(t.line, "custom rule '\(id)': counter-example triggers: \(ex)")
            }
            return rule
        }
    }
}
