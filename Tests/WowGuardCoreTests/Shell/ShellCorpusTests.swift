import XCTest
@testable import WowGuardCore

final class ShellCorpusTests: XCTestCase {
    static let context = ShellContext(projectDir: "/home/dev/project", homeDir: "/home/dev", cwd: "/home/dev/project")

    /// Why a case failed, or nil.
    static func failure(_ command: String, _ expect: ShellExpect, _ verdicts: [Verdict]) -> String? {
        let d = verdicts.decision
        let ids = verdicts.map { "\($0.ruleID)(\($0.decision.rawValue))" }.joined(separator: ", ")
        switch expect {
        case .allow:
            return d == .allow ? nil : "expected allow, got \(d.rawValue): \(ids)"
        case .deny(let p):
            return d == .deny && verdicts.contains(where: { $0.ruleID.hasPrefix(p) && $0.decision == .deny }) ? nil
                : "expected deny \(p)*, got \(d.rawValue): \(ids)"
        case .ask(let p):
            return d == .ask && verdicts.contains(where: { $0.ruleID.hasPrefix(p) }) ? nil : "expected ask \(p)*, got \(d.rawValue): \(ids)"
        case .block(let p):
            return d >= .ask && verdicts.contains(where: { $0.ruleID.hasPrefix(p) }) ? nil : "expected ask/deny \(p)*, got \(d.rawValue): \(ids)"
        }
    }

    func testCorpus() {
        var mustBlock = 0, blocked = 0, mustAllow = 0, falseBlocks = 0
        var failures: [String] = []
        var seen: Set<String> = []
        for (command, expect) in ShellCorpus.cases {
            XCTAssertTrue(seen.insert(command).inserted, "duplicate corpus case: \(command)")
            let verdicts = ShellAnalyzer.analyze(command, context: Self.context)
            let d = verdicts.decision
            if expect.mustBlock {
                mustBlock += 1
                if d >= .ask { blocked += 1 }
            } else {
                mustAllow += 1
                if d >= .ask { falseBlocks += 1 }
            }
            if let why = Self.failure(command, expect, verdicts) {
                failures.append("  \(command.debugDescription)\n      \(why)")
            }
        }
        let recall = Double(blocked) / Double(max(1, mustBlock))
        let falseBlockRate = Double(falseBlocks) / Double(max(1, mustAllow))
        print("shell corpus: \(ShellCorpus.cases.count) cases; recall \(blocked)/\(mustBlock) = \(String(format: "%.3f", recall)); "
              + "false-block rate \(falseBlocks)/\(mustAllow) = \(String(format: "%.3f", falseBlockRate))")
        if !failures.isEmpty { print("shell corpus failures (\(failures.count)):\n" + failures.joined(separator: "\n")) }
        XCTAssertGreaterThanOrEqual(ShellCorpus.cases.count, 400)
        XCTAssertGreaterThanOrEqual(recall, 0.95)
        XCTAssertLessThanOrEqual(falseBlockRate, 0.02)
        XCTAssertTrue(failures.isEmpty, "\(failures.count) corpus cases failed:\n" + failures.joined(separator: "\n"))
    }
}
