import XCTest
@testable import WowGuardCore

/// The one shared test for shell rules: each rule's examples must produce that rule (with its
/// decision), and its counter-examples must not produce it.
final class ShellRuleExamplesTests: XCTestCase {
    static let context = ShellContext(projectDir: "/home/dev/project", homeDir: "/home/dev", cwd: "/home/dev/project")

    func testEveryShellRuleTriggersOnItsExamplesOnly() {
        var missing: [String] = []
        for rule in ShellAnalyzer.rules {
            if rule.examples.isEmpty { missing.append(rule.id) }
            for ex in rule.examples {
                let v = ShellAnalyzer.analyze(ex, context: Self.context)
                XCTAssertTrue(v.contains { $0.ruleID == rule.id && $0.decision == rule.decision },
                              "\(rule.id) did not trigger on \(ex.prefix(120).debugDescription): \(v.map(\.ruleID))")
            }
            for ex in rule.counterExamples {
                let v = ShellAnalyzer.analyze(ex, context: Self.context)
                XCTAssertFalse(v.contains { $0.ruleID == rule.id }, "\(rule.id) triggered on counter-example \(ex.debugDescription)")
            }
            if !rule.examples.isEmpty { XCTAssertFalse(rule.counterExamples.isEmpty, "\(rule.id) has examples but no counter-examples") }
        }
        let covered = ShellAnalyzer.rules.count - missing.count
        print("shell rules with examples: \(covered)/\(ShellAnalyzer.rules.count); without: \(missing.joined(separator: ", "))")
        XCTAssertGreaterThanOrEqual(Double(covered) / Double(ShellAnalyzer.rules.count), 0.85)
    }
}

/// The quick name lists in front of the command tables must cover the tables.
final class ShellTableGuardTests: XCTestCase {
    func testGuardListsCoverTheirTables() {
        for name in CodeOptions.options.keys where !(CodeOptions.options[name] ?? []).isEmpty {
            XCTAssertTrue(CodeOptions.commandNames.contains(name), "CodeOptions.commandNames lacks \(name)")
        }
        for name in CodeOptions.rests.keys where !(CodeOptions.rests[name] ?? []).isEmpty {
            XCTAssertTrue(CodeOptions.commandNames.contains(name), "CodeOptions.commandNames lacks \(name)")
        }
        for name in HostingRules.table.keys { XCTAssertTrue(HostingRules.commandNames.contains(name), "HostingRules.commandNames lacks \(name)") }
    }
}
