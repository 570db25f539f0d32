/// Small string helpers for the shell analyzer (kept in a namespace so they cannot collide with
/// extensions elsewhere in the module).
enum ShText {
    /// For messages: unknown parts shown as `…`, at most `limit` characters.
    static func display(_ s: String, limit: Int = 160) -> String {
        var out = ""
        var n = 0
        for ch in s {
            if n >= limit {
                out += "…"
                break
            }
            out.append(ch == "\u{1}" ? "…" : ch == "\n" ? " " : ch)
            n += 1
        }
        return out
    }

    static func baseName(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        if let slash = p.lastIndex(of: "/") { return String(p[p.index(after: slash)...]) }
        return String(p)
    }

    static func trimTrailingNewlines(_ s: String) -> String {
        var t = Substring(s)
        while t.hasSuffix("\n") { t = t.dropLast() }
        return String(t)
    }

    static func words(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
    }

    /// Re-quotes a field for re-parsing (aliases, `sudo -s`): globs stay active, unknown parts stay unknown.
    static func quote(_ f: ShField) -> String {
        if f.glob {
            var out = ""
            for ch in f.text {
                if " \t\n;&|<>()$`\\\"'{}".contains(ch) { out.append("\\") }
                out.append(ch)
            }
            return out.isEmpty ? "''" : out
        }
        return quote(f.text)
    }

    static func quote(_ s: String) -> String {
        if !s.isEmpty && s.allSatisfy({ $0.isLetter || $0.isNumber || "-_./=:@%+,".contains($0) }) { return s }
        var out = "'"
        for ch in s {
            if ch == "'" { out += "'\\''" } else { out.append(ch) }
        }
        return out + "'"
    }

    static func containsAny(_ s: String, _ needles: [String]) -> Bool {
        needles.contains { s.contains($0) }
    }

    /// `--name=value` → ("--name", "value").
    static func splitOption(_ s: String) -> (String, String?) {
        guard let eq = s.firstIndex(of: "=") else { return (s, nil) }
        return (String(s[..<eq]), String(s[s.index(after: eq)...]))
    }

    static func isNumber(_ s: String) -> Bool { !s.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
}
