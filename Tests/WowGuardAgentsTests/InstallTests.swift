import Foundation
import XCTest
import WowGuardAgents
import WowGuardCore

/// Installs every agent into a temporary project and home, checks the settings against each
/// agent's documented shape, moves the project, and uninstalls back to the original bytes.
final class InstallTests: XCTestCase {
    /// Settings a user already had, in a formatting of their own.
    static let existing: [AgentKind: String] = [
        .claude: "{\n    \"permissions\": {\"allow\": [\"Bash(npm test)\"]},\n    \"hooks\": {\n        \"PreToolUse\": [\n            {\"matcher\": \"Bash\", \"hooks\": [{\"type\": \"command\", \"command\": \"other-tool check\"}]}\n        ],\n        \"Stop\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"notify\"}]}]\n    }\n}\n",
        .codex: "{\"hooks\":{\"SessionStart\":[{\"hooks\":[{\"type\":\"command\",\"command\":\"echo hi\"}]}]}}",
        .gemini: "{\n  \"theme\": \"GitHub\",\n  \"tools\": {\"sandbox\": false}\n}\n",
        .cursor: "{\n  \"version\": 1,\n  \"hooks\": {\n    \"afterFileEdit\": [{\"command\": \"./fmt.sh\"}],\n    \"beforeShellExecution\": [{\"command\": \"./audit.sh\"}]\n  }\n}\n",
        .windsurf: "{ \"hooks\": { \"post_write_code\": [ { \"command\": \"prettier --write\", \"show_output\": true } ] } }\n",
    ]

    func testInstallIsPortableIdempotentAndUninstallRestoresBytes() throws {
        let box = try Sandbox()
        let bin = box.root.appendingPathComponent("bin").path
        try box.write(bin + "/wow-guard", "#!/bin/sh\nexit 0\n")
        chmod(bin + "/wow-guard", 0o755)
        let host = box.host(path: bin + ":/usr/bin:/bin")
        let binary = "/opt/tools/wow-guard"
        for adapter in AgentAdapters.all {
            let name = adapter.displayName
            let path = try XCTUnwrap(adapter.settingsFile(scope: .project, host: host), name)
            if let text = Self.existing[adapter.kind] { try box.write(path, text) }
            let original = box.read(path)

            let changes = try adapter.install(scope: .project, host: host, binary: binary)
            XCTAssertEqual(box.read(path), original, "\(name): planning an install writes nothing (install --print)")
            for c in changes { try c.apply() }
            let text = try XCTUnwrap(box.read(path), name)
            XCTAssertFalse(text.contains(box.root.path) || text.contains(binary), "\(name): project settings name no path of this machine:\n\(text)")
            try checkShape(adapter, text)
            if let original {
                let before = try JSONSerialization.jsonObject(with: Data(original.utf8)) as! NSDictionary
                let after = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! NSDictionary
                for key in before.allKeys as! [String] where key != "hooks" {
                    XCTAssertEqual(after[key] as? NSObject, before[key] as? NSObject, "\(name): \(key) untouched")
                }
                for (event, list) in (before["hooks"] as? [String: [Any]]) ?? [:] {
                    let now = try XCTUnwrap((after["hooks"] as? [String: [Any]])?[event], "\(name) \(event)")
                    XCTAssertEqual(now.prefix(list.count).map { $0 as! NSObject }, list.map { $0 as! NSObject }, "\(name): the user's \(event) hooks stay first and unchanged")
                }
            }

            // Installing again changes nothing.
            let again = try adapter.install(scope: .project, host: host, binary: binary)
            XCTAssertTrue(again.allSatisfy(\.isNoOp), "\(name): a second install is a no-op")

            // Every configured wow-guard command resolves, here and after the project moves.
            let hooks = adapter.configuredHooks(host: host).filter(\.isWowGuard)
            XCTAssertEqual(Set(hooks.map(\.event)), Set(adapter.registrations.map(\.event)), name)
            XCTAssertTrue(hooks.allSatisfy { $0.resolves(host: host, projectDir: box.project) }, name)
            let moved = box.root.appendingPathComponent("moved-\(adapter.kind.rawValue)").path
            try FileManager.default.moveItem(atPath: box.project, toPath: moved)
            let movedHost = box.host(cwd: moved, path: bin + ":/usr/bin:/bin", env: ["CLAUDE_PROJECT_DIR": moved])
            let movedHooks = adapter.configuredHooks(host: movedHost).filter(\.isWowGuard)
            XCTAssertEqual(movedHooks.count, hooks.count, name)
            XCTAssertTrue(movedHooks.allSatisfy { $0.resolves(host: movedHost, projectDir: moved) }, "\(name): the hook still resolves after the move")
            XCTAssertFalse(movedHooks.contains { $0.resolves(host: box.host(cwd: moved, path: "/nonexistent"), projectDir: moved) },
                           "\(name): without wow-guard on PATH the command does not resolve (check-install reports it)")
            try FileManager.default.moveItem(atPath: moved, toPath: box.project)

            for c in try adapter.uninstall(scope: .project, host: host) { try c.apply() }
            XCTAssertEqual(box.read(path), original, "\(name): uninstall restores the file byte for byte")
            if original == nil {
                XCTAssertFalse(FileManager.default.fileExists(atPath: path), "\(name): a file wow-guard created goes away")
                let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
                XCTAssertFalse(FileManager.default.fileExists(atPath: dir), "\(name): and so does the folder it created")
            }
            XCTAssertTrue(try adapter.uninstall(scope: .project, host: host).allSatisfy(\.isNoOp), "\(name): uninstalling twice is a no-op")
        }
    }

    func testUserScopeNamesThisBinaryAndKeepsOtherHooks() throws {
        let box = try Sandbox()
        let host = box.host()
        for adapter in AgentAdapters.all {
            guard let path = adapter.settingsFile(scope: .user, host: host) else {
                XCTAssertThrowsError(try adapter.install(scope: .user, host: host, binary: "/x/wow-guard"), adapter.displayName)
                continue
            }
            XCTAssertTrue(path.hasPrefix(box.home + "/"), path)
            for c in try adapter.install(scope: .user, host: host, binary: "/opt/my tools/wow-guard") { try c.apply() }
            let text = try XCTUnwrap(box.read(path))
            XCTAssertTrue(text.contains("'/opt/my tools/wow-guard' hook"), "\(adapter.displayName): user settings may name the binary (quoted): \(text)")
            XCTAssertTrue(adapter.configuredHooks(host: host).allSatisfy(\.isWowGuard))
        }
    }

    func testBrokenSettingsAreLeftAlone() throws {
        let box = try Sandbox()
        let host = box.host()
        let adapter = AgentAdapters.adapter(for: .gemini)
        let path = try XCTUnwrap(adapter.settingsFile(scope: .project, host: host))
        try box.write(path, "{ not json")
        XCTAssertThrowsError(try adapter.install(scope: .project, host: host, binary: "wow-guard")) { e in
            XCTAssertTrue("\(e)".contains("nothing was changed"), "\(e)")
        }
        XCTAssertEqual(box.read(path), "{ not json")
    }

    func testLegacyInstallOfAnAbsolutePathIsReplaced() throws {
        let box = try Sandbox()
        let host = box.host()
        let adapter = AgentAdapters.adapter(for: .claude)
        let path = try XCTUnwrap(adapter.settingsFile(scope: .project, host: host))
        try box.write(path, "{\"hooks\":{\"PreToolUse\":[{\"matcher\":\"*\",\"hooks\":[{\"type\":\"command\",\"command\":\"/home/someone/bin/wow-guard hook\",\"timeout\":10}]}]}}\n")
        for c in try adapter.install(scope: .project, host: host, binary: "/x/wow-guard") { try c.apply() }
        let text = try XCTUnwrap(box.read(path))
        XCTAssertFalse(text.contains("/home/someone"), text)
        XCTAssertEqual(adapter.configuredHooks(host: host).filter(\.isWowGuard).count, adapter.registrations.count)
    }

    func testGeminiHooksAreSwitchedOnForOldVersionsOnly() {
        XCTAssertTrue(GeminiCLIAdapter.needsSwitch("0.20.2"))
        XCTAssertTrue(GeminiCLIAdapter.needsSwitch("0.23.0-nightly"))
        XCTAssertFalse(GeminiCLIAdapter.needsSwitch("0.24.0"))
        XCTAssertFalse(GeminiCLIAdapter.needsSwitch("0.31.1"))
        XCTAssertFalse(GeminiCLIAdapter.needsSwitch("1.2.0"))
    }

    func testOldGeminiGetsToolsEnableHooks() throws {
        let box = try Sandbox()
        let pkg = box.root.appendingPathComponent("npm/lib/node_modules/@google/gemini-cli").path
        try box.write(pkg + "/package.json", "{\"name\": \"@google/gemini-cli\", \"version\": \"0.21.0\"}")
        try box.write(pkg + "/dist/index.js", "#!/usr/bin/env node\n")
        chmod(pkg + "/dist/index.js", 0o755)
        let bin = box.root.appendingPathComponent("npm/bin").path
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin + "/gemini", withDestinationPath: pkg + "/dist/index.js")
        let host = box.host(path: bin + ":/usr/bin")
        let adapter = AgentAdapters.adapter(for: .gemini)
        let changes = try adapter.install(scope: .project, host: host, binary: "wow-guard")
        XCTAssertTrue(changes.flatMap(\.notes).contains { $0.contains("tools.enableHooks") }, "the install says so")
        for c in changes { try c.apply() }
        let json = try JSONSerialization.jsonObject(with: Data(box.read(adapter.settingsFile(scope: .project, host: host)!)!.utf8)) as! [String: Any]
        XCTAssertEqual((json["tools"] as? [String: Any])?["enableHooks"] as? Bool, true)
        XCTAssertNil((json["hooks"] as? [String: Any])?["enabled"], "never hooks.enabled: newer versions reject it")
    }

    /// The documented settings shape of each agent.
    func checkShape(_ adapter: any AgentAdapter, _ text: String) throws {
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let hooks = try XCTUnwrap(json["hooks"] as? [String: Any], adapter.displayName)
        for r in adapter.registrations {
            let list = try XCTUnwrap(hooks[r.event] as? [[String: Any]], "\(adapter.displayName) \(r.event)")
            let ours = try XCTUnwrap(list.last)
            switch adapter.kind {
            case .claude, .codex, .gemini:
                XCTAssertEqual(ours["matcher"] as? String, r.matcher)
                let inner = try XCTUnwrap((ours["hooks"] as? [[String: Any]])?.first)
                XCTAssertEqual(inner["type"] as? String, "command")
                XCTAssertTrue((inner["command"] as? String ?? "").hasPrefix("wow-guard hook"))
                XCTAssertNotNil(inner["timeout"] as? Int)
            case .copilot:
                XCTAssertEqual(json["version"] as? Int, 1)
                XCTAssertEqual(ours["type"] as? String, "command")
                XCTAssertEqual(ours["bash"] as? String, "wow-guard hook --agent copilot")
                XCTAssertNotNil(ours["timeoutSec"] as? Int)
            case .cursor:
                XCTAssertEqual(json["version"] as? Int, 1)
                XCTAssertEqual(ours["command"] as? String, "wow-guard hook --agent cursor")
            case .windsurf:
                XCTAssertEqual(ours["command"] as? String, "wow-guard hook --agent windsurf")
            }
        }
    }
}
