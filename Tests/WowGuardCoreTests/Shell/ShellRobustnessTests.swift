import XCTest
@testable import WowGuardCore

/// Hostile inputs return quickly with ask (or deny), never allow, never hang or crash; typical
/// commands stay well under a millisecond.
final class ShellRobustnessTests: XCTestCase {
    let ctx = ShellContext(projectDir: "/home/dev/project", homeDir: "/home/dev", cwd: "/home/dev/project")

    func check(_ name: String, _ input: String, atLeast: Decision = .ask, rule: String? = nil, limit: Duration = .seconds(2),
               file: StaticString = #filePath, line: UInt = #line) {
        let clock = ContinuousClock()
        var verdicts: [Verdict] = []
        let elapsed = clock.measure { verdicts = ShellAnalyzer.analyze(input, context: ctx) }
        print("hostile \(name): \(input.utf8.count) bytes, \(elapsed), \(verdicts.decision.rawValue) \(verdicts.map(\.ruleID))")
        XCTAssertGreaterThanOrEqual(verdicts.decision, atLeast, name, file: file, line: line)
        if let rule { XCTAssertTrue(verdicts.contains { $0.ruleID == rule }, "\(name): expected \(rule), got \(verdicts.map(\.ruleID))", file: file, line: line) }
        XCTAssertLessThan(elapsed, limit, name, file: file, line: line)
    }

    func testHostileInputs() {
        check("100k nested parens", String(repeating: "(", count: 100_000) + "rm -rf /" + String(repeating: ")", count: 100_000), rule: "shell.too-large")
        check("30k nested parens", String(repeating: "(", count: 30_000) + "x" + String(repeating: ")", count: 30_000), rule: "shell.too-deep")
        check("30k unbalanced parens", String(repeating: "(", count: 30_000), rule: "shell.too-deep")
        check("20k nested $(", String(repeating: "$(", count: 20_000) + String(repeating: ")", count: 20_000))
        check("1 MB of quotes", String(repeating: "\"", count: 1_000_000), rule: "shell.too-large")
        check("60 KB of quotes (odd)", String(repeating: "'", count: 60_001), rule: "shell.unparseable")
        check("60 KB of quotes (even)", "echo " + String(repeating: "\"", count: 60_000), atLeast: .allow)
        check("unterminated heredoc", "cat <<EOF\nrm -rf /\n" + String(repeating: "x\n", count: 1000), rule: "shell.unparseable")
        check("unterminated heredoc into sh", "sh <<EOF\nrm -rf /\n", atLeast: .ask)
        check("10k-deep eval chain", String(repeating: "eval ", count: 10_000) + "rm -rf /", rule: "shell.too-deep")
        check("10k-deep sh -c chain", String(repeating: "sh -c ", count: 10_000) + "'rm -rf /'")
        check("10k nested backticks", String(repeating: "`", count: 10_001))
        check("25k words", String(repeating: "a ", count: 25_000), rule: "shell.too-large")
        check("brace bomb", "echo " + String(repeating: "{a,b}", count: 40), atLeast: .allow)
        check("nested ${} bomb", String(repeating: "${x:-", count: 5000) + String(repeating: "}", count: 5000))
        check("loop bomb", String(repeating: "for a in 1 2 3 4 5 6 7 8; do ", count: 12) + "rm -rf x" + String(repeating: "; done", count: 12), atLeast: .ask)
        check("recursive function", "f() { f; }; f", atLeast: .allow)
        check("mutual recursion", "a() { b; }; b() { a; }; a", atLeast: .allow)
        check("recursive alias", "alias a=a; a", atLeast: .allow)
        check("function fan-out", (0..<200).map { "f\($0)() { f\($0 + 1); f\($0 + 1); }" }.joined(separator: "\n") + "\nf0", atLeast: .allow)
        check("long pipeline", Array(repeating: "cat", count: 5000).joined(separator: " | "), atLeast: .allow)
        check("deep if nesting", String(repeating: "if a; then ", count: 3000) + "b" + String(repeating: "; fi", count: 3000), rule: "shell.too-deep")
        check("NUL and control bytes", "rm -rf /\u{0}\u{1}\u{2}\u{7f} x", atLeast: .deny)
        check("invalid UTF-8 via ANSI-C", "echo $'\\xff\\xfe\\x80' && rm -rf $'\\x2f'", atLeast: .deny)

        // Obfuscation nested 12 times (beyond the re-parse depth): base64 | sh layers.
        var payload = "rm -rf /"
        for _ in 0..<12 {
            payload = "echo " + base64(payload) + " | base64 -d | sh"
        }
        check("12 layers of base64 | sh", payload, atLeast: .deny)
        check("3 layers of base64 | sh", "echo " + base64("echo " + base64("echo " + base64("rm -rf ~") + " | base64 -d | sh") + " | base64 -d | bash") + " | base64 -d | sh", atLeast: .deny, rule: "fs.rm-home")

        // sh -c with escaped double quotes, 14 levels.
        var nested = "rm -rf /"
        for _ in 0..<14 {
            nested = "sh -c \"" + nested.replacingEvery("\\", with: "\\\\").replacingEvery("\"", with: "\\\"").replacingEvery("$", with: "\\$") + "\""
        }
        check("14 levels of sh -c", nested, atLeast: .ask)
    }

    func base64(_ s: String) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let b = Array(s.utf8)
        var out = ""
        var i = 0
        while i < b.count {
            let n = (Int(b[i]) << 16) | (i + 1 < b.count ? Int(b[i + 1]) << 8 : 0) | (i + 2 < b.count ? Int(b[i + 2]) : 0)
            out.append(table[(n >> 18) & 63])
            out.append(table[(n >> 12) & 63])
            out.append(i + 1 < b.count ? table[(n >> 6) & 63] : "=")
            out.append(i + 2 < b.count ? table[n & 63] : "=")
            i += 3
        }
        return out
    }

    func testTypicalCommandsAreFast() {
        let commands = [
            "git status", "npm test", "ls -la src/", "rm -rf node_modules && npm install",
            "git add -A && git commit -m 'fix: handle empty input'", "curl -s localhost:3000/health | jq .",
            "find . -name '*.swift' | xargs wc -l", "python3 -m pytest -x tests/", "docker compose up -d",
            "cat <<'EOF' > notes.md\n# Notes\n- one\n- two\nEOF",
        ]
        let clock = ContinuousClock()
        let rounds = 200
        let elapsed = clock.measure {
            for _ in 0..<rounds { for c in commands { _ = ShellAnalyzer.analyze(c, context: ctx) } }
        }
        let perCommand = elapsed / (rounds * commands.count)
        print("shell analyzer: \(perCommand) per typical command (this build)")
        // Debug builds are ~10x slower than release; the budget is for release.
        XCTAssertLessThan(perCommand, .milliseconds(5))
    }
}

/// Worst-case nesting must fit a small thread stack (hooks may run off the main thread).
final class ShellStackTests: XCTestCase {
    func testWorstCaseNestingOnSmallStack() {
        let ctx = ShellContext(projectDir: "/p", homeDir: "/h", cwd: "/p")
        // 8 levels of eval, each holding 38 levels of $( … ).
        var inner = String(repeating: "$(", count: 38) + "rm -rf /" + String(repeating: ")", count: 38)
        for _ in 0..<8 { inner = "eval " + ShText.quote(inner) }
        let inputs = [
            inner,
            String(repeating: "{a,b}", count: 30_000),
            String(repeating: "(", count: 39) + String(repeating: "$(", count: 39) + "x" + String(repeating: ")", count: 78),
            String(repeating: "bash -c \"", count: 1) + String(repeating: "${x:-", count: 39) + String(repeating: "}", count: 39) + "\"",
        ]
        final class Box: @unchecked Sendable { var results: [Decision] = [] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let t = Thread {
            for i in inputs { box.results.append(ShellAnalyzer.analyze(i, context: ctx).decision) }
            done.signal()
        }
        t.stackSize = 512 * 1024
        t.start()
        XCTAssertEqual(done.wait(timeout: .now() + 30), .success)
        XCTAssertEqual(box.results.count, inputs.count)
        XCTAssertGreaterThanOrEqual(box.results.first ?? .allow, .ask)
        print("small-stack results: \(box.results)")
    }
}
