import WowGuardCore

/// Cursor: `.cursor/hooks.json` version 1. `preToolUse` covers every tool; `beforeShellExecution`,
/// `beforeMCPExecution` and `beforeReadFile` stay for builds without it; `beforeSubmitPrompt`
/// stops a prompt with a secret. Replies: `permission` allow/deny/ask with `user_message` and
/// `agent_message` (camelCase too for older builds); `beforeReadFile` knows allow/deny only.
/// https://cursor.com/docs/agent/hooks
public struct CursorAdapter: AgentAdapter {
    public init() {}
    public var kind: AgentKind { .cursor }
    public var displayName: String { "Cursor" }
    public var documentation: String { "https://cursor.com/docs/agent/hooks" }

    public func decode(_ json: JSONValue) throws(HookInputError) -> HookEvent? {
        let name = json["hook_event_name"]?.string ?? ""
        let root = json["workspace_roots"]?.array?.first?.string
        var event = HookEvent(kind: .preTool, name: name, cwd: json["cwd"]?.string, projectDir: root,
                              sessionID: Replies.string(json, "conversation_id", "session_id"))
        switch name {
        case "preToolUse":
            guard let tool = json["tool_name"]?.string else { throw HookInputError("preToolUse without tool_name", event: event) }
            event.toolName = tool
            var input = json["tool_input"] ?? .object([])
            if let s = input.string { input = (try? JSONValue.parse(s)) ?? .object([("command", .string(s))]) }
            let mapped = tool.hasPrefix("MCP:") ? "mcp__" + tool.dropFirst(4).replacingColons() : tool
            event.calls = try ToolCalls.calls(tool: mapped, input: input, agent: kind, event: event)
        case "beforeShellExecution":
            guard let c = json["command"]?.string else { throw HookInputError("beforeShellExecution without command", event: event) }
            event.toolName = "shell"
            event.calls = [.shell(command: c)]
        case "beforeReadFile":
            guard let p = json["file_path"]?.string else { throw HookInputError("beforeReadFile without file_path", event: event) }
            event.toolName = "read"
            event.calls = [.read(path: p)]
        case "beforeMCPExecution":
            let tool = json["tool_name"]?.string ?? "tool"
            let server = Replies.string(json, "server", "server_name") ?? "server"
            event.toolName = tool
            let input = json["tool_input"].flatMap { v -> JSONValue? in v.string.flatMap { try? JSONValue.parse($0) } ?? v } ?? .object([])
            event.calls = [.mcp(name: tool.hasPrefix("mcp__") ? tool : "mcp__\(server)__\(tool)", input: input)]
        case "beforeSubmitPrompt":
            event.kind = .prompt
            event.texts = [json["prompt"]?.string ?? ""]
        default:
            return nil
        }
        return event
    }

    public func canAsk(at event: HookEvent) -> Bool { event.kind == .preTool && event.name != "beforeReadFile" }

    public func reply(_ decision: Decision, reason: String, to event: HookEvent) -> HookReply {
        if event.kind == .prompt {
            return .json(.object([("continue", .bool(false)), ("user_message", .string(reason))]))
        }
        var pairs: [(String, JSONValue)] = [("permission", .string(decision.rawValue)),
                                            ("user_message", .string(reason)), ("agent_message", .string(reason))]
        if event.name != "preToolUse" { pairs += [("userMessage", .string(reason)), ("agentMessage", .string(reason))] }
        return .json(.object(pairs))
    }

    public func malformed(_ why: String, event: HookEvent?) -> HookReply {
        var r = reply(.deny, reason: "wow-guard could not read the hook input (\(why)); the tool call is blocked.",
                      to: event ?? HookEvent(kind: .preTool, name: "preToolUse"))
        r.stderr = "wow-guard: invalid hook input: \(why)\n"
        return r
    }

    public func settingsPath(scope: InstallScope) -> String? { ".cursor/hooks.json" }

    public var registrations: [HookRegistration] {
        ["preToolUse", "beforeShellExecution", "beforeMCPExecution", "beforeReadFile", "beforeSubmitPrompt"].map { HookRegistration($0) }
    }

    public var newFileFields: [(String, JSONValue)] { [("version", .number("1"))] }

    public func entry(_ r: HookRegistration, command: String) -> JSONValue { .object([("command", .string(command))]) }
}

extension Substring {
    func replacingColons() -> String { split(separator: ":", maxSplits: 1).joined(separator: "__") }
}
