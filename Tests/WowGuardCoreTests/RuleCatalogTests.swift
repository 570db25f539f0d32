import Foundation
import XCTest
@testable import WowGuardCore

/// The rule catalog holds every id once, and every non-secret rule goes through one shared
/// examples test (shell rules: `ShellRuleExamplesTests`).
final class RuleCatalogTests: XCTestCase {
    func testEveryIDIsDeclaredOnce() {
        XCTAssertEqual(RuleCatalog.duplicateIDs, [])
        XCTAssertNotNil(RuleCatalog.entry(id: "fs.rm-root"))
        XCTAssertNotNil(RuleCatalog.entry(id: "cred.dotenv"))
        XCTAssertNotNil(RuleCatalog.entry(id: "unicode.bidi-control"))
        XCTAssertNil(RuleCatalog.entry(id: "no.such-rule"))
        for e in RuleCatalog.all {
            XCTAssertFalse(e.title.isEmpty, e.id)
            XCTAssertTrue(e.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." }, "id not lower-case kebab: \(e.id)")
            if e.kind != .secret {
                XCTAssertTrue(e.id.contains("."), "\(e.id): non-secret ids are family.name")
                XCTAssertFalse(e.id.hasPrefix("cred" + "s."), "\(e.id): the credential prefix is cred.")
            }
        }
        let kinds = Set(RuleCatalog.all.map(\.kind))
        XCTAssertEqual(kinds, Set(RuleKind.allCases))
    }

    /// No rule id is spelled as a string literal where a verdict or finding is made.
    func testNoBareRuleIDsInSources() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/WowGuardCore")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && !$0.path.contains("/Secrets/") }
        XCTAssertFalse(files.isEmpty)
        for f in files {
            let text = try String(contentsOf: f, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                XCTAssertFalse(line.contains("ruleID: \""), "\(f.lastPathComponent):\(n + 1) spells a rule id: \(line)")
                XCTAssertFalse(line.contains("ruleID == \""), "\(f.lastPathComponent):\(n + 1) compares with a bare id: \(line)")
            }
        }
    }

    // MARK: - Policy rules

    static let context = GuardContext(projectDir: "/home/dev/project", homeDir: "/home/dev", cwd: "/home/dev/project")
    static let secret = Synthetic.crc32Token(prefix: "ghp_", seed: 7)

    static func call(_ example: String) -> ToolCall? {
        let e = example.replacingOccurrences(of: "{secret}", with: secret)
        guard let colon = e.range(of: ": ") else { return nil }
        let tool = String(e[..<colon.lowerBound]), arg = String(e[colon.upperBound...])
        func pathAndText() -> (String, String) {
            guard let r = arg.range(of: " <- ") else { return (arg, "") }
            return (String(arg[..<r.lowerBound]), String(arg[r.upperBound...]))
        }
        switch tool {
        case "Read": return .read(path: arg)
        case "Write": let (p, t) = pathAndText(); return .write(path: p, content: t)
        case "Edit": let (p, t) = pathAndText(); return .edit(path: p, newTexts: [t])
        case "WebFetch": return .fetch(url: arg)
        case "WebSearch": return .webSearch(query: arg)
        case "Agent": return .delegate(prompt: arg)
        case "Grep":
            guard let r = arg.range(of: " in ", options: .backwards) else { return nil }
            return .search(pattern: String(arg[..<r.lowerBound]), path: String(arg[r.upperBound...]), glob: nil)
        default:
            if tool.hasPrefix("Tool ") { return .other(name: String(tool.dropFirst(5)), input: .object([("text", .string(arg))])) }
            if tool.hasPrefix("mcp__") {
                if arg.contains(" <- ") {
                    let (p, t) = pathAndText()
                    return .mcp(name: tool, input: .object([("path", .string(p)), ("content", .string(t))]))
                }
                return .mcp(name: tool, input: .object([("text", .string(arg))]))
            }
            return nil
        }
    }

    func testPolicyRulesTriggerOnTheirExamplesOnly() {
        let engine = PolicyEngine(scanner: SecretScanner(rules: RuleRegistry.all, jit: false), context: Self.context)
        for rule in PolicyRules.all {
            XCTAssertFalse(rule.examples.isEmpty, "\(rule.id) has no examples")
            XCTAssertFalse(rule.counterExamples.isEmpty, "\(rule.id) has no counter-examples")
            for ex in rule.examples {
                guard let c = Self.call(ex) else { XCTFail("\(rule.id): bad example \(ex)"); continue }
                let v = engine.evaluate(c)
                XCTAssertTrue(v.contains { $0.ruleID == rule.id && $0.decision == rule.decision }, "\(rule.id) missed \(ex): \(v.map(\.ruleID))")
            }
            for ex in rule.counterExamples {
                guard let c = Self.call(ex) else { XCTFail("\(rule.id): bad counter-example \(ex)"); continue }
                XCTAssertFalse(engine.evaluate(c).contains { $0.ruleID == rule.id }, "\(rule.id) fired on counter-example \(ex)")
            }
        }
    }

    // MARK: - Script and Unicode rules

    func testScriptAndUnicodeRulesTriggerOnTheirExamplesOnly() {
        let detector = ScriptDetector(allowlist: Allowlist(), context: ShellContext(projectDir: "/home/dev/project", homeDir: "/home/dev", cwd: "/home/dev/project"))
        for rule in ScriptRules.all {
            XCTAssertFalse(rule.examples.isEmpty, "\(rule.id) has no examples")
            for ex in rule.examples {
                let (path, text) = Self.file(ex)
                let found = detector.scan(path: path, text: text).map(\.ruleID)
                XCTAssertTrue(found.contains(rule.id), "\(rule.id) missed \(ex): \(found)")
            }
            for ex in rule.counterExamples {
                let (path, text) = Self.file(ex)
                XCTAssertFalse(detector.scan(path: path, text: text).contains { $0.ruleID == rule.id }, "\(rule.id) fired on \(ex)")
            }
        }
        for rule in InvisibleUnicode.rules {
            XCTAssertFalse(rule.examples.isEmpty || rule.counterExamples.isEmpty, rule.id)
            for ex in rule.examples {
                XCTAssertTrue(detector.scan(path: "main.swift", text: ex + "\n").contains { $0.ruleID == rule.id }, "\(rule.id) missed \(ex.debugDescription)")
            }
            for ex in rule.counterExamples {
                XCTAssertFalse(detector.scan(path: "main.swift", text: ex + "\n").contains { $0.ruleID == rule.id }, "\(rule.id) fired on \(ex.debugDescription)")
            }
        }
    }

    static func file(_ example: String) -> (String, String) {
        guard let r = example.range(of: ": ") else { return ("x.sh", example) }
        return (String(example[..<r.lowerBound]), String(example[r.upperBound...]))
    }
}
