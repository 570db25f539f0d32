import ArgumentParser
import WowGuardCore

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the rules: secret-detection rules, or with --all every rule the guard can report.",
        discussion: """
        --all lists the whole catalog: secret, shell, policy (per-tool), script and Unicode rules, with the agent \
        hook's decision or the finding severity. `wow-guard explain RULE` shows one rule in full.
        """)

    @Option(help: "Output format: text, json or sarif.")
    var format: OutputFormat = .text

    @Flag(help: "List every rule (shell commands, tool policies, scripts, Unicode), not only secret rules.")
    var all = false

    func validate() throws {
        if format == .junit { throw ValidationError("rules are listed as text, json or sarif") }
    }

    func run() throws {
        let entries = all ? RuleCatalog.all : RuleCatalog.all.filter { $0.kind == .secret }
        switch format {
        case .text, .junit:
            var out = ""
            var count = 0
            let keyed = entries.map { ($0.kind.rawValue + "/" + $0.family, $0) }
            var groups: [(String, [CatalogEntry])] = []
            for (k, e) in keyed {
                if groups.last?.0 == k { groups[groups.count - 1].1.append(e) } else { groups.append((k, [e])) }
            }
            for (k, es) in groups {
                out += "\(all ? k : String(k.dropFirst(7))) (\(es.count))\n"
                for e in es {
                    let level = e.decision.map { $0.rawValue } ?? e.severity?.rawValue ?? ""
                    out += "  \(e.id)  [\(level)]  \(e.description)\n"
                    count += 1
                }
            }
            out += "\(count) rules\n"
            Posix.output(out)
        case .json:
            let secretByID = Dictionary(RuleRegistry.all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let items = entries.map { e in
                var pairs: [(String, String)] = [("id", JSON.quote(e.id)), ("kind", JSON.quote(e.kind.rawValue)), ("family", JSON.quote(e.family)),
                                                 ("title", JSON.quote(e.title)), ("description", JSON.quote(e.description))]
                if let d = e.decision { pairs.append(("decision", JSON.quote(d.rawValue))) }
                if let s = e.severity { pairs.append(("severity", JSON.quote(s.rawValue))) }
                if let s = secretByID[e.id] { pairs.append(("keywords", JSON.array(s.keywords.map(JSON.quote)))) }
                pairs.append(("help_uri", JSON.quote(RuleCatalogView.info(e).helpURI)))
                if all {
                    pairs.append(("examples", JSON.array(e.examples.map(JSON.quote))))
                    pairs.append(("counterExamples", JSON.array(e.counterExamples.map(JSON.quote))))
                }
                return JSON.object(pairs)
            }
            Posix.output(JSON.array(items) + "\n")
        case .sarif:
            Posix.output(Report.sarifRules(entries.map(RuleCatalogView.info)))
        }
    }
}
