/// A small TOML reader (the subset configuration files need: tables, arrays of tables, dotted keys,
/// strings of all four kinds, integers, floats, booleans, arrays and inline tables) that keeps the
/// line of every key, so configuration errors can name the file and line.
public enum TOML {
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public indirect enum Value: Equatable {
        case string(String)
        case integer(Int)
        case float(Double)
        case bool(Bool)
        case array([Value])
        case table(Table)

        public var typeName: String {
            switch self {
            case .string: "string"
            case .integer: "integer"
            case .float: "float"
            case .bool: "boolean"
            case .array: "array"
            case .table: "table"
            }
        }
    }

    public struct Entry: Equatable {
        public var key: String
        public var value: Value
        public var line: Int
    }

    /// An ordered table; `line` is where it was opened (0 for the root).
    public struct Table: Equatable {
        public var entries: [Entry] = []
        public var line: Int = 0
        /// Arrays of tables (`[[x]]`) are stored as `.array` of `.table`; this marks them.
        var isArrayOfTables: Set<String> = []
        /// Explicitly opened with a header (`[x]`), so a second header is an error.
        var defined = false

        public subscript(key: String) -> Entry? { entries.first { $0.key == key } }
        mutating func set(_ key: String, _ value: Value, line: Int) { entries.append(Entry(key: key, value: value, line: line)) }
    }

    public static func parse(_ text: String) throws(ParseError) -> Table {
        var p = Parser(Array(text.utf8))
        return try p.document()
    }

    struct Parser {
        let s: [UInt8]
        var i = 0
        var line = 1
        init(_ s: [UInt8]) { self.s = s }

        var atEnd: Bool { i >= s.count }
        var peek: UInt8 { i < s.count ? s[i] : 0 }

        func fail(_ m: String) -> ParseError { ParseError(line: line, message: m) }

        mutating func skipSpaces() { while !atEnd && (peek == 0x20 || peek == 0x09) { i += 1 } }

        mutating func skipComment() {
            if peek == UInt8(ascii: "#") { while !atEnd && peek != 0x0A { i += 1 } }
        }

        /// Spaces, comments and newlines (inside arrays).
        mutating func skipAll() {
            while !atEnd {
                skipSpaces(); skipComment()
                if peek == 0x0A { i += 1; line += 1 } else if peek == 0x0D { i += 1 } else { break }
            }
        }

        mutating func endOfLine() throws(ParseError) {
            skipSpaces(); skipComment()
            if peek == 0x0D { i += 1 }
            if atEnd { return }
            guard peek == 0x0A else { throw fail("expected end of line, found '\(String(decoding: [peek], as: UTF8.self))'") }
            i += 1; line += 1
        }

        mutating func document() throws(ParseError) -> Table {
            var root = Table()
            var path: [String] = []
            while true {
                skipAll()
                if atEnd { break }
                if peek == UInt8(ascii: "[") {
                    let headerLine = line
                    i += 1
                    let isArray = peek == UInt8(ascii: "[")
                    if isArray { i += 1 }
                    skipSpaces()
                    path = try key()
                    skipSpaces()
                    guard peek == UInt8(ascii: "]") else { throw fail("expected ']' to close table header") }
                    i += 1
                    if isArray {
                        guard peek == UInt8(ascii: "]") else { throw fail("expected ']]' to close array-of-tables header") }
                        i += 1
                    }
                    try endOfLine()
                    try open(&root, path, isArray: isArray, line: headerLine)
                    continue
                }
                let entryLine = line
                let k = try key()
                skipSpaces()
                guard peek == UInt8(ascii: "=") else { throw fail("expected '=' after key '\(k.joined(separator: "."))'") }
                i += 1
                skipSpaces()
                let v = try value()
                try endOfLine()
                try insert(&root, path, k, v, line: entryLine)
            }
            return root
        }

        func open(_ root: inout Table, _ path: [String], isArray: Bool, line: Int) throws(ParseError) {
            try Parser.withTable(&root, path.dropLast(), line: line) { (t: inout Table) throws(ParseError) in
                let last = path.last!
                if let idx = t.entries.firstIndex(where: { $0.key == last }) {
                    if isArray {
                        guard t.isArrayOfTables.contains(last), case .array(var items) = t.entries[idx].value else {
                            throw ParseError(line: line, message: "'\(last)' is already defined as a table")
                        }
                        var nt = Table(); nt.line = line; nt.defined = true
                        items.append(.table(nt))
                        t.entries[idx].value = .array(items)
                    } else {
                        guard case .table(var existing) = t.entries[idx].value, !existing.defined else {
                            throw ParseError(line: line, message: "table '\(path.joined(separator: "."))' is defined twice")
                        }
                        existing.defined = true
                        t.entries[idx].value = .table(existing)
                    }
                } else if isArray {
                    var nt = Table(); nt.line = line; nt.defined = true
                    t.set(last, .array([.table(nt)]), line: line)
                    t.isArrayOfTables.insert(last)
                } else {
                    var nt = Table(); nt.line = line; nt.defined = true
                    t.set(last, .table(nt), line: line)
                }
            }
        }

        func insert(_ root: inout Table, _ path: [String], _ key: [String], _ v: Value, line: Int) throws(ParseError) {
            try Parser.withTable(&root, path + key.dropLast(), line: line) { (t: inout Table) throws(ParseError) in
                if t[key.last!] != nil { throw ParseError(line: line, message: "key '\(key.joined(separator: "."))' is defined twice") }
                t.set(key.last!, v, line: line)
            }
        }

        /// Walks (creating implicit tables) to the table at `path`; for arrays of tables, the last element.
        static func withTable(_ t: inout Table, _ path: ArraySlice<String>, line: Int,
                              _ body: (inout Table) throws(ParseError) -> Void) throws(ParseError) {
            guard let first = path.first else { try body(&t); return }
            let rest = path.dropFirst()
            if let idx = t.entries.firstIndex(where: { $0.key == first }) {
                switch t.entries[idx].value {
                case .table(var sub):
                    try withTable(&sub, rest, line: line, body)
                    t.entries[idx].value = .table(sub)
                case .array(var items) where t.isArrayOfTables.contains(first):
                    guard case .table(var sub) = items[items.count - 1] else { fallthrough }
                    try withTable(&sub, rest, line: line, body)
                    items[items.count - 1] = .table(sub)
                    t.entries[idx].value = .array(items)
                default:
                    throw ParseError(line: line, message: "'\(first)' is not a table")
                }
            } else {
                var sub = Table(); sub.line = line
                try withTable(&sub, rest, line: line, body)
                t.set(first, .table(sub), line: line)
            }
        }

        mutating func key() throws(ParseError) -> [String] {
            var parts: [String] = []
            while true {
                skipSpaces()
                if peek == UInt8(ascii: "\"") { parts.append(try basicString()) }
                else if peek == UInt8(ascii: "'") { parts.append(try literalString()) }
                else {
                    let start = i
                    while !atEnd, Parser.isBare(peek) { i += 1 }
                    guard i > start else { throw fail("expected a key") }
                    parts.append(String(decoding: s[start..<i], as: UTF8.self))
                }
                skipSpaces()
                if peek == UInt8(ascii: ".") { i += 1; continue }
                return parts
            }
        }

        static func isBare(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D
        }

        mutating func value() throws(ParseError) -> Value {
            switch peek {
            case UInt8(ascii: "\""): return .string(try basicString())
            case UInt8(ascii: "'"): return .string(try literalString())
            case UInt8(ascii: "["): return try array()
            case UInt8(ascii: "{"): return try inlineTable()
            case UInt8(ascii: "t"), UInt8(ascii: "f"):
                if s[i...].starts(with: Array("true".utf8)) { i += 4; return .bool(true) }
                if s[i...].starts(with: Array("false".utf8)) { i += 5; return .bool(false) }
                throw fail("invalid value")
            default:
                let start = i
                while !atEnd, let c = Optional(peek), Parser.isBare(c) || c == UInt8(ascii: "+") || c == UInt8(ascii: ".") { i += 1 }
                let text = String(decoding: s[start..<i], as: UTF8.self).replacingUnderscores()
                if let n = Int(text) { return .integer(n) }
                if let d = Double(text), text.contains(where: { $0.isNumber }) { return .float(d) }
                throw fail(text.isEmpty ? "expected a value" : "invalid value '\(text)' (strings need quotes)")
            }
        }

        mutating func array() throws(ParseError) -> Value {
            i += 1
            var items: [Value] = []
            while true {
                skipAll()
                if peek == UInt8(ascii: "]") { i += 1; return .array(items) }
                if atEnd { throw fail("unterminated array") }
                items.append(try value())
                skipAll()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                if peek == UInt8(ascii: "]") { i += 1; return .array(items) }
                throw fail("expected ',' or ']' in array")
            }
        }

        mutating func inlineTable() throws(ParseError) -> Value {
            i += 1
            var t = Table(); t.line = line
            skipSpaces()
            if peek == UInt8(ascii: "}") { i += 1; return .table(t) }
            while true {
                skipSpaces()
                let entryLine = line
                let k = try key()
                skipSpaces()
                guard peek == UInt8(ascii: "=") else { throw fail("expected '=' in inline table") }
                i += 1
                skipSpaces()
                let v = try value()
                try Parser.withTable(&t, k.dropLast()[...], line: entryLine) { (sub: inout Table) throws(ParseError) in
                    if sub[k.last!] != nil { throw ParseError(line: entryLine, message: "key '\(k.last!)' is defined twice") }
                    sub.set(k.last!, v, line: entryLine)
                }
                skipSpaces()
                if peek == UInt8(ascii: ",") { i += 1; continue }
                if peek == UInt8(ascii: "}") { i += 1; return .table(t) }
                throw fail("expected ',' or '}' in inline table")
            }
        }

        mutating func literalString() throws(ParseError) -> String {
            if s[i...].starts(with: Array("'''".utf8)) {
                i += 3
                if peek == 0x0A { i += 1; line += 1 } else if peek == 0x0D && i + 1 < s.count && s[i + 1] == 0x0A { i += 2; line += 1 }
                let start = i
                while !atEnd {
                    if s[i...].starts(with: Array("'''".utf8)) {
                        var end = i + 3
                        while end < s.count && s[end] == UInt8(ascii: "'") && end - i < 5 { end += 1 }
                        let text = String(decoding: s[start..<(end - 3)], as: UTF8.self)
                        i = end
                        return text
                    }
                    if peek == 0x0A { line += 1 }
                    i += 1
                }
                throw fail("unterminated multi-line literal string")
            }
            i += 1
            let start = i
            while !atEnd && peek != UInt8(ascii: "'") {
                if peek == 0x0A { throw fail("newline in literal string") }
                i += 1
            }
            guard !atEnd else { throw fail("unterminated literal string") }
            let text = String(decoding: s[start..<i], as: UTF8.self)
            i += 1
            return text
        }

        mutating func basicString() throws(ParseError) -> String {
            let multi = s[i...].starts(with: Array("\"\"\"".utf8))
            i += multi ? 3 : 1
            if multi { if peek == 0x0A { i += 1; line += 1 } else if peek == 0x0D && i + 1 < s.count && s[i + 1] == 0x0A { i += 2; line += 1 } }
            var out: [UInt8] = []
            while true {
                guard !atEnd else { throw fail("unterminated string") }
                let c = peek
                if multi && s[i...].starts(with: Array("\"\"\"".utf8)) {
                    var end = i + 3
                    while end < s.count && s[end] == UInt8(ascii: "\"") && end - i < 5 { out.append(c); end += 1 }
                    i = end
                    return String(decoding: out, as: UTF8.self)
                }
                if !multi && c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if c == 0x0A {
                    guard multi else { throw fail("newline in string (use \"\"\" for multi-line strings)") }
                    line += 1
                }
                if c == UInt8(ascii: "\\") {
                    i += 1
                    let e = peek
                    i += 1
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "e"): out.append(0x1B)
                    case UInt8(ascii: "\""): out.append(e)
                    case UInt8(ascii: "\\"): out.append(e)
                    case UInt8(ascii: "u"), UInt8(ascii: "U"):
                        let n = e == UInt8(ascii: "u") ? 4 : 8
                        guard i + n <= s.count, let v = UInt32(String(decoding: s[i..<(i + n)], as: UTF8.self), radix: 16),
                              let scalar = Unicode.Scalar(v) else { throw fail("invalid unicode escape") }
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                        i += n
                    case 0x0A where multi, 0x20 where multi, 0x09 where multi, 0x0D where multi:
                        // Line-ending backslash: trim whitespace and newlines.
                        i -= 1
                        while !atEnd && (peek == 0x20 || peek == 0x09 || peek == 0x0A || peek == 0x0D) {
                            if peek == 0x0A { line += 1 }
                            i += 1
                        }
                    default:
                        throw fail("invalid escape '\\\(String(decoding: [e], as: UTF8.self))' (use a literal 'string' for regexes)")
                    }
                    continue
                }
                out.append(c)
                i += 1
            }
        }
    }
}

extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }
}
