import Foundation
import XCTest

/// The state store through the binary: concurrent writers, `log`, `stats`, `log --verify`, and
/// pre-commit consulting the taint left by the agent hook.
final class StateTests: XCTestCase {
    var project: TempDir!
    var state: String!
    var env: [String: String]!

    override func setUpWithError() throws {
        project = try TempDir()
        state = project.url.appendingPathComponent("state").path
        env = ["WOW_GUARD_STATE_DIR": state, "HOME": project.url.appendingPathComponent("home").path, "CLAUDE_PROJECT_DIR": project.url.path]
        try FileManager.default.createDirectory(at: project.url.appendingPathComponent("home"), withIntermediateDirectories: true)
    }

    func payload(_ event: String, _ tool: String, _ input: [String: Any], session: String, response: Any? = nil) -> String {
        var o: [String: Any] = ["session_id": session, "cwd": project.url.path, "hook_event_name": event, "tool_name": tool, "tool_input": input]
        if let response { o["tool_response"] = response }
        return String(decoding: try! JSONSerialization.data(withJSONObject: o), as: UTF8.self)
    }

    func testWritersInSeveralProcessesLoseNothing() throws {
        let workers = 8, each = 12
        let dir = project.url.appendingPathComponent("payloads")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var procs: [Process] = []
        for w in 0..<workers {
            for i in 0..<each {
                let cmd = i % 3 == 0 ? "rm -rf ~/" : "ls -la src/\(w)-\(i)"
                try Data(payload("PreToolUse", "Bash", ["command": cmd], session: "w\(w)").utf8).write(to: dir.appendingPathComponent("\(w)-\(i).json"))
            }
            // One shell per worker runs its calls one after another; the workers run at the same time.
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "i=0; while [ $i -lt \(each) ]; do \"$0\" hook < \"$1/\(w)-$i.json\" > \"$1/\(w)-$i.out\" 2> \"$1/\(w)-$i.err\"; i=$((i+1)); done",
                           CLI.binary, dir.path]
            var e = ProcessInfo.processInfo.environment
            for (k, v) in env { e[k] = v }
            p.environment = e
            try p.run()
            procs.append(p)
        }
        for p in procs { p.waitUntilExit() }
        var bad: [String] = []
        for w in 0..<workers {
            for i in 0..<each {
                let out = (try? String(contentsOf: dir.appendingPathComponent("\(w)-\(i).out"), encoding: .utf8)) ?? ""
                let err = (try? String(contentsOf: dir.appendingPathComponent("\(w)-\(i).err"), encoding: .utf8)) ?? ""
                if (i % 3 == 0) != out.contains("deny") || !err.isEmpty { bad.append("\(w)/\(i): \(out) \(err)") }
            }
        }
        XCTAssertEqual(bad, [])
        let log = try CLI.run(["log", "--format", "json"], cwd: project.url, env: env)
        let rows = log.stdout.split(separator: "\n").map { try! jsonObject(String($0)) }
        XCTAssertEqual(rows.count, workers * each, "every decision is there once")
        XCTAssertEqual(Set(rows.map { $0["id"] as! Int }).count, workers * each, "no duplicates")
        for w in 0..<workers {
            let mine = rows.filter { $0["session"] as? String == "w\(w)" }
            XCTAssertEqual(mine.count, each)
            XCTAssertEqual(mine.filter { $0["decision"] as? String == "deny" }.count, (each + 2) / 3)
        }
        let verify = try CLI.run(["log", "--verify"], cwd: project.url, env: env)
        XCTAssertEqual(verify.status, 0, verify.stdout)
        XCTAssertTrue(verify.stdout.contains("intact: \(workers * each) rows"), verify.stdout)
    }

    func testLogFiltersAndStats() throws {
        for (cmd, s) in [("rm -rf ~/", "a"), ("git push --force origin feature", "a"), ("ls", "b"), ("cat ~/.ssh/id_rsa", "b")] {
            _ = try CLI.run(["hook"], cwd: project.url, env: env, stdin: payload("PreToolUse", "Bash", ["command": cmd], session: s))
        }
        let denies = try CLI.run(["log", "--decision", "deny", "--format", "json"], cwd: project.url, env: env)
        XCTAssertEqual(denies.stdout.split(separator: "\n").count, 2, denies.stdout)
        let sessionA = try CLI.run(["log", "--session", "a", "--since", "1h"], cwd: project.url, env: env)
        XCTAssertEqual(sessionA.stdout.components(separatedBy: "session a").count - 1, 2, sessionA.stdout)
        XCTAssertTrue(sessionA.stdout.contains("ask"))
        XCTAssertEqual(try CLI.run(["log", "--since", "soon"], cwd: project.url, env: env).status, 2)
        let stats = try CLI.run(["stats", "--format", "json"], cwd: project.url, env: env)
        let s = try jsonObject(stats.stdout)
        XCTAssertEqual((s["decisions"] as? [String: Int])?["deny"], 2)
        XCTAssertEqual((s["decisions"] as? [String: Int])?["allow"], 1)
        XCTAssertNotNil((s["rules"] as? [String: Any])?["fs.rm-home"])
        XCTAssertEqual(((s["sessions"] as? [String: Any])?["b"] as? [String: Int])?["deny"], 1)
        let text = try CLI.run(["stats"], cwd: project.url, env: env)
        XCTAssertTrue(text.stdout.contains("per rule:") && text.stdout.contains("per tool:") && text.stdout.contains("per session:"), text.stdout)
    }

    func testPreCommitBlocksASecretTheAgentSaw() throws {
        let repo = try GitRepo()
        var env = self.env!
        env["CLAUDE_PROJECT_DIR"] = repo.url.path
        let token = TestSecrets.githubToken()
        // The agent ran a command whose output held a token.
        let seen = try CLI.run(["hook"], cwd: repo.url, env: env, stdin: payload("PostToolUse", "Bash", ["command": "cat deploy.env"], session: "s",
                                                                                  response: ["stdout": "TOKEN=\(token)\n", "stderr": ""]))
        XCTAssertTrue(seen.stdout.contains("block"), seen.stdout)
        // A commit that adds it base64-encoded (no rule matches the bare encoding) is blocked.
        try repo.write("config/settings.yaml", "auth: \(Data(token.utf8).base64EncodedString())\n")
        _ = try repo.git("add", "-A")
        let r = try CLI.run(["pre-commit"], cwd: repo.url, env: env)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("taint.secret-committed"), r.stderr)
        XCTAssertFalse(r.stderr.contains(token), "the report does not print the secret")
        // Ordinary commits pass.
        _ = try repo.git("reset", "-q")
        try repo.write("config/settings.yaml", "auth: from-env\n")
        _ = try repo.git("add", "-A")
        XCTAssertEqual(try CLI.run(["pre-commit"], cwd: repo.url, env: env).status, 0)
        let log = try CLI.run(["log", "--format", "json", "--source", "pre-commit"], cwd: repo.url, env: env)
        XCTAssertEqual(log.stdout.split(separator: "\n").count, 2, log.stdout)
    }
}
