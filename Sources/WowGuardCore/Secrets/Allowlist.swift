/// What a project or user has declared is not a finding.
public struct Allowlist: Sendable {
    public var paths: [Glob] = []
    public var fingerprints: Set<String> = []
    /// Secrets matching any of these are not findings.
    public var regexes: [PCREPattern] = []
    /// Secrets containing any of these (case-insensitive) are not findings.
    public var stopwords: [String] = []

    public init(paths: [Glob] = [], fingerprints: Set<String> = [], regexes: [PCREPattern] = [], stopwords: [String] = []) {
        self.paths = paths
        self.fingerprints = fingerprints
        self.regexes = regexes
        self.stopwords = stopwords.map { $0.lowercased() }
    }

    /// `path` is relative to the repository root, with `/` separators.
    public func allowsPath(_ path: String) -> Bool {
        paths.contains { $0.matches(path) }
    }

    public mutating func merge(_ other: Allowlist) {
        paths += other.paths
        fingerprints.formUnion(other.fingerprints)
        regexes += other.regexes
        stopwords += other.stopwords
    }
}

/// The marker that silences one line.
public enum InlineAllow {
    public static let marker = "wow-guard:allow"
    static let bytes = Array(marker.utf8)

    static func contains(_ buf: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        let m = bytes
        guard range.count >= m.count else { return false }
        var i = range.lowerBound
        let last = range.upperBound - m.count
        while i <= last {
            if buf[i] == m[0] {
                var j = 1
                while j < m.count && buf[i + j] == m[j] { j += 1 }
                if j == m.count { return true }
            }
            i += 1
        }
        return false
    }
}
