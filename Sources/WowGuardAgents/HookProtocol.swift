import WowGuardCore

/// The coding agents whose tool hooks wow-guard speaks.
public enum AgentKind: String, CaseIterable, Sendable {
    case claude, codex, gemini, copilot, cursor, windsurf

    /// Whether the agent can ask the user; where it cannot, `ask` becomes `deny`.
    public var supportsAsk: Bool {
        switch self {
        case .claude, .copilot, .cursor: true
        case .codex, .gemini, .windsurf: false
        }
    }
}

/// A decoded hook input: the tool calls to judge, and where the agent works.
public struct HookRequest: Sendable {
    public var calls: [ToolCall]
    public var cwd: String?
    public var projectDir: String?
    public var toolName: String
}

public struct HookInputError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
    init(_ m: String) { message = m }
}

/// What to print and how to exit.
public struct HookReply: Equatable, Sendable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32
}

public enum HookProtocol {
    public static let maxInputBytes = 32 * 1024 * 1024

    // MARK: - Decoding

    public static func decode(_ agent: AgentKind, json: JSONValue) throws(HookInputError) -> HookRequest {
        guard json.isObject else { throw HookInputError("the hook input is not a JSON object") }
        switch agent {
        case .claude, .codex, .gemini:
            guard let name = json["tool_name"]?.string else { throw HookInputError("the hook input has no tool_name") }
            let input = json["tool_input"] ?? .object([])
            return HookRequest(calls: try calls(tool: name, input: input, agent: agent), cwd: json["cwd"]?.string,
                               projectDir: nil, toolName: name)
        case .copilot:
            guard let name = json["toolName"]?.string else { throw HookInputError("the hook input has no toolName") }
            var input = JSONValue.object([])
            if let args = json["toolArgs"] {
                if let s = args.string {
                    do { input = try JSONValue.parse(s) } catch { throw HookInputError("toolArgs is not JSON: \(error)") }
                } else {
                    input = args
                }
            }
            return HookRequest(calls: try calls(tool: name, input: input, agent: agent), cwd: json["cwd"]?.string,
                               projectDir: nil, toolName: name)
        case .cursor:
            let event = json["hook_event_name"]?.string ?? ""
            let root = json["workspace_roots"]?.array?.first?.string
            switch event {
            case "beforeShellExecution":
                guard let c = json["command"]?.string else { throw HookInputError("beforeShellExecution without command") }
                return HookRequest(calls: [.shell(command: c)], cwd: json["cwd"]?.string, projectDir: root, toolName: "shell")
            case "beforeReadFile":
                guard let p = json["file_path"]?.string else { throw HookInputError("beforeReadFile without file_path") }
                return HookRequest(calls: [.read(path: p)], cwd: nil, projectDir: root, toolName: "read")
            case "beforeMCPExecution":
                let name = json["tool_name"]?.string ?? "mcp"
                let input = json["tool_input"].flatMap { v -> JSONValue? in v.string.flatMap { try? JSONValue.parse($0) } ?? v } ?? .object([])
                return HookRequest(calls: [.mcp(name: name, input: input)], cwd: nil, projectDir: root, toolName: name)
            default:
                guard let name = json["tool_name"]?.string else { throw HookInputError("unsupported Cursor hook event '\(event)'") }
                return HookRequest(calls: try calls(tool: name, input: json["tool_input"] ?? .object([]), agent: agent),
                                   cwd: json["cwd"]?.string, projectDir: root, toolName: name)
            }
        case .windsurf:
            let action = json["agent_action_name"]?.string ?? ""
            let info = json["tool_info"] ?? .object([])
            switch action {
            case "pre_run_command":
                guard let c = info["command_line"]?.string else { throw HookInputError("pre_run_command without command_line") }
                return HookRequest(calls: [.shell(command: c)], cwd: info["cwd"]?.string, projectDir: nil, toolName: "run_command")
            case "pre_write_code":
                guard let p = info["file_path"]?.string else { throw HookInputError("pre_write_code without file_path") }
                let texts = (info["edits"]?.array ?? []).compactMap { $0["new_string"]?.string }
                return HookRequest(calls: [.edit(path: p, newTexts: texts)], cwd: nil, projectDir: nil, toolName: "write_code")
            case "pre_read_code":
                guard let p = info["file_path"]?.string else { throw HookInputError("pre_read_code without file_path") }
                return HookRequest(calls: [.read(path: p)], cwd: nil, projectDir: nil, toolName: "read_code")
            case "pre_mcp_tool_use":
                let name = "mcp__\(info["mcp_server_name"]?.string ?? "server")__\(info["mcp_tool_name"]?.string ?? "tool")"
                return HookRequest(calls: [.mcp(name: name, input: info["mcp_tool_arguments"] ?? .object([]))], cwd: nil, projectDir: nil, toolName: name)
            default:
                throw HookInputError("unsupported Windsurf action '\(action)'")
            }
        }
    }

    /// Maps a tool name and its input to tool calls. Names of all supported agents are understood;
    /// unknown tools fall back on the shape of their input.
    static func calls(tool: String, input: JSONValue, agent: AgentKind) throws(HookInputError) -> [ToolCall] {
        func str(_ keys: String...) -> String? {
            for k in keys { if let v = input[k]?.string { return v } }
            return nil
        }
        func require(_ v: String?, _ what: String) throws(HookInputError) -> String {
            guard let v else { throw HookInputError("\(tool) input has no \(what)") }
            return v
        }
        if tool.hasPrefix("mcp__") || tool.hasPrefix("mcp_") { return [.mcp(name: tool, input: input)] }
        switch tool.lowercased() {
        case "bash", "powershell", "shell", "run_shell_command", "local_shell", "exec_command", "container.exec":
            if let parts = input["command"]?.array {
                // Codex sends argv, e.g. ["bash", "-lc", "script"].
                let argv = parts.compactMap(\.string)
                return [.shell(command: argv.map(ShellWords.quote).joined(separator: " "))]
            }
            return [.shell(command: try require(str("command", "cmd"), "command"))]
        case "apply_patch":
            return ApplyPatch.calls(try require(str("command", "patch", "input"), "patch"))
        case "write", "write_file", "create", "create_file":
            return [.write(path: try require(str("file_path", "path", "absolute_path"), "file_path"),
                           content: str("content", "file_text", "text") ?? "")]
        case "edit", "replace", "str_replace", "str_replace_editor", "edit_file", "search_replace":
            let path = try require(str("file_path", "path", "absolute_path", "target_file"), "file_path")
            if str("command") == "view" { return [.read(path: path)] }
            if str("command") == "create" { return [.write(path: path, content: str("file_text") ?? "")] }
            return [.edit(path: path, newTexts: [str("new_string", "new_str", "code_edit", "file_text", "content") ?? ""])]
        case "multiedit":
            let path = try require(str("file_path"), "file_path")
            return [.edit(path: path, newTexts: (input["edits"]?.array ?? []).compactMap { $0["new_string"]?.string })]
        case "notebookedit":
            return [.edit(path: try require(str("notebook_path"), "notebook_path"), newTexts: [str("new_source") ?? ""])]
        case "read", "read_file", "view", "cat":
            return [.read(path: try require(str("file_path", "absolute_path", "path", "target_file"), "file_path"))]
        case "read_many_files":
            return (input["paths"]?.array ?? []).compactMap(\.string).map { .read(path: $0) }
        case "glob", "list_directory", "ls":
            return [.search(pattern: str("pattern", "glob") ?? "", path: str("path", "dir_path", "directory"), glob: nil)]
        case "grep", "search_file_content", "grep_search":
            return [.search(pattern: str("pattern", "query") ?? "", path: str("path", "dir_path"), glob: str("glob", "include"))]
        case "webfetch", "web_fetch", "fetch":
            if let url = str("url") { return [.fetch(url: url)] }
            // Gemini's web_fetch takes a prompt with URLs in it.
            let urls = URLExtraction.urls(in: str("prompt") ?? "")
            return urls.isEmpty ? [] : urls.map { .fetch(url: $0) }
        case "websearch", "google_web_search", "web_search":
            return [.webSearch(query: str("query") ?? "")]
        case "agent", "task":
            return [.delegate(prompt: str("prompt") ?? "")]
        default:
            if let c = str("command"), agent != .claude || tool.isEmpty { return [.shell(command: c)] }
            return [.other(name: tool, input: input)]
        }
    }

    // MARK: - Encoding

    /// The reply for the verdicts. With nothing to say (allow), the reply is empty: the agent's own
    /// permission rules then apply (a blanket "allow" would skip the user's prompts).
    public static func reply(_ agent: AgentKind, verdicts: [Verdict]) -> HookReply {
        var decision = verdicts.decision
        guard decision != .allow else { return HookReply(stdout: "", stderr: "", exitCode: 0) }
        if decision == .ask && !agent.supportsAsk { decision = .deny }
        let reason = message(verdicts, askBecameDeny: verdicts.decision == .ask && decision == .deny)
        return reply(agent, decision: decision, reason: reason)
    }

    /// A block for input the guard cannot read: fail closed, with the reason.
    public static func malformed(_ agent: AgentKind, _ why: String) -> HookReply {
        let d: Decision = .deny
        var r = reply(agent, decision: d, reason: "wow-guard could not read the hook input (\(why)); the tool call is blocked.")
        r.stderr = "wow-guard: invalid hook input: \(why)\n"
        if agent == .windsurf { r.stderr = "wow-guard could not read the hook input (\(why)); the tool call is blocked.\n" }
        return r
    }

    static func reply(_ agent: AgentKind, decision: Decision, reason: String) -> HookReply {
        switch agent {
        case .claude, .codex:
            let obj: JSONValue = .object([("hookSpecificOutput", .object([
                ("hookEventName", .string("PreToolUse")),
                ("permissionDecision", .string(decision.rawValue)),
                ("permissionDecisionReason", .string(reason)),
            ]))])
            return HookReply(stdout: obj.serialized() + "\n", stderr: "", exitCode: 0)
        case .gemini:
            let obj: JSONValue = .object([("decision", .string(decision == .deny ? "deny" : "allow")), ("reason", .string(reason))])
            return HookReply(stdout: obj.serialized() + "\n", stderr: "", exitCode: 0)
        case .copilot:
            let obj: JSONValue = .object([("permissionDecision", .string(decision.rawValue)), ("permissionDecisionReason", .string(reason))])
            return HookReply(stdout: obj.serialized() + "\n", stderr: "", exitCode: 0)
        case .cursor:
            let obj: JSONValue = .object([
                ("permission", .string(decision.rawValue)), ("user_message", .string(reason)), ("agent_message", .string(reason)),
                ("userMessage", .string(reason)), ("agentMessage", .string(reason)),
            ])
            return HookReply(stdout: obj.serialized() + "\n", stderr: "", exitCode: 0)
        case .windsurf:
            return HookReply(stdout: "", stderr: reason + "\n", exitCode: 2)
        }
    }

    /// One message for all verdicts (agents cap strings at 10,000 characters; we stay far below).
    static func message(_ verdicts: [Verdict], askBecameDeny: Bool) -> String {
        var seen = Set<String>()
        var parts: [String] = []
        for v in verdicts.sorted(by: { $0.decision > $1.decision }) where seen.insert(v.ruleID + v.reason).inserted {
            parts.append("[\(v.ruleID)] \(v.reason)")
            if parts.count == 5 { break }
        }
        var text = "wow-guard: " + parts.joined(separator: "; ")
        if askBecameDeny { text += ". This needs a person's confirmation, which this agent cannot ask for: run it yourself if it is intended." }
        if text.count > 4000 { text = String(text.prefix(4000)) + "…" }
        return text
    }
}

enum URLExtraction {
    static func urls(in text: String) -> [String] {
        var out: [String] = []
        for word in text.split(whereSeparator: { $0.isWhitespace || "\"'<>()[]".contains($0) }) {
            let lower = word.lowercased()
            if lower.contains("://") { out.append(String(word)) }
        }
        return out
    }
}

/// Codex's `apply_patch` envelope: files added, updated, deleted or moved, with `+` lines.
enum ApplyPatch {
    static func calls(_ patch: String) -> [ToolCall] {
        var calls: [ToolCall] = []
        var path: String?
        var added: [String] = []
        var isNew = false
        func flush() {
            if let p = path { calls.append(isNew ? .write(path: p, content: added.joined(separator: "\n")) : .edit(path: p, newTexts: [added.joined(separator: "\n")])) }
            path = nil
            added = []
        }
        for line in patch.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("*** Add File: ") { flush(); path = String(line.dropFirst(14)); isNew = true }
            else if line.hasPrefix("*** Update File: ") { flush(); path = String(line.dropFirst(17)); isNew = false }
            else if line.hasPrefix("*** Delete File: ") { flush(); calls.append(.edit(path: String(line.dropFirst(17)), newTexts: [])) }
            else if line.hasPrefix("*** Move to: ") { let to = String(line.dropFirst(13)); calls.append(.edit(path: to, newTexts: [])) }
            else if line.hasPrefix("+"), path != nil { added.append(String(line.dropFirst())) }
        }
        flush()
        return calls
    }
}
