import ArgumentParser
import WowGuardCore
import WowGuardSystem

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a rule: what it catches, why it matters, its examples, how to fix or allow it.",
        discussion: "RULE is any id the guard reports (`wow-guard rules --all` lists them), or a finding's fingerprint."
    )

    @Argument(help: "A rule id (e.g. github-token, rce.pipe-to-shell, unicode.bidi-control) or a fingerprint.")
    var rule: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if format == .sarif || format == .junit { throw ValidationError("explain prints text or json") }
    }

    func run() throws {
        // A fingerprint (`rule:hash`) names its rule.
        var id = rule
        if Allow.isFingerprint(rule), let colon = rule.lastIndex(of: ":") { id = String(rule[..<colon]) }
        let root = FileLister.gitTopLevel(of: Posix.cwd()) ?? Posix.cwd()
        let custom = (try? ConfigLoader.load(root: root, explicit: nil))?.customRules ?? []
        guard let info = RuleCatalogView.find(id, secretRules: custom) else {
            let all = RuleCatalogView.all(secretRules: custom).map(\.id)
            let near = all.filter { $0.contains(id) || id.contains($0) }.prefix(8)
            throw CLIError("unknown rule '\(id)'" + (near.isEmpty ? "" : "; did you mean: \(near.joined(separator: ", "))?") + " (`wow-guard rules --all` lists every rule)")
        }
        let entry = RuleCatalog.entry(id: id)
        let secretRule = (RuleRegistry.all + custom).first { $0.id == id }
        let examples = info.examples.map { shown($0, secretRule) }
        let counter = info.counterExamples.map { shown($0, secretRule, redact: false) }
        let fix = info.help
        let allow = """
            Allow one finding: add `wow-guard:allow` on its line, or `wow-guard allow FINGERPRINT --reason "…"`.
            Allow a path: [allowlist] paths = ["tests/fixtures/**"] in .wow-guard.toml.
            Accept all current findings: `wow-guard baseline`.
            Switch the rule off: [rules] disable = ["\(info.id)"] in .wow-guard.toml.
            """
        switch format {
        case .json, .sarif, .junit:
            var pairs: [(String, String)] = [
                ("id", JSON.quote(info.id)), ("kind", JSON.quote(info.kind.rawValue)), ("family", JSON.quote(info.family)),
                ("description", JSON.quote(info.description)), ("severity", JSON.quote(info.severity.rawValue)),
            ]
            if let d = entry?.decision { pairs.append(("decision", JSON.quote(d.rawValue))) }
            if let s = secretRule { pairs.append(("keywords", JSON.array(s.keywords.map(JSON.quote)))) }
            pairs += [("why_and_fix", JSON.quote(fix)), ("allow", JSON.quote(allow)),
                      ("examples", JSON.array(examples.map(JSON.quote))), ("counter_examples", JSON.array(counter.map(JSON.quote))),
                      ("help_uri", JSON.quote(info.helpURI))]
            Posix.output(JSON.object(pairs) + "\n")
        case .text:
            var out = "\(info.id)  (\(info.kind.rawValue), \(info.family))\n\n"
            out += "What it catches: \(info.description)\n"
            if let d = entry?.decision { out += "Agent hook: \(d.rawValue)\n" }
            out += "Severity in files: \(info.severity.rawValue)\n"
            if let s = secretRule { out += "Keywords: \(s.keywords.joined(separator: ", "))\n" }
            out += "\nWhy it matters and how to fix it:\n  \(fix)\n"
            if !examples.isEmpty { out += "\nExamples (reported):\n" + examples.map { "  \($0)\n" }.joined() }
            if !counter.isEmpty { out += "\nCounter-examples (not reported):\n" + counter.map { "  \($0)\n" }.joined() }
            out += "\nHow to allow it:\n" + allow.split(separator: "\n").map { "  \($0)\n" }.joined()
            out += "\nMore: \(info.helpURI)\n"
            Posix.output(out)
        }
    }

    /// An example as shown: a secret rule's example with every secret the rule finds on its first
    /// line redacted (examples are synthetic, but printed text ends up in files and logs).
    func shown(_ example: String, _ rule: SecretRule?, redact: Bool = true) -> String {
        let oneLine = example.split(separator: "\n").first.map(String.init) ?? example
        guard let rule, redact else { return oneLine.count > 160 ? String(oneLine.prefix(159)) + "…" : oneLine }
        var chars = Array(oneLine)
        let found = SecretScanner(rules: [rule], jit: false).scan(oneLine, path: "example").filter { $0.line == 1 && $0.endLine == 1 }
        for f in found.sorted(by: { $0.column > $1.column }) {
            let start = max(0, f.column - 1), end = min(chars.count, f.endColumn)
            guard start < end else { continue }
            chars.replaceSubrange(start..<end, with: Array(f.redactedSecret))
        }
        return String(chars)
    }
}
