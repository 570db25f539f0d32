/// A small PowerShell command splitter: statements (`;`, newlines, `&&`, `||`), pipeline stages
/// (`|`) and their words, with quotes removed and `$( )` / `( )` / `{ }` kept as nested code.
/// It is not a PowerShell parser: whatever it cannot take apart is reported as `unparsed`, and
/// the analyzer asks.
public struct PSWord: Sendable, Equatable {
    /// The word with quotes removed (single quotes literal; double quotes with backtick escapes).
    public var text: String
    /// Code nested in the word: `$(…)`, `(…)`, `{…}` script blocks, `@(…)`.
    public var nested: [String]
    /// Whether the word came from quotes (a literal string, not a command or parameter).
    public var quoted: Bool
    /// Whether a double-quoted part holds `$…` variable expansion.
    public var expands: Bool
}

public struct PSStatement: Sendable {
    /// Pipeline stages, each a list of words.
    public var stages: [[PSWord]]
    /// Redirection targets (`> file`, `>> file`, `2> file`).
    public var redirects: [String]
}

public enum PSSplitter {
    public struct Result: Sendable {
        public var statements: [PSStatement]
        /// Why the text could not be taken apart (unbalanced quotes or brackets), if so.
        public var unparsed: String?
    }

    public static let maxDepth = 16

    public static func split(_ code: String) -> Result {
        var statements: [PSStatement] = []
        var stages: [[PSWord]] = []
        var words: [PSWord] = []
        var redirects: [String] = []
        var cur = ""
        var nested: [String] = []
        var quoted = false
        var expands = false
        var inWord = false
        var pendingRedirect = false
        let chars = Array(code)
        var i = 0

        func endWord() {
            if inWord {
                let w = PSWord(text: cur, nested: nested, quoted: quoted, expands: expands)
                if pendingRedirect { redirects.append(cur); pendingRedirect = false } else { words.append(w) }
            }
            cur = ""; nested = []; quoted = false; expands = false; inWord = false
        }
        func endStage() {
            endWord()
            if !words.isEmpty { stages.append(words) }
            words = []
        }
        func endStatement() {
            endStage()
            if !stages.isEmpty || !redirects.isEmpty { statements.append(PSStatement(stages: stages, redirects: redirects)) }
            stages = []; redirects = []
        }
        /// The index after the bracket group opening at `start` (nil when unbalanced).
        func group(from start: Int, open: Character, close: Character) -> Int? {
            var depth = 0
            var j = start
            while j < chars.count {
                let c = chars[j]
                if c == "'" {
                    j += 1
                    while j < chars.count, chars[j] != "'" { j += 1 }
                } else if c == "\"" {
                    j += 1
                    while j < chars.count, chars[j] != "\"" { if chars[j] == "`" { j += 1 }; j += 1 }
                } else if c == "`" {
                    j += 1
                } else if c == open {
                    depth += 1
                } else if c == close {
                    depth -= 1
                    if depth == 0 { return j + 1 }
                }
                j += 1
            }
            return nil
        }

        while i < chars.count {
            let c = chars[i]
            switch c {
            case "#" where !inWord:
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            case "<" where i + 1 < chars.count && chars[i + 1] == "#":
                var j = i + 2
                while j + 1 < chars.count, !(chars[j] == "#" && chars[j + 1] == ">") { j += 1 }
                if j + 1 >= chars.count { return Result(statements: statements, unparsed: "unterminated block comment") }
                i = j + 2
                continue
            case " ", "\t", "\r":
                endWord()
            case "`" where i + 1 < chars.count && chars[i + 1] == "\n":
                endWord()
                i += 2
                continue
            case "`":
                if i + 1 < chars.count { cur.append(chars[i + 1]); inWord = true }
                i += 2
                continue
            case "\n", ";":
                endStatement()
            case "&" where i + 1 < chars.count && chars[i + 1] == "&":
                endStatement(); i += 2; continue
            case "|" where i + 1 < chars.count && chars[i + 1] == "|":
                endStatement(); i += 2; continue
            case "|":
                endStage()
            case ">":
                endWord()
                if i + 1 < chars.count, chars[i + 1] == ">" { i += 1 }
                if let last = words.last, !last.quoted, ["1", "2", "3", "4", "5", "6", "*"].contains(last.text) { words.removeLast() }
                if i + 1 < chars.count, chars[i + 1] == "&" { i += 3; continue }  // 2>&1
                pendingRedirect = true
            case "'":
                var j = i + 1
                var text = ""
                while j < chars.count {
                    if chars[j] == "'" {
                        if j + 1 < chars.count, chars[j + 1] == "'" { text.append("'"); j += 2; continue }
                        break
                    }
                    text.append(chars[j]); j += 1
                }
                if j >= chars.count { return Result(statements: statements, unparsed: "unterminated single-quoted string") }
                cur += text; quoted = true; inWord = true
                i = j + 1
                continue
            case "\"":
                var j = i + 1
                var text = ""
                while j < chars.count, chars[j] != "\"" {
                    if chars[j] == "`", j + 1 < chars.count {
                        let e = chars[j + 1]
                        text.append(e == "n" ? "\n" : e == "t" ? "\t" : e == "0" ? "\0" : e)
                        j += 2
                        continue
                    }
                    if chars[j] == "$", j + 1 < chars.count, chars[j + 1] == "(" {
                        guard let end = group(from: j + 1, open: "(", close: ")") else {
                            return Result(statements: statements, unparsed: "unbalanced $( in a string")
                        }
                        nested.append(String(chars[(j + 2)..<(end - 1)]))
                        expands = true
                        text += String(chars[j..<end])
                        j = end
                        continue
                    }
                    if chars[j] == "$" { expands = true }
                    text.append(chars[j]); j += 1
                }
                if j >= chars.count { return Result(statements: statements, unparsed: "unterminated double-quoted string") }
                cur += text; quoted = true; inWord = true
                i = j + 1
                continue
            case "(", "{":
                let close: Character = c == "(" ? ")" : "}"
                guard let end = group(from: i, open: c, close: close) else {
                    return Result(statements: statements, unparsed: "unbalanced \(c)")
                }
                nested.append(String(chars[(i + 1)..<(end - 1)]))
                cur += String(chars[i..<end])
                inWord = true
                i = end
                continue
            case ")", "}":
                return Result(statements: statements, unparsed: "unbalanced \(c)")
            default:
                cur.append(c)
                inWord = true
            }
            i += 1
        }
        if pendingRedirect && !inWord { return Result(statements: statements, unparsed: "redirection without a target") }
        endStatement()
        return Result(statements: statements, unparsed: nil)
    }
}
