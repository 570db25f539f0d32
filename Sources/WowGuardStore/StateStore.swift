import WowGuardCore
import WowGuardSystem
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One decision of the hook or of pre-commit. Never holds a secret: the summary is redacted and
/// rule ids and fingerprints identify what was found.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64 = 0
    public var time: Double
    /// `hook` or `pre-commit`.
    public var source: String
    public var agent: String
    public var session: String
    public var event: String
    public var tool: String
    public var decision: String
    public var rules: [String]
    public var summary: String
    public var repository: String
    public var durationMs: Double
    public var hash: String = ""

    public init(time: Double, source: String, agent: String = "", session: String = "", event: String = "", tool: String = "",
                decision: String, rules: [String] = [], summary: String = "", repository: String = "", durationMs: Double = 0) {
        self.time = time
        self.source = source
        self.agent = agent
        self.session = session
        self.event = event
        self.tool = tool
        self.decision = decision
        self.rules = rules
        self.summary = summary
        self.repository = repository
        self.durationMs = durationMs
    }

    /// The text the hash chain covers.
    func canonical(previous: String) -> String {
        [previous, String(time), source, agent, session, event, tool, decision, rules.joined(separator: ","), summary, repository]
            .joined(separator: "\u{1F}")
    }
}

/// Where the state lives and how long it is kept (environment overrides in `init(environment:)`).
public struct StoreSettings: Sendable {
    public var directory: String
    /// How long a waiting writer waits for another one (ms); the decision never waits longer.
    public var busyTimeoutMs: Int32 = 1000
    public var maxRows: Int = 200_000
    public var maxAgeDays: Double = 90
    /// How long a secret the agent has seen stays tainted (hours).
    public var taintTTLHours: Double = 24
    /// Denied attempts in a session after which ask becomes deny (0: never).
    public var escalateAfter: Int = 3
    /// Whether SQLite syncs the file to disk at checkpoints (`WOW_GUARD_STATE_SYNC=normal`); off by
    /// default: an OS crash may lose the last rows, and a damaged file is moved aside and recreated.
    public var durable = false
    /// WAL journal (`WOW_GUARD_STATE_JOURNAL=wal`) instead of a rollback journal. Measured on the
    /// hook path, WAL costs about twice as much per call: every hook is a new process that finds
    /// no other connection and rebuilds the shared-memory WAL index; the rollback journal's
    /// transactions are as short, and concurrent writers wait on the busy timeout either way.
    public var wal = false

    public init(directory: String) { self.directory = directory }

    /// `WOW_GUARD_STATE_DIR`, else `$XDG_STATE_HOME/wow-guard`, else `~/.local/state/wow-guard`;
    /// `WOW_GUARD_LOG_MAX_ROWS`, `WOW_GUARD_LOG_MAX_DAYS`, `WOW_GUARD_TAINT_TTL_HOURS`,
    /// `WOW_GUARD_ESCALATE_AFTER`.
    public init?(environment: (String) -> String?, home: String?) {
        if let d = environment("WOW_GUARD_STATE_DIR") { directory = d }
        else if let x = environment("XDG_STATE_HOME") { directory = x + "/wow-guard" }
        else if let h = home { directory = h + "/.local/state/wow-guard" }
        else { return nil }
        if let v = environment("WOW_GUARD_LOG_MAX_ROWS").flatMap({ Int($0) }), v > 0 { maxRows = v }
        if let v = environment("WOW_GUARD_LOG_MAX_DAYS").flatMap({ Double($0) }), v > 0 { maxAgeDays = v }
        if let v = environment("WOW_GUARD_TAINT_TTL_HOURS").flatMap({ Double($0) }), v > 0 { taintTTLHours = v }
        if let v = environment("WOW_GUARD_ESCALATE_AFTER").flatMap({ Int($0) }), v >= 0 { escalateAfter = v }
        if environment("WOW_GUARD_STATE_SYNC") == "normal" { durable = true }
        if environment("WOW_GUARD_STATE_JOURNAL") == "wal" { wal = true }
    }
}

public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// The audit log and the taint store, in one SQLite file (`state.db`, WAL). Opened on first use;
/// each decision is one short transaction.
public final class StateStore {
    public let settings: StoreSettings
    public var path: String { settings.directory + "/state.db" }
    private var db: SQLiteDB?
    /// Messages for stderr (a corrupt file moved aside, …), handed out once.
    private var notices: [String] = []
    public func takeNotices() -> [String] {
        defer { notices = [] }
        return notices
    }

    public init(settings: StoreSettings) { self.settings = settings }
    /// Set when a lock wait ran out: later statements fail at once instead of waiting again.
    private var lockedOut = false

    static let schema = """
        CREATE TABLE IF NOT EXISTS decisions(
          id INTEGER PRIMARY KEY, time REAL NOT NULL, source TEXT NOT NULL, agent TEXT NOT NULL, session TEXT NOT NULL,
          event TEXT NOT NULL, tool TEXT NOT NULL, decision TEXT NOT NULL, rules TEXT NOT NULL, summary TEXT NOT NULL,
          repository TEXT NOT NULL, duration_ms REAL NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS decisions_session ON decisions(session, decision);
        CREATE INDEX IF NOT EXISTS decisions_time ON decisions(time);
        CREATE TABLE IF NOT EXISTS taint(
          digest BLOB PRIMARY KEY, rule TEXT NOT NULL, origin TEXT NOT NULL, session TEXT NOT NULL, created REAL NOT NULL, expires REAL NOT NULL);
        """

    /// The open connection (created, with its directory and schema, on first use). A file that is
    /// not a database, or a damaged one, is moved aside and a new one created.
    func connection() throws(StoreError) -> SQLiteDB {
        if let db { return db }
        do { try Posix.makeDirectories(settings.directory, mode: 0o700) } catch { throw StoreError(description: error.description) }
        for attempt in 0..<2 {
            do {
                let c = try SQLiteDB(path: path)
                // After one wait ran out, this store does not wait again (one budget per hook call).
                c.busyTimeout(lockedOut ? 0 : settings.busyTimeoutMs)
                var version: Int64 = 0
                try c.query("PRAGMA user_version") { version = $0.int(0) }
                if version == 0 {
                    // New file: the journal mode (kept in the file for WAL), the schema, then the version
                    // that says it is there.
                    try c.exec(settings.wal ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=TRUNCATE")
                    try c.exec(Self.schema + "\nPRAGMA user_version=1;")
                }
                try c.exec(settings.durable ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=OFF")
                // A rollback journal's mode is per connection (truncated, not deleted, after each
                // transaction); a file already in WAL mode stays so.
                if !settings.wal { try? c.exec("PRAGMA journal_mode=TRUNCATE") }
                db = c
                return c
            } catch let f where f.isCorrupt && attempt == 0 {
                let aside = path + ".corrupt-\(Int(Posix.wallClock()))"
                try? Posix.move(path, to: aside)
                try? Posix.remove(path + "-wal")
                try? Posix.remove(path + "-shm")
                notices.append("the state database \(path) was damaged; moved it to \(aside) and started a new one")
            } catch {
                if error.isBusy { lockedOut = true }
                throw StoreError(description: "state database \(path): \(error.description)\(error.isBusy ? " (locked by another process)" : "")")
            }
        }
        throw StoreError(description: "state database \(path): cannot be opened")
    }

    /// Writers queue on an advisory lock of `state.db.lock` before their transaction: a waiter sleeps
    /// in the kernel until the lock is released, instead of polling SQLite's lock (under 50
    /// concurrent hook processes the polling cost as much CPU per call as the write itself). The wait
    /// is bounded by the same budget (an interval timer interrupts it); if it runs out, the
    /// transaction still goes ahead under SQLite's own busy handling. The timer is per process: the
    /// hook and pre-commit use one store on one thread; threads of one process that write at once
    /// (tests) still finish, since each holder lets go after its short transaction.
    private func writerLock(_ c: SQLiteDB) -> Int32 {
        let fd = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return -1 }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 { return fd }
        guard !lockedOut, settings.busyTimeoutMs > 0 else { return fd }
        #if os(Linux)
        let real = __itimer_which_t(ITIMER_REAL.rawValue)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }   // interrupts flock; SA_RESTART not set
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var previous = sigaction()
        sigaction(SIGALRM, &action, &previous)
        var timer = itimerval(it_interval: timeval(), it_value: timeval(tv_sec: Int(settings.busyTimeoutMs / 1000),
                                                                         tv_usec: Int(settings.busyTimeoutMs % 1000) * 1000))
        setitimer(real, &timer, nil)
        let rc = flock(fd, LOCK_EX)
        timer = itimerval()
        setitimer(real, &timer, nil)
        sigaction(SIGALRM, &previous, nil)
        // The holder has kept it for the whole budget: SQLite's lock is not waited for again.
        if rc != 0 { lockedOut = true; c.busyTimeout(0) }
        #endif
        return fd
    }

    private func inTransaction<T>(_ body: (SQLiteDB) throws(SQLiteDB.Failure) -> T) throws(StoreError) -> T {
        let c = try connection()
        let lock = writerLock(c)
        defer { if lock >= 0 { close(lock) } }
        do throws(SQLiteDB.Failure) {
            try c.exec("BEGIN IMMEDIATE")
            do throws(SQLiteDB.Failure) {
                let v = try body(c)
                try c.exec("COMMIT")
                return v
            } catch {
                try? c.exec("ROLLBACK")
                throw error
            }
        } catch {
            if error.isCorrupt { db = nil }
            if error.isBusy { lockedOut = true }
            throw StoreError(description: "state database \(path): \(error.description)\(error.isBusy ? " (locked by another process)" : "")")
        }
    }

    // MARK: - Audit log

    /// Appends one decision (hash-chained to the previous row) and applies retention now and then.
    @discardableResult
    public func record(_ entry: AuditEntry) throws(StoreError) -> AuditEntry {
        var e = entry
        let settings = self.settings
        return try inTransaction { c throws(SQLiteDB.Failure) in
            var previous = ""
            try c.query("SELECT hash FROM decisions ORDER BY id DESC LIMIT 1") { previous = $0.text(0) ?? "" }
            e.hash = SHA256.hex(Array(e.canonical(previous: previous).utf8))
            try c.query("""
                INSERT INTO decisions(time, source, agent, session, event, tool, decision, rules, summary, repository, duration_ms, prev_hash, hash)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)
                """, [.real(e.time), .text(e.source), .text(e.agent), .text(e.session), .text(e.event), .text(e.tool), .text(e.decision),
                      .text(e.rules.joined(separator: ",")), .text(String(e.summary.prefix(500))), .text(e.repository), .real(e.durationMs),
                      .text(previous), .text(e.hash)])
            e.id = c.lastInsertRowID
            if e.id % 256 == 0 {
                try c.query("DELETE FROM decisions WHERE time < ? OR id <= ?", [.real(e.time - settings.maxAgeDays * 86_400), .int(e.id - Int64(settings.maxRows))])
                try c.query("DELETE FROM taint WHERE expires < ?", [.real(e.time)])
            }
            return e
        }
    }

    public struct Filter: Sendable {
        public var session: String?
        public var decisions: [String] = []
        public var since: Double?
        public var source: String?
        public var limit: Int?
        public init(session: String? = nil, decisions: [String] = [], since: Double? = nil, source: String? = nil, limit: Int? = nil) {
            self.session = session
            self.decisions = decisions
            self.since = since
            self.source = source
            self.limit = limit
        }
    }

    public func entries(_ f: Filter = Filter()) throws(StoreError) -> [AuditEntry] {
        let c = try connection()
        var sql = "SELECT id, time, source, agent, session, event, tool, decision, rules, summary, repository, duration_ms, hash FROM decisions WHERE 1=1"
        var args: [SQLiteDB.Value] = []
        if let s = f.session { sql += " AND session = ?"; args.append(.text(s)) }
        if !f.decisions.isEmpty { sql += " AND decision IN (" + f.decisions.map { _ in "?" }.joined(separator: ",") + ")"; args += f.decisions.map { .text($0) } }
        if let t = f.since { sql += " AND time >= ?"; args.append(.real(t)) }
        if let s = f.source { sql += " AND source = ?"; args.append(.text(s)) }
        sql += " ORDER BY id"
        if let l = f.limit { sql = "SELECT * FROM (" + sql + " DESC LIMIT \(l)) ORDER BY id" }
        var out: [AuditEntry] = []
        do {
            try c.query(sql, args) { r in
                var e = AuditEntry(time: r.real(1), source: r.text(2) ?? "", agent: r.text(3) ?? "", session: r.text(4) ?? "", event: r.text(5) ?? "",
                                   tool: r.text(6) ?? "", decision: r.text(7) ?? "", rules: (r.text(8) ?? "").split(separator: ",").map(String.init),
                                   summary: r.text(9) ?? "", repository: r.text(10) ?? "", durationMs: r.real(11))
                e.id = r.int(0)
                e.hash = r.text(12) ?? ""
                out.append(e)
            }
        } catch { throw StoreError(description: "state database \(path): \(error.description)") }
        return out
    }

    public struct Verification: Sendable, Equatable {
        public var rows: Int
        /// The first row whose hash does not match its content or its predecessor.
        public var firstBadRow: Int64?
        public var intact: Bool { firstBadRow == nil }
    }

    /// Recomputes the hash chain from the oldest row kept (retention drops the oldest rows).
    public func verify() throws(StoreError) -> Verification {
        let c = try connection()
        var rows = 0
        var bad: Int64?
        var previous: String?
        do {
            try c.query("SELECT id, time, source, agent, session, event, tool, decision, rules, summary, repository, prev_hash, hash FROM decisions ORDER BY id") { r in
                rows += 1
                guard bad == nil else { return }
                let e = AuditEntry(time: r.real(1), source: r.text(2) ?? "", agent: r.text(3) ?? "", session: r.text(4) ?? "", event: r.text(5) ?? "",
                                   tool: r.text(6) ?? "", decision: r.text(7) ?? "", rules: (r.text(8) ?? "").split(separator: ",").map(String.init),
                                   summary: r.text(9) ?? "", repository: r.text(10) ?? "")
                let prev = r.text(11) ?? ""
                let hash = r.text(12) ?? ""
                if let p = previous, p != prev { bad = r.int(0); return }
                if SHA256.hex(Array(e.canonical(previous: prev).utf8)) != hash { bad = r.int(0); return }
                previous = hash
            }
        } catch { throw StoreError(description: "state database \(path): \(error.description)") }
        return Verification(rows: rows, firstBadRow: bad)
    }

    /// Denied attempts in a session since `since`.
    public func denies(session: String, since: Double) throws(StoreError) -> Int {
        let c = try connection()
        var n = 0
        do {
            try c.query("SELECT count(*) FROM decisions WHERE session = ? AND decision = 'deny' AND time >= ?", [.text(session), .real(since)]) { n = Int($0.int(0)) }
        } catch { throw StoreError(description: "state database \(path): \(error.description)") }
        return n
    }

    // MARK: - Taint

    /// Stores keyed digests of secrets the agent has seen (and of their common encodings).
    public func taint(_ secrets: [(value: String, rule: String)], origin: String, session: String, now: Double) throws(StoreError) {
        guard !secrets.isEmpty else { return }
        let key = try taintKey()
        let expires = now + settings.taintTTLHours * 3600
        _ = try inTransaction { c throws(SQLiteDB.Failure) in
            for s in secrets {
                for form in Taint.forms(of: s.value) {
                    try c.query("INSERT OR REPLACE INTO taint(digest, rule, origin, session, created, expires) VALUES (?,?,?,?,?,?)",
                                [.blob(Taint.digest(form, key: key)), .text(s.rule), .text(origin), .text(session), .real(now), .real(expires)])
                }
            }
            return 0
        }
    }

    /// The tainted secrets that occur in `texts` (their rule and origin), if any.
    public func taintedValues(in texts: [String], now: Double) throws(StoreError) -> [TaintMatch] {
        guard let m = try taintMatcher(now: now) else { return [] }
        return texts.flatMap { m.matches(in: $0) }
    }

    /// The live taint entries, ready to match texts; nil when there are none (the common case).
    public func taintMatcher(now: Double) throws(StoreError) -> TaintMatcher? {
        let c = try connection()
        var entries: [[UInt8]: TaintMatch] = [:]
        do {
            try c.query("SELECT digest, rule, origin FROM taint WHERE expires >= ?", [.real(now)]) { r in
                entries[r.blob(0)] = TaintMatch(rule: r.text(1) ?? "", origin: r.text(2) ?? "")
            }
        } catch { throw StoreError(description: "state database \(path): \(error.description)") }
        guard !entries.isEmpty else { return nil }
        return TaintMatcher(key: try taintKey(), entries: entries)
    }

    /// The per-user key of the taint digests (`taint.key`, 32 random bytes, mode 0600).
    func taintKey() throws(StoreError) -> [UInt8] {
        let file = settings.directory + "/taint.key"
        if let k = (try? Posix.readBytes(file)) ?? nil, k.count == 32 { return k }
        var bytes = [UInt8](repeating: 0, count: 32)
        let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        guard fd >= 0, read(fd, &bytes, 32) == 32 else { if fd >= 0 { close(fd) }; throw StoreError(description: "cannot read /dev/urandom") }
        close(fd)
        do { try Posix.makeDirectories(settings.directory, mode: 0o700) } catch { throw StoreError(description: error.description) }
        let tmp = file + ".\(Posix.processID())"
        let out = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard out >= 0 else { throw StoreError(description: "cannot write \(file): \(Posix.errnoText())") }
        _ = write(out, bytes, 32)
        close(out)
        // Two processes may race: the first link wins, and both use what is on disk.
        _ = link(tmp, file)
        unlink(tmp)
        if let k = (try? Posix.readBytes(file)) ?? nil, k.count == 32 { return k }
        throw StoreError(description: "cannot create \(file)")
    }
}

public struct TaintMatch: Sendable, Equatable {
    public var rule: String
    /// Where the agent saw the secret (a file path, or `tool:NAME`).
    public var origin: String
}

public struct TaintMatcher: Sendable {
    let key: [UInt8]
    let entries: [[UInt8]: TaintMatch]

    /// Secrets of the store in `text`, as stored or after undoing percent-encoding, base64 or hex
    /// (so that `base64("KEY=" + secret)` is found as well).
    public func matches(in text: String, depth: Int = 0) -> [TaintMatch] {
        var out: [TaintMatch] = []
        for cand in Taint.candidates(in: text) {
            if let m = entries[Taint.digest(cand, key: key)] { out.append(m); continue }
            guard depth < 2 else { continue }
            for decoded in Taint.decodings(of: cand) { out += matches(in: decoded, depth: depth + 1) }
        }
        return out
    }
}

/// Keyed digests of secret values and the forms in which they leave: URL-encoded, base64
/// (standard, URL-safe, unpadded) and hex.
public enum Taint {
    public static let minLength = 8

    public static func digest(_ s: String, key: [UInt8]) -> [UInt8] { HMAC.sha256(key: key, message: Array(s.utf8)) }

    public static func forms(of value: String) -> [String] {
        let bytes = Array(value.utf8)
        let b64 = Base64.encode(bytes)
        let unpadded = String(b64.prefix(while: { $0 != "=" }))
        let urlSafe = String(unpadded.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
        let hex = bytes.map { String($0, radix: 16).leftPad(2) }.joined()
        var out = [value, percentEncoded(value), b64, unpadded, urlSafe, hex, hex.uppercased()]
        out = out.filter { $0.count >= minLength }
        var seen = Set<String>()
        return out.filter { seen.insert($0).inserted }
    }

    /// What a word may be an encoding of: percent-decoded, base64-decoded, hex-decoded (valid UTF-8 only).
    public static func decodings(of word: String) -> [String] {
        var out: [String] = []
        let u = Array(word.utf8)
        if u.contains(UInt8(ascii: "%")) {
            var bytes: [UInt8] = []
            var i = 0
            while i < u.count {
                if u[i] == UInt8(ascii: "%"), i + 2 < u.count, let v = UInt8(String(decoding: u[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                    bytes.append(v); i += 3
                } else { bytes.append(u[i]); i += 1 }
            }
            if let s = String(validating: bytes, as: UTF8.self) { out.append(s) }
        }
        if u.count >= 16, u.count % 2 == 0, u.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 102) }) {
            var bytes: [UInt8] = []
            var i = 0
            while i < u.count { bytes.append(UInt8(String(decoding: u[i...(i + 1)], as: UTF8.self), radix: 16) ?? 0); i += 2 }
            if let s = String(validating: bytes, as: UTF8.self), s.utf8.allSatisfy({ $0 >= 32 && $0 < 127 }) { out.append(s) }
        }
        if u.count >= 12, let bytes = Base64.decode(u), let s = String(validating: bytes, as: UTF8.self), s.utf8.allSatisfy({ $0 >= 32 && $0 < 127 || $0 == 10 }) {
            out.append(s)
        }
        return out
    }

    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) { out.append(c) } else { out += "%" + String(b, radix: 16, uppercase: true).leftPad(2) }
        }
        return out
    }

    static let outer: Set<Character> = [" ", "\t", "\n", "\r", "\"", "'", "`", ",", ";", "(", ")", "[", "]", "{", "}", "<", ">", "|", "&", "\\"]
    static let inner: Set<Character> = ["=", ":", "/", "?", "#", "@", "%", "."]

    /// Words of a text that could be a stored form: split on separators, then again on the
    /// characters that join a value to a name, a path or a URL.
    public static func candidates(in text: String, limit: Int = 200_000) -> Set<String> {
        var out = Set<String>()
        var count = 0
        for word in text.split(whereSeparator: { outer.contains($0) }) where word.count >= minLength {
            count += 1
            if count > limit { break }
            out.insert(String(word))
            if word.contains(where: { inner.contains($0) }) {
                for part in word.split(whereSeparator: { inner.contains($0) && $0 != "%" }) where part.count >= minLength { out.insert(String(part)) }
                for part in word.split(whereSeparator: { $0 == "=" || $0 == "&" || $0 == "?" }) where part.count >= minLength { out.insert(String(part)) }
                // `user:pass@host`, `key=value` with `=` padding kept.
                if let eq = word.firstIndex(of: "=") { let v = word[word.index(after: eq)...]; if v.count >= minLength { out.insert(String(v)) } }
            }
        }
        return out
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}

enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// Standard or URL-safe base64, padded or not; nil when it is not base64.
    static func decode(_ u: [UInt8]) -> [UInt8]? {
        var vals: [UInt8] = []
        vals.reserveCapacity(u.count)
        for c in u {
            switch c {
            case 65...90: vals.append(c - 65)
            case 97...122: vals.append(c - 71)
            case 48...57: vals.append(c + 4)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): vals.append(62)
            case UInt8(ascii: "/"), UInt8(ascii: "_"): vals.append(63)
            case UInt8(ascii: "="): continue
            default: return nil
            }
        }
        if vals.count % 4 == 1 { return nil }
        var out: [UInt8] = []
        var i = 0
        while i + 1 < vals.count {
            let a = UInt32(vals[i]), b = UInt32(vals[i + 1])
            let c = i + 2 < vals.count ? UInt32(vals[i + 2]) : 0, d = i + 3 < vals.count ? UInt32(vals[i + 3]) : 0
            let v = a << 18 | b << 12 | c << 6 | d
            out.append(UInt8(v >> 16 & 0xFF))
            if i + 2 < vals.count { out.append(UInt8(v >> 8 & 0xFF)) }
            if i + 3 < vals.count { out.append(UInt8(v & 0xFF)) }
            i += 4
        }
        return out
    }
    static func encode(_ b: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < b.count {
            let n = min(3, b.count - i)
            let v = (UInt32(b[i]) << 16) | (n > 1 ? UInt32(b[i + 1]) << 8 : 0) | (n > 2 ? UInt32(b[i + 2]) : 0)
            out.append(alphabet[Int((v >> 18) & 63)])
            out.append(alphabet[Int((v >> 12) & 63)])
            out.append(n > 1 ? alphabet[Int((v >> 6) & 63)] : "=")
            out.append(n > 2 ? alphabet[Int(v & 63)] : "=")
            i += 3
        }
        return out
    }
}

public enum HMAC {
    public static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var k = key.count > 64 ? SHA256.hash(key) : key
        k += [UInt8](repeating: 0, count: 64 - k.count)
        let inner = SHA256.hash(k.map { $0 ^ 0x36 } + message)
        return SHA256.hash(k.map { $0 ^ 0x5c } + inner)
    }
}
