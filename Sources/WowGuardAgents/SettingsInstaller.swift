import WowGuardCore

/// Adds and removes wow-guard's hook entry in an agent's settings JSON without disturbing other
/// settings or hooks. Idempotent: installing twice leaves one entry (updated in place).
public enum SettingsInstaller {
    public struct Target: Sendable {
        /// Settings file, relative to the project (or to the home directory with `user`).
        public var relativePath: String
        /// Events (under `hooks`) that get an entry.
        public var events: [String]
    }

    public static func target(_ agent: AgentKind, user: Bool) -> Target {
        switch agent {
        case .claude: Target(relativePath: ".claude/settings.json", events: ["PreToolUse"])
        case .codex: Target(relativePath: ".codex/hooks.json", events: ["PreToolUse"])
        case .gemini: Target(relativePath: ".gemini/settings.json", events: ["BeforeTool"])
        case .copilot: Target(relativePath: ".github/hooks/wow-guard.json", events: ["preToolUse"])
        case .cursor: Target(relativePath: ".cursor/hooks.json", events: ["beforeShellExecution", "beforeReadFile", "beforeMCPExecution"])
        case .windsurf: Target(relativePath: user ? ".codeium/windsurf/hooks.json" : ".windsurf/hooks.json",
                               events: ["pre_run_command", "pre_write_code", "pre_read_code", "pre_mcp_tool_use"])
        }
    }

    public static func command(binary: String, agent: AgentKind) -> String {
        ShellWords.quote(binary) + " hook" + (agent == .claude ? "" : " --agent \(agent.rawValue)")
    }

    /// Whether a hook entry's command is wow-guard's.
    static func isOurs(_ entry: JSONValue) -> Bool {
        for key in ["command", "bash"] {
            if let c = entry[key]?.string, c.contains("wow-guard"), c.contains(" hook") { return true }
        }
        return false
    }

    static func entry(_ agent: AgentKind, command: String) -> JSONValue {
        switch agent {
        case .claude, .codex:
            .object([("matcher", .string("*")), ("hooks", .array([.object([
                ("type", .string("command")), ("command", .string(command)), ("timeout", .number("10")),
            ])]))])
        case .gemini:
            .object([("matcher", .string(".*")), ("hooks", .array([.object([
                ("type", .string("command")), ("command", .string(command)), ("timeout", .number("10000")),
            ])]))])
        case .copilot:
            .object([("type", .string("command")), ("bash", .string(command)), ("timeoutSec", .number("10"))])
        case .cursor, .windsurf:
            .object([("command", .string(command))])
        }
    }

    /// The settings with wow-guard's entry for every event of the agent.
    public static func installing(_ agent: AgentKind, into settings: JSONValue, command: String) -> JSONValue {
        var root = settings.isObject ? settings : .object([])
        if agent == .copilot || agent == .cursor, root["version"] == nil { root.set("version", .number("1")) }
        var hooks = root["hooks"].flatMap { $0.isObject ? $0 : nil } ?? .object([])
        for event in target(agent, user: false).events {
            var list = hooks[event]?.array ?? []
            list = list.compactMap { removingOurs($0) }
            list.append(entry(agent, command: command))
            hooks.set(event, .array(list))
        }
        root.set("hooks", hooks)
        return root
    }

    /// The settings without wow-guard's entries (empty groups and event lists are dropped).
    public static func uninstalling(_ agent: AgentKind, from settings: JSONValue) -> (JSONValue, removed: Bool) {
        guard var hooks = settings["hooks"], hooks.isObject else { return (settings, false) }
        var root = settings
        var removed = false
        guard case .object(let events) = hooks else { return (settings, false) }
        for (event, value) in events {
            guard let list = value.array else { continue }
            let kept = list.compactMap { removingOurs($0) }
            if kept.count != list.count || kept != list { removed = true }
            if kept.isEmpty { hooks = hooks.removing(event) } else { hooks.set(event, .array(kept)) }
        }
        if case .object(let remaining) = hooks, remaining.isEmpty { root = root.removing("hooks") } else { root.set("hooks", hooks) }
        return (root, removed)
    }

    /// An entry without our hook: nil if nothing else remains in it.
    static func removingOurs(_ entry: JSONValue) -> JSONValue? {
        if isOurs(entry) { return nil }
        guard let inner = entry["hooks"]?.array else { return entry }
        let kept = inner.filter { !isOurs($0) }
        if kept.count == inner.count { return entry }
        if kept.isEmpty { return nil }
        var e = entry
        e.set("hooks", .array(kept))
        return e
    }
}

extension JSONValue {
    func removing(_ key: String) -> JSONValue {
        guard case .object(let pairs) = self else { return self }
        return .object(pairs.filter { $0.0 != key })
    }
}
