import WowGuardCore

/// Tool names and inputs of all supported agents, mapped to the agent-independent tool calls.
enum ToolCalls {
    /// Maps a tool name and its input to tool calls. Names of all supported agents are understood;
    /// unknown tools fall back on the shape of their input.
    static func calls(tool: String, input: JSONValue, agent: AgentKind, event: HookEvent? = nil) throws(HookInputError) -> [ToolCall] {
        func str(_ keys: String...) -> String? {
            for k in keys { if let v = input[k]?.string { return v } }
            return nil
        }
        func require(_ v: String?, _ what: String) throws(HookInputError) -> String {
            guard let v else { throw HookInputError("\(tool) input has no \(what)", event: event) }
            return v
        }
        if tool.hasPrefix("mcp__") || tool.hasPrefix("mcp_") { return [.mcp(name: tool, input: input)] }
        switch tool.lowercased() {
        case "powershell", "pwsh":
            return [.powershell(command: try require(str("command", "cmd"), "command"))]
        case "bash", "shell", "run_shell_command", "local_shell", "exec_command", "container.exec":
            if let parts = input["command"]?.array {
                // Codex sends argv, e.g. ["bash", "-lc", "script"].
                let argv = parts.compactMap(\.string)
                return [.shell(command: argv.map(ShellWords.quote).joined(separator: " "))]
            }
            return [.shell(command: try require(str("command", "cmd"), "command"))]
        case "apply_patch":
            return ApplyPatch.calls(try require(str("command", "patch", "input"), "patch"))
        case "write", "write_file", "create", "create_file", "tabwrite":
            return [.write(path: try require(str("file_path", "path", "absolute_path"), "file_path"),
                           content: str("content", "contents", "file_text", "text") ?? "")]
        case "edit", "replace", "str_replace", "str_replace_editor", "edit_file", "search_replace", "strreplace", "multi_edit":
            let path = try require(str("file_path", "path", "absolute_path", "target_file"), "file_path")
            if str("command") == "view" { return [.read(path: path)] }
            if str("command") == "create" { return [.write(path: path, content: str("file_text") ?? "")] }
            return [.edit(path: path, newTexts: [str("new_string", "new_str", "code_edit", "file_text", "content") ?? ""])]
        case "multiedit":
            let path = try require(str("file_path"), "file_path")
            return [.edit(path: path, newTexts: (input["edits"]?.array ?? []).compactMap { $0["new_string"]?.string })]
        case "notebookedit":
            return [.edit(path: try require(str("notebook_path"), "notebook_path"), newTexts: [str("new_source") ?? ""])]
        case "delete", "delete_file", "rm":
            return [.edit(path: try require(str("file_path", "path", "target_file"), "file_path"), newTexts: [])]
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
