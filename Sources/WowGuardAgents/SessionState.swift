import WowGuardCore
import WowGuardStore

/// What the hook keeps between calls: the audit log, the secrets the agent has seen (taint) and
/// the session's denied attempts (escalation). A store that cannot be used never changes a
/// decision for the better: the decision is made and returned, the problem goes to stderr.
enum SessionState {
    /// Extra verdicts from the session: tainted secrets leaving, escalation of asks.
    static func verdicts(for event: HookEvent, verdicts: [Verdict], seen: [(verdict: Verdict, secret: String)], context: GuardContext,
                         host: HookHost, store: StateStore) -> [Verdict] {
        var out: [Verdict] = []
        let now = host.now()
        switch event.kind {
        case .postTool:
            // Remember what the agent has just seen (keyed digests only, with a time to live).
            guard !seen.isEmpty else { return [] }
            let origin = originOf(event, context: context)
            do {
                try store.taint(seen.map { (value: $0.secret, rule: $0.verdict.subject) }, origin: origin, session: event.sessionID ?? "", now: now)
            } catch { warn("cannot remember the secret the agent has seen: \(error.description)") }
        case .preTool, .permissionRequest, .prompt:
            let outgoing = outgoingTexts(event)
            if !outgoing.isEmpty {
                do {
                    if let matcher = try store.taintMatcher(now: now) {
                        for (texts, target) in outgoing {
                            for t in texts {
                                for m in matcher.matches(in: t) where m.origin != target {
                                    out.append(Verdict(ruleID: "taint.secret-leaves", decision: .deny,
                                                       reason: "sends or writes a secret the agent saw earlier (\(m.rule), seen in \(m.origin)), even in another form",
                                                       subject: m.rule))
                                }
                            }
                        }
                    }
                } catch { warn("cannot check for secrets the agent has seen: \(error.description)") }
            }
            // Escalation: after N denied attempts in a session, what would be asked is denied.
            let settings = store.settings
            if settings.escalateAfter > 0, event.kind == .preTool, let session = event.sessionID, !session.isEmpty,
               (verdicts + out).decision == .ask {
                do {
                    let denied = try store.denies(session: session, since: now - 86_400)
                    if denied >= settings.escalateAfter {
                        out.append(Verdict(ruleID: "session.escalated", decision: .deny,
                                           reason: "\(denied) calls were denied earlier in this session, so what would need confirmation is denied (WOW_GUARD_ESCALATE_AFTER=\(settings.escalateAfter))",
                                           subject: session))
                    }
                } catch { warn("cannot read the session's history: \(error.description)") }
            }
        }
        for n in store.takeNotices() { warn(n) }
        return out
    }

    /// Texts that leave the agent's machine or land in a file, with the file they go to.
    static func outgoingTexts(_ event: HookEvent) -> [([String], String?)] {
        if event.kind == .prompt { return [] }
        return event.calls.compactMap { call -> ([String], String?)? in
            switch call {
            case .shell(let c), .powershell(let c): return ([c], nil)
            case .write(let p, let content): return ([content], p)
            case .edit(let p, let texts): return (texts, p)
            case .fetch(let url): return ([url], nil)
            case .webSearch(let q): return ([q], nil)
            case .delegate(let p): return ([p], nil)
            case .mcp(_, let input), .other(_, let input): return (input.strings(), nil)
            case .read, .search: return nil
            }
        }
    }

    /// Where a tool's output came from: the file a read read, else the tool.
    static func originOf(_ event: HookEvent, context: GuardContext) -> String {
        for call in event.calls {
            if case .read(let p) = call { return context.absolute(p) }
        }
        return "tool:" + (event.toolName.isEmpty ? "unknown" : event.toolName)
    }

    static func record(event: HookEvent, agent: AgentKind, verdicts: [Verdict], decision: Decision, context: GuardContext,
                       started: Double, host: HookHost, store: StateStore) {
        var rules: [String] = []
        for v in verdicts where v.decision != .allow && !rules.contains(v.ruleID) { rules.append(v.ruleID) }
        let summary = verdicts.filter { $0.decision != .allow }.prefix(3).map(\.reason).joined(separator: "; ")
        let entry = AuditEntry(time: host.now(), source: "hook", agent: agent.rawValue, session: event.sessionID ?? "", event: event.name,
                               tool: event.toolName, decision: decision.rawValue, rules: rules, summary: summary, repository: context.projectDir ?? "",
                               durationMs: (host.now() - started) * 1000)
        do { try store.record(entry) } catch { warn("audit log unavailable, the decision stands: \(error.description)") }
        for n in store.takeNotices() { warn(n) }
    }

    static func warn(_ s: String) { HookDiagnostics.warn("wow-guard: " + s) }
}
