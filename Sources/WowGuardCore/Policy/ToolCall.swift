/// An agent's tool call, independent of the agent's protocol.
public enum ToolCall: Sendable {
    /// Bash, PowerShell, Codex shell, Gemini `run_shell_command`, Cursor `beforeShellExecution`, …
    case shell(command: String)
    /// Claude Code's `PowerShell` tool, Copilot's `powershell`: the PowerShell analyzer.
    case powershell(command: String)
    /// Write (whole content) and NotebookEdit (`new_source`).
    case write(path: String, content: String)
    /// Edit / MultiEdit / apply_patch: the new text fragments.
    case edit(path: String, newTexts: [String])
    case read(path: String)
    /// Glob and Grep: a search pattern and where it looks.
    case search(pattern: String, path: String?, glob: String?)
    case fetch(url: String)
    case webSearch(query: String)
    /// Agent (formerly Task): a prompt for a sub-agent.
    case delegate(prompt: String)
    /// `mcp__<server>__<tool>` with its arbitrary input.
    case mcp(name: String, input: JSONValue)
    /// Any other tool: nothing to check beyond secrets in its input.
    case other(name: String, input: JSONValue)

    public var toolKind: String {
        switch self {
        case .shell, .powershell: "shell"
        case .write: "write"
        case .edit: "edit"
        case .read: "read"
        case .search: "search"
        case .fetch: "fetch"
        case .webSearch: "web-search"
        case .delegate: "agent"
        case .mcp: "mcp"
        case .other: "other"
        }
    }
}

/// Where the agent works: the project (deleting and writing inside it is normal work), the home
/// directory (credential stores live there) and the current directory (relative paths).
public struct GuardContext: Sendable {
    public var projectDir: String?
    public var homeDir: String?
    public var cwd: String?
    public var tempDirs: [String]

    public init(projectDir: String?, homeDir: String?, cwd: String?,
                tempDirs: [String] = ["/tmp", "/var/tmp", "/private/tmp", "/dev/shm", "/private/var/folders"]) {
        self.projectDir = projectDir.map { Paths.normalize($0, cwd: nil, home: homeDir) }
        self.homeDir = homeDir.map { Paths.normalize($0, cwd: nil, home: nil) }
        self.cwd = cwd.map { Paths.normalize($0, cwd: nil, home: homeDir) }
        self.tempDirs = tempDirs
    }

    public var shellContext: ShellContext {
        ShellContext(projectDir: projectDir, homeDir: homeDir, cwd: cwd ?? projectDir, tempDirs: tempDirs)
    }

    /// Absolute, normalised form of a path an agent gave (relative paths against cwd, then project).
    public func absolute(_ path: String) -> String {
        Paths.normalize(path, cwd: cwd ?? projectDir, home: homeDir)
    }

    /// `path` relative to the project, for allowlist globs and messages (absolute when outside).
    public func projectRelative(_ absolutePath: String) -> String {
        guard let p = projectDir, Paths.isWithin(absolutePath, p), absolutePath != p else { return absolutePath }
        return String(absolutePath.dropFirst(p == "/" ? 1 : p.count + 1))
    }
}

/// Path normalisation without touching the file system (the core does no I/O).
public enum Paths {
    /// Expands `~`, `$HOME`, `${HOME}`; makes relative paths absolute against `cwd`; turns
    /// backslashes into slashes; resolves `.` and `..`; drops duplicate and trailing slashes.
    public static func normalize(_ raw: String, cwd: String?, home: String?) -> String {
        var p = raw.replacingBackslashes()
        if let home {
            if p == "~" || p.hasPrefix("~/") { p = home + p.dropFirst(1) }
            for v in ["${HOME}", "$HOME"] where p == v || p.hasPrefix(v + "/") { p = home + p.dropFirst(v.count) }
        }
        // Windows drive letters: C:/Users/... is treated as absolute.
        let isWindowsAbsolute = p.count >= 3 && p.dropFirst().hasPrefix(":/") && p.first!.isLetter
        if !p.hasPrefix("/") && !isWindowsAbsolute {
            p = (cwd ?? "/") + "/" + p
        }
        var parts: [Substring] = []
        for seg in p.split(separator: "/", omittingEmptySubsequences: true) {
            if seg == "." { continue }
            if seg == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(seg)
        }
        // Joined by hand: the generic `joined(separator:)` over substrings costs a run-time
        // conformance lookup on first use, which is measurable on every hook call.
        var out = isWindowsAbsolute ? "" : "/"
        for (k, part) in parts.enumerated() {
            if k > 0 { out += "/" }
            out += part
        }
        return out
    }

    public static func isWithin(_ path: String, _ dir: String) -> Bool {
        dir == "/" || path == dir || path.hasPrefix(dir.hasSuffix("/") ? dir : dir + "/")
    }

    public static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

extension String {
    func replacingBackslashes() -> String {
        contains("\\") ? String(map { $0 == "\\" ? "/" : $0 }) : self
    }
}
