import XCTest
@testable import WowGuardCore

/// The one shared test every rule goes through (SwiftLint style): each rule's triggering examples
/// must produce a finding of that rule, and its non-triggering examples must not.
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleTriggersOnItsExamplesAndNotOnItsCounterExamples() {
        let scanner = SecretScanner(rules: RuleRegistry.all, jit: false)
        for rule in RuleRegistry.all {
            XCTAssertFalse(rule.examples.isEmpty, "\(rule.id) has no examples")
            for example in rule.examples {
                let found = scanner.scan(example, path: "example.txt")
                XCTAssertTrue(found.contains { $0.ruleID == rule.id },
                              "\(rule.id) did not trigger on: \(example)\n  found instead: \(found.map(\.ruleID))")
            }
            for example in rule.counterExamples {
                let found = scanner.scan(example, path: "example.txt")
                XCTAssertFalse(found.contains { $0.ruleID == rule.id }, "\(rule.id) triggered on counter-example: \(example)")
            }
        }
    }

    /// Each rule alone also triggers on its examples (no reliance on another rule's dedupe).
    func testRulesTriggerInIsolation() {
        for rule in RuleRegistry.all {
            let scanner = SecretScanner(rules: [rule], jit: false)
            for example in rule.examples {
                XCTAssertTrue(scanner.scan(example, path: "x").contains { $0.ruleID == rule.id }, "\(rule.id) alone missed: \(example)")
            }
        }
    }

    func testCatalogHasAtLeast150Rules() {
        XCTAssertGreaterThanOrEqual(RuleRegistry.all.count, 150)
    }

    func testCatalogIsWellFormed() throws {
        var seen = Set<String>()
        for rule in RuleRegistry.all {
            XCTAssertTrue(seen.insert(rule.id).inserted, "duplicate rule id \(rule.id)")
            XCTAssertTrue(rule.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "rule id not kebab-case: \(rule.id)")
            XCTAssertFalse(rule.description.isEmpty, "\(rule.id) has no description")
            XCTAssertFalse(rule.keywords.isEmpty, "\(rule.id) has no keywords (it would run on every byte)")
            for k in rule.keywords {
                XCTAssertEqual(k, k.lowercased(), "\(rule.id): keywords must be lower case")
                XCTAssertGreaterThanOrEqual(k.utf8.count, KeywordMatcher.minimumLength, "\(rule.id): keyword '\(k)' too short")
            }
            let p = try PCREPattern(rule.pattern, jit: false)
            XCTAssertLessThanOrEqual(rule.secretGroup, p.captureCount, "\(rule.id): secret group out of range")
            XCTAssertLessThan(p.captureCount, 60, "\(rule.id): too many groups")
            for a in rule.allowPatterns { XCTAssertNoThrow(try PCREPattern(a, jit: false), "\(rule.id): bad allow pattern") }
        }
    }
}
