/// Trojan Source and friends: bidirectional controls, zero-width and tag characters, and
/// identifiers that mix Latin with look-alike Cyrillic or Greek letters.
public enum InvisibleUnicode {
    // Examples are lines of text in a file named `main.swift` (escapes written as \u{…}).
    public static let bidi = GuardRule("unicode.bidi-control", .deny,
        "a bidirectional control character can make code read differently than it runs (Trojan Source)", kind: .unicode, severity: .high,
        examples: ["let access = \"user\u{202E} \u{2066}// admin\u{2069}\u{2066}\""], counterExamples: ["let access = \"user\" // admin"])
    public static let tag = GuardRule("unicode.tag-character", .deny,
        "an invisible tag character can smuggle hidden text (prompt injection)", kind: .unicode, severity: .high,
        examples: ["// note\u{E0049}\u{E0067}\u{E006E}"], counterExamples: ["// note 🏴"])
    public static let zeroWidth = GuardRule("unicode.zero-width", .deny,
        "an invisible zero-width character hides inside code", kind: .unicode, severity: .high,
        examples: ["let is\u{200B}Admin = true", "if user.ro\u{200D}le == x {}"], counterExamples: ["let isAdmin = true", "let family = \"👨\u{200D}👩\u{200D}👧\""])
    public static let mixedScript = GuardRule("unicode.mixed-script-identifier", .ask,
        "an identifier mixes Latin letters with look-alike Cyrillic or Greek ones", kind: .unicode, severity: .medium,
        examples: ["let p\u{0430}ypal = 1"], counterExamples: ["let paypal = 1", "let π = 3.14", "let привет = 1"])
    public static let rules: [GuardRule] = [bidi, tag, zeroWidth, mixedScript]

    public struct Hit: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var scalar: Unicode.Scalar
        public var ruleID: String
        public var reason: String
    }

    static func isBidi(_ v: UInt32) -> Bool { (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C }
    static func isTag(_ v: UInt32) -> Bool { (0xE0000...0xE007F).contains(v) }
    static func isZeroWidth(_ v: UInt32) -> Bool { v == 0x200B || v == 0x2060 || v == 0xFEFF || v == 0x180E || v == 0x2061 || v == 0x2062 || v == 0x2063 || v == 0x2064 }

    /// Text formats where zero-width joiners and bidi marks are ordinary (prose, translations).
    public static func isProse(_ path: String) -> Bool {
        let lower = path.lowercased()
        return [".md", ".markdown", ".txt", ".rst", ".adoc", ".po", ".pot", ".xliff", ".strings", ".stringsdict", ".arb", ".srt", ".vtt"]
            .contains { lower.hasSuffix($0) } || lower.contains("/locales/") || lower.contains("/i18n/") || lower.contains(".lproj/")
    }

    /// Whether `bytes` (UTF-8) may hold anything this detector reports: the encodings of bidi,
    /// zero-width and tag characters, and Greek or Cyrillic letters. Most non-ASCII text (accents,
    /// CJK, emoji, box drawing) has none, and skipping it keeps scans fast.
    public static func mayContainSuspects(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            switch b {
            case 0xCD, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3: return true          // Greek, Cyrillic
            case 0xD8: if i + 1 < n && bytes[i + 1] == 0x9C { return true }      // U+061C
            case 0xE1: if i + 2 < n && bytes[i + 1] == 0xA0 && bytes[i + 2] == 0x8E { return true }  // U+180E
            case 0xE2:
                if i + 2 < n {
                    let b1 = bytes[i + 1], b2 = bytes[i + 2]
                    if b1 == 0x80 && ((0x8B...0x8F).contains(b2) || (0xAA...0xAE).contains(b2)) { return true }
                    if b1 == 0x81 && ((0xA0...0xA4).contains(b2) || (0xA6...0xA9).contains(b2)) { return true }
                }
            case 0xEF: if i + 2 < n && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF && i > 0 { return true }  // U+FEFF past the start
            case 0xF3: if i + 1 < n && bytes[i + 1] == 0xA0 { return true }      // tags U+E0000…
            default: break
            }
            i += 1
        }
        return false
    }

    /// At most this many hits per rule and file: one is enough to act on, and a binary-like file
    /// full of control characters must not produce thousands.
    public static let maxHitsPerRule = 10

    /// Scans `lines` (numbered from `firstLine`) of the file at `path`.
    public static func scan(_ lines: [Substring], firstLine: Int, path: String) -> [Hit] {
        var perRule: [String: Int] = [:]
        return scanAll(lines, firstLine: firstLine, path: path).filter { hit in
            let n = perRule[hit.ruleID, default: 0]
            perRule[hit.ruleID] = n + 1
            return n < maxHitsPerRule
        }
    }

    static func scanAll(_ lines: [Substring], firstLine: Int, path: String) -> [Hit] {
        // Most text holds none of these characters (plain ASCII, or accents, dashes, CJK, emoji); the
        // comment state below matters only for lines that do, so such a text is done in one byte pass.
        guard lines.contains(where: { line in
            line.utf8.withContiguousStorageIfAvailable { mayContainSuspects(UnsafeRawBufferPointer($0)) } ?? true
        }) else { return [] }
        let prose = isProse(path)
        var hits: [Hit] = []
        var comment = CommentState()
        for (n, line) in lines.enumerated() {
            // Fast path: plain ASCII lines hold none of these (they may open or close a docstring).
            if line.utf8.allSatisfy({ $0 < 0x80 }) {
                if !prose && mayChangeCommentState(line) { _ = commentStart(Array(line.unicodeScalars), state: &comment) }
                continue
            }
            if hits.count >= 4 * maxHitsPerRule * 4 { break }
            var column = 0
            var prevScalar: Unicode.Scalar?
            let scalars = Array(line.unicodeScalars)
            for (k, s) in scalars.enumerated() {
                column += 1
                let v = s.value
                let lineNo = firstLine + n
                if isBidi(v) && !(prose && (v == 0x200E || v == 0x200F || v == 0x061C)) {
                    hits.append(Hit(line: lineNo, column: column, scalar: s, ruleID: bidi.id,
                                    reason: "bidirectional control U+\(hex(v)) can make code read differently than it runs (Trojan Source)"))
                } else if isTag(v) {
                    hits.append(Hit(line: lineNo, column: column, scalar: s, ruleID: tag.id,
                                    reason: "invisible tag character U+\(hex(v)) (can smuggle hidden text, e.g. prompt injection)"))
                } else if isZeroWidth(v) && !(v == 0xFEFF && n == 0 && k == 0) && !prose {
                    hits.append(Hit(line: lineNo, column: column, scalar: s, ruleID: zeroWidth.id,
                                    reason: "invisible zero-width character U+\(hex(v))"))
                } else if (v == 0x200C || v == 0x200D) && !prose {
                    // Joiners are legitimate inside emoji sequences and some scripts; between ASCII code characters they hide.
                    let next = k + 1 < scalars.count ? scalars[k + 1] : nil
                    if let p = prevScalar, let nx = next, p.isASCII, nx.isASCII, p.properties.isAlphabetic || nx.properties.isAlphabetic {
                        hits.append(Hit(line: lineNo, column: column, scalar: s, ruleID: zeroWidth.id,
                                        reason: "invisible joiner U+\(hex(v)) inside ASCII text"))
                    }
                }
                prevScalar = s
            }
            if !prose {
                // Look-alike letters inside a comment or docstring written in Cyrillic or Greek are
                // that language's prose, not a disguised identifier: comments do not run.
                let from = commentStart(scalars, state: &comment)
                var lineHits = homoglyphs(line, lineNo: firstLine + n)
                if let from, !lineHits.isEmpty, hasNativeWord(scalars[from...]) { lineHits.removeAll { $0.column > from } }
                hits += lineHits
            }
        }
        return hits
    }

    /// Comment and docstring state carried from line to line: inside a triple-quoted string or a
    /// block comment (`open` is the closing delimiter).
    struct CommentState {
        var open: [Unicode.Scalar]?
    }

    /// Whether an ASCII line may open or close a docstring or block comment (cheap byte test).
    static func mayChangeCommentState(_ line: Substring) -> Bool {
        var prev: UInt8 = 0, run = 0
        for b in line.utf8 {
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { run = b == prev ? run + 1 : 1; if run >= 3 { return true } } else { run = 0 }
            if (prev == UInt8(ascii: "/") && b == UInt8(ascii: "*")) || (prev == UInt8(ascii: "*") && b == UInt8(ascii: "/")) { return true }
            prev = b
        }
        return false
    }

    /// The scalar index where comment or docstring text starts on this line (0 when the line
    /// continues one), or nil for a line of code; updates `state` for the next line.
    static func commentStart(_ s: [Unicode.Scalar], state: inout CommentState) -> Int? {
        func at(_ i: Int, _ d: [Unicode.Scalar]) -> Bool { i + d.count <= s.count && Array(s[i..<(i + d.count)]) == d }
        let triples: [[Unicode.Scalar]] = [["\"", "\"", "\""], ["'", "'", "'"]]
        var start: Int? = state.open != nil ? 0 : nil
        var i = 0
        var quote: Unicode.Scalar?
        while i < s.count {
            if let open = state.open {
                if at(i, open) { state.open = nil; i += open.count; continue }
                i += 1
                continue
            }
            let c = s[i]
            if let q = quote {
                if c == "\\" { i += 2; continue }
                if c == q { quote = nil }
                i += 1
                continue
            }
            if let t = triples.first(where: { at(i, $0) }) {
                state.open = t
                start = start ?? i
                i += 3
                continue
            }
            if at(i, ["/", "*"]) { state.open = ["*", "/"]; start = start ?? i; i += 2; continue }
            if c == "#" || at(i, ["/", "/"]) || at(i, ["-", "-", " "]) || at(i, ["<", "!", "-", "-"]) { return start ?? i }
            if c == "\"" || c == "'" { quote = c }
            i += 1
        }
        return start
    }

    /// Whether the text holds a word of two or more letters written only in Cyrillic or Greek.
    static func hasNativeWord(_ s: ArraySlice<Unicode.Scalar>) -> Bool {
        var letters = 0, native = true
        for c in s {
            if c.properties.isAlphabetic {
                letters += 1
                if !(0x0370...0x052F).contains(c.value) { native = false }
            } else {
                if native && letters >= 2 { return true }
                letters = 0
                native = true
            }
        }
        return native && letters >= 2
    }

    /// Cyrillic and Greek letters that look like Latin ones. Greek letters used as math symbols
    /// (π, δ, ω, Φ) are not look-alikes and are fine in identifiers.
    static let confusables: Set<UInt32> = [
        // Cyrillic а в е к м н о р с т у х і ј ѕ ԁ ԛ ԝ ѡ ү һ and capitals
        0x0430, 0x0432, 0x0435, 0x043A, 0x043C, 0x043D, 0x043E, 0x0440, 0x0441, 0x0442, 0x0443, 0x0445, 0x0456, 0x0458,
        0x0455, 0x0501, 0x051B, 0x051D, 0x0461, 0x04AF, 0x04BB,
        0x0410, 0x0412, 0x0415, 0x041A, 0x041C, 0x041D, 0x041E, 0x0420, 0x0421, 0x0422, 0x0423, 0x0425, 0x0406, 0x0408, 0x0405,
        // Greek Α Β Ε Ζ Η Ι Κ Μ Ν Ο Ρ Τ Υ Χ and ο ν ι κ ρ υ χ α
        0x0391, 0x0392, 0x0395, 0x0396, 0x0397, 0x0399, 0x039A, 0x039C, 0x039D, 0x039F, 0x03A1, 0x03A4, 0x03A5, 0x03A7,
        0x03BF, 0x03BD, 0x03B9, 0x03BA, 0x03C1, 0x03C5, 0x03C7, 0x03B1,
    ]

    /// Identifiers mixing Latin letters with Cyrillic or Greek ones (`paypal` spelled with a Cyrillic
    /// U+0430 for its first `a`).
    static func homoglyphs(_ line: Substring, lineNo: Int) -> [Hit] {
        var hits: [Hit] = []
        var column = 0
        var word: [(Unicode.Scalar, Int)] = []
        func check() {
            var latin = false, confusable: (Unicode.Scalar, Int)?
            for (s, c) in word {
                if s.isASCII && s.properties.isAlphabetic { latin = true }
                if confusables.contains(s.value) { confusable = confusable ?? (s, c) }
            }
            if latin, let (s, c) = confusable {
                hits.append(Hit(line: lineNo, column: c, scalar: s, ruleID: mixedScript.id,
                                reason: "identifier mixes Latin with the look-alike \(s.value < 0x0400 ? "Greek" : "Cyrillic") letter U+\(hex(s.value))"))
            }
            word = []
        }
        for s in line.unicodeScalars {
            column += 1
            if s.properties.isAlphabetic || s == "_" || (s.isASCII && s.properties.numericType != nil) { word.append((s, column)) } else { check() }
        }
        check()
        return hits
    }

    static func hex(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}
