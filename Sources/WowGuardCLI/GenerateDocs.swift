import ArgumentParser
import WowGuardCore
import WowGuardSystem

/// Writes the documents generated from the code (kept in step by a test).
struct GenerateDocs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-docs",
        abstract: "Write docs/configuration-reference.md and docs/rule-catalog.md from the code.",
        shouldDisplay: false
    )

    @Option(help: "The docs directory.")
    var output: String = "docs"

    static let documents: [(String, @Sendable () -> String)] = [
        ("configuration-reference.md", ConfigReference.markdown),
        ("rule-catalog.md", RuleCatalogDoc.markdown),
    ]

    func run() throws {
        for (name, make) in Self.documents {
            let path = output + "/" + name
            try Posix.writeText(path, make())
            Posix.output("wow-guard: wrote \(path)\n")
        }
    }
}
