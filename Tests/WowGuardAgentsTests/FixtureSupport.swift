import Foundation
import WowGuardAgents
import WowGuardCore
import WowGuardStore

/// The agent fixtures (`Tests/AgentFixtures/<agent>/<case>.json` with `<case>.expected.json`),
/// with `$PROJECT`, `$HOME` and `$GITHUB_TOKEN` filled in at run time (the token is generated).
struct AgentFixture {
    var agent: AgentKind
    var name: String
    var payload: String
    var expected: [String: Any]

    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("AgentFixtures")
    }

    static func all(project: String, home: String, token: String) throws -> [AgentFixture] {
        var out: [AgentFixture] = []
        for agent in AgentKind.allCases {
            let dir = directory.appendingPathComponent(agent.rawValue)
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
                .filter { $0.hasSuffix(".json") && !$0.hasSuffix(".expected.json") }.sorted()
            for file in names {
                let base = String(file.dropLast(5))
                func fill(_ s: String) -> String {
                    s.replacingOccurrences(of: "$PROJECT", with: project).replacingOccurrences(of: "$HOME", with: home)
                        .replacingOccurrences(of: "$GITHUB_TOKEN", with: token)
                }
                let payload = fill(try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8))
                let expectedText = try String(contentsOf: dir.appendingPathComponent(base + ".expected.json"), encoding: .utf8)
                let expected = try JSONSerialization.jsonObject(with: Data(expectedText.utf8)) as! [String: Any]
                out.append(AgentFixture(agent: agent, name: base, payload: payload, expected: expected))
            }
        }
        return out
    }

    /// Why `reply` does not match (nil when it does). `"*"` in the expected JSON stands for any
    /// non-empty string; `null` stdout/stderr means nothing printed.
    func mismatch(stdout: String, stderr: String, exitCode: Int32) -> String? {
        if let code = expected["exit"] as? Int, code != Int(exitCode) { return "exit \(exitCode), expected \(code) (stderr: \(stderr))" }
        if expected["stdout"] is NSNull || expected["stdout"] == nil {
            if !stdout.isEmpty { return "expected no output, got \(stdout)" }
        } else {
            guard let got = try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) else { return "stdout is not JSON: \(stdout)" }
            if let why = AgentFixture.compare(got, expected["stdout"]!, at: "stdout") { return why + " in " + stdout }
            if !stdout.hasSuffix("\n") || stdout.dropLast().contains("\n") { return "stdout is not one line of JSON" }
        }
        if expected["stderr"] is NSNull || expected["stderr"] == nil {
            if exitCode == 0 && !stderr.isEmpty && expected["stdout"] is NSNull { return "unexpected stderr: \(stderr)" }
        } else if stderr.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "expected a reason on stderr"
        }
        return nil
    }

    static func compare(_ got: Any, _ want: Any, at path: String) -> String? {
        if let w = want as? String, w == "*" {
            guard let g = got as? String, !g.isEmpty, g.hasPrefix("wow-guard") else { return "\(path): expected a wow-guard reason, got \(got)" }
            return nil
        }
        if let w = want as? [String: Any] {
            guard let g = got as? [String: Any] else { return "\(path): expected an object" }
            if Set(g.keys) != Set(w.keys) { return "\(path): keys \(g.keys.sorted()) != \(w.keys.sorted())" }
            for (k, v) in w { if let why = compare(g[k]!, v, at: path + "." + k) { return why } }
            return nil
        }
        if let w = want as? NSNumber, let g = got as? NSNumber { return w == g ? nil : "\(path): \(g) != \(w)" }
        if let w = want as? String, let g = got as? String { return w == g ? nil : "\(path): \(g) != \(w)" }
        return "\(path): \(got) != \(want)"
    }
}

enum FixtureSecrets {
    static func githubToken() -> String {
        let chars = Array(Synthetic.base62)
        let body = String((0..<30).map { _ in chars.randomElement()! })
        return "ghp_" + body + Checksums.base62(Checksums.crc32(Array(body.utf8)), width: 6)
    }
}

/// A temporary project (a git work tree marker) and home directory.
final class Sandbox {
    let root: URL
    let project: String
    let home: String
    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("wow-guard-agents-\(UUID().uuidString)")
        project = root.appendingPathComponent("project").path
        home = root.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: project + "/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: root) }

    func host(cwd: String? = nil, path: String = "/usr/bin:/bin", env extra: [String: String] = [:], state: StoreSettings? = nil,
              now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) -> HookHost {
        var env = ["HOME": home, "PATH": path, "CLAUDE_PROJECT_DIR": project]
        for (k, v) in extra { env[k] = v }
        let vars = env
        return HookHost(environment: { vars[$0].flatMap { $0.isEmpty ? nil : $0 } }, home: home, cwd: cwd ?? project, now: now, state: state)
    }

    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
}
