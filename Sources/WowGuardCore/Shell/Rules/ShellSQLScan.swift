/// Statement-level SQL checks for text handed to database clients (`psql -c`, `mysql -e`,
/// heredocs): DROP DATABASE / SCHEMA / TABLE, TRUNCATE, DELETE and UPDATE without WHERE, and
/// client escapes that run shell commands (`\! cmd`, `.shell cmd`, `system cmd`).
enum ShSQL {
    struct Result {
        var hits: [(ShellRule, String)] = []
        var shell: [String] = []
    }

    static func scan(_ sql: String) -> Result {
        var r = Result()
        // Client escapes to the shell, one per line.
        for line in sql.split(separator: "\n") {
            let l = line.trimmingLeadingBlanks()
            for prefix in ["\\!", ".shell ", ".system ", "system ", "\\system "] where l.lowercased().hasPrefix(prefix) {
                r.shell.append(String(l.dropFirst(prefix.count)))
            }
        }
        for (stmt, raw) in statements(sql) {
            guard let first = stmt.first else { continue }
            let text = String(raw.prefix(120))
            switch first {
            case "DROP":
                var k = 1
                while k < stmt.count && ["TEMPORARY", "TEMP"].contains(stmt[k]) { k += 1 }
                guard k < stmt.count else { continue }
                switch stmt[k] {
                case "DATABASE", "SCHEMA": r.hits.append((DatabaseRules.dropDatabase, text))
                case "TABLE", "COLLECTION", "KEYSPACE": r.hits.append((DatabaseRules.dropTable, text))
                default: break
                }
            case "TRUNCATE":
                r.hits.append((DatabaseRules.truncate, text))
            case "DELETE":
                if stmt.contains("FROM") && !stmt.contains("WHERE") { r.hits.append((DatabaseRules.deleteAll, text)) }
            case "UPDATE":
                if stmt.contains("SET") && !stmt.contains("WHERE") { r.hits.append((DatabaseRules.updateAll, text)) }
            default:
                break
            }
        }
        return r
    }

    /// Upper-cased keyword tokens per statement (strings, quoted identifiers and comments skipped),
    /// with the statement's text.
    static func statements(_ sql: String) -> [([String], String)] {
        let b = Array(sql.utf8)
        var out: [([String], String)] = []
        var cur: [String] = []
        var start = 0
        var i = 0
        func text(_ end: Int) -> String {
            String(decoding: b[min(start, end)..<end], as: UTF8.self).shTrimming(" \t\n\r")
        }
        while i < b.count {
            let c = b[i]
            if c == 0x3B {
                if !cur.isEmpty { out.append((cur, text(i))) }
                cur = []
                i += 1
                start = i
            } else if c == 0x2D && i + 1 < b.count && b[i + 1] == 0x2D {
                while i < b.count && b[i] != 0x0A { i += 1 }
                if cur.isEmpty { start = i }
            } else if c == 0x2F && i + 1 < b.count && b[i + 1] == 0x2A {
                i += 2
                while i + 1 < b.count && !(b[i] == 0x2A && b[i + 1] == 0x2F) { i += 1 }
                i += 2
                if cur.isEmpty { start = min(i, b.count) }
            } else if c == 0x27 || c == 0x22 || c == 0x60 {
                i += 1
                while i < b.count && b[i] != c { i += b[i] == 0x5C ? 2 : 1 }
                i += 1
                cur.append("_")
            } else if ShInline.isIdent(c) {
                let s = i
                while i < b.count && (ShInline.isIdent(b[i]) || b[i] == 0x24) { i += 1 }
                cur.append(String(decoding: b[s..<i], as: UTF8.self).uppercased())
            } else {
                i += 1
            }
            if out.count > 256 { break }
        }
        if !cur.isEmpty { out.append((cur, text(b.count))) }
        return out
    }
}
