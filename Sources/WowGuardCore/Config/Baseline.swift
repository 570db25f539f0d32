/// Findings accepted as they are, in a reviewable file (`.wow-guard-baseline.toml`).
///
/// An entry names a rule, a hash of the matched value (the hash part of the finding's
/// fingerprint), a path glob and a reason, and nothing that changes when unrelated code changes:
/// no line numbers, no dates. Entries are written sorted, so regenerating the file after unrelated
/// edits, rebases or squash merges gives the same bytes. A moved secret (other line, same file)
/// stays accepted; a new secret, even on an accepted line, has another hash and is reported.
public struct Baseline: Sendable, Equatable {
    public struct Entry: Sendable, Equatable, Hashable {
        public var rule: String
        public var hash: String
        public var path: String
        public var reason: String

        public init(rule: String, hash: String, path: String, reason: String) {
            self.rule = rule
            self.hash = hash
            self.path = path
            self.reason = reason
        }

        /// `rule:hash` — the finding fingerprint this entry accepts.
        public var fingerprint: String { rule + ":" + hash }

        /// For messages: `rule:hash in path`.
        public var summary: String { "\(fingerprint) in \(path)" }
    }

    public static let fileName = ".wow-guard-baseline.toml"
    public static let defaultReason = "accepted by wow-guard baseline"

    public private(set) var entries: [Entry]
    private var globs: [Glob?]
    /// Entry indices by fingerprint: a lookup per finding, whatever the size of the baseline.
    private var byFingerprint: [String: [Int]] = [:]

    public init(entries: [Entry]) {
        self.entries = Baseline.normalized(entries)
        globs = self.entries.map { try? Glob($0.path) }
        for (i, e) in self.entries.enumerated() { byFingerprint[e.fingerprint, default: []].append(i) }
    }

    public static func == (a: Baseline, b: Baseline) -> Bool { a.entries == b.entries }

    /// Sorted by path, rule and hash; one entry per (rule, hash, path), keeping the first reason.
    static func normalized(_ entries: [Entry]) -> [Entry] {
        var seen = Set<String>()
        var out: [Entry] = []
        for e in entries where seen.insert(e.rule + "\u{0}" + e.hash + "\u{0}" + e.path).inserted { out.append(e) }
        return out.sorted { ($0.path, $0.rule, $0.hash) < ($1.path, $1.rule, $1.hash) }
    }

    /// The index of the entry accepting a finding with this fingerprint at `path` (repository-relative).
    public func match(fingerprint: String, path: String) -> Int? {
        for i in byFingerprint[fingerprint] ?? [] where entries[i].path == path || globs[i]?.matches(path) == true { return i }
        return nil
    }

    /// An entry for a finding (its path taken literally).
    public static func entry(for f: Finding, path: String, reason: String) -> Entry {
        let fp = f.fingerprint
        let colon = fp.lastIndex(of: ":") ?? fp.endIndex
        let hash = colon < fp.endIndex ? String(fp[fp.index(after: colon)...]) : fp
        return Entry(rule: f.ruleID, hash: hash, path: path, reason: reason)
    }

    /// `self` with entries for findings not yet accepted (existing entries and reasons are kept).
    public func adding(_ new: [Entry]) -> Baseline {
        var out = entries
        for e in new where match(fingerprint: e.fingerprint, path: e.path) == nil { out.append(e) }
        return Baseline(entries: out)
    }

    // MARK: file format

    public static let header = """
        # wow-guard baseline: findings accepted as they are. Review changes to this file like code.
        # Each entry accepts one value (rule + hash of the value) in the files its path glob matches,
        # at any line. A new value is reported even on an accepted line.
        # Add current findings: wow-guard baseline [--reason "…"]. Drop entries that match nothing: wow-guard baseline --prune
        """

    public func serialized() -> String {
        var out = Baseline.header + "\n"
        for e in entries {
            out += "\n[[accepted]]\n"
            out += "rule = \(JSON.quote(e.rule))\n"
            out += "hash = \(JSON.quote(e.hash))\n"
            out += "path = \(JSON.quote(e.path))\n"
            out += "reason = \(JSON.quote(e.reason))\n"
        }
        return out
    }

    public static func parse(_ text: String, file: String) throws(ConfigError) -> Baseline {
        let root: TOML.Table
        do { root = try TOML.parse(text) } catch { throw ConfigError(file: file, line: error.line, message: error.message) }
        let r = Config.Reader(file: file)
        try r.onlyKeys(root, ["accepted"], in: "top level")
        guard let list = root["accepted"] else { return Baseline(entries: []) }
        guard case .array(let items) = list.value else {
            throw ConfigError(file: file, line: list.line, message: "'accepted' must be an array of tables ([[accepted]])")
        }
        var entries: [Entry] = []
        for item in items {
            guard case .table(let t) = item else { throw ConfigError(file: file, line: list.line, message: "'accepted' entries must be tables") }
            try r.onlyKeys(t, ConfigReference.keys("[[accepted]]", in: ConfigReference.baseline), in: "[[accepted]]")
            func field(_ k: String) throws(ConfigError) -> String {
                guard let e = t[k] else { throw ConfigError(file: file, line: t.line, message: "baseline entry needs '\(k)'") }
                return try r.string(e, k)
            }
            let hash = try field("hash")
            guard hash.count == 16, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw ConfigError(file: file, line: t[("hash")]?.line ?? t.line, message: "'hash' must be 16 lower-case hex digits (the part after ':' in a fingerprint)")
            }
            let path = try field("path")
            do { _ = try Glob(path) } catch { throw ConfigError(file: file, line: t["path"]?.line ?? t.line, message: error.message) }
            entries.append(Entry(rule: try field("rule"), hash: hash, path: path, reason: try t["reason"].map { e throws(ConfigError) in try r.string(e, "reason") } ?? ""))
        }
        return Baseline(entries: entries)
    }
}
