import WowGuardCore
import WowGuardSystem

/// Gemini CLI: `BeforeTool` / `AfterTool` / `BeforeAgent` with `decision` allow/deny + `reason`;
/// no ask (ask becomes deny). Versions before 0.24 run hooks only with `tools.enableHooks`.
/// https://geminicli.com/docs/hooks/reference
public struct GeminiCLIAdapter: AgentAdapter {
    public init() {}
    public var kind: AgentKind { .gemini }
    public var displayName: String { "Gemini CLI" }
    public var documentation: String { "https://geminicli.com/docs/hooks/reference" }
    public var projectDirectoryVariable: String? { "GEMINI_PROJECT_DIR" }

    public func decode(_ json: JSONValue) throws(HookInputError) -> HookEvent? {
        try ClaudeStyle.decode(json, agent: kind, defaultEvent: "BeforeTool")
    }

    public func canAsk(at event: HookEvent) -> Bool { false }

    /// `AfterTool` deny hides the tool's output from the model and gives it the reason instead.
    public func reply(_ decision: Decision, reason: String, to event: HookEvent) -> HookReply {
        .json(.object([("decision", .string("deny")), ("reason", .string(reason))]))
    }

    public func malformed(_ why: String, event: HookEvent?) -> HookReply {
        var r = reply(.deny, reason: "wow-guard could not read the hook input (\(why)); the tool call is blocked.",
                      to: event ?? HookEvent(kind: .preTool, name: "BeforeTool"))
        r.stderr = "wow-guard: invalid hook input: \(why)\n"
        return r
    }

    public func settingsPath(scope: InstallScope) -> String? { ".gemini/settings.json" }

    public var registrations: [HookRegistration] {
        [HookRegistration("BeforeTool", matcher: ".*"), HookRegistration("AfterTool", matcher: ".*"), HookRegistration("BeforeAgent")]
    }

    public func entry(_ r: HookRegistration, command: String) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let m = r.matcher { pairs.append(("matcher", .string(m))) }
        pairs.append(("hooks", .array([.object([
            ("name", .string("wow-guard")), ("type", .string("command")), ("command", .string(command)), ("timeout", .number("10000")),
        ])])))
        return .object(pairs)
    }

    /// Gemini CLI before 0.24 ran hooks only with `tools.enableHooks: true` (later versions run
    /// them by default and reject the old `hooks.enabled: true`). The version is read from the
    /// `package.json` of the `gemini` found on PATH.
    public func extraInstallEdits(host: HookHost) -> [(path: [String], value: JSONValue, note: String)] {
        guard let version = installedVersion(host: host) else { return [] }
        guard GeminiCLIAdapter.needsSwitch(version) else { return [] }
        return [(["tools", "enableHooks"], .bool(true),
                 "Gemini CLI \(version) runs hooks only when switched on: set tools.enableHooks to true (uninstall leaves it)")]
    }

    public static func needsSwitch(_ version: String) -> Bool {
        let parts = version.split(separator: ".").prefix(2).map { Int($0.prefix(while: \.isNumber)) ?? 0 }
        guard parts.count == 2 else { return false }
        return parts[0] == 0 && parts[1] < 24
    }

    func installedVersion(host: HookHost) -> String? {
        guard let bin = host.which("gemini"), var dir = host.realPath(bin) else { return nil }
        for _ in 0..<6 {
            guard let slash = dir.lastIndex(of: "/"), slash != dir.startIndex else { return nil }
            dir = String(dir[..<slash])
            if let text = (try? Posix.readText(dir + "/package.json")) ?? nil, let json = try? JSONValue.parse(text),
               json["name"]?.string == "@google/gemini-cli" {
                return json["version"]?.string
            }
        }
        return nil
    }
}
