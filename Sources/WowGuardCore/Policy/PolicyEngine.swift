
/// Decides allow / ask / deny for an agent's tool call. Pure: the caller supplies the context
/// (project, home, cwd) and the secret scanner built from the merged configuration.
public struct PolicyEngine: Sendable {
    private let lazyScanner: LazyValue<SecretScanner>
    public let context: GuardContext

    /// The secret scanner, built on first use: a shell command or a read never needs it, and
    /// building it (configuration, rule catalog, keyword index) is most of a hook call's own cost.
    public var scanner: SecretScanner { lazyScanner.value }

    public init(scanner: @escaping @Sendable () -> SecretScanner, context: GuardContext) {
        self.lazyScanner = LazyValue(scanner)
        self.context = context
    }

    public init(scanner: SecretScanner, context: GuardContext) {
        self.init(scanner: { scanner }, context: context)
    }

    public func evaluate(_ call: ToolCall) -> [Verdict] {
        switch call {
        case .shell(let command):
            return ShellAnalyzer.analyze(command, context: context.shellContext)
        case .powershell(let command):
            return PowerShellAnalyzer.analyze(command, context: context.shellContext)
        case .write(let path, let content):
            return writeVerdicts(path: path, texts: [content], wholeFile: true)
        case .edit(let path, let texts):
            return writeVerdicts(path: path, texts: texts, wholeFile: false)
        case .read(let path):
            return PathPolicy.readVerdicts(context.absolute(path), context: context)
        case .search(let pattern, let path, let glob):
            return searchVerdicts(pattern: pattern, path: path, glob: glob)
        case .fetch(let url):
            return URLPolicy.fetchVerdicts(url)
                + secretVerdicts(in: [url], path: "web-fetch", rule: PolicyRules.secretInURL, what: "sends a secret in a URL")
        case .webSearch(let query):
            return secretVerdicts(in: [query], path: "web-search", rule: PolicyRules.secretInQuery,
                                  what: "sends a secret to a web search")
        case .delegate(let prompt):
            return secretVerdicts(in: [prompt], path: "agent-prompt", rule: PolicyRules.secretInPrompt,
                                  what: "passes a secret to a sub-agent")
        case .mcp(let name, let input):
            return mcpVerdicts(name: name, input: input)
        case .other(let name, let input):
            return secretVerdicts(in: input.strings(), path: name, rule: PolicyRules.secretToTool,
                                  what: "passes a secret to the \(name) tool")
        }
    }

    // MARK: - Write / Edit

    func writeVerdicts(path raw: String, texts: [String], wholeFile: Bool) -> [Verdict] {
        let path = context.absolute(raw)
        var verdicts = SelfProtection.writeVerdicts(path)
        verdicts += PathPolicy.writeVerdicts(path, context: context)
        verdicts += PathPolicy.autorunVerdicts(path, texts: texts)
        let relative = context.projectRelative(path)
        verdicts += secretVerdicts(in: texts, path: relative, rule: PolicyRules.secretWrite,
                                   what: "writes a secret into \(Paths.baseName(path))")
        verdicts += ExecutableContent.verdicts(path: relative, texts: texts, wholeFile: wholeFile, context: context.shellContext)
        verdicts += WrittenContent.verdicts(path: path, texts: texts, context: context)
        return verdicts
    }

    /// Secrets found in `texts`; `path` is what allowlist globs see.
    /// The same for a rule given by id and decision (callers outside the catalog's policy rules).
    public func secretVerdicts(in texts: [String], path: String, ruleID: String, decision: Decision, what: String) -> [Verdict] {
        secretVerdicts(in: texts, path: path, rule: GuardRule(ruleID, decision, what, kind: .policy), what: what)
    }

    public func secretVerdicts(in texts: [String], path: String, rule: GuardRule, what: String) -> [Verdict] {
        var out: [Verdict] = []
        for text in texts where !text.isEmpty {
            for f in scanner.scan(text, path: path) {
                out.append(rule.verdict(f.ruleID, reason: "\(what): \(f.description) (\(f.ruleID), \(f.redactedSecret)); load it from the environment or a secret manager instead"))
            }
        }
        return out
    }

    // MARK: - Glob / Grep

    /// Home directories that hold little but credentials: searching inside them is reading them.
    static let credentialDirectories = [".ssh", ".aws", ".kube", ".docker", ".config/gcloud", ".azure", ".gnupg",
                                        ".password-store", ".config/gh", ".vault-token", ".netrc", ".git-credentials"]

    func searchVerdicts(pattern: String, path: String?, glob: String?) -> [Verdict] {
        var out: [Verdict] = []
        let isContentSearch = glob != nil || path != nil && !pattern.contains("*")
        // Where the search looks, and what it looks for when that is a path pattern (Glob).
        for candidate in [path, glob, pattern].compactMap({ $0 }) where candidate.contains("/") || candidate.hasPrefix("~") || candidate.hasPrefix(".") {
            let abs = context.absolute(candidate.replacingGlobStars())
            for v in PathPolicy.readVerdicts(abs, context: context) where v.decision == .deny {
                out.append(PolicyRules.searchCredentialStore.verdict(candidate, reason: "searches a credential store: \(v.reason)"))
            }
            if let home = context.homeDir {
                for dir in PolicyEngine.credentialDirectories where Paths.isWithin(abs, home + "/" + dir) {
                    out.append(PolicyRules.searchCredentialStore.verdict(candidate, reason: "searches ~/\(dir), where credentials live"))
                    break
                }
                if isContentSearch && (abs == home || abs == "/") {
                    out.append(PolicyRules.searchHome.verdict(candidate, reason: "searches the contents of the whole \(abs == "/" ? "file system" : "home directory"), credential stores included"))
                }
            }
        }
        if pattern.contains("PRIVATE KEY") || pattern.lowercased().contains("aws_secret_access_key") {
            let scope = context.absolute(path ?? ".")
            if let project = context.projectDir, !Paths.isWithin(scope, project) {
                out.append(PolicyRules.searchSecrets.verdict(pattern))
            }
        }
        return out
    }

    // MARK: - MCP tools

    /// What an MCP tool does to files, from the last part of its name (`mcp__fs__write_file` → `write_file`).
    enum MCPFileOperation { case write(whole: Bool), move(copy: Bool), delete, other }

    static func mcpOperation(_ name: String) -> MCPFileOperation {
        var op = Substring(name.lowercased())
        if let r = op.shRange(ofLiteral: "__") { op = op[r.upperBound...]; if let r2 = op.shRange(ofLiteral: "__") { op = op[r2.upperBound...] } }
        if ["move", "rename", "mv"].contains(where: { op.contains($0) }) { return .move(copy: false) }
        if op.contains("copy") || op == "cp" { return .move(copy: true) }
        if ["delete", "remove", "unlink", "trash"].contains(where: { op.contains($0) }) || op == "rm" { return .delete }
        if ["write", "create_file", "save", "overwrite", "put_file", "upload_file", "new_file"].contains(where: { op.contains($0) }) { return .write(whole: true) }
        if ["edit", "replace", "patch", "insert", "append", "update_file", "apply", "modify"].contains(where: { op.contains($0) }) { return .write(whole: false) }
        return .other
    }

    static let mcpPathKeys: Set<String> = ["path", "file_path", "filepath", "filename", "file", "target_file", "absolute_path", "notebook_path", "uri"]
    static let mcpSourceKeys: Set<String> = ["source", "src", "from", "old_path", "oldpath", "source_path"]
    static let mcpDestinationKeys: Set<String> = ["destination", "dest", "dst", "to", "new_path", "newpath", "target", "destination_path", "target_path"]
    static let mcpContentKeys: Set<String> = ["content", "contents", "text", "new_text", "newtext", "new_string", "new_str", "file_text", "data", "body",
                                              "code", "replacement", "new_source", "insert_text", "value"]

    func mcpVerdicts(name: String, input: JSONValue) -> [Verdict] {
        var out = secretVerdicts(in: input.strings(), path: name, rule: PolicyRules.secretToMCP,
                                 what: "sends a secret to the MCP tool \(name)")
        guard case .object(let fields) = input else { return out }
        let operation = Self.mcpOperation(name)
        var paths: [String] = [], sources: [String] = [], destinations: [String] = [], contents: [String] = []
        func collectContent(_ v: JSONValue, depth: Int) {
            guard depth < 4 else { return }
            if case .object(let kv) = v {
                for (k, x) in kv {
                    if Self.mcpContentKeys.contains(k.lowercased()), let s = x.string { contents.append(s) }
                    else if Self.mcpPathKeys.contains(k.lowercased()), let s = x.string { paths.append(s) }
                    else { collectContent(x, depth: depth + 1) }
                }
            }
            if case .array(let items) = v { for x in items.prefix(64) { collectContent(x, depth: depth + 1) } }
        }
        for (key, value) in fields {
            let k = key.lowercased()
            if let s = value.string {
                if Self.mcpPathKeys.contains(k) { paths.append(s.hasPrefix("file://") ? String(s.dropFirst(7)) : s) }
                if Self.mcpSourceKeys.contains(k) { sources.append(s) }
                if Self.mcpDestinationKeys.contains(k) { destinations.append(s) }
                if Self.mcpContentKeys.contains(k) { contents.append(s) }
            } else if k == "paths", case .array(let items) = value {
                paths += items.compactMap(\.string)
            } else {
                collectContent(value, depth: 0)
            }
            guard let s = value.string else { continue }
            switch k {
            case "command", "cmd", "script", "shell":
                out += ShellAnalyzer.analyze(s, context: context.shellContext)
            case "url", "uri":
                if s.contains("://") && !s.hasPrefix("file://") { out += URLPolicy.fetchVerdicts(s) }
            default: break
            }
        }
        for p in paths + sources { out += PathPolicy.readVerdicts(context.absolute(p), context: context).filter { $0.decision == .deny } }
        switch operation {
        case .write(let whole):
            for p in paths + destinations { out += writeVerdicts(path: p, texts: contents, wholeFile: whole) }
        case .move(let copy):
            // The same policy as `mv`/`cp` in the shell (self-protection, credentials, system files), and the destination's.
            let srcs = sources.isEmpty ? paths.prefix(1).map { $0 } : sources
            let dsts = destinations.isEmpty ? Array(paths.dropFirst()) : destinations
            for s in srcs { for d in dsts {
                out += ShellAnalyzer.analyze((copy ? "cp -r -- " : "mv -- ") + ShellWordQuote.quote(s) + " " + ShellWordQuote.quote(d), context: context.shellContext)
                out += writeVerdicts(path: d, texts: [], wholeFile: true)
            } }
        case .delete:
            for p in paths { out += ShellAnalyzer.analyze("rm -rf -- " + ShellWordQuote.quote(p), context: context.shellContext) }
        case .other:
            if name.lowercased().contains("write") || name.lowercased().contains("edit") {
                for p in paths { out += SelfProtection.writeVerdicts(context.absolute(p)) }
            }
        }
        return out
    }
}

/// Quoting a path for a shell command line the policy analyses itself (`~` stays active).
enum ShellWordQuote {
    static func quote(_ s: String) -> String {
        if s == "~" { return "~" }
        if s.hasPrefix("~/") { return "~/" + ShText.quote(String(s.dropFirst(2))) }
        return ShText.quote(s)
    }
}

extension String {
    /// `~/.ssh/**/*` → `~/.ssh`: a glob's fixed directory prefix.
    func replacingGlobStars() -> String {
        guard let star = firstIndex(where: { "*?[{".contains($0) }) else { return self }
        let prefix = self[..<star]
        guard let slash = prefix.lastIndex(of: "/") else { return "." }
        return String(prefix[..<slash])
    }
}

/// Executable content in files an agent writes: the script detectors (shell scripts, Dockerfiles,
/// CI workflows, package.json scripts, Makefiles, …) and invisible Unicode. Prose, docs and tests
/// are data.
public enum ExecutableContent {
    public static func verdicts(path: String, texts: [String], wholeFile: Bool, context: ShellContext) -> [Verdict] {
        let detector = ScriptDetector(allowlist: Allowlist(), context: context)
        var findings: [Finding] = []
        for text in texts where !text.isEmpty {
            if wholeFile {
                findings += detector.scan(path: path, text: text)
            } else {
                // A fragment: as a changed file whose only added lines are the fragment.
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let kind = ScriptExtractor.kind(path: path, firstLine: nil)
                findings += detector.detect(ChangedFile(path: path, hunks: [AddedHunk(startLine: 1, lines: lines)],
                                                        newText: kind == .shell ? text : nil))
            }
        }
        var seen = Set<String>()
        return findings.compactMap { f in
            guard seen.insert(f.ruleID).inserted else { return nil }
            let decision: Decision = f.severity >= .high ? .deny : .ask
            return Verdict(ruleID: f.ruleID, decision: decision, reason: "writes \(f.description) (line \(f.line))", subject: f.redactedSecret)
        }
    }
}

/// A value computed once, on first use (thread-safe).
final class LazyValue<T: Sendable>: Sendable {
    private let make: @Sendable () -> T
    private let state = Locked<T?>(nil)

    init(_ make: @escaping @Sendable () -> T) { self.make = make }

    var value: T {
        state.withLock { v in
            if let v { return v }
            let made = make()
            v = made
            return made
        }
    }
}
