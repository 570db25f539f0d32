/// Shell commands under given keys of a YAML file (CI workflows, pre-commit configs), read line by
/// line: plain and quoted scalars, block scalars (`|`, `>`), lists and flow lists.
enum YAMLScripts {
    static func indent(_ line: Substring) -> Int { line.prefix { $0 == " " }.count }

    static func extract(_ lines: [Substring], keys: Set<String>, origin: ScriptSnippet.Origin) -> [ScriptSnippet] {
        var out: [ScriptSnippet] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let ind = indent(line)
            var rest = line.dropFirst(ind)
            var keyIndent = ind
            if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop(while: { $0 == " " }); keyIndent = ind + 2 }
            guard let colon = keyEnd(rest) else { i += 1; continue }
            let key = rest[..<colon].trimmingCharacters(in: "\"'")
            guard keys.contains(key) else { i += 1; continue }
            let value = stripComment(rest[rest.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" }))
            if value.hasPrefix("|") || value.hasPrefix(">") {
                let (text, next) = blockScalar(lines, from: i + 1, parentIndent: keyIndent, folded: value.hasPrefix(">"))
                if !text.isEmpty { out.append(ScriptSnippet(text: text, line: i + 2, origin: origin, indent: blockIndent(lines, from: i + 1))) }
                i = next
                continue
            }
            if value.isEmpty {
                // A list of commands below (items may sit at the key's own indentation).
                var j = i + 1
                while j < lines.count {
                    let l = lines[j]
                    if l.trimmingWhitespace().isEmpty || l.drop(while: { $0 == " " }).hasPrefix("#") { j += 1; continue }
                    let li = indent(l)
                    let body = l.dropFirst(li)
                    guard li >= keyIndent, body.hasPrefix("- ") || body == "-" else { break }
                    let item = stripComment(body.dropFirst(1).drop(while: { $0 == " " }))
                    if item.hasPrefix("|") || item.hasPrefix(">") {
                        let (text, next) = blockScalar(lines, from: j + 1, parentIndent: li + 1, folded: item.hasPrefix(">"))
                        if !text.isEmpty { out.append(ScriptSnippet(text: text, line: j + 2, origin: origin, indent: blockIndent(lines, from: j + 1))) }
                        j = next
                        continue
                    }
                    if !item.isEmpty { out.append(ScriptSnippet(text: unquote(item), line: j + 1, origin: origin)) }
                    j += 1
                }
                i = j
                continue
            }
            if value.hasPrefix("[") && value.hasSuffix("]") {
                for item in value.dropFirst().dropLast().split(separator: ",") {
                    let t = item.trimmingWhitespace()
                    if !t.isEmpty { out.append(ScriptSnippet(text: unquote(Substring(t)), line: i + 1, origin: origin)) }
                }
            } else {
                out.append(ScriptSnippet(text: unquote(value), line: i + 1, origin: origin))
            }
            i += 1
        }
        return out
    }

    /// The colon that ends a mapping key (`key:` followed by space or end), outside quotes.
    static func keyEnd(_ s: Substring) -> Substring.Index? {
        var quote: Character?
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" { if i == s.startIndex { quote = c } }
            else if c == ":" {
                let next = s.index(after: i)
                if next == s.endIndex || s[next] == " " || s[next] == "\t" { return i }
            } else if c == " " && quote == nil && !s[..<i].contains(where: { $0 == "\"" || $0 == "'" }) {
                // Keys have no spaces (CI keys never do).
                return nil
            }
            i = s.index(after: i)
        }
        return nil
    }

    static func stripComment(_ s: Substring) -> Substring {
        // ` #` starts a comment outside quotes.
        var quote: Character?
        var prev: Character = " "
        for i in s.indices {
            let c = s[i]
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" { quote = c }
            else if c == "#" && (prev == " " || prev == "\t") { return Substring(s[..<i].trimmingWhitespace()) }
            prev = c
        }
        return Substring(s.trimmingWhitespace())
    }

    static func unquote(_ s: Substring) -> String {
        if s.count >= 2, let f = s.first, f == s.last, f == "\"" || f == "'" {
            let inner = s.dropFirst().dropLast()
            return f == "'" ? inner.split(separator: "''", omittingEmptySubsequences: false).joined(separator: "'")
                            : String(inner).replacingEscapedQuotes()
        }
        return String(s)
    }

    /// The indentation of a block scalar's first non-blank line (what `blockScalar` strips).
    static func blockIndent(_ lines: [Substring], from start: Int) -> Int {
        lines[start...].first { !$0.trimmingWhitespace().isEmpty }.map(indent) ?? 0
    }

    static func blockScalar(_ lines: [Substring], from start: Int, parentIndent: Int, folded: Bool) -> (String, Int) {
        var j = start
        var blockIndent: Int?
        var body: [Substring] = []
        while j < lines.count {
            let l = lines[j]
            if l.trimmingWhitespace().isEmpty { body.append(""); j += 1; continue }
            let li = indent(l)
            if li <= parentIndent { break }
            if blockIndent == nil { blockIndent = li }
            body.append(l.dropFirst(min(li, blockIndent!)))
            j += 1
        }
        while body.last?.isEmpty == true { body.removeLast() }
        let text = folded ? body.map(String.init).joined(separator: " ") : body.joined(separator: "\n")
        return (text, j)
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}

extension String {
    func replacingEscapedQuotes() -> String {
        split(separator: "\\\"", omittingEmptySubsequences: false).joined(separator: "\"")
    }
}
