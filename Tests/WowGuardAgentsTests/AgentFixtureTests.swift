import Foundation
import XCTest
import WowGuardAgents
import WowGuardCore

/// Every agent's payloads (every event it sends, old and new shapes) through the in-process hook
/// service, against the expected replies.
final class AgentFixtureTests: XCTestCase {
    func testEveryFixtureGetsItsExpectedReply() throws {
        let box = try Sandbox()
        let token = FixtureSecrets.githubToken()
        let fixtures = try AgentFixture.all(project: box.project, home: box.home, token: token)
        XCTAssertGreaterThan(fixtures.count, 50)
        for agent in AgentKind.allCases {
            XCTAssertTrue(fixtures.contains { $0.agent == agent && $0.expected["stdout"] is NSNull && ($0.expected["exit"] as? Int) == 0 && $0.name.contains("unhandled") },
                          "\(agent): at least one event the guard does not handle")
        }
        for f in fixtures {
            let reply = HookService.handle(agent: f.agent, bytes: Array(f.payload.utf8), host: box.host())
            if let why = f.mismatch(stdout: reply.stdout, stderr: reply.stderr, exitCode: reply.exitCode) {
                XCTFail("\(f.agent.rawValue)/\(f.name): \(why)")
            }
            XCTAssertFalse(reply.stdout.contains(token) || reply.stderr.contains(token), "\(f.agent.rawValue)/\(f.name): the reply repeats the secret")
        }
    }

    /// A reply is shaped for the event it answers: no pre-tool field in a post-tool or prompt reply.
    func testRepliesNeverCarryAnotherEventsShape() throws {
        let box = try Sandbox()
        let fixtures = try AgentFixture.all(project: box.project, home: box.home, token: FixtureSecrets.githubToken())
        for f in fixtures where !f.name.lowercased().hasPrefix("pretooluse") && !f.name.hasPrefix("BeforeTool") && !f.name.hasPrefix("before") && !f.name.hasPrefix("pre") {
            let r = HookService.handle(agent: f.agent, bytes: Array(f.payload.utf8), host: box.host())
            XCTAssertFalse(r.stdout.contains("\"PreToolUse\"") || r.stdout.contains("permissionDecision"), "\(f.agent.rawValue)/\(f.name): \(r.stdout)")
        }
    }

    func testUnreadableInputIsBlockedInTheAgentsShape() throws {
        let box = try Sandbox()
        for agent in AgentKind.allCases {
            for bad in ["", "not json", "[1,2]", "{\"hook_event_name\":\"PreToolUse\"}", String(repeating: "[", count: 5000)] {
                let r = HookService.handle(agent: agent, bytes: Array(bad.utf8), host: box.host())
                let blocked = r.exitCode == 2 || r.stdout.contains("deny")
                if (agent == .cursor || agent == .windsurf) && bad.contains("PreToolUse") {
                    // Not one of their events: no decision.
                    XCTAssertEqual(r, HookReply.none, bad)
                    continue
                }
                XCTAssertTrue(blocked, "\(agent) \(bad.prefix(30)): \(r)")
                XCTAssertFalse(r.stderr.isEmpty, "\(agent): the reason goes to stderr as well")
            }
        }
    }

    /// A post-tool payload whose tool input is missing is not a reason to block the (finished) call.
    func testPostToolWithoutInputIsFine() throws {
        let box = try Sandbox()
        let r = HookService.handle(agent: .claude, bytes: Array(#"{"hook_event_name":"PostToolUse","tool_name":"Bash","tool_response":{"stdout":"ok"}}"#.utf8), host: box.host())
        XCTAssertEqual(r, HookReply.none)
    }
}

final class AdapterRegistryTests: XCTestCase {
    func testEveryAgentHasOneAdapterWithDocumentationAndFixtures() throws {
        XCTAssertEqual(AgentAdapters.all.map(\.kind), AgentKind.allCases)
        for a in AgentAdapters.all {
            XCTAssertEqual(AgentAdapters.adapter(for: a.kind).kind, a.kind)
            XCTAssertTrue(a.documentation.hasPrefix("https://"), a.displayName)
            XCTAssertEqual(a.checkedOn, "2026-12-07")
            XCTAssertFalse(a.registrations.isEmpty)
            let dir = AgentFixture.directory.appendingPathComponent(a.kind.rawValue).path
            XCTAssertGreaterThan(try FileManager.default.contentsOfDirectory(atPath: dir).count, 4, a.displayName)
        }
    }
}
