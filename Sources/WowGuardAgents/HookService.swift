import WowGuardCore
import WowGuardStore

/// The agent hook, callable in-process: payload bytes and a host in, the agent's reply out.
/// `wow-guard hook` is a thin shell around it (stdin in, stdout/stderr/exit code out).
public enum HookService {
    public static let maxInputBytes = 32 * 1024 * 1024

    /// The whole call: parse, decode, judge, answer.
    public static func handle(agent: AgentKind, bytes: [UInt8], host: HookHost) -> HookReply {
        let adapter = AgentAdapters.adapter(for: agent)
        if bytes.count > maxInputBytes { return adapter.malformed("input larger than \(maxInputBytes / 1_048_576) MiB", event: nil) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return adapter.malformed("empty input", event: nil) }
        let parsed: Result<JSONValue, JSONValue.ParseError> = bytes.withUnsafeBytes { b in
            do throws(JSONValue.ParseError) { return .success(try JSONValue.parse(b)) } catch { return .failure(error) }
        }
        let json: JSONValue
        switch parsed {
        case .success(let v): json = v
        case .failure(let e): return adapter.malformed(e.description, event: nil)
        }
        guard json.isObject else { return adapter.malformed("the hook input is not a JSON object", event: nil) }
        let event: HookEvent
        do {
            guard let e = try adapter.decode(json) else { return .none }
            event = e
        } catch {
            return adapter.malformed(error.message, event: error.event)
        }
        let started = host.now()
        let state = host.state.map { StateStore(settings: $0) }
        let context = context(for: event, adapter: adapter, host: host)
        var verdicts: [Verdict]
        var seen: [(verdict: Verdict, secret: String)] = []
        if event.kind == .postTool {
            let projectDir = context.projectDir
            let engine = PolicyEngine(scanner: { scanner(host: host, projectDir: projectDir) }, context: context)
            seen = seenSecretVerdicts(event, engine: engine)
            verdicts = seen.map(\.verdict)
        } else {
            verdicts = judge(event, adapter: adapter, host: host)
        }
        if let state { verdicts += SessionState.verdicts(for: event, verdicts: verdicts, seen: seen, context: context, host: host, store: state) }
        let reply = answer(verdicts, event: event, adapter: adapter)
        if let state {
            var decision = verdicts.decision
            if decision == .ask && !adapter.canAsk(at: event) { decision = .deny }
            if reply == .none { decision = .allow }
            SessionState.record(event: event, agent: agent, verdicts: verdicts, decision: decision, context: context,
                                started: started, host: host, store: state)
        }
        return reply
    }

    /// Where the agent works.
    public static func context(for event: HookEvent, adapter: any AgentAdapter, host: HookHost) -> GuardContext {
        let cwd = event.cwd ?? host.cwd
        let fromEnv = adapter.projectDirectoryVariable.flatMap { host.environment($0) }
        let project = fromEnv ?? event.projectDir ?? host.projectRoot(cwd) ?? cwd
        return GuardContext(projectDir: project, homeDir: host.home, cwd: cwd)
    }

    /// The verdicts for one event.
    public static func judge(_ event: HookEvent, adapter: any AgentAdapter, host: HookHost) -> [Verdict] {
        let context = context(for: event, adapter: adapter, host: host)
        let projectDir = context.projectDir
        let engine = PolicyEngine(scanner: { scanner(host: host, projectDir: projectDir) }, context: context)
        switch event.kind {
        case .preTool, .permissionRequest:
            var verdicts: [Verdict] = []
            for call in event.calls {
                verdicts += engine.evaluate(call)
                // A symbolic link is judged by what it points to as well (`notes.txt -> ~/.ssh/id_rsa`).
                if let target = resolvedTarget(of: call, context: context, host: host) { verdicts += engine.evaluate(target) }
            }
            return verdicts
        case .postTool:
            return seenSecretVerdicts(event, engine: engine).map(\.verdict)
        case .prompt:
            return engine.secretVerdicts(in: event.texts, path: "prompt", ruleID: "secret.in-prompt", decision: .deny,
                                         what: "the prompt carries a secret, which would go to the model provider")
        }
    }

    /// Secrets in what a tool returned: the agent has seen them; tell it not to repeat or send them.
    static func seenSecretVerdicts(_ event: HookEvent, engine: PolicyEngine) -> [(verdict: Verdict, secret: String)] {
        var out: [(Verdict, String)] = []
        for text in event.texts where !text.isEmpty {
            for f in engine.scanner.scan(text, path: "tool-output") {
                out.append((Verdict(ruleID: "secret.seen", decision: .deny,
                                    reason: "the output of \(event.toolName.isEmpty ? "the tool" : event.toolName) contains \(f.description) (\(f.ruleID), \(f.redactedSecret)): do not repeat, store or send it",
                                    subject: f.ruleID), f.secret))
            }
        }
        return out
    }

    /// The reply for the verdicts: nothing for allow; ask becomes deny where the agent cannot ask.
    public static func answer(_ verdicts: [Verdict], event: HookEvent, adapter: any AgentAdapter) -> HookReply {
        var decision = verdicts.decision
        guard decision != .allow else { return .none }
        let askBecameDeny = decision == .ask && !adapter.canAsk(at: event)
        if askBecameDeny { decision = .deny }
        return adapter.reply(decision, reason: message(verdicts, askBecameDeny: askBecameDeny), to: event)
    }

    /// The merged configuration's scanner; a broken file is reported and skipped.
    static func scanner(host: HookHost, projectDir: String?) -> SecretScanner {
        let (config, warning) = host.configuration(projectDir)
        if let warning { HookDiagnostics.warn("wow-guard: ignoring configuration: \(warning)") }
        return SecretScanner(rules: config.rules(), allowlist: config.allowlist, jit: false, minimumConfidence: config.blockConfidence)
    }

    /// One message for all verdicts (agents cap strings at 10,000 characters; we stay far below).
    public static func message(_ verdicts: [Verdict], askBecameDeny: Bool) -> String {
        var seen = Set<String>()
        var parts: [String] = []
        for v in verdicts.sorted(by: { $0.decision > $1.decision }) where seen.insert(v.ruleID + v.reason).inserted {
            parts.append("[\(v.ruleID)] \(v.reason)")
            if parts.count == 5 { break }
        }
        var text = "wow-guard: " + parts.joined(separator: "; ")
        if askBecameDeny { text += ". This needs a person's confirmation, which this agent cannot ask for here: run it yourself if it is intended." }
        if text.count > 4000 { text = String(text.prefix(4000)) + "…" }
        return text
    }

    /// The same call on the path a symbolic link resolves to, when it differs.
    public static func resolvedTarget(of call: ToolCall, context: GuardContext, host: HookHost) -> ToolCall? {
        func resolve(_ p: String) -> String? {
            let abs = context.absolute(p)
            // A file that does not exist yet is reached through its existing ancestors.
            var existing = abs
            var rest: [Substring] = []
            while host.realPath(existing) == nil, let slash = existing.lastIndex(of: "/"), slash != existing.startIndex {
                rest.insert(existing[existing.index(after: slash)...], at: 0)
                existing = String(existing[..<slash])
            }
            guard let base = host.realPath(existing) else { return nil }
            let real = ([base] + rest.map(String.init)).joined(separator: "/")
            return real != abs ? real : nil
        }
        switch call {
        case .read(let p): return resolve(p).map { .read(path: $0) }
        case .write(let p, let c): return resolve(p).map { .write(path: $0, content: c) }
        case .edit(let p, let t): return resolve(p).map { .edit(path: $0, newTexts: t) }
        default: return nil
        }
    }
}

/// Where the hook's own warnings go (stderr in the binary; collected in tests).
public enum HookDiagnostics {
    nonisolated(unsafe) public static var sink: (String) -> Void = { _ in }
    static func warn(_ s: String) { sink(s) }
}
