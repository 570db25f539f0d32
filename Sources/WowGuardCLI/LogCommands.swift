import ArgumentParser
import WowGuardCore
import WowGuardStore
import WowGuardSystem

/// The state store of this user (`WOW_GUARD_STATE_DIR`, else `$XDG_STATE_HOME/wow-guard`).
enum StateLocation {
    static func store() throws -> StateStore {
        guard let settings = StoreSettings(environment: { Posix.env($0) }, home: Posix.env("HOME")) else {
            throw CLIError("no state directory: set WOW_GUARD_STATE_DIR or HOME")
        }
        return StateStore(settings: settings)
    }

    /// `30m`, `1h`, `2d`, `1w` → seconds.
    static func duration(_ s: String) -> Double? {
        guard let unit = s.last, let n = Double(s.dropLast()), n >= 0 else { return nil }
        switch unit {
        case "s": return n
        case "m": return n * 60
        case "h": return n * 3600
        case "d": return n * 86_400
        case "w": return n * 604_800
        default: return nil
        }
    }

    static func timestamp(_ t: Double) -> String {
        var secs = Int(t)
        let days = secs / 86_400
        secs %= 86_400
        // Civil date from days since 1970 (Howard Hinnant's algorithm), UTC.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func p(_ v: Int, _ w: Int = 2) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
        return "\(p(y, 4))-\(p(m))-\(p(d))T\(p(secs / 3600)):\(p(secs % 3600 / 60)):\(p(secs % 60))Z"
    }
}

enum LogFormat: String, ExpressibleByArgument { case text, json }

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the audit log: every hook and pre-commit decision (no secrets: rule ids and redacted text).",
        discussion: """
        The log lives in $XDG_STATE_HOME/wow-guard/state.db (WOW_GUARD_STATE_DIR overrides). Each row carries a \
        hash over the previous row: --verify recomputes the chain and exits 1 when a row was edited or removed \
        (retention drops the oldest rows; the chain is checked from the oldest row kept).
        """
    )

    @Option(help: "Only this session id.") var session: String?
    @Option(help: "Only these decisions: deny, ask or allow (repeatable).") var decision: [String] = []
    @Option(help: "Only the last period: 30m, 1h, 2d, 1w.") var since: String?
    @Option(help: "Only hook or pre-commit decisions.") var source: String?
    @Option(help: "At most this many rows (the newest).") var limit: Int?
    @Option(help: "text, or json (one JSON object per line).") var format: LogFormat = .text
    @Flag(help: "Check the hash chain instead of listing.") var verify = false

    func validate() throws {
        if let since, StateLocation.duration(since) == nil { throw ValidationError("--since takes a period such as 30m, 1h, 2d or 1w") }
        for d in decision where !["deny", "ask", "allow"].contains(d) { throw ValidationError("--decision is deny, ask or allow") }
    }

    func run() throws {
        let store = try StateLocation.store()
        guard Posix.exists(store.path) else {
            if verify { Posix.output("no audit log yet (\(store.path))\n") }
            return
        }
        if verify {
            let v: StateStore.Verification
            do { v = try store.verify() } catch { throw CLIError(error.description) }
            if let bad = v.firstBadRow {
                Posix.output("audit log EDITED: the hash chain breaks at row \(bad) (\(v.rows) rows in \(store.path))\n")
                throw ExitCode(1)
            }
            Posix.output("audit log intact: \(v.rows) rows, hash chain verified (\(store.path))\n")
            return
        }
        let now = Posix.wallClock()
        let filter = StateStore.Filter(session: session, decisions: decision, since: since.flatMap(StateLocation.duration).map { now - $0 },
                                       source: source, limit: limit)
        let rows: [AuditEntry]
        do { rows = try store.entries(filter) } catch { throw CLIError(error.description) }
        var out = ""
        for e in rows {
            switch format {
            case .json:
                out += JSON.object([
                    ("id", String(e.id)), ("time", JSON.quote(StateLocation.timestamp(e.time))), ("source", JSON.quote(e.source)),
                    ("agent", JSON.quote(e.agent)), ("session", JSON.quote(e.session)), ("event", JSON.quote(e.event)), ("tool", JSON.quote(e.tool)),
                    ("decision", JSON.quote(e.decision)), ("rules", JSON.array(e.rules.map(JSON.quote))), ("summary", JSON.quote(e.summary)),
                    ("repository", JSON.quote(e.repository)), ("duration_ms", String(format3(e.durationMs))),
                ]) + "\n"
            case .text:
                let who = [e.source == "hook" ? e.agent : e.source, e.event, e.tool].filter { !$0.isEmpty }.joined(separator: " ")
                out += "\(StateLocation.timestamp(e.time))  \(e.decision.padding(5))  \(who)"
                if !e.session.isEmpty { out += "  session \(e.session)" }
                if !e.rules.isEmpty { out += "  [\(e.rules.joined(separator: ", "))]" }
                out += "\n"
                if !e.summary.isEmpty { out += "    \(e.summary)\n" }
            }
        }
        Posix.output(out)
    }

    func format3(_ v: Double) -> Double { (v * 1000).rounded() / 1000 }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Counts from the audit log: decisions per rule, per tool and per session.")

    @Option(help: "Only the last period: 30m, 1h, 2d, 1w.") var since: String?
    @Option(help: "text, or json.") var format: LogFormat = .text

    func validate() throws {
        if let since, StateLocation.duration(since) == nil { throw ValidationError("--since takes a period such as 30m, 1h, 2d or 1w") }
    }

    func run() throws {
        let store = try StateLocation.store()
        guard Posix.exists(store.path) else { Posix.output("no audit log yet (\(store.path))\n"); return }
        let rows: [AuditEntry]
        do { rows = try store.entries(StateStore.Filter(since: since.flatMap(StateLocation.duration).map { Posix.wallClock() - $0 })) } catch {
            throw CLIError(error.description)
        }
        typealias Counts = [String: [String: Int]]
        var byRule: Counts = [:], byTool: Counts = [:], bySession: Counts = [:]
        var total: [String: Int] = [:]
        for e in rows {
            total[e.decision, default: 0] += 1
            for r in e.rules { byRule[r, default: [:]][e.decision, default: 0] += 1 }
            let tool = e.source == "hook" ? "\(e.agent) \(e.tool.isEmpty ? e.event : e.tool)" : e.source
            byTool[tool, default: [:]][e.decision, default: 0] += 1
            if !e.session.isEmpty { bySession[e.session, default: [:]][e.decision, default: 0] += 1 }
        }
        func line(_ c: [String: Int]) -> String { ["deny", "ask", "allow"].map { "\($0) \(c[$0] ?? 0)" }.joined(separator: ", ") }
        func sorted(_ c: Counts) -> [(String, [String: Int])] {
            c.sorted { ($0.value.values.reduce(0, +), $1.key) > ($1.value.values.reduce(0, +), $0.key) }
        }
        switch format {
        case .json:
            func obj(_ c: Counts) -> String {
                JSON.object(sorted(c).map { entry in (entry.0, JSON.object(["deny", "ask", "allow"].map { d in (d, String(entry.1[d] ?? 0)) })) })
            }
            Posix.output(JSON.object([("decisions", JSON.object(["deny", "ask", "allow"].map { ($0, String(total[$0] ?? 0)) })),
                                      ("rules", obj(byRule)), ("tools", obj(byTool)), ("sessions", obj(bySession))]) + "\n")
        case .text:
            var out = "\(rows.count) decisions: \(line(total))\n"
            for (title, c) in [("per rule", byRule), ("per tool", byTool), ("per session", bySession)] where !c.isEmpty {
                out += "\n\(title):\n"
                for (k, v) in sorted(c).prefix(30) { out += "  \(k.padding(40))  \(line(v))\n" }
            }
            Posix.output(out)
        }
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
