import WowGuardCore

/// Claude Code: `PreToolUse` (allow/deny/ask/defer), `PostToolUse` and `UserPromptSubmit`
/// (`decision: "block"` + `reason`), `PermissionRequest` (`decision.behavior`).
/// https://code.claude.com/docs/en/hooks
public struct ClaudeCodeAdapter: AgentAdapter {
    public init() {}
    public var kind: AgentKind { .claude }
    public var displayName: String { "Claude Code" }
    public var documentation: String { "https://code.claude.com/docs/en/hooks" }
    public var projectDirectoryVariable: String? { "CLAUDE_PROJECT_DIR" }

    public func decode(_ json: JSONValue) throws(HookInputError) -> HookEvent? {
        try ClaudeStyle.decode(json, agent: kind, defaultEvent: "PreToolUse")
    }

    public func canAsk(at event: HookEvent) -> Bool { event.kind == .preTool }

    public func reply(_ decision: Decision, reason: String, to event: HookEvent) -> HookReply {
        switch event.kind {
        case .preTool: .json(Replies.permissionDecision("PreToolUse", decision, reason))
        case .permissionRequest: decision == .deny ? .json(Replies.permissionRequest(.deny, reason)) : .none
        case .postTool, .prompt: .json(Replies.block(reason))
        }
    }

    public func malformed(_ why: String, event: HookEvent?) -> HookReply {
        var r = reply(.deny, reason: "wow-guard could not read the hook input (\(why)); the tool call is blocked.",
                      to: event ?? HookEvent(kind: .preTool, name: "PreToolUse"))
        r.stderr = "wow-guard: invalid hook input: \(why)\n"
        return r
    }

    public func settingsPath(scope: InstallScope) -> String? { ".claude/settings.json" }

    public var registrations: [HookRegistration] {
        [HookRegistration("PreToolUse", matcher: "*"), HookRegistration("PostToolUse", matcher: "*"), HookRegistration("UserPromptSubmit")]
    }

    public func entry(_ r: HookRegistration, command: String) -> JSONValue {
        Replies.commandGroup(matcher: r.matcher, command: command, timeout: "10")
    }
}

/// The payload shape Claude Code introduced and Codex, Gemini CLI and current Copilot CLI share:
/// `hook_event_name`, `tool_name`, `tool_input`, `tool_response`, `prompt`, `session_id`, `cwd`.
enum ClaudeStyle {
    /// The event names (any case) of the agents that share this shape. A `switch`, not a `Set`:
    /// the first `Set<String>` a process builds costs a scan of every protocol conformance in the
    /// binary, on every hook call.
    static func kind(_ name: String) -> HookEventKind? {
        switch name.lowercased() {
        case "pretooluse", "beforetool": .preTool
        case "posttooluse", "aftertool": .postTool
        case "userpromptsubmit", "userpromptsubmitted", "beforeagent": .prompt
        case "permissionrequest": .permissionRequest
        default: nil
        }
    }

    /// `defaultEvent` stands for a payload without `hook_event_name` (older versions, hand-made tests).
    static func decode(_ json: JSONValue, agent: AgentKind, defaultEvent: String) throws(HookInputError) -> HookEvent? {
        let name = Replies.string(json, "hook_event_name", "hookEventName") ?? defaultEvent
        guard let kind = kind(name) else { return nil }
        var event = HookEvent(kind: kind, name: name, cwd: json["cwd"]?.string, sessionID: Replies.string(json, "session_id", "sessionId"))
        if kind == .prompt {
            event.texts = [Replies.string(json, "prompt", "user_prompt") ?? ""]
            return event
        }
        guard let tool = Replies.string(json, "tool_name", "toolName") else { throw HookInputError("the hook input has no tool_name", event: event) }
        event.toolName = tool
        var input = json["tool_input"] ?? json["toolArgs"] ?? .object([])
        if let s = input.string {
            do { input = try JSONValue.parse(s) } catch { throw HookInputError("tool_input is not JSON: \(error)", event: event) }
        }
        if kind == .postTool {
            event.calls = (try? ToolCalls.calls(tool: tool, input: input, agent: agent, event: event)) ?? []
            let response = json["tool_response"] ?? json["toolResult"] ?? json["tool_output"] ?? .null
            event.texts = response.string.map { [$0] } ?? response.strings()
        } else {
            event.calls = try ToolCalls.calls(tool: tool, input: input, agent: agent, event: event)
        }
        return event
    }
}
