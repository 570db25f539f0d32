/// Byte-level string helpers for the hot path of the generic rules (no `String` searching, which
/// allocates and is two orders of magnitude slower per call).
enum ASCII {
    @inline(__always) static func lowered(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    static func lower(_ v: [UInt8]) -> [UInt8] { v.map(lowered) }

    /// `needle` occurs in `hay` (both already lower case where that matters).
    static func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = needle.count, h = hay.count
        guard n > 0, n <= h else { return n == 0 }
        let first = needle[0]
        var i = 0
        while i <= h - n {
            if hay[i] == first {
                var j = 1
                while j < n && hay[i + j] == needle[j] { j += 1 }
                if j == n { return true }
            }
            i += 1
        }
        return false
    }

    static func hasPrefix(_ hay: [UInt8], _ p: [UInt8]) -> Bool {
        guard p.count <= hay.count else { return false }
        for i in 0..<p.count where hay[i] != p[i] { return false }
        return true
    }

    static func hasSuffix(_ hay: [UInt8], _ s: [UInt8]) -> Bool {
        guard s.count <= hay.count else { return false }
        let off = hay.count - s.count
        for i in 0..<s.count where hay[off + i] != s[i] { return false }
        return true
    }

    /// A set of needles searched together.
    struct Needles: Sendable {
        let list: [[UInt8]]
        init(_ words: [String]) { list = words.map { Array($0.utf8) } }
        func any(in hay: [UInt8]) -> Bool { list.contains { ASCII.contains(hay, $0) } }
        func anyPrefix(of hay: [UInt8]) -> Bool { list.contains { ASCII.hasPrefix(hay, $0) } }
        func anySuffix(of hay: [UInt8]) -> Bool { list.contains { ASCII.hasSuffix(hay, $0) } }
    }

    /// A trie of lower-case words (a–z) for allocation-free word lookups and segmentation.
    struct Trie: Sendable {
        var children: [Int32] = Array(repeating: -1, count: 26)
        var terminal: [Bool] = [false]

        init(_ words: [String]) {
            for w in words { insert(Array(w.utf8)) }
        }

        mutating func insert(_ w: [UInt8]) {
            var node = 0
            for b in w {
                guard b >= 0x61 && b <= 0x7A else { return }
                let slot = node * 26 + Int(b - 0x61)
                if children[slot] < 0 {
                    children[slot] = Int32(terminal.count)
                    terminal.append(false)
                    children += Array(repeating: -1, count: 26)
                }
                node = Int(children[slot])
            }
            terminal[node] = true
        }

        /// Calls `found(end)` for every word of the trie that starts at `start` in `s`.
        func prefixes(of s: [UInt8], from start: Int, _ found: (Int) -> Void) {
            var node = 0
            var i = start
            while i < s.count {
                let b = s[i]
                guard b >= 0x61 && b <= 0x7A else { return }
                let next = children[node * 26 + Int(b - 0x61)]
                if next < 0 { return }
                node = Int(next)
                i += 1
                if terminal[node] { found(i) }
            }
        }

        func contains(_ s: [UInt8]) -> Bool {
            var end = -1
            prefixes(of: s, from: 0) { if $0 == s.count { end = $0 } }
            return end == s.count
        }
    }
}
