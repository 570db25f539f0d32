import Foundation
import XCTest
import WowGuardAgents
import WowGuardCore

/// Bounded work, checked (issue 11): every cap the guard has on the agent-hook path is reached
/// with its worst input, in-process through `HookService.handle` (Claude Code's protocol, whose
/// reply names the decision), and must answer *ask* or *deny* — never allow, which is what an agent
/// does with a hook that times out — well inside the agents' hook timeouts.
final class BoundedWorkTests: XCTestCase {
    let host = HookHost(environment: { _ in nil }, home: "/home/dev", cwd: "/home/dev/project",
                        projectRoot: { _ in "/home/dev/project" }, now: { 1_800_000_000 },
                        configuration: { _ in (Config(), nil) }, realPath: { _ in nil }, which: { _ in nil })

    /// The decision in Claude Code's reply (`allow` when the hook printed nothing).
    func decision(_ reply: HookReply) -> String {
        guard !reply.stdout.isEmpty,
              let json = try? JSONSerialization.jsonObject(with: Data(reply.stdout.utf8)) as? [String: Any],
              let out = json["hookSpecificOutput"] as? [String: Any], let d = out["permissionDecision"] as? String
        else { return reply.exitCode == 2 ? "deny" : "allow" }
        return d
    }

    func payload(_ tool: String, _ input: [String: Any]) -> [UInt8] {
        let object: [String: Any] = ["hook_event_name": "PreToolUse", "tool_name": tool, "tool_input": input, "cwd": "/home/dev/project"]
        return Array(try! JSONSerialization.data(withJSONObject: object))
    }

    /// Runs one worst input and checks the answer and the time (the agents' hook timeouts are
    /// 60 s and more; the budget here is far below, in a debug build).
    func check(_ name: String, _ bytes: [UInt8], rule: String? = nil, budget: Duration = .seconds(3),
               file: StaticString = #filePath, line: UInt = #line) {
        let clock = ContinuousClock()
        var reply = HookReply()
        let t = clock.measure { reply = HookService.handle(agent: .claude, bytes: bytes, host: host) }
        let d = decision(reply)
        print("cap \(name): \(bytes.count) bytes, \(t), \(d)")
        XCTAssertNotEqual(d, "allow", "\(name): a cap must never allow (\(reply.stdout.prefix(300)))", file: file, line: line)
        if let rule { XCTAssertTrue(reply.stdout.contains(rule), "\(name): expected \(rule) in \(reply.stdout.prefix(300))", file: file, line: line) }
        XCTAssertLessThan(t, budget, name, file: file, line: line)
    }

    func testCommandLengthCap() {
        // One line just over the shell analyzer's 64 KiB, ordinary-looking until its end.
        let line = "echo " + String(repeating: "a", count: ShellAnalyzer.maxInputBytes) + "; rm -rf ~"
        check("line length", payload("Bash", ["command": line]), rule: "shell.too-large")
    }

    func testHeredocSizeCap() {
        // A heredoc into a shell that is larger than what is analysed.
        let body = String(repeating: "echo ok\n", count: ShellAnalyzer.maxInputBytes / 8 + 16) + "rm -rf ~\n"
        check("heredoc size", payload("Bash", ["command": "bash <<'EOF'\n" + body + "EOF"]), rule: "shell.too-large")
    }

    func testNestingCap() {
        // Parentheses, substitutions and ${…} mixed, just past the nesting limit, at the worst place.
        let open = String(repeating: "( $( ${x:-", count: 12)
        let close = String(repeating: "} ) )", count: 12)
        check("nesting", payload("Bash", ["command": open + "rm -rf ~" + close]), rule: "shell.too-deep")
        // Shells inside shells past the re-parse depth (8), each level quoted for the next.
        var nested = "rm -rf ~"
        for level in 0..<11 {
            let quoted = "\"" + nested.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "$", with: "\\$") + "\""
            nested = ["sh -c ", "bash -c ", "eval "][level % 3] + quoted
        }
        check("nested shells", payload("Bash", ["command": nested]), rule: "shell.too-deep")
    }

    func testCommandsPerLineCap() {
        // More commands in one line than the analyzer walks (after expansion of loops and functions).
        let many = Array(repeating: "true", count: 5_000).joined(separator: ";") + "; rm -rf ~"
        check("commands per line", payload("Bash", ["command": many]), rule: "shell.too-large")
        let expanded = "f() { g; g; g; g; }; g() { h; h; h; h; }; h() { for i in 1 2 3 4 5 6 7 8; do for j in 1 2 3 4 5 6 7 8; do true; done; done; }; f; f; f; rm -rf ~"
        check("commands after expansion", payload("Bash", ["command": expanded]))
    }

    func testWordsCap() {
        check("words", payload("Bash", ["command": "ls " + String(repeating: "a ", count: 21_000)]), rule: "shell.too-large")
    }

    func testPowerShellLengthCap() {
        check("PowerShell length", payload("PowerShell", ["command": "Write-Output " + String(repeating: "a", count: 70_000)]))
    }

    func testJSONDepthCap() {
        // Nesting past the JSON reader's depth: an input error, which blocks.
        var deep = Array("{\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\",\"x\":".utf8)
        deep += Array(repeating: UInt8(ascii: "["), count: 100_000)
        check("JSON depth", deep)
    }

    func testHookInputSizeCap() {
        // Larger than the hook reads at all (32 MiB): blocked without parsing.
        var big = payload("Bash", ["command": "ls"])
        big.removeLast()
        big += Array(",\"pad\":\"".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: HookService.maxInputBytes) + Array("\"}".utf8)
        check("hook input size", big)
    }

    func testLargeWriteIsStillScannedForSecrets() {
        // A Write far larger than the shell caps (4 MiB of text) with a credential at its end:
        // the secret scanner is linear and reads all of it.
        // The credential is one of the rule catalog's own examples (synthesised at run time).
        let rule = RuleRegistry.all.first { $0.severity == .critical && !$0.examples.isEmpty }!
        let content = String(repeating: "let x = 1 // padding line of ordinary code\n", count: 100_000) + rule.examples[0] + "\n"
        check("large write", payload("Write", ["file_path": "/home/dev/project/src/config.ts", "content": content]), budget: .seconds(10))
    }
}
