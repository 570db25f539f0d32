import WowGuardCore

/// Windsurf (Cascade): pre-hooks `pre_run_command`, `pre_write_code`, `pre_read_code`,
/// `pre_mcp_tool_use`, `pre_user_prompt` (newer docs also spell them with hyphens). Only exit
/// code 2 blocks, with the reason on stderr: there is no ask (ask becomes deny).
/// https://docs.windsurf.com/windsurf/cascade/hooks
public struct WindsurfAdapter: AgentAdapter {
    public init() {}
    public var kind: AgentKind { .windsurf }
    public var displayName: String { "Windsurf" }
    public var documentation: String { "https://docs.windsurf.com/windsurf/cascade/hooks" }

    public func decode(_ json: JSONValue) throws(HookInputError) -> HookEvent? {
        let raw = json["agent_action_name"]?.string ?? ""
        let action = String(raw.map { $0 == "-" ? "_" : $0 })
        let info = json["tool_info"] ?? .object([])
        var event = HookEvent(kind: .preTool, name: raw, cwd: info["cwd"]?.string, sessionID: json["trajectory_id"]?.string)
        switch action {
        case "pre_run_command":
            guard let c = info["command_line"]?.string else { throw HookInputError("\(raw) without command_line", event: event) }
            event.toolName = "run_command"
            event.calls = [.shell(command: c)]
        case "pre_write_code":
            guard let p = info["file_path"]?.string else { throw HookInputError("\(raw) without file_path", event: event) }
            event.toolName = "write_code"
            event.calls = [.edit(path: p, newTexts: (info["edits"]?.array ?? []).compactMap { $0["new_string"]?.string })]
        case "pre_read_code":
            guard let p = info["file_path"]?.string else { throw HookInputError("\(raw) without file_path", event: event) }
            event.toolName = "read_code"
            event.calls = [.read(path: p)]
        case "pre_mcp_tool_use":
            let name = "mcp__\(info["mcp_server_name"]?.string ?? "server")__\(info["mcp_tool_name"]?.string ?? "tool")"
            event.toolName = name
            var args = info["mcp_tool_arguments"] ?? .object([])
            if let s = args.string { args = (try? JSONValue.parse(s)) ?? .object([("arguments", .string(s))]) }
            event.calls = [.mcp(name: name, input: args)]
        case "pre_user_prompt":
            event.kind = .prompt
            event.texts = [Replies.string(info, "user_prompt", "prompt") ?? ""]
        default:
            return nil
        }
        return event
    }

    public func canAsk(at event: HookEvent) -> Bool { false }

    public func reply(_ decision: Decision, reason: String, to event: HookEvent) -> HookReply {
        HookReply(stdout: "", stderr: reason + "\n", exitCode: 2)
    }

    public func malformed(_ why: String, event: HookEvent?) -> HookReply {
        HookReply(stdout: "", stderr: "wow-guard could not read the hook input (\(why)); the action is blocked.\n", exitCode: 2)
    }

    public func settingsPath(scope: InstallScope) -> String? { scope == .user ? ".codeium/windsurf/hooks.json" : ".windsurf/hooks.json" }

    public var registrations: [HookRegistration] {
        ["pre_run_command", "pre_write_code", "pre_read_code", "pre_mcp_tool_use", "pre_user_prompt"].map { HookRegistration($0) }
    }

    public func entry(_ r: HookRegistration, command: String) -> JSONValue {
        .object([("command", .string(command)), ("show_output", .bool(false))])
    }
}
