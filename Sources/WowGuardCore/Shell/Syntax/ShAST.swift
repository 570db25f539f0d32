/// Syntax tree of a shell command line. Internal to the analyzer; every type carries the `Sh`
/// prefix to stay clear of the rest of the module.

/// A word as written, before expansion.
struct ShWord {
    var parts: [ShPart]

    static var empty: ShWord { ShWord(parts: []) }

    /// The text when the word has no expansions (quotes removed), else nil.
    var plainText: String? {
        var s = ""
        for p in parts {
            switch p {
            case .literal(let t), .quoted(let t): s += t
            default: return nil
            }
        }
        return s
    }

    /// An unquoted word spelled exactly `s` (reserved words, `]]`).
    func isBare(_ s: String) -> Bool {
        parts.count == 1 && { if case .literal(let t) = parts[0] { return t == s } else { return false } }()
    }
}

indirect enum ShPart {
    /// Unquoted text: subject to tilde, brace and pathname expansion.
    case literal(String)
    /// Quoted or escaped text.
    case quoted(String)
    /// `@(…)`, `!(…)`, `+(…)`, `*(…)`, `?(…)`.
    case extglob(String)
    case parameter(ShParam, quoted: Bool)
    /// `$(…)` or backticks.
    case command(ShNode, quoted: Bool)
    /// `<(…)` (output: false) or `>(…)`.
    case process(ShNode, output: Bool)
    case arithmetic(String, quoted: Bool)
}

struct ShParam {
    enum Op {
        case none
        case useDefault(colon: Bool)  // ${x:-w}
        case assignDefault(colon: Bool)  // ${x:=w}
        case useAlternative(colon: Bool)  // ${x:+w}
        case errorIfUnset(colon: Bool)  // ${x:?w}
        case removePrefix(longest: Bool)  // ${x#p}
        case removeSuffix(longest: Bool)  // ${x%p}
        case replace(mode: Int)  // ${x/p/r}: 0 first, 1 all, 2 prefix, 3 suffix
        case substring  // ${x:o:l}
        case upper(all: Bool)
        case lower(all: Bool)
        case transform
    }

    var name: String
    var index: String? = nil
    var op: Op = .none
    var arg: ShWord? = nil
    var arg2: ShWord? = nil
    var length = false  // ${#x}
    var indirect = false  // ${!x}
}

/// A heredoc's body is read after the line that introduces it, so the redirect holds a box.
final class ShHeredoc {
    var raw = ""
    var word = ShWord.empty
    var quoted = false
    init() {}
}

enum ShRedirOp: Equatable {
    case input  // <
    case output  // >
    case append  // >>
    case clobber  // >|
    case readWrite  // <>
    case dupIn  // <&
    case dupOut  // >&
    case outputBoth  // &>
    case appendBoth  // &>>
    case heredoc(strip: Bool)  // << <<-
    case hereString  // <<<

    var writes: Bool {
        switch self {
        case .output, .append, .clobber, .readWrite, .outputBoth, .appendBoth, .dupOut: true
        default: false
        }
    }
}

struct ShRedirect {
    var fd: Int?
    var op: ShRedirOp
    var target: ShWord
    var heredoc: ShHeredoc?
}

struct ShAssignment {
    var name: String
    var value: ShWord
    var array: [ShWord]?
    var append: Bool
    var index: String?
}

struct ShSimple {
    var assignments: [ShAssignment]
    var words: [ShWord]
    var redirects: [ShRedirect]
    /// Source text, for messages.
    var text: String
}

struct ShItem {
    var node: ShNode
    var background: Bool
}

indirect enum ShNode {
    case simple(ShSimple)
    case pipeline([ShNode])
    case list([ShItem])
    case subshell(ShNode, [ShRedirect])
    case group(ShNode, [ShRedirect])
    /// Conditions and bodies in source order.
    case ifClause([ShNode], [ShRedirect])
    case loop(condition: ShNode, body: ShNode, until: Bool, [ShRedirect])
    /// `items` nil: `for x; do` (the positional parameters). Empty name: C-style `for ((;;))`.
    case forLoop(name: String, items: [ShWord]?, body: ShNode, [ShRedirect])
    case caseClause(ShWord, patterns: [ShWord], bodies: [ShNode], [ShRedirect])
    case function(String, ShNode)
    case arith(String, [ShRedirect])
    case test([ShWord], [ShRedirect])
}
