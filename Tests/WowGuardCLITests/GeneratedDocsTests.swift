import Foundation
import XCTest
import WowGuardCore

/// Documents generated from the code stay in step; completions, man page source and --version.
final class GeneratedDocsTests: XCTestCase {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testGeneratedDocumentsMatchTheCode() throws {
        let docs = [("docs/configuration-reference.md", ConfigReference.markdown()), ("docs/rule-catalog.md", RuleCatalogDoc.markdown())]
        for (path, expected) in docs {
            let actual = try String(contentsOf: Self.source.appendingPathComponent(path), encoding: .utf8)
            XCTAssertEqual(actual, expected, "\(path) drifted from the code: run `wow-guard generate-docs`")
        }
        // The generator command writes exactly these.
        let dir = try TempDir()
        let r = try CLI.run(["generate-docs", "--output", dir.url.path], cwd: dir.url)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try String(contentsOf: dir.url.appendingPathComponent("rule-catalog.md"), encoding: .utf8), RuleCatalogDoc.markdown())
    }

    func testConfigurationReferenceNamesEveryKeyTheParserAccepts() throws {
        // Every key of the reference is accepted, and a key that is not in it is rejected.
        for table in ["[allowlist]", "[rules]"] {
            for key in ConfigReference.keys(table) where key != "custom" {
                let value = key == "description" ? "\"x\"" : "[]"
                XCTAssertNoThrow(try Config.parse("\(table)\n\(key) = \(value)\n", file: "c.toml"), "\(table) \(key)")
            }
            XCTAssertThrowsError(try Config.parse("\(table)\nnot_a_key = 1\n", file: "c.toml"))
        }
        // The commented template mentions every key.
        let template = try String(contentsOf: Self.source.appendingPathComponent("Templates/wow-guard.toml"), encoding: .utf8)
        for k in ConfigReference.config where k.key != "custom" { XCTAssertTrue(template.contains(k.key), "template explains \(k.key)") }
    }

    func testEveryHelpURIPointsAtAHeadingOfTheCatalog() throws {
        let doc = RuleCatalogDoc.markdown()
        let headings = Set(doc.split(separator: "\n").filter { $0.hasPrefix("### ") }.map { RuleInfo.anchor(String($0.dropFirst(4))) })
        for e in RuleCatalog.all.prefix(2000) {
            let info = RuleInfo(id: e.id, kind: e.kind, family: e.family, description: e.description, severity: .high)
            let anchor = String(info.helpURI.split(separator: "#").last ?? "")
            XCTAssertTrue(headings.contains(anchor), e.id)
        }
    }

    func testCompletionsManPageSourceAndVersion() throws {
        let dir = try TempDir()
        for shell in ["bash", "zsh", "fish"] {
            let r = try CLI.run(["--generate-completion-script", shell], cwd: dir.url)
            XCTAssertEqual(r.status, 0, shell)
            for sub in ["scan", "doctor", "baseline", "explain", "init"] { XCTAssertTrue(r.stdout.contains(sub), "\(shell) completes \(sub)") }
        }
        let dump = try CLI.run(["--experimental-dump-help"], cwd: dir.url)
        XCTAssertEqual(dump.status, 0, "the man page is generated from this dump")
        XCTAssertTrue(dump.stdout.contains("\"doctor\""))
        let v = try CLI.run(["--version"], cwd: dir.url)
        XCTAssertEqual(v.status, 0)
        XCTAssertTrue(v.stdout.hasPrefix("wow-guard \(Report.version) (commit "), v.stdout)
        let release = Self.source.appendingPathComponent(".build/release/wow-guard").path
        if FileManager.default.isExecutableFile(atPath: release) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: release)
            p.arguments = ["--version"]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            XCTAssertFalse(text.contains("commit unknown"), "make release names the commit: \(text)")
        }
    }
}
