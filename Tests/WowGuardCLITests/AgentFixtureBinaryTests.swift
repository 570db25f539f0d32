import Foundation
import XCTest

/// A few of the agent fixtures (`Tests/AgentFixtures`) through the built binary: the CLI's
/// `hook` command gives the same replies as the in-process service.
final class AgentFixtureBinaryTests: XCTestCase {
    func testOneDenyOneAllowAndOneUnhandledEventPerAgentThroughTheBinary() throws {
        let project = try TempDir()
        let home = project.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: project.url.appendingPathComponent(".git"), withIntermediateDirectories: true)
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("AgentFixtures")
        let token = TestSecrets.githubToken()
        let cases = [
            ("claude", "PreToolUse-bash-deny"), ("claude", "PostToolUse-bash-secret"), ("claude", "Stop-unhandled"), ("claude", "PreToolUse-bash-allow"),
            ("codex", "PreToolUse-apply_patch-secret"), ("codex", "SessionStart-unhandled"),
            ("gemini", "BeforeTool-shell-deny"), ("gemini", "AfterTool-secret"), ("gemini", "BeforeModel-unhandled"),
            ("copilot", "preToolUse-snake_case"), ("copilot", "preToolUse-camelCase-old"), ("copilot", "sessionStart-unhandled"),
            ("cursor", "preToolUse-shell-deny"), ("cursor", "beforeSubmitPrompt-secret"), ("cursor", "stop-unhandled"),
            ("windsurf", "pre_run_command-deny"), ("windsurf", "pre_run_command-allow"), ("windsurf", "post_cascade_response-unhandled"),
        ]
        for (agent, name) in cases {
            let payload = try String(contentsOf: dir.appendingPathComponent("\(agent)/\(name).json"), encoding: .utf8)
                .replacingOccurrences(of: "$PROJECT", with: project.url.path).replacingOccurrences(of: "$HOME", with: home.path)
                .replacingOccurrences(of: "$GITHUB_TOKEN", with: token)
            let expected = try jsonObject(String(contentsOf: dir.appendingPathComponent("\(agent)/\(name).expected.json"), encoding: .utf8))
            let r = try CLI.run(["hook", "--agent", agent], cwd: project.url, env: ["HOME": home.path, "CLAUDE_PROJECT_DIR": project.url.path], stdin: payload)
            XCTAssertEqual(Int(r.status), expected["exit"] as? Int, "\(agent)/\(name): \(r.stderr)")
            if expected["stdout"] is NSNull {
                XCTAssertEqual(r.stdout, "", "\(agent)/\(name)")
            } else {
                let got = try jsonObject(r.stdout)
                let want = try XCTUnwrap(expected["stdout"] as? [String: Any])
                XCTAssertEqual(Set(got.keys), Set(want.keys), "\(agent)/\(name): \(r.stdout)")
                for (k, v) in want { if let s = v as? String, s != "*" { XCTAssertEqual(got[k] as? String, s, "\(agent)/\(name) \(k)") } }
            }
            XCTAssertFalse(r.stdout.contains(token) || r.stderr.contains(token), "\(agent)/\(name): the reply repeats the secret")
        }
    }
}
