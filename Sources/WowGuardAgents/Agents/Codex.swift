import WowGuardCore

/// OpenAI Codex CLI: Claude-style events and payloads; at `PreToolUse` only *deny* is enforced, so
/// *ask* becomes deny there; `PermissionRequest` (the agent is about to ask the user) answers
/// deny or nothing. Codex rejects unknown output fields: only documented ones are written.
/// https://developers.openai.com/codex/hooks
public struct CodexAdapter: AgentAdapter {
    public init() {}
    public var kind: AgentKind { .codex }
    public var displayName: String { "Codex CLI" }
    public var documentation: String { "https://developers.openai.com/codex/hooks" }

    public func decode(_ json: JSONValue) throws(HookInputError) -> HookEvent? {
        try ClaudeStyle.decode(json, agent: kind, defaultEvent: "PreToolUse")
    }

    /// The user is asked anyway at `PermissionRequest`; at `PreToolUse` an ask would be ignored.
    public func canAsk(at event: HookEvent) -> Bool { event.kind == .permissionRequest }

    public func reply(_ decision: Decision, reason: String, to event: HookEvent) -> HookReply {
        switch event.kind {
        case .preTool: .json(Replies.permissionDecision("PreToolUse", .deny, reason))
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

    public func settingsPath(scope: InstallScope) -> String? { ".codex/hooks.json" }

    public var registrations: [HookRegistration] {
        [HookRegistration("PreToolUse", matcher: "*"), HookRegistration("PermissionRequest", matcher: "*"),
         HookRegistration("PostToolUse", matcher: "*"), HookRegistration("UserPromptSubmit")]
    }

    public func entry(_ r: HookRegistration, command: String) -> JSONValue {
        Replies.commandGroup(matcher: r.matcher, command: command, timeout: "10")
    }
}
