import ArgumentParser
import WowGuardCore

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the detection rules (secret rules; with --all also shell, script and Unicode rules).",
        discussion: "`wow-guard explain RULE` shows one rule in full."
    )

    @Option(help: "Output format: text, json or sarif.")
    var format: OutputFormat = .text

    @Flag(help: "Every rule the guard can report: secret, shell command, script and invisible-Unicode rules.")
    var all = false

    func validate() throws {
        if format == .junit { throw ValidationError("rules are listed as text, json or sarif") }
    }

    func run() throws {
        let rules = all ? RuleCatalogView.all() : RuleCatalogView.secretInfos(RuleRegistry.all)
        switch format {
        case .text, .junit:
            var out = ""
            var families: [String] = []
            var byFamily: [String: [RuleInfo]] = [:]
            for r in rules {
                if byFamily[r.family] == nil { families.append(r.family) }
                byFamily[r.family, default: []].append(r)
            }
            for family in families {
                let list = byFamily[family]!
                out += "\(family) (\(list.count))\n"
                for r in list { out += "  \(r.id)  [\(r.severity.rawValue)]  \(r.description)\n" }
            }
            out += "\(rules.count) rules\n"
            Posix.output(out)
        case .json:
            let secretByID = Dictionary(RuleRegistry.all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let items = rules.map { r in
                var pairs: [(String, String)] = [
                    ("id", JSON.quote(r.id)), ("kind", JSON.quote(r.kind.rawValue)), ("family", JSON.quote(r.family)),
                    ("description", JSON.quote(r.description)), ("severity", JSON.quote(r.severity.rawValue)),
                ]
                if let s = secretByID[r.id] { pairs.append(("keywords", JSON.array(s.keywords.map(JSON.quote)))) }
                pairs.append(("help_uri", JSON.quote(r.helpURI)))
                return JSON.object(pairs)
            }
            Posix.output(JSON.array(items) + "\n")
        case .sarif:
            Posix.output(Report.sarifRules(rules))
        }
    }
}
