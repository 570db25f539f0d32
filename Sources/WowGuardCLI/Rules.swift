import ArgumentParser
import WowGuardCore

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the secret-detection rules.")

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        switch format {
        case .text:
            var out = ""
            for family in RuleRegistry.families where !family.rules.isEmpty {
                out += "\(family.name) (\(family.rules.count))\n"
                for r in family.rules { out += "  \(r.id)  [\(r.severity.rawValue)]  \(r.description)\n" }
            }
            out += "\(RuleRegistry.all.count) rules\n"
            Posix.output(out)
        case .json, .sarif:
            let items = RuleRegistry.families.flatMap { family in
                family.rules.map { r in
                    JSON.object([("id", JSON.quote(r.id)), ("family", JSON.quote(family.name)),
                                 ("description", JSON.quote(r.description)), ("severity", JSON.quote(r.severity.rawValue)),
                                 ("keywords", JSON.array(r.keywords.map(JSON.quote)))])
                }
            }
            Posix.output(JSON.array(items) + "\n")
        }
    }
}
