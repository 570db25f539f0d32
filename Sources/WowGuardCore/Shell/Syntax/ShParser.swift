struct ShParseError: Error {
    enum Kind { case syntax, tooDeep, tooLarge }
    var kind: Kind
    var message: String
}

/// Recursive-descent parser for the POSIX sh / bash subset agents emit. Works on UTF-8 bytes;
/// nesting (subshells, substitutions, `${…}`) is bounded by `maxNesting`, so hostile input
/// fails fast instead of exhausting the stack.
struct ShParser {
    static let maxNesting = 32
    static let maxWords = 20_000

    private let b: [UInt8]
    private var i = 0
    private var depth: Int
    private var pending: [Pending] = []
    private var wordCount = 0

    private struct Pending {
        var delim: [UInt8]
        var strip: Bool
        var box: ShHeredoc
    }

    static let reserved: Set<String> = [
        "{", "}", "if", "then", "elif", "else", "fi", "for", "select", "while", "until", "do", "done",
        "case", "esac", "function", "[[", "!", "time", "coproc",
    ]

    init(bytes: [UInt8], depth: Int = 0) {
        b = bytes
        self.depth = depth
    }

    init(_ text: String, depth: Int = 0) {
        self.init(bytes: Array(text.utf8), depth: depth)
    }

    // MARK: - Entry points

    /// Parses a whole script. On error, `items` holds the complete commands before it.
    mutating func parseProgram() -> (items: [ShItem], error: ShParseError?) {
        var items: [ShItem] = []
        do throws(ShParseError) {
            try parseItems(into: &items, terminators: [], closeParen: false)
            skipBlanks()
            if !atEnd { throw fail("unexpected '\(snippet())'") }
            if !pending.isEmpty { throw fail("unterminated heredoc") }
            return (items, nil)
        } catch {
            return (items, error)
        }
    }

    // MARK: - Bytes

    private var atEnd: Bool { i >= b.count }
    private var cur: UInt8 { i < b.count ? b[i] : 0 }
    private func at(_ k: Int) -> UInt8 { k < b.count && k >= 0 ? b[k] : 0 }

    static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }
    static func isMeta(_ c: UInt8) -> Bool {
        switch c {
        case 0x20, 0x09, 0x0D, 0x0A, 0x3B, 0x26, 0x7C, 0x3C, 0x3E, 0x28, 0x29: true
        default: false
        }
    }
    static func isNameStart(_ c: UInt8) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F }
    static func isNameChar(_ c: UInt8) -> Bool { isNameStart(c) || isDigit(c) }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func utf8Length(_ c: UInt8) -> Int { c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1 }

    private func fail(_ message: String) -> ShParseError { ShParseError(kind: .syntax, message: message) }
    private var tooDeep: ShParseError { ShParseError(kind: .tooDeep, message: "nesting deeper than \(Self.maxNesting) levels") }

    private func snippet() -> String {
        String(decoding: b[min(i, b.count)..<min(b.count, i + 12)], as: UTF8.self)
    }

    private func text(_ r: Range<Int>) -> String { String(decoding: b[r], as: UTF8.self) }

    /// Blanks, line continuations and comments.
    private mutating func skipBlanks() {
        while i < b.count {
            let c = b[i]
            if Self.isBlank(c) {
                i += 1
            } else if c == 0x5C && at(i + 1) == 0x0A {
                i += 2
            } else if c == 0x23 {
                while i < b.count && b[i] != 0x0A { i += 1 }
            } else {
                break
            }
        }
    }

    private mutating func skipLinebreaks() throws(ShParseError) {
        while true {
            skipBlanks()
            if !atEnd && cur == 0x0A { try newline() } else { return }
        }
    }

    private mutating func newline() throws(ShParseError) {
        i += 1
        if !pending.isEmpty { try readHeredocs() }
    }

    /// A reserved word at the current position (unquoted, followed by a metacharacter).
    private func peekReserved() -> String? {
        var j = i
        while j < b.count && !Self.isMeta(b[j]) {
            switch b[j] {
            case 0x27, 0x22, 0x5C, 0x24, 0x60: return nil
            default: break
            }
            j += 1
            if j - i > 8 { return nil }
        }
        guard j > i else { return nil }
        let w = text(i..<j)
        return Self.reserved.contains(w) ? w : nil
    }

    private func peekBare(_ w: String) -> Bool {
        let u = Array(w.utf8)
        guard i + u.count <= b.count, b[i..<(i + u.count)].elementsEqual(u) else { return false }
        let after = at(i + u.count)
        return i + u.count == b.count || Self.isMeta(after)
    }

    private mutating func expectReserved(_ w: String) throws(ShParseError) {
        try skipLinebreaks()
        guard peekReserved() == w else { throw fail(atEnd ? "missing '\(w)'" : "expected '\(w)' near '\(snippet())'") }
        i += w.utf8.count
    }

    // MARK: - Lists

    private mutating func parseItems(into items: inout [ShItem], terminators: Set<String>, closeParen: Bool) throws(ShParseError) {
        while true {
            try skipLinebreaks()
            if atEnd { return }
            let c = cur
            if c == 0x29 {
                if closeParen { return }
                throw fail("unexpected ')'")
            }
            if c == 0x3B && (at(i + 1) == 0x3B || at(i + 1) == 0x26) {
                if terminators.contains(";;") { return }
                throw fail("unexpected '\(snippet())'")
            }
            if let r = peekReserved(), terminators.contains(r) { return }
            let node = try parseAndOr()
            skipBlanks()
            var background = false
            if !atEnd && cur == 0x26 && at(i + 1) != 0x26 {
                i += 1
                background = true
            } else if !atEnd && cur == 0x3B && at(i + 1) != 0x3B && at(i + 1) != 0x26 {
                i += 1
            } else if !atEnd && cur == 0x0A {
                try newline()
            }
            items.append(ShItem(node: node, background: background))
        }
    }

    private mutating func parseList(terminators: Set<String>, closeParen: Bool) throws(ShParseError) -> ShNode {
        var items: [ShItem] = []
        try parseItems(into: &items, terminators: terminators, closeParen: closeParen)
        return items.count == 1 && !items[0].background ? items[0].node : .list(items)
    }

    /// `$(…)`, `<(…)`: a list up to the matching `)`.
    private mutating func parseSubList() throws(ShParseError) -> ShNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxNesting { throw tooDeep }
        let node = try parseList(terminators: [], closeParen: true)
        guard !atEnd && cur == 0x29 else { throw fail("missing ')'") }
        i += 1
        return node
    }

    private mutating func parseAndOr() throws(ShParseError) -> ShNode {
        var nodes = [try parsePipeline()]
        while true {
            skipBlanks()
            if (cur == 0x26 && at(i + 1) == 0x26) || (cur == 0x7C && at(i + 1) == 0x7C) {
                i += 2
                try skipLinebreaks()
                nodes.append(try parsePipeline())
            } else {
                break
            }
        }
        return nodes.count == 1 ? nodes[0] : .list(nodes.map { ShItem(node: $0, background: false) })
    }

    private mutating func parsePipeline() throws(ShParseError) -> ShNode {
        skipBlanks()
        while let r = peekReserved(), r == "!" || r == "time" {
            i += r.utf8.count
            skipBlanks()
            if r == "time" && cur == 0x2D && at(i + 1) == 0x70 && (i + 2 >= b.count || Self.isMeta(at(i + 2))) {
                i += 2
                skipBlanks()
            }
        }
        var stages = [try parseCommand()]
        while true {
            skipBlanks()
            if !atEnd && cur == 0x7C && at(i + 1) != 0x7C {
                i += at(i + 1) == 0x26 ? 2 : 1
                try skipLinebreaks()
                stages.append(try parseCommand())
            } else {
                break
            }
        }
        return stages.count == 1 ? stages[0] : .pipeline(stages)
    }

    // MARK: - Commands

    private mutating func parseCommand() throws(ShParseError) -> ShNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxNesting { throw tooDeep }
        skipBlanks()
        if atEnd { throw fail("unexpected end of input") }
        if cur == 0x28 {
            if at(i + 1) == 0x28, let expr = try scanArithmetic(from: i + 2) {
                return .arith(expr, try parseRedirects())
            }
            i += 1
            let body = try parseList(terminators: [], closeParen: true)
            guard !atEnd && cur == 0x29 else { throw fail("missing ')'") }
            i += 1
            return .subshell(body, try parseRedirects())
        }
        if let r = peekReserved() {
            switch r {
            case "{":
                i += 1
                let body = try parseList(terminators: ["}"], closeParen: false)
                try expectReserved("}")
                return .group(body, try parseRedirects())
            case "if":
                return try parseIf()
            case "while", "until":
                i += r.utf8.count
                let cond = try parseList(terminators: ["do"], closeParen: false)
                try expectReserved("do")
                let body = try parseList(terminators: ["done"], closeParen: false)
                try expectReserved("done")
                return .loop(condition: cond, body: body, until: r == "until", try parseRedirects())
            case "for", "select":
                return try parseFor(keyword: r)
            case "case":
                return try parseCase()
            case "function":
                i += 8
                skipBlanks()
                guard let w = try readWord(), let name = w.plainText else { throw fail("bad function name") }
                skipBlanks()
                if cur == 0x28 {
                    i += 1
                    skipBlanks()
                    guard cur == 0x29 else { throw fail("expected ')' after function name") }
                    i += 1
                }
                try skipLinebreaks()
                return .function(name, try parseCommand())
            case "[[":
                return try parseTest()
            case "coproc", "!":
                i += r.utf8.count
                return try parseCommand()
            case "time":
                i += 4
                return try parseCommand()
            default:
                throw fail("unexpected '\(r)'")
            }
        }
        return try parseSimple()
    }

    private mutating func parseRedirects() throws(ShParseError) -> [ShRedirect] {
        var out: [ShRedirect] = []
        while true {
            skipBlanks()
            guard !atEnd, isRedirectStart() else { return out }
            out.append(try parseRedirect())
        }
    }

    private mutating func parseIf() throws(ShParseError) -> ShNode {
        i += 2
        var parts: [ShNode] = []
        parts.append(try parseList(terminators: ["then"], closeParen: false))
        try expectReserved("then")
        parts.append(try parseList(terminators: ["elif", "else", "fi"], closeParen: false))
        while true {
            let r = peekReserved()
            if r == "elif" {
                i += 4
                parts.append(try parseList(terminators: ["then"], closeParen: false))
                try expectReserved("then")
                parts.append(try parseList(terminators: ["elif", "else", "fi"], closeParen: false))
            } else if r == "else" {
                i += 4
                parts.append(try parseList(terminators: ["fi"], closeParen: false))
            } else {
                break
            }
        }
        try expectReserved("fi")
        return .ifClause(parts, try parseRedirects())
    }

    private mutating func parseFor(keyword: String) throws(ShParseError) -> ShNode {
        i += keyword.utf8.count
        skipBlanks()
        var name = ""
        var items: [ShWord]? = nil
        if cur == 0x28 && at(i + 1) == 0x28 {
            guard try scanArithmetic(from: i + 2) != nil else { throw fail("bad for ((…)) header") }
            items = []
            skipBlanks()
            if cur == 0x3B { i += 1 }
        } else {
            guard let w = try readWord(), let n = w.plainText else { throw fail("bad for variable") }
            name = n
            try skipLinebreaks()
            if peekBare("in") {
                i += 2
                var list: [ShWord] = []
                while true {
                    skipBlanks()
                    if atEnd { throw fail("missing 'do'") }
                    if cur == 0x3B { i += 1; break }
                    if cur == 0x0A { try newline(); break }
                    guard let w = try readWord() else { throw fail("unexpected '\(snippet())' in for list") }
                    list.append(w)
                }
                items = list
            } else if cur == 0x3B {
                i += 1
            }
        }
        try skipLinebreaks()
        let body: ShNode
        if peekReserved() == "do" {
            i += 2
            body = try parseList(terminators: ["done"], closeParen: false)
            try expectReserved("done")
        } else if peekReserved() == "{" {
            i += 1
            body = try parseList(terminators: ["}"], closeParen: false)
            try expectReserved("}")
        } else {
            throw fail("missing 'do'")
        }
        return .forLoop(name: name, items: items, body: body, try parseRedirects())
    }

    private mutating func parseCase() throws(ShParseError) -> ShNode {
        i += 4
        skipBlanks()
        guard let subject = try readWord() else { throw fail("missing case word") }
        try skipLinebreaks()
        guard peekBare("in") else { throw fail("expected 'in'") }
        i += 2
        var patterns: [ShWord] = []
        var bodies: [ShNode] = []
        while true {
            try skipLinebreaks()
            if atEnd { throw fail("missing 'esac'") }
            if peekReserved() == "esac" {
                i += 4
                break
            }
            if cur == 0x28 { i += 1 }
            while true {
                skipBlanks()
                guard let w = try readWord() else { throw fail("bad case pattern near '\(snippet())'") }
                patterns.append(w)
                skipBlanks()
                if cur == 0x7C { i += 1; continue }
                if cur == 0x29 { i += 1; break }
                throw fail("bad case pattern near '\(snippet())'")
            }
            bodies.append(try parseList(terminators: [";;", "esac"], closeParen: false))
            skipBlanks()
            if cur == 0x3B && at(i + 1) == 0x3B {
                i += at(i + 2) == 0x26 ? 3 : 2
            } else if cur == 0x3B && at(i + 1) == 0x26 {
                i += 2
            }
        }
        return .caseClause(subject, patterns: patterns, bodies: bodies, try parseRedirects())
    }

    private mutating func parseTest() throws(ShParseError) -> ShNode {
        i += 2
        var words: [ShWord] = []
        while true {
            skipBlanks()
            if atEnd { throw fail("missing ']]'") }
            let c = cur
            if c == 0x0A { try newline(); continue }
            if c == 0x26 || c == 0x7C || c == 0x28 || c == 0x29 || c == 0x3C || c == 0x3E || c == 0x3B {
                i += 1
                continue
            }
            guard let w = try readWord() else { i += 1; continue }
            if w.isBare("]]") { break }
            words.append(w)
        }
        return .test(words, try parseRedirects())
    }

    /// `((…))` / `$((…))`: the text up to the matching `))`, or nil when the parens do not
    /// close that way (then `((` is two subshells).
    private mutating func scanArithmetic(from start: Int) throws(ShParseError) -> String? {
        var j = start
        var d = 0
        while j < b.count {
            let c = b[j]
            if c == 0x28 {
                d += 1
                if d + depth > Self.maxNesting { throw tooDeep }
            } else if c == 0x29 {
                if d == 0 {
                    guard at(j + 1) == 0x29 else { return nil }
                    let s = text(start..<j)
                    i = j + 2
                    return s
                }
                d -= 1
            }
            j += 1
        }
        return nil
    }

    private mutating func parseSimple() throws(ShParseError) -> ShNode {
        let start = i
        var assigns: [ShAssignment] = []
        var words: [ShWord] = []
        var redirs: [ShRedirect] = []
        while true {
            skipBlanks()
            if atEnd { break }
            let c = cur
            if c == 0x0A || c == 0x3B || c == 0x7C || c == 0x29 { break }
            if c == 0x26 {
                if at(i + 1) == 0x3E {
                    redirs.append(try parseRedirect())
                    continue
                }
                break
            }
            if c == 0x28 {
                if words.count == 1 && assigns.isEmpty && redirs.isEmpty, let name = words[0].plainText {
                    i += 1
                    skipBlanks()
                    guard cur == 0x29 else { throw fail("expected ')' in function definition") }
                    i += 1
                    try skipLinebreaks()
                    return .function(name, try parseCommand())
                }
                throw fail("unexpected '('")
            }
            if isRedirectStart() {
                redirs.append(try parseRedirect())
                continue
            }
            if words.isEmpty, let a = try parseAssignment() {
                assigns.append(a)
                continue
            }
            guard let w = try readWord() else { throw fail("unexpected '\(snippet())'") }
            words.append(w)
            wordCount += 1
            if wordCount > Self.maxWords { throw ShParseError(kind: .tooLarge, message: "more than \(Self.maxWords) words") }
        }
        if assigns.isEmpty && words.isEmpty && redirs.isEmpty {
            throw fail(atEnd ? "unexpected end of input" : "unexpected '\(snippet())'")
        }
        return .simple(ShSimple(assignments: assigns, words: words, redirects: redirs, text: text(start..<i)))
    }

    private mutating func parseAssignment() throws(ShParseError) -> ShAssignment? {
        guard Self.isNameStart(cur) else { return nil }
        var j = i
        while j < b.count && Self.isNameChar(b[j]) { j += 1 }
        let nameEnd = j
        var index: String? = nil
        if at(j) == 0x5B {
            let s = j + 1
            while j < b.count && b[j] != 0x5D && b[j] != 0x0A { j += 1 }
            guard at(j) == 0x5D else { return nil }
            index = text(s..<j)
            j += 1
        }
        var append = false
        if at(j) == 0x2B && at(j + 1) == 0x3D {
            append = true
            j += 1
        }
        guard at(j) == 0x3D else { return nil }
        let name = text(i..<nameEnd)
        i = j + 1
        if !atEnd && cur == 0x28 {
            i += 1
            var elems: [ShWord] = []
            while true {
                try skipLinebreaks()
                if atEnd { throw fail("unterminated array assignment") }
                if cur == 0x29 { i += 1; break }
                guard let w = try readWord() else { throw fail("bad array element near '\(snippet())'") }
                elems.append(w)
            }
            return ShAssignment(name: name, value: .empty, array: elems, append: append, index: index)
        }
        let value = try readWord() ?? .empty
        return ShAssignment(name: name, value: value, array: nil, append: append, index: index)
    }

    // MARK: - Redirections

    private func isRedirectStart() -> Bool {
        let c = cur
        if c == 0x3C || c == 0x3E { return at(i + 1) != 0x28 }
        if c == 0x26 { return at(i + 1) == 0x3E }
        if Self.isDigit(c) {
            var j = i
            while j < b.count && Self.isDigit(b[j]) { j += 1 }
            let d = at(j)
            return (d == 0x3C || d == 0x3E) && at(j + 1) != 0x28
        }
        if c == 0x7B {
            var j = i + 1
            while j < b.count && Self.isNameChar(b[j]) { j += 1 }
            return j > i + 1 && at(j) == 0x7D && (at(j + 1) == 0x3C || at(j + 1) == 0x3E)
        }
        return false
    }

    private mutating func parseRedirect() throws(ShParseError) -> ShRedirect {
        var fd: Int? = nil
        if Self.isDigit(cur) {
            var v = 0
            while !atEnd && Self.isDigit(cur) {
                v = min(v * 10 + Int(cur - 0x30), 1 << 20)
                i += 1
            }
            fd = v
        } else if cur == 0x7B {
            while !atEnd && cur != 0x7D { i += 1 }
            i += 1
            fd = 10
        }
        let op: ShRedirOp
        let c = cur, c1 = at(i + 1), c2 = at(i + 2)
        if c == 0x26 {
            if c2 == 0x3E { op = .appendBoth; i += 3 } else { op = .outputBoth; i += 2 }
        } else if c == 0x3C {
            if c1 == 0x3C && c2 == 0x3C { op = .hereString; i += 3 }
            else if c1 == 0x3C && c2 == 0x2D { op = .heredoc(strip: true); i += 3 }
            else if c1 == 0x3C { op = .heredoc(strip: false); i += 2 }
            else if c1 == 0x26 { op = .dupIn; i += 2 }
            else if c1 == 0x3E { op = .readWrite; i += 2 }
            else { op = .input; i += 1 }
        } else {
            if c1 == 0x3E { op = .append; i += 2 }
            else if c1 == 0x7C { op = .clobber; i += 2 }
            else if c1 == 0x26 { op = .dupOut; i += 2 }
            else { op = .output; i += 1 }
        }
        skipBlanks()
        if case .heredoc(let strip) = op {
            let s = i
            guard try readWord() != nil else { throw fail("missing heredoc delimiter") }
            var delim: [UInt8] = []
            var quoted = false
            for ch in b[s..<i] {
                if ch == 0x27 || ch == 0x22 || ch == 0x5C { quoted = true } else { delim.append(ch) }
            }
            if delim.first == 0x24 && quoted { delim.removeFirst() }  // <<$'EOF'
            let box = ShHeredoc()
            box.quoted = quoted
            pending.append(Pending(delim: delim, strip: strip, box: box))
            return ShRedirect(fd: fd, op: op, target: .empty, heredoc: box)
        }
        guard let w = try readWord() else { throw fail("missing redirection target near '\(snippet())'") }
        return ShRedirect(fd: fd, op: op, target: w, heredoc: nil)
    }

    private mutating func readHeredocs() throws(ShParseError) {
        let list = pending
        pending.removeAll()
        for h in list {
            var body: [UInt8] = []
            var found = false
            while i < b.count {
                var e = i
                while e < b.count && b[e] != 0x0A { e += 1 }
                var s = i
                if h.strip { while s < e && b[s] == 0x09 { s += 1 } }
                var le = e
                if le > s && b[le - 1] == 0x0D { le -= 1 }
                i = e < b.count ? e + 1 : e
                if b[s..<le].elementsEqual(h.delim) {
                    found = true
                    break
                }
                body.append(contentsOf: b[s..<e])
                body.append(0x0A)
            }
            if !found { throw fail("unterminated heredoc (no line '\(String(decoding: h.delim, as: UTF8.self))')") }
            h.box.raw = String(decoding: body, as: UTF8.self)
            if h.box.quoted {
                h.box.word = ShWord(parts: [.quoted(h.box.raw)])
            } else {
                guard depth + 1 <= Self.maxNesting else { throw tooDeep }
                var sub = ShParser(bytes: body, depth: depth + 1)
                h.box.word = try sub.readExpansionText()
            }
        }
    }

    /// An unquoted heredoc body: `$…` and backticks expand, nothing else is special.
    mutating func readExpansionText() throws(ShParseError) -> ShWord {
        var parts: [ShPart] = []
        var lit: [UInt8] = []
        while i < b.count {
            let c = b[i]
            if c == 0x5C {
                let d = at(i + 1)
                if d == 0x24 || d == 0x60 || d == 0x5C { lit.append(d); i += 2; continue }
                if d == 0x0A { i += 2; continue }
                lit.append(c)
                i += 1
            } else if c == 0x24 {
                flushQuoted(&lit, &parts)
                if let p = try readDollar(quoted: true) { parts.append(p) }
            } else if c == 0x60 {
                flushQuoted(&lit, &parts)
                parts.append(try readBacktick(quoted: true))
            } else {
                lit.append(c)
                i += 1
            }
        }
        flushQuoted(&lit, &parts)
        return ShWord(parts: parts)
    }

    // MARK: - Words

    private func flushLiteral(_ lit: inout [UInt8], _ parts: inout [ShPart]) {
        guard !lit.isEmpty else { return }
        parts.append(.literal(String(decoding: lit, as: UTF8.self)))
        lit.removeAll(keepingCapacity: true)
    }

    private func flushQuoted(_ lit: inout [UInt8], _ parts: inout [ShPart]) {
        guard !lit.isEmpty else { return }
        parts.append(.quoted(String(decoding: lit, as: UTF8.self)))
        lit.removeAll(keepingCapacity: true)
    }

    private mutating func readSingleQuoted() throws(ShParseError) -> ShPart {
        i += 1
        let s = i
        while i < b.count && b[i] != 0x27 { i += 1 }
        if atEnd { throw fail("unterminated single quote") }
        let t = text(s..<i)
        i += 1
        return .quoted(t)
    }

    /// One shell word, or nil when the current byte cannot start one.
    mutating func readWord() throws(ShParseError) -> ShWord? {
        let start = i
        var parts: [ShPart] = []
        var lit: [UInt8] = []
        if (cur == 0x3C || cur == 0x3E) && at(i + 1) == 0x28 {
            let output = cur == 0x3E
            i += 2
            parts.append(.process(try parseSubList(), output: output))
        }
        while i < b.count {
            let c = b[i]
            if Self.isMeta(c) {
                // `local a=(x y)`: keep an array literal in an argument as text.
                if c == 0x28, parts.isEmpty, lit.last == 0x3D, lit.count >= 2, Self.isNameStart(lit[0]) {
                    var d = 0
                    while i < b.count {
                        let ch = b[i]
                        lit.append(ch)
                        i += 1
                        if ch == 0x28 { d += 1 } else if ch == 0x29 { d -= 1; if d == 0 { break } }
                    }
                    if d != 0 { throw fail("unterminated array literal") }
                    continue
                }
                break
            }
            switch c {
            case 0x27:
                flushLiteral(&lit, &parts)
                parts.append(try readSingleQuoted())
            case 0x22:
                flushLiteral(&lit, &parts)
                i += 1
                parts.append(contentsOf: try readDoubleQuoted())
            case 0x5C:
                if i + 1 >= b.count {
                    lit.append(c)
                    i += 1
                } else if b[i + 1] == 0x0A {
                    i += 2
                } else {
                    flushLiteral(&lit, &parts)
                    let len = Self.utf8Length(b[i + 1])
                    let end = min(b.count, i + 1 + len)
                    parts.append(.quoted(text((i + 1)..<end)))
                    i = end
                }
            case 0x24:
                flushLiteral(&lit, &parts)
                if let p = try readDollar(quoted: false) { parts.append(p) }
            case 0x60:
                flushLiteral(&lit, &parts)
                parts.append(try readBacktick(quoted: false))
            case 0x2A, 0x3F, 0x2B, 0x40, 0x21:
                if at(i + 1) == 0x28 {
                    flushLiteral(&lit, &parts)
                    let s = i
                    i += 2
                    var d = 1
                    while i < b.count && d > 0 {
                        if b[i] == 0x28 { d += 1 } else if b[i] == 0x29 { d -= 1 }
                        i += 1
                    }
                    if d > 0 { throw fail("unterminated pattern") }
                    parts.append(.extglob(text(s..<i)))
                } else {
                    lit.append(c)
                    i += 1
                }
            default:
                lit.append(c)
                i += 1
            }
        }
        flushLiteral(&lit, &parts)
        return i == start ? nil : ShWord(parts: parts)
    }

    private mutating func readDoubleQuoted() throws(ShParseError) -> [ShPart] {
        var parts: [ShPart] = []
        var lit: [UInt8] = []
        var any = false
        while i < b.count {
            let c = b[i]
            if c == 0x22 {
                i += 1
                flushQuoted(&lit, &parts)
                if parts.isEmpty && !any { parts.append(.quoted("")) }
                return parts
            }
            if c == 0x5C {
                let d = at(i + 1)
                if d == 0x24 || d == 0x60 || d == 0x22 || d == 0x5C {
                    lit.append(d)
                    i += 2
                } else if d == 0x0A {
                    i += 2
                } else {
                    lit.append(c)
                    i += 1
                }
            } else if c == 0x24 {
                flushQuoted(&lit, &parts)
                if let p = try readDollar(quoted: true) { parts.append(p); any = true }
            } else if c == 0x60 {
                flushQuoted(&lit, &parts)
                parts.append(try readBacktick(quoted: true))
                any = true
            } else {
                lit.append(c)
                i += 1
            }
        }
        throw fail("unterminated double quote")
    }

    private mutating func readDollar(quoted: Bool) throws(ShParseError) -> ShPart? {
        if i + 1 >= b.count {
            i += 1
            return quoted ? .quoted("$") : .literal("$")
        }
        let n1 = b[i + 1]
        switch n1 {
        case 0x28:
            if at(i + 2) == 0x28, let e = try scanArithmetic(from: i + 3) {
                return .arithmetic(e, quoted: quoted)
            }
            i += 2
            return .command(try parseSubList(), quoted: quoted)
        case 0x7B:
            return try readBraceParam(quoted: quoted)
        case 0x27 where !quoted:
            i += 2
            return .quoted(try readANSI())
        case 0x22 where !quoted:
            i += 1
            return nil
        default:
            if Self.isNameStart(n1) {
                i += 1
                let s = i
                while i < b.count && Self.isNameChar(b[i]) { i += 1 }
                return .parameter(ShParam(name: text(s..<i)), quoted: quoted)
            }
            if Self.isDigit(n1) || n1 == 0x40 || n1 == 0x2A || n1 == 0x23 || n1 == 0x3F || n1 == 0x24 || n1 == 0x21 || n1 == 0x2D {
                i += 2
                return .parameter(ShParam(name: String(UnicodeScalar(n1))), quoted: quoted)
            }
            i += 1
            return quoted ? .quoted("$") : .literal("$")
        }
    }

    private mutating func readBraceParam(quoted: Bool) throws(ShParseError) -> ShPart {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxNesting { throw tooDeep }
        i += 2
        var p = ShParam(name: "")
        let n1 = at(i + 1)
        if cur == 0x23 && n1 != 0x7D && (Self.isNameChar(n1) || n1 == 0x40 || n1 == 0x2A) {
            p.length = true
            i += 1
        } else if cur == 0x21 && n1 != 0x7D {
            p.indirect = true
            i += 1
        }
        let s = i
        if Self.isNameStart(cur) {
            while !atEnd && Self.isNameChar(cur) { i += 1 }
        } else if Self.isDigit(cur) {
            while !atEnd && Self.isDigit(cur) { i += 1 }
        } else if [0x40, 0x2A, 0x23, 0x3F, 0x24, 0x21, 0x2D, 0x5F].contains(cur) {
            i += 1
        } else {
            throw fail("bad substitution")
        }
        p.name = text(s..<i)
        if !atEnd && cur == 0x5B {
            let s2 = i + 1
            var d = 0
            while !atEnd {
                if cur == 0x5B { d += 1 } else if cur == 0x5D { d -= 1; if d == 0 { break } }
                i += 1
            }
            if atEnd { throw fail("unterminated ${…[") }
            p.index = text(s2..<i)
            i += 1
        }
        if !atEnd && cur == 0x7D {
            i += 1
            return .parameter(p, quoted: quoted)
        }
        let c = cur, c1 = at(i + 1)
        switch c {
        case 0x3A:
            switch c1 {
            case 0x2D: p.op = .useDefault(colon: true); i += 2
            case 0x3D: p.op = .assignDefault(colon: true); i += 2
            case 0x2B: p.op = .useAlternative(colon: true); i += 2
            case 0x3F: p.op = .errorIfUnset(colon: true); i += 2
            default: p.op = .substring; i += 1
            }
        case 0x2D: p.op = .useDefault(colon: false); i += 1
        case 0x3D: p.op = .assignDefault(colon: false); i += 1
        case 0x2B: p.op = .useAlternative(colon: false); i += 1
        case 0x3F: p.op = .errorIfUnset(colon: false); i += 1
        case 0x23: p.op = .removePrefix(longest: c1 == 0x23); i += c1 == 0x23 ? 2 : 1
        case 0x25: p.op = .removeSuffix(longest: c1 == 0x25); i += c1 == 0x25 ? 2 : 1
        case 0x2F:
            switch c1 {
            case 0x2F: p.op = .replace(mode: 1); i += 2
            case 0x23: p.op = .replace(mode: 2); i += 2
            case 0x25: p.op = .replace(mode: 3); i += 2
            default: p.op = .replace(mode: 0); i += 1
            }
        case 0x5E: p.op = .upper(all: c1 == 0x5E); i += c1 == 0x5E ? 2 : 1
        case 0x2C: p.op = .lower(all: c1 == 0x2C); i += c1 == 0x2C ? 2 : 1
        case 0x40: p.op = .transform; i += 2
        default: throw fail("bad substitution")
        }
        switch p.op {
        case .replace:
            p.arg = try readParamWord(stops: [0x2F, 0x7D])
            if !atEnd && cur == 0x2F {
                i += 1
                p.arg2 = try readParamWord(stops: [0x7D])
            }
        case .substring:
            p.arg = try readParamWord(stops: [0x3A, 0x7D])
            if !atEnd && cur == 0x3A {
                i += 1
                p.arg2 = try readParamWord(stops: [0x7D])
            }
        case .transform:
            break
        default:
            p.arg = try readParamWord(stops: [0x7D])
        }
        guard !atEnd && cur == 0x7D else { throw fail("unterminated ${") }
        i += 1
        return .parameter(p, quoted: quoted)
    }

    /// The word inside `${x:-…}`: blanks are literal; stops at an unquoted stop byte.
    private mutating func readParamWord(stops: [UInt8]) throws(ShParseError) -> ShWord {
        var parts: [ShPart] = []
        var lit: [UInt8] = []
        while i < b.count {
            let c = b[i]
            if stops.contains(c) { break }
            switch c {
            case 0x27:
                flushLiteral(&lit, &parts)
                parts.append(try readSingleQuoted())
            case 0x22:
                flushLiteral(&lit, &parts)
                i += 1
                parts.append(contentsOf: try readDoubleQuoted())
            case 0x5C:
                if i + 1 < b.count {
                    flushLiteral(&lit, &parts)
                    parts.append(.quoted(String(UnicodeScalar(b[i + 1]))))
                    i += 2
                } else {
                    lit.append(c)
                    i += 1
                }
            case 0x24:
                flushLiteral(&lit, &parts)
                if let p = try readDollar(quoted: false) { parts.append(p) }
            case 0x60:
                flushLiteral(&lit, &parts)
                parts.append(try readBacktick(quoted: false))
            default:
                lit.append(c)
                i += 1
            }
        }
        flushLiteral(&lit, &parts)
        return ShWord(parts: parts)
    }

    private mutating func readBacktick(quoted: Bool) throws(ShParseError) -> ShPart {
        i += 1
        var inner: [UInt8] = []
        while i < b.count && b[i] != 0x60 {
            if b[i] == 0x5C, i + 1 < b.count {
                let d = b[i + 1]
                if d == 0x24 || d == 0x60 || d == 0x5C || (quoted && d == 0x22) {
                    inner.append(d)
                    i += 2
                    continue
                }
            }
            inner.append(b[i])
            i += 1
        }
        if atEnd { throw fail("unterminated backquote") }
        i += 1
        guard depth + 1 <= Self.maxNesting else { throw tooDeep }
        var sub = ShParser(bytes: inner, depth: depth + 1)
        let (items, err) = sub.parseProgram()
        if let err { throw err }
        return .command(items.count == 1 && !items[0].background ? items[0].node : .list(items), quoted: quoted)
    }

    /// `$'…'` with C escapes (decoded by `CEscapes`, shared with echo -e and printf %b).
    private mutating func readANSI() throws(ShParseError) -> String {
        let r = CEscapes.decode(b, from: i, terminator: UInt8(ascii: "'"), echoStyle: false)
        i = r.end
        guard r.terminated else { throw fail("unterminated $'") }
        // bash ends the quoted part at a decoded NUL (`r$'m\0x' -rf ~` runs `rm`): so does the parser
        // (found by the differential fuzzer, Fuzz/Differential).
        let bytes = r.bytes.firstIndex(of: 0).map { Array(r.bytes[..<$0]) } ?? r.bytes
        return String(decoding: bytes, as: UTF8.self)
    }
}
