/// Guards against inputs that make Swift's Unicode-aware string operations slow: comparing or
/// splitting strings normalises grapheme clusters, and canonical ordering of a run of combining
/// marks is quadratic in its length (a 400 KB run took 11 s). Runs are capped before any
/// Character-level processing; scalar- and byte-level scanners do not need this.
public enum TextSafety {
    public static let maxCombiningRun = 16

    /// `text` with every run of combining marks cut to `maxCombiningRun` scalars (unchanged when
    /// there is no longer run, which is the normal case).
    public static func boundingCombiningRuns(_ text: String) -> String {
        // A run of more than `maxCombiningRun` combining marks (each U+0300 or above, two or more
        // bytes) needs that many consecutive non-ASCII bytes, twice over: one byte pass rules it out.
        let mayHaveLongRun = text.utf8.withContiguousStorageIfAvailable { b -> Bool in
            var run = 0
            for byte in b {
                if byte < 0x80 { run = 0 } else { run += 1; if run > 2 * maxCombiningRun { return true } }
            }
            return false
        } ?? true
        if !mayHaveLongRun { return text }
        var run = 0
        var needsCut = false
        for s in text.unicodeScalars {
            if s.value >= 0x300 && s.properties.canonicalCombiningClass.rawValue != 0 {
                run += 1
                if run > maxCombiningRun { needsCut = true; break }
            } else {
                run = 0
            }
        }
        guard needsCut else { return text }
        var out = String.UnicodeScalarView()
        run = 0
        for s in text.unicodeScalars {
            if s.value >= 0x300 && s.properties.canonicalCombiningClass.rawValue != 0 {
                run += 1
                if run > maxCombiningRun { continue }
            } else {
                run = 0
            }
            out.append(s)
        }
        return String(out)
    }
}

/// Line splitting on bytes: `"\r\n"` is one Character in Swift and Character-level splitting
/// costs grapheme breaking on every byte; lines here are UTF-8 slices of the original text.
public enum TextLines {
    public static func split(_ text: String) -> [Substring] {
        var out: [Substring] = []
        let u = text.utf8
        var start = u.startIndex
        var i = start
        while i != u.endIndex {
            if u[i] == 0x0A {
                out.append(line(u, start, i))
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        out.append(line(u, start, u.endIndex))
        return out
    }

    static func line(_ u: String.UTF8View, _ start: String.Index, _ end: String.Index) -> Substring {
        var e = end
        if e > start, u[u.index(before: e)] == 0x0D { e = u.index(before: e) }
        return Substring(u[start..<e]) ?? ""
    }
}
