/// A path glob, relative to the repository root, with `/` separators:
/// `*` (within a segment), `?`, `[abc]`/`[!a-z]`, and `**` (any number of segments).
/// A pattern without `/` matches at any depth (`*.pem` = `**/*.pem`); a trailing `/` matches
/// everything below a directory (`fixtures/` = `fixtures/**`).
public struct Glob: Sendable, CustomStringConvertible {
    public struct Error: Swift.Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public let pattern: String
    private let segments: [[UInt8]]

    public init(_ pattern: String) throws(Glob.Error) {
        var p = pattern
        guard !p.isEmpty else { throw Error(message: "empty glob") }
        if p.hasPrefix("./") { p.removeFirst(2) }
        if p.hasPrefix("/") { p.removeFirst() }
        if p.hasSuffix("/") { p += "**" }
        if !p.contains("/") { p = "**/" + p }
        self.pattern = pattern
        segments = p.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        for s in segments { try Glob.validate(s, in: pattern) }
    }

    public var description: String { pattern }

    private static func validate(_ seg: [UInt8], in pattern: String) throws(Glob.Error) {
        var i = 0
        while i < seg.count {
            if seg[i] == UInt8(ascii: "[") {
                guard let close = seg[(i + 1)...].firstIndex(of: UInt8(ascii: "]")), close > i + 1 else {
                    throw Error(message: "unclosed '[' in glob \"\(pattern)\"")
                }
                i = close
            } else if seg[i] == UInt8(ascii: "*"), i + 1 < seg.count, seg[i + 1] == UInt8(ascii: "*"), seg.count != 2 {
                throw Error(message: "'**' must be a whole path segment in glob \"\(pattern)\"")
            }
            i += 1
        }
    }

    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }
        return Glob.match(segments[...], parts[...])
    }

    private static func match(_ pat: ArraySlice<[UInt8]>, _ path: ArraySlice<[UInt8]>) -> Bool {
        guard let first = pat.first else { return path.isEmpty }
        if first == Array("**".utf8) {
            let rest = pat.dropFirst()
            var p = path
            while true {
                if match(rest, p) { return true }
                if p.isEmpty { return false }
                p = p.dropFirst()
            }
        }
        guard let seg = path.first, segment(first[...], seg[...]) else { return false }
        return match(pat.dropFirst(), path.dropFirst())
    }

    /// Matches one segment; `*` backtracking is bounded by segment length squared.
    private static func segment(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        var pi = p.startIndex, si = s.startIndex
        var starP = -1, starS = -1
        while si < s.endIndex {
            if pi < p.endIndex {
                let c = p[pi]
                if c == UInt8(ascii: "*") { starP = pi; starS = si; pi += 1; continue }
                if c == UInt8(ascii: "?") { pi += 1; si += 1; continue }
                if c == UInt8(ascii: "[") {
                    let close = p[(pi + 1)...].firstIndex(of: UInt8(ascii: "]"))!
                    if classMatches(p[(pi + 1)..<close], s[si]) { pi = close + 1; si += 1; continue }
                } else if c == s[si] { pi += 1; si += 1; continue }
            }
            if starP >= 0 { pi = starP + 1; starS += 1; si = starS; continue }
            return false
        }
        while pi < p.endIndex && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.endIndex
    }

    private static func classMatches(_ cls: ArraySlice<UInt8>, _ b: UInt8) -> Bool {
        var c = cls
        var negate = false
        if let f = c.first, f == UInt8(ascii: "!") || f == UInt8(ascii: "^") { negate = true; c = c.dropFirst() }
        var found = false
        var i = c.startIndex
        while i < c.endIndex {
            if i + 2 < c.endIndex, c[i + 1] == UInt8(ascii: "-") {
                if c[i] <= b && b <= c[i + 2] { found = true }
                i += 3
            } else {
                if c[i] == b { found = true }
                i += 1
            }
        }
        return found != negate
    }
}
