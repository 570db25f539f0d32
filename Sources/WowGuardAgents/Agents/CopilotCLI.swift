import WowGuardCore
import WowGuardSystem

/// GitHub Copilot CLI (and the Copilot coding agent): `.github/hooks/*.json` version 1 with
/// `preToolUse`. Current versions send snake_case payloads (`hook_event_name`, `tool_name`,
/// `tool_input`) and name MCP tools `server-tool`; older ones camelCase (`toolName`, `toolArgs`
/// as a JSON string). Replies: `permissionDecision` + reason (and the Claude-style
/// `hookSpecificOutput` that 1.0.24 and later read). Output of `postToolUse` and
/// `userPromptSubmitted` is ignored by Copilot, so those get no decision.
/// https://docs.github.com/en/copilot/reference/hooks-configuration
public struct CopilotCLIAdapter: AgentAdapter {
    public init() {}
    public var kind: AgentKind { .copilot }
    public var displayName: String { "Copilot CLI" }
    public var documentation: String { "https://docs.github.com/en/copilot/reference/hooks-configuration" }

    /// Copilot's own tools; any other name is an MCP server's tool.
    static let builtinTools: Set<String> = [
        "bash", "powershell", "shell", "view", "create", "edit", "str_replace", "str_replace_editor", "glob", "grep", "web_fetch",
        "fetch", "task", "read_bash", "write_bash", "stop_bash", "list_bash", "read_powershell", "write_powershell",
        "stop_powershell", "list_powershell", "report_intent", "think", "update_todo", "apply_patch", "write", "read",
    ]

    public func decode(_ json: JSONValue) throws(HookInputError) -> HookEvent? {
        var j = json
        if let name = Replies.string(json, "tool_name", "toolName"), !name.hasPrefix("mcp__"), !CopilotCLIAdapter.builtinTools.contains(name.lowercased()),
           let dash = name.firstIndex(where: { $0 == "-" || $0 == "/" }) {
            // `github-create_issue` → `mcp__github__create_issue`, as the policy names MCP tools.
            let mcp = "mcp__" + name[..<dash] + "__" + name[name.index(after: dash)...]
            j.set(json["tool_name"] != nil ? "tool_name" : "toolName", .string(mcp))
        }
        return try ClaudeStyle.decode(j, agent: kind, defaultEvent: CopilotCLIAdapter.eventName(of: json))
    }

    /// Older (camelCase) payloads do not name their event: it shows in their fields.
    static func eventName(of json: JSONValue) -> String {
        if json["toolResult"] != nil { return "postToolUse" }
        if json["toolName"] != nil || json["toolArgs"] != nil { return "preToolUse" }
        if json["prompt"] != nil { return "userPromptSubmitted" }
        if json["source"] != nil { return "sessionStart" }
        if json["reason"] != nil { return "sessionEnd" }
        if json["error"] != nil { return "errorOccurred" }
        return "preToolUse"
    }

    public func canAsk(at event: HookEvent) -> Bool { true }

    public func reply(_ decision: Decision, reason: String, to event: HookEvent) -> HookReply {
        guard event.kind == .preTool else { return .none }
        return .json(.object([
            ("permissionDecision", .string(decision.rawValue)), ("permissionDecisionReason", .string(reason)),
            ("hookSpecificOutput", .object([("hookEventName", .string("PreToolUse")), ("permissionDecision", .string(decision.rawValue)),
                                            ("permissionDecisionReason", .string(reason))])),
        ]))
    }

    public func malformed(_ why: String, event: HookEvent?) -> HookReply {
        var r = reply(.deny, reason: "wow-guard could not read the hook input (\(why)); the tool call is blocked.",
                      to: event ?? HookEvent(kind: .preTool, name: "preToolUse"))
        r.stderr = "wow-guard: invalid hook input: \(why)\n"
        return r
    }

    /// Copilot reads hooks from the repository only.
    public func settingsPath(scope: InstallScope) -> String? { scope == .project ? ".github/hooks/wow-guard.json" : nil }

    public var registrations: [HookRegistration] { [HookRegistration("preToolUse")] }

    public var newFileFields: [(String, JSONValue)] { [("version", .number("1"))] }

    public func entry(_ r: HookRegistration, command: String) -> JSONValue {
        .object([("type", .string("command")), ("bash", .string(command)), ("powershell", .string(command)), ("timeoutSec", .number("10"))])
    }

    public func detect(project: String?, home: String?) -> Bool {
        if let project, Posix.exists(project + "/.github/hooks") || Posix.exists(project + "/.github/copilot-instructions.md") { return true }
        if let home, Posix.exists(home + "/.copilot") { return true }
        return false
    }
}
