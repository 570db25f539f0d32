/// Splits a shell script into top-level statements (with their first line), so that each can be
/// analysed on its own and findings point at the right line. Tracks quotes, line continuations,
/// heredoc bodies and compound commands (`if … fi`, loops, `case … esac`, `{ … }`, `( … )`,
/// function bodies), so a multi-line construct stays one statement.
enum ShellStatements {
    static let openers: Set<String> = ["if", "for", "while", "until", "case", "select"]
    static let closers: Set<String> = ["fi", "done", "esac"]

    static func split(_ lines: [Substring], startLine: Int, origin: ScriptSnippet.Origin) -> [ScriptSnippet] {
        var out: [ScriptSnippet] = []
        var current: [Substring] = []
        var currentStart = 0
        var depth = 0
        var quote: Character?
        var heredocs: [String] = []
        var inHeredoc: String?
        var continued = false

        func flush() {
            let text = current.joined(separator: "\n")
            if !text.trimmingWhitespace().isEmpty { out.append(ScriptSnippet(text: text, line: startLine + currentStart, origin: origin)) }
            current = []
        }

        for (n, line) in lines.enumerated() {
            if current.isEmpty { currentStart = n }
            current.append(line)
            if let word = inHeredoc {
                if line.trimmingWhitespace() == word || line.drop(while: { $0 == "\t" }) == word {
                    inHeredoc = heredocs.isEmpty ? nil : heredocs.removeFirst()
                }
                if inHeredoc == nil && depth == 0 && quote == nil { flush() }
                continue
            }
            // Scan the line: quotes, comments, heredoc starts, block words.
            var word = ""
            var wordIsToken = false
            var prev: Character = " "
            var i = line.startIndex
            while i < line.endIndex {
                let c = line[i]
                if let q = quote {
                    if c == q && (q == "'" || prev != "\\") { quote = nil }
                } else if c == "'" || c == "\"" || c == "`" {
                    quote = c
                } else if c == "#" && (prev == " " || prev == "\t" || i == line.startIndex) {
                    break
                } else if c == "<" && line[i...].hasPrefix("<<") && !line[i...].hasPrefix("<<<") {
                    var rest = line[line.index(i, offsetBy: 2)...].drop(while: { $0 == "-" || $0 == " " })
                    rest = rest.drop(while: { $0 == "'" || $0 == "\"" || $0 == "\\" })
                    let w = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                    if !w.isEmpty { heredocs.append(String(w)) }
                } else if c == "{" || c == "}" {
                    // Only braces that stand alone as words open or close a group.
                    let next = line.index(after: i)
                    let before = prev == " " || prev == "\t" || prev == ";" || i == line.startIndex || prev == ")"
                    let after = next == line.endIndex || line[next] == " " || line[next] == ";" || line[next] == "\t"
                    if before && after { depth = c == "{" ? depth + 1 : max(0, depth - 1) }
                }
                if quote == nil && (c.isLetter || c == "_") {
                    if word.isEmpty { wordIsToken = " \t;&|(".contains(prev) || i == line.startIndex }
                    word.append(c)
                } else {
                    // Keywords count only as whole words (`xcode-select` is not `select`).
                    if wordIsToken && (c == " " || c == "\t" || c == ";" || c == ")") {
                        if openers.contains(word) { depth += 1 }
                        if closers.contains(word) { depth = max(0, depth - 1) }
                    }
                    word = ""
                }
                prev = c
                i = line.index(after: i)
            }
            if quote == nil && wordIsToken {
                if openers.contains(word) { depth += 1 }
                if closers.contains(word) { depth = max(0, depth - 1) }
            }
            continued = line.hasSuffix("\\") && quote == nil
            if !heredocs.isEmpty { inHeredoc = heredocs.removeFirst(); continue }
            if depth == 0 && quote == nil && !continued { flush() }
        }
        flush()
        return out
    }
}
