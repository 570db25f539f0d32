import ArgumentParser
import WowGuardCore

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the rules: secret-detection rules, or with --all every rule the guard can report.",
        discussion: "--all lists the whole catalog: secret, shell, policy (per-tool), script and Unicode rules, with the agent hook's decision or the finding severity.")

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "List every rule (shell commands, tool policies, scripts, Unicode), not only secret rules.")
    var all = false

    func run() throws {
        let entries = all ? RuleCatalog.all : RuleCatalog.all.filter { $0.kind == .secret }
        switch format {
        case .text:
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
        case .json, .sarif:
            let items = entries.map { e in
                var pairs: [(String, String)] = [("id", JSON.quote(e.id)), ("kind", JSON.quote(e.kind.rawValue)), ("family", JSON.quote(e.family)),
                                                 ("title", JSON.quote(e.title)), ("description", JSON.quote(e.description))]
                if let d = e.decision { pairs.append(("decision", JSON.quote(d.rawValue))) }
                if let s = e.severity { pairs.append(("severity", JSON.quote(s.rawValue))) }
                if all {
                    pairs.append(("examples", JSON.array(e.examples.map(JSON.quote))))
                    pairs.append(("counterExamples", JSON.array(e.counterExamples.map(JSON.quote))))
                }
                return JSON.object(pairs)
            }
            Posix.output(JSON.array(items) + "\n")
        }
    }
}
