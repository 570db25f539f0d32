import WowGuardCore
import WowGuardSystem

/// The coding agents whose tool hooks wow-guard speaks (the `--agent` names).
public enum AgentKind: String, CaseIterable, Sendable {
    case claude, codex, gemini, copilot, cursor, windsurf
}

/// What a hook call is about, independent of the agent's spelling of it.
public enum HookEventKind: String, Sendable {
    /// Before a tool runs: allow / ask / deny.
    case preTool = "pre-tool"
    /// The agent is about to ask the user for permission (Codex, Claude `PermissionRequest`).
    case permissionRequest = "permission-request"
    /// After a tool ran: its output is what the agent has now seen.
    case postTool = "post-tool"
    /// The user's prompt, before the model sees it.
    case prompt
}

/// A decoded hook call.
public struct HookEvent: Sendable {
    public var kind: HookEventKind
    /// The agent's own name of the event (`PreToolUse`, `beforeShellExecution`, `pre_run_command`, …).
    public var name: String
    public var toolName: String
    /// The tool calls to judge (pre-tool, permission request; post-tool: the call that ran).
    public var calls: [ToolCall]
    public var cwd: String?
    /// The project root the payload names (Cursor's `workspace_roots`), if any.
    public var projectDir: String?
    public var sessionID: String?
    /// Post-tool: the texts the tool returned; prompt: the prompt.
    public var texts: [String]

    public init(kind: HookEventKind, name: String, toolName: String = "", calls: [ToolCall] = [], cwd: String? = nil,
                projectDir: String? = nil, sessionID: String? = nil, texts: [String] = []) {
        self.kind = kind
        self.name = name
        self.toolName = toolName
        self.calls = calls
        self.cwd = cwd
        self.projectDir = projectDir
        self.sessionID = sessionID
        self.texts = texts
    }
}

public struct HookInputError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// The event the input was for, when that much could be read (the reply is shaped for it).
    public var event: HookEvent?
    public var description: String { message }
    public init(_ m: String, event: HookEvent? = nil) {
        message = m
        self.event = event
    }
}

/// What to print and how to exit.
public struct HookReply: Equatable, Sendable {
    public var stdout: String
    public var stderr: String
    public var exitCode: Int32

    public init(stdout: String = "", stderr: String = "", exitCode: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitCode = exitCode
    }

    /// No decision: exit 0, nothing printed (the agent's own permission rules apply).
    public static let none = HookReply()

    static func json(_ v: JSONValue) -> HookReply { HookReply(stdout: v.serialized() + "\n") }
}

/// Where an install goes: the project's settings (committed, shared) or the user's.
public enum InstallScope: String, Sendable, CaseIterable { case project, user }

/// One hook entry to register: the agent's event name and, where the agent filters by tool, a matcher.
public struct HookRegistration: Sendable, Equatable {
    public var event: String
    public var matcher: String?
    public init(_ event: String, matcher: String? = nil) {
        self.event = event
        self.matcher = matcher
    }
}

/// A hook command found in an agent's settings (for `doctor` / `check-install`).
public struct ConfiguredHook: Sendable, Equatable {
    public var agent: AgentKind
    public var settingsFile: String
    public var event: String
    public var command: String
}

/// One agent: everything wow-guard knows about it lives in its adapter (one file per agent).
public protocol AgentAdapter: Sendable {
    var kind: AgentKind { get }
    var displayName: String { get }
    /// The agent's hook documentation, and the date it was last checked against it.
    var documentation: String { get }
    var checkedOn: String { get }
    /// An environment variable the agent sets to the project root for hook commands, if any.
    var projectDirectoryVariable: String? { get }

    /// Decodes a payload; nil for an event the guard does not handle (the reply is then no
    /// decision at all, never one shaped for another event).
    func decode(_ json: JSONValue) throws(HookInputError) -> HookEvent?
    /// Whether the agent can put a question to the user at this event.
    func canAsk(at event: HookEvent) -> Bool
    /// The reply carrying `decision` (never `.allow`: allow is no reply) for this event.
    func reply(_ decision: Decision, reason: String, to event: HookEvent) -> HookReply
    /// The reply for input that cannot be read, shaped for `event` when it is known.
    func malformed(_ why: String, event: HookEvent?) -> HookReply

    /// The settings file, relative to the project root or the home directory.
    func settingsPath(scope: InstallScope) -> String?
    /// The hook entries wow-guard installs.
    var registrations: [HookRegistration] { get }
    /// The settings-file entry that runs `command` for one registration.
    func entry(_ registration: HookRegistration, command: String) -> JSONValue
    /// Top-level fields of a new settings file (Cursor and Copilot: `version: 1`).
    var newFileFields: [(String, JSONValue)] { get }
    /// Extra edits an install needs on this machine (e.g. switching hooks on), with a message.
    func extraInstallEdits(host: HookHost) -> [(path: [String], value: JSONValue, note: String)]
    /// Whether the agent looks used here (its project folder or its user settings exist).
    func detect(project: String?, home: String?) -> Bool
}

extension AgentAdapter {
    public var projectDirectoryVariable: String? { nil }
    public var newFileFields: [(String, JSONValue)] { [] }
    public func extraInstallEdits(host: HookHost) -> [(path: [String], value: JSONValue, note: String)] { [] }
    public var checkedOn: String { "2026-12-07" }

    /// The hook command: portable (`wow-guard` on PATH) in project settings that teams commit,
    /// the absolute path of this binary in the user's own settings.
    public func command(scope: InstallScope, binary: String) -> String {
        let exe = scope == .project ? "wow-guard" : ShellWords.quote(binary)
        return exe + " hook" + (kind == .claude ? "" : " --agent \(kind.rawValue)")
    }

    public func detect(project: String?, home: String?) -> Bool {
        for scope in InstallScope.allCases {
            guard let base = scope == .project ? project : home, let rel = settingsPath(scope: scope) else { continue }
            let dir = rel.split(separator: "/").first.map(String.init) ?? rel
            if Posix.exists(base + "/" + dir) { return true }
        }
        return false
    }
}

/// All adapters, and lookup by name: the entry point for `install`, `doctor` and the hook.
public enum AgentAdapters {
    public static let all: [any AgentAdapter] = [
        ClaudeCodeAdapter(), CodexAdapter(), GeminiCLIAdapter(), CopilotCLIAdapter(), CursorAdapter(), WindsurfAdapter(),
    ]

    /// Adding an agent: its file under `Agents/`, its fixtures, its case in `AgentKind` and its
    /// entry in `all`.
    public static func adapter(for kind: AgentKind) -> any AgentAdapter {
        guard let a = all.first(where: { $0.kind == kind }) else { preconditionFailure("no adapter for \(kind)") }
        return a
    }

    /// The agents that look used in this project or by this user.
    public static func detected(project: String?, home: String?) -> [any AgentAdapter] {
        all.filter { $0.detect(project: project, home: home) }
    }
}

/// Shared reply shapes.
enum Replies {
    /// `{"hookSpecificOutput": {"hookEventName": E, "permissionDecision": d, "permissionDecisionReason": r}}`
    static func permissionDecision(_ eventName: String, _ decision: Decision, _ reason: String) -> JSONValue {
        .object([("hookSpecificOutput", .object([
            ("hookEventName", .string(eventName)),
            ("permissionDecision", .string(decision.rawValue)),
            ("permissionDecisionReason", .string(reason)),
        ]))])
    }

    /// A `PermissionRequest` answer: `decision.behavior` allow/deny with a message.
    static func permissionRequest(_ decision: Decision, _ reason: String) -> JSONValue {
        .object([("hookSpecificOutput", .object([
            ("hookEventName", .string("PermissionRequest")),
            ("decision", .object([("behavior", .string(decision == .deny ? "deny" : "allow")), ("message", .string(reason))])),
        ]))])
    }

    /// `{"decision": "block", "reason": r}`: PostToolUse / UserPromptSubmit of Claude Code and Codex.
    static func block(_ reason: String) -> JSONValue {
        .object([("decision", .string("block")), ("reason", .string(reason))])
    }

    /// Claude-style commands settings entry.
    static func commandGroup(matcher: String?, command: String, timeout: String) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let matcher { pairs.append(("matcher", .string(matcher))) }
        pairs.append(("hooks", .array([.object([
            ("type", .string("command")), ("command", .string(command)), ("timeout", .number(timeout)),
        ])])))
        return .object(pairs)
    }

    static func string(_ json: JSONValue, _ keys: String...) -> String? {
        for k in keys { if let v = json[k]?.string { return v } }
        return nil
    }
}
